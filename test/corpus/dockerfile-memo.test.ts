/**
 * The argument memoization in src/parse/dockerfile.ts must not change any model: parse every
 * corpus Dockerfile with and without it and compare.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Instruction } from 'dockerfile-ast';
import { memoizeRawArguments, parseDockerfile, unmemoizeRawArguments } from '../../src/parse/dockerfile';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const files = existsSync(path.join(CORPUS, 'MANIFEST.tsv'))
  ? readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
      .filter(([kind]) => kind === 'dockerfile' || kind === 'dockerfile-template')
      .map(([, file]) => file!)
  : [];

(files.length > 0 || process.env.CI ? describe : describe.skip)('dockerfile-ast argument memoization', () => {
  it('yields the same model for every corpus Dockerfile', () => {
    const texts = files.map((f) => readFileSync(path.join(CORPUS, f), 'utf8'));
    const memoized = texts.map((t) => JSON.stringify(parseDockerfile('Dockerfile', t)));
    unmemoizeRawArguments();
    try {
      const plain = texts.map((t) => JSON.stringify(parseDockerfile('Dockerfile', t)));
      const differ = files.filter((_, i) => memoized[i] !== plain[i]);
      expect(differ).toEqual([]);
      expect(files.length).toBeGreaterThan(6000);
    } finally {
      memoizeRawArguments(Instruction.prototype as unknown as { getRawArguments(): unknown[] });
    }
  });
});
