/**
 * src/util/glob.ts: the same answers as micromatch (a table, and fast-check properties on short
 * random globs and texts, where micromatch itself is fast), its limits as one-line GlobErrors and
 * ConfigErrors with a line, and bounded time for a pathological glob through every entry point.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import micromatch from 'micromatch';
import { anyGlobMatcher, GlobError, globMatcher, isGlob, MAX_GLOB_LENGTH, scanGlob, type GlobOptions } from '../../src/util/glob';
import { classify } from '../../src/classify';
import { ignoredBy } from '../../src/discover';
import { minimize } from '../../src/runtime/minimize';
import type { RuntimeEnv } from '../../src/runtime/types';
import { ConfigError, resolveConfig } from '../../src/engine/config';
import { loadConfig } from '../../src/config-file';

const D = { dot: true };
const I = { nocase: true };

describe('globMatcher answers as micromatch does', () => {
  const rows: [string, string, GlobOptions, boolean][] = [
    ['*', 'a', {}, true],
    ['*', 'a/b', {}, false],
    ['*', '.env', {}, false],
    ['*', '.env', D, true],
    ['*', '..', D, false],
    ['?', 'a', {}, true],
    ['?', '.', {}, false],
    ['a?c', 'abc', {}, true],
    ['a?c', 'a/c', {}, false],
    ['**', 'a/b/c', {}, true],
    ['**', 'a/.git/c', {}, false],
    ['**', 'a/.git/c', D, true],
    ['a/**', 'a', {}, true],
    ['a/**', 'a/b/c', {}, true],
    ['**/a', 'a', {}, true],
    ['**/a', 'x/y/a', {}, true],
    ['a/**/b', 'a/b', {}, true],
    ['a/**/b', 'a/x/y/b', {}, true],
    ['a**b', 'a/b', {}, false],
    ['third_party/**', 'third_party/x/Dockerfile', D, true],
    ['**/*.env', 'deploy/.hidden/prod.env', D, true],
    ['**/*.env', 'deploy/.hidden/prod.env', {}, false],
    ['./a', 'a', {}, true],
    ['*.*', 'a.b', {}, true],
    ['*.*', 'a.', {}, false], // micromatch's own quirk, kept: a star after a dot wants a character
    ['.*', '.', {}, false],
    ['LEGACY_*', 'legacy_token', I, true],
    ['LEGACY_*', 'legacy_token', {}, false],
    ['*_DUMMY_TOKEN', 'MY_DUMMY_TOKEN', I, true],
    // Beyond the plain subset: still micromatch's answers, still linear.
    ['*.{yml,yaml}', 'compose.yaml', {}, true],
    ['*.{yml,yaml}', 'compose.json', {}, false],
    ['Dockerfile.[a-z]*', 'Dockerfile.prod', {}, true],
    ['Dockerfile.[a-z]*', 'Dockerfile.1', {}, false],
    ['!a*', 'b', {}, true],
    ['!a*', 'ab', {}, false],
    ['@(a|b)x', 'bx', {}, true],
    ['!(*.md)', 'a.txt', {}, true],
    ['!(*.md)', 'a.md', {}, false],
    ['a\\*b', 'a*b', {}, true],
    ['a\\*b', 'axb', {}, false],
    ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c', `${'a'.repeat(20)}c`, {}, true],
    ['x', '', {}, false],
  ];
  test.each(rows)('%j against %j %j → %s', (glob, text, opts, want) => {
    expect(globMatcher(glob, opts)(text)).toBe(want);
    expect(micromatch.isMatch(text, glob, opts)).toBe(want);
  });

  const OPTS: GlobOptions[] = [{}, D, I];
  const short = (chars: string[], maxLength: number) => fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength });

  test('property: the plain subset (literals, *, ?, **, /) on short globs and texts', () => {
    fc.assert(
      fc.property(short(['a', 'b', '.', '/', '*', '?'], 8), fc.array(short(['a', 'B', '.', '/'], 8), { minLength: 1, maxLength: 8 }), fc.constantFrom(...OPTS), (glob, texts, opts) => {
        const f = globMatcher(glob, opts);
        for (const t of texts) expect([glob, t, f(t)]).toEqual([glob, t, micromatch.isMatch(t, glob, opts)]);
      }),
      { numRuns: 3000, seed: 20261204 },
    );
  });

  test('property: braces, brackets, extglobs, negation and escapes too', () => {
    const chars = ['a', 'b', '.', '/', '*', '?', '[', ']', '{', '}', ',', '!', '(', ')', '@', '+', '|', '-', '^', '\\'];
    fc.assert(
      fc.property(short(chars, 10), fc.array(short(['a', 'b', '.', '/', '-', ',', '['], 8), { minLength: 1, maxLength: 8 }), fc.constantFrom(...OPTS), (glob, texts, opts) => {
        let f: (s: string) => boolean;
        try {
          f = globMatcher(glob, opts);
        } catch (e) {
          if (e instanceof GlobError) return; // refused as too complex: nothing to compare
          throw e;
        }
        for (const t of texts) expect([glob, t, f(t)]).toEqual([glob, t, micromatch.isMatch(t, glob, opts)]);
      }),
      { numRuns: 3000, seed: 20261204 },
    );
  });

  test('anyGlobMatcher: any of the globs', () => {
    const f = anyGlobMatcher(['A_*', 'B_*']);
    expect([f('A_1'), f('B_1'), f('C_1')]).toEqual([true, true, false]);
  });

  test('isGlob and scanGlob are micromatch.scan', () => {
    expect([isGlob('LEGACY_*'), isGlob('SORT_KEY'), isGlob('a/[bc]'), isGlob('!a')]).toEqual([true, false, true, false]);
    expect(scanGlob('src/**/*.yml')).toEqual({ base: 'src', glob: '**/*.yml' });
    expect(scanGlob('./**/Dockerfile')).toEqual({ base: '', glob: '**/Dockerfile' });
  });
});

