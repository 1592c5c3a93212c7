/**
 * The two dockerfile-ast speed-ups (src/parse/dockerfile-ast-speedups.ts) — argument memoization
 * and the text-only build of RUN/COPY/ADD/CMD… — must not change any model: parse the repository's
 * samples (always) and every corpus Dockerfile (when present) with them, with each alone, and with
 * neither, and compare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DockerfileParser, Run } from 'dockerfile-ast';
import { parseDockerfile } from '../../src/parse/dockerfile';
import { enableSpeedups, setSpeedups } from '../../src/parse/dockerfile-ast-speedups';
import { corpusRoot, corpusRows, describeCorpus } from '../helpers/corpus';

describe('dockerfile-ast text-only build', () => {
  beforeAll(() => enableSpeedups());

  it('builds RUN without dockerfile-ast arguments unless it may hold a heredoc', () => {
    const kinds = DockerfileParser.parse('FROM alpine\nRUN echo hi\nRUN cat <<EOF\nx\nEOF\nENV A=1\n')
      .getInstructions()
      .map((i) => [i.getKeyword(), i instanceof Run, i.getArguments().length]);
    expect(kinds).toEqual([
      ['FROM', false, 1],
      ['RUN', false, 0],
      ['RUN', true, 4],
      ['ENV', false, 1],
    ]);
  });

  it('says so, instead of answering nothing, when a text-only instruction is asked for its arguments', () => {
    const [cmd] = DockerfileParser.parse('CMD ["sh"]\n').getInstructions();
    expect(() => cmd!.getArguments()).toThrow('godock: CMD is built without arguments; add it to PARSED in src/parse/dockerfile-ast-speedups.ts to read them');
  });

  it("yields the same models without the speed-ups for the repository's sample Dockerfiles and 500 mutations of them", () => {
    const texts = sampleDockerfiles();
    expect(texts.length).toBeGreaterThan(10);
    const all = [...texts, ...mutations(texts, 500)];
    const parse = () => all.map((t) => JSON.stringify(parseDockerfile('Dockerfile', t)));
    const fast = parse();
    setSpeedups({ memoizeArguments: false, textOnly: false });
    try {
      const plain = parse();
      expect(all.filter((_, i) => fast[i] !== plain[i])).toEqual([]);
    } finally {
      setSpeedups({ memoizeArguments: true, textOnly: true });
    }
  });
});

/** The Dockerfiles under samples/ (part of the repository: no corpus needed). */
function sampleDockerfiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/dockerfile|containerfile/i.test(e.name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(__dirname, '..', '..', 'samples'));
  return out;
}

/** Deterministic edits that move instruction boundaries: escapes, newlines, heredoc markers, quotes, comments. */
function mutations(texts: readonly string[], count: number): string[] {
  let seed = 12345;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const INSERTS = ['\\', '\n', '<', '<<', '#', '"', "'", '[', ']', '$', '{', ' ', '\t', '\\\n', '`', 'RUN ', 'COPY ', '\r\n', '=', '--from=a '];
  return Array.from({ length: count }, () => {
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
}

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
    setSpeedups({ memoizeArguments: true, textOnly: false });
    try {
      expect(differing(models())).toEqual([]);
    } finally {
      setSpeedups({ memoizeArguments: true, textOnly: true });
    }
  });

  it('yields the same model for 3,000 mutated corpus Dockerfiles without the text-only build', () => {
    const mutated = mutations(texts, 3000);
    const parse = () => mutated.map((t) => JSON.stringify(parseDockerfile('Dockerfile', t)));
    const fastModels = parse();
    setSpeedups({ memoizeArguments: true, textOnly: false });
    try {
      const plain = parse();
      expect(mutated.filter((_, i) => fastModels[i] !== plain[i])).toEqual([]);
    } finally {
      setSpeedups({ memoizeArguments: true, textOnly: true });
    }
  });

  it('yields the same model for every corpus Dockerfile without either speed-up', () => {
    setSpeedups({ memoizeArguments: false, textOnly: false });
    try {
      expect(differing(models())).toEqual([]);
    } finally {
      setSpeedups({ memoizeArguments: true, textOnly: true });
    }
  });
});
