/**
 * The two dockerfile-ast speed-ups in src/parse/dockerfile.ts — argument memoization and the
 * text-only build of RUN/COPY/ADD/CMD… — must not change any model: parse every corpus Dockerfile
 * with them, with each alone, and with neither, and compare.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DockerfileParser, Instruction, Run } from 'dockerfile-ast';
import { buildAllParsed, buildTextOnly, memoizeRawArguments, parseDockerfile, unmemoizeRawArguments } from '../../src/parse/dockerfile';
import { corpusRoot, corpusRows, describeCorpus } from '../helpers/corpus';

describe('dockerfile-ast text-only build', () => {
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
});

describeCorpus('dockerfile-ast speed-ups on the corpus', () => {
  let files: string[];
  let texts: string[];
  let fast: string[];
  const models = () => texts.map((t) => JSON.stringify(parseDockerfile('Dockerfile', t)));
  beforeAll(() => {
    files = corpusRows()
      .filter((r) => r.kind === 'dockerfile' || r.kind === 'dockerfile-template')
      .map((r) => r.file);
    texts = files.map((f) => readFileSync(path.join(corpusRoot(), f), 'utf8'));
    fast = models();
  });
  const differing = (other: string[]) => files.filter((_, i) => fast[i] !== other[i]);

  it('the corpus has its Dockerfiles', () => expect(files.length).toBeGreaterThan(6000));

  it('yields the same model for every corpus Dockerfile without the text-only build', () => {
    buildAllParsed();
    try {
      expect(differing(models())).toEqual([]);
    } finally {
      buildTextOnly();
    }
  });

  it('yields the same model for 3,000 mutated corpus Dockerfiles without the text-only build', () => {
    // Deterministic edits that move instruction boundaries: escapes, newlines, heredoc markers, quotes, comments.
    let seed = 12345;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const INSERTS = ['\\', '\n', '<', '<<', '#', '"', "'", '[', ']', '$', '{', ' ', '\t', '\\\n', '`', 'RUN ', 'COPY ', '\r\n', '=', '--from=a '];
    const mutated = Array.from({ length: 3000 }, () => {
      let t = texts[rnd(texts.length)]!.slice(0, 20_000);
      for (let m = 1 + rnd(4); m > 0; m--) {
        const at = rnd(t.length + 1);
        const op = rnd(3);
        if (op === 0) t = t.slice(0, at) + INSERTS[rnd(INSERTS.length)] + t.slice(at);
        else if (op === 1) t = t.slice(0, at) + t.slice(at + 1 + rnd(5));
        else {
          const lines = t.split('\n');
          lines.splice(rnd(lines.length), 0, lines[rnd(lines.length)]!);
          t = lines.join('\n');
        }
      }
      return t;
    });
    const parse = () => mutated.map((t) => JSON.stringify(parseDockerfile('Dockerfile', t)));
    const fastModels = parse();
    buildAllParsed();
    try {
      const plain = parse();
      expect(mutated.filter((_, i) => fastModels[i] !== plain[i])).toEqual([]);
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
