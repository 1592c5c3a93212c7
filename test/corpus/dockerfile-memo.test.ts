/**
 * The two dockerfile-ast speed-ups in src/parse/dockerfile.ts — argument memoization and the
 * text-only build of RUN/COPY/ADD/CMD… — must not change any model: parse every corpus Dockerfile
 * with them, with each alone, and with neither, and compare.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DockerfileParser, Instruction, Run } from 'dockerfile-ast';
import { buildAllParsed, buildTextOnly, memoizeRawArguments, parseDockerfile, unmemoizeRawArguments } from '../../src/parse/dockerfile';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const files = existsSync(path.join(CORPUS, 'MANIFEST.tsv'))
  ? readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
      .filter(([kind]) => kind === 'dockerfile' || kind === 'dockerfile-template')
      .map(([, file]) => file!)
  : [];

(files.length > 0 || process.env.CI ? describe : describe.skip)('dockerfile-ast speed-ups', () => {
  const texts = files.map((f) => readFileSync(path.join(CORPUS, f), 'utf8'));
  const models = () => texts.map((t) => JSON.stringify(parseDockerfile('Dockerfile', t)));
  const fast = models();
  const differing = (other: string[]) => files.filter((_, i) => fast[i] !== other[i]);

  it('the corpus has its Dockerfiles', () => expect(files.length).toBeGreaterThan(6000));

  it('builds RUN without dockerfile-ast arguments unless it may hold a heredoc', () => {
    const kinds = DockerfileParser.parse('FROM alpine\nRUN echo hi\nRUN cat <<EOF\nx\nEOF\nCMD ["sh"]\nENV A=1\n')
      .getInstructions()
      .map((i) => [i.getKeyword(), i instanceof Run, i.getArguments().length]);
    expect(kinds).toEqual([
      ['FROM', false, 1],
      ['RUN', false, 0],
      ['RUN', true, 4],
      ['CMD', false, 0],
      ['ENV', false, 1],
    ]);
  });

  it('yields the same model for every corpus Dockerfile without the text-only build', () => {
    buildAllParsed();
    try {
      expect(differing(models())).toEqual([]);
    } finally {
      buildTextOnly();
    }
  });

  it('yields the same model for every corpus Dockerfile without either speed-up', () => {
    buildAllParsed();
    unmemoizeRawArguments();
    try {
      expect(differing(models())).toEqual([]);
    } finally {
      memoizeRawArguments(Instruction.prototype as unknown as { getRawArguments(): unknown[] });
      buildTextOnly();
    }
  });
});