describe('limits', () => {
  const refused = (glob: string, opts: GlobOptions = {}): GlobError => {
    try {
      globMatcher(glob, opts);
    } catch (e) {
      expect(e).toBeInstanceOf(GlobError);
      return e as GlobError;
    }
    throw new Error(`${glob} was accepted`);
  };

  test.each([
    ['empty', '', /^glob is empty$/],
    ['too long', 'a'.repeat(MAX_GLOB_LENGTH + 1), /^glob "a{60}…" is too long \(more than 256 characters\); shorten it$/],
    ['too complex outside the linear syntax', '!(*a*)*b*c*', /^glob "!\(\*a\*\)\*b\*c\*" is too complex \(more than 2 wildcards, groups or escapes .*\); simplify it$/],
    ['with a newline, still one line', '!(*\n*)*', /^glob "!\(\*\\n\*\)\*" is too complex/],
  ])('%s', (_what, glob, message) => {
    const e = refused(glob);
    expect(e.message).toMatch(message);
    expect(e.message.split('\n')).toHaveLength(1);
    expect(e.glob).toBe(glob);
  });

  test('the longest glob is accepted; a few wildcards outside the linear syntax are too', () => {
    expect(globMatcher('a'.repeat(MAX_GLOB_LENGTH))('a'.repeat(MAX_GLOB_LENGTH))).toBe(true);
    expect(globMatcher('!(*.md)')('README.md')).toBe(false);
  });

  const pos = { lineOf: (p: (string | number)[]) => (p[0] === 'ignore' ? 7 : 3) };
  test.each([
    ['secrets.allow-names', { secrets: { 'allow-names': ['SORT_KEY', 'x'.repeat(300) + '*'] } }, 3],
    ['ignore', { ignore: ['vendor/**', '!(*a*)*b*c*'] }, 7],
  ])('a glob refused in %s is a ConfigError with file and line', (key, raw, line) => {
    let err: unknown;
    try {
      resolveConfig(raw, '.godock.yaml', new Set(), pos);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect(err).toMatchObject({ file: '.godock.yaml', line });
    expect((err as Error).message).toMatch(new RegExp(`^${key.replace('.', '\\.')}\\.1: glob ".*" is too (long|complex)`));
  });

  test('exact allow-names are not globs: any length is fine', () => {
    expect(resolveConfig({ secrets: { 'allow-names': ['X'.repeat(1000)] } }, 'c.yaml', new Set()).classify.allowNames).toHaveLength(1);
  });

  test('through loadConfig: the line of the key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'godock-glob-'));
    try {
      const file = path.join(dir, '.godock.yaml');
      writeFileSync(file, `fail-level: error\nignore:\n  - vendor/**\n  - '${'*a'.repeat(10)}!(*c)'\n`);
      await expect(loadConfig(file, '.godock.yaml')).rejects.toMatchObject({ file: '.godock.yaml', line: 2, message: expect.stringMatching(/^ignore\.1: glob .* too complex/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a pathological glob stays fast in every entry point', () => {
  const P = '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c';
  const long = 'a'.repeat(200);
  const BOUND_MS = 500;
  const timed = (f: () => unknown): number => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };

  test.each([[{}], [D], [I]])('globMatcher %j', (opts) => {
    expect(timed(() => expect(globMatcher(P, opts)(long)).toBe(false))).toBeLessThan(BOUND_MS);
    expect(timed(() => globMatcher(P, opts)('a'.repeat(20_000)))).toBeLessThan(BOUND_MS * 4);
  });

  test('classify with allowNames', () => {
    expect(timed(() => expect(classify('A'.repeat(200), 'x', { allowNames: [P] }).secret).toBe(false))).toBeLessThan(BOUND_MS);
    expect(timed(() => expect(classify(`${'A'.repeat(200)}_PASSWORD`, 'hunter2', { allowNames: [P] }).secret).toBe(true))).toBeLessThan(BOUND_MS);
  });

  test('ignoredBy (configuration ignore globs)', () => {
    expect(timed(() => expect(ignoredBy([P, `**/${P}/**`], '/repo', `/repo/${long}/${long}`)).toBe(false))).toBeLessThan(BOUND_MS);
  });

  test('minimize --keep / --drop / --only', () => {
    const rt: RuntimeEnv = { env: [`${'A'.repeat(200)}=1`, `${'a'.repeat(200)}=2`], imageEnv: [], tty: false, user: '' };
    const ms = timed(() => {
      const d = minimize(rt, { keep: [P], drop: [P], only: [P] });
      expect(d.map((x) => x.reason)).toEqual(['not-allowed', 'not-allowed']);
    });
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('globs picomatch cannot parse', () => {
  it.each(['[\\\\\\\\', ',[@\\\\\\\\', 'x[a\\\\\\\\b'])('%j is refused at once instead of hanging the parser', (glob) => {
    const t0 = performance.now();
    expect(() => globMatcher(glob)).toThrow(GlobError);
    expect(() => globMatcher(glob)).toThrow(/has an escaped backslash/);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
