/**
 * The no-leak proof through the real CLI: every fake token kind, planted in every context of
 * samples.ts (Dockerfile ENV/ARG/LABEL/RUN/heredocs, compose environment/build.args/anchors, env
 * files, and broken files whose parse errors sit next to the secret), linted with every output
 * format to stdout and to --output-file, plus stdin, a bad config file and debug-ish env vars.
 * The raw secret and every 8-character slice of it must appear nowhere in stdout, stderr or the
 * written report.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FORMAT_NAMES } from '../../src/report';
import { cliBuilt, runCli, stackTraceIn } from '../hostile/cli';
import { leakedSlice, tokensFor, type FakeToken } from '../fuzz/tokens';
import { samplesFor } from './samples';

const SEED = Number(process.env.LEAK_SEED ?? 20240611);
const TOKENS = [...tokensFor(SEED), ...tokensFor(SEED + 1).filter((t) => t.kind === 'opaque' || t.kind === 'url-password')];
/** Directory of each token's samples: its kind, `-2` for the second token of a kind. */
const dirOf = (t: FakeToken) => (TOKENS.find((x) => x.kind === t.kind) === t ? t.kind : `${t.kind}-2`);
const DEBUG_ENV = { DEBUG: '*', GODOCK_DEBUG: '1', GODOCK_LOG_LEVEL: 'debug', NODE_DEBUG: '' };

/** Every output line that holds a token or an 8-character slice of one (one entry per line). */
function leaksIn(text: string, tokens: readonly FakeToken[]): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (const t of tokens) {
    if (leakedSlice(text, t.secret) === null) continue;
    for (const line of lines) {
      const s = leakedSlice(line, t.secret);
      if (s !== null) out.push(`${t.kind}: ${JSON.stringify(s)} in ${JSON.stringify(line.slice(0, 240))}`);
    }
  }
  return out;
}

describe('no secret leaves godock', () => {
  let base: string;
  let tree: string;
  beforeAll(() => {
    if (!cliBuilt()) throw new Error('dist/cli.js is missing: run `npm run build` first');
    base = mkdtempSync(path.join(tmpdir(), 'godock-leak-'));
    tree = path.join(base, 'tree');
    for (const t of TOKENS) {
      for (const s of samplesFor(t)) {
        const dir = path.join(tree, dirOf(t), s.context);
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, s.file), s.text);
      }
    }
  });
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('the samples are detected (the proof is not vacuous)', () => {
    const r = runCli(['lint', '.', '-f', 'json'], { cwd: tree, timeoutMs: 60_000 });
    expect(r.status).toBe(2); // findings plus the broken files' errors
    const report = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string }[] };
    const files = new Set(report.findings.map((f) => f.file.split('/').slice(0, 2).join('/')));
    for (const t of TOKENS) for (const ctx of ['df-env', 'df-run-literal', 'compose-env-map', 'env-plain']) expect([...files]).toContain(`${dirOf(t)}/${ctx}`);
  });

  for (const format of FORMAT_NAMES) {
    it(`format ${format}: stdout and stderr`, () => {
      const r = runCli(['lint', '.', '-f', format, '--color'], { cwd: tree, timeoutMs: 60_000, env: DEBUG_ENV });
      expect(stackTraceIn(r.stderr)).toBeNull();
      expect([1, 2]).toContain(r.status);
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(leaksIn(`${r.stdout}\n${r.stderr}`, TOKENS)).toEqual([]);
    }, 90_000);

    it(`format ${format}: --output-file`, () => {
      const out = path.join(base, `report.${format}`);
      const r = runCli(['lint', '.', '-f', format, '-o', out, '--quiet'], { cwd: tree, timeoutMs: 60_000 });
      expect([1, 2]).toContain(r.status);
      const written = readFileSync(out, 'utf8');
      expect(written.length).toBeGreaterThan(0);
      expect(leaksIn(`${written}\n${r.stdout}\n${r.stderr}`, TOKENS)).toEqual([]);
    }, 90_000);
  }

  describe('error paths', () => {
    /** One run per format with every token planted at once (files per token, or one stdin text). */
    const one = (name: string, args: string[], setup: (dir: string) => void, input?: string) => {
      it(name, () => {
        const dir = mkdtempSync(path.join(base, 'err-'));
        setup(dir);
        const found: string[] = [];
        for (const format of FORMAT_NAMES) {
          const r = runCli(['lint', ...args, '-f', format], { cwd: dir, env: DEBUG_ENV, ...(input === undefined ? {} : { input }) });
          expect(stackTraceIn(r.stderr)).toBeNull();
          expect([1, 2]).toContain(r.status);
          found.push(...leaksIn(`${r.stdout}\n${r.stderr}`, TOKENS).map((l) => `${format}: ${l}`));
        }
        expect(found).toEqual([]);
      }, 120_000);
    };
    const each = (dir: string, f: (sub: string, t: FakeToken) => void) => {
      for (const t of TOKENS) {
        const sub = path.join(dir, dirOf(t));
        mkdirSync(sub, { recursive: true });
        f(sub, t);
      }
    };

    one('stdin with --stdin-filename Dockerfile', ['-', '--stdin-filename', 'Dockerfile'], () => {}, TOKENS.map((t) => `FROM alpine\nENV API_TOKEN=${t.value}\nRUN echo ${t.value}\n`).join(''));
    one('stdin as an env file with bad lines', ['-', '--stdin-filename', '.env'], () => {}, TOKENS.map((t) => `API_TOKEN=${t.value}\nBAD LINE=${t.value}\n`).join(''));
    one('stdin as a broken compose file', ['-', '--stdin-filename', 'compose.yaml'], () => {}, `services:\n  app:\n    environment:\n${TOKENS.map((t, i) => `      T${i}: "${t.value}"\n`).join('')}  }\n`);
    // A config error stops godock before any report, so one format per token is enough (cwd = the config's folder).
    for (const [i, conf] of [
      (v: string) => `rules:\n  secret-in-env: ${v}\n`,
      (v: string) => `fail-level: ${v}\n`,
      (v: string) => `rules: [\n  "${v}\n`,
      (v: string) => `ignore: ${v}\n`,
      (v: string) => `rules:\n  secret-in-env:\n    severity: error\n    options: { allowNames: ${v} }\n`,
    ].entries()) {
      it(`a bad .godock.yaml (${i + 1})`, () => {
        const dir = mkdtempSync(path.join(base, 'conf-'));
        const found: string[] = [];
        for (const t of TOKENS) {
          writeFileSync(path.join(dir, '.godock.yaml'), conf(t.value));
          writeFileSync(path.join(dir, 'Dockerfile'), `FROM alpine\nENV API_TOKEN=${t.value}\n`);
          const r = runCli(['lint', '.', '-f', 'json'], { cwd: dir, env: DEBUG_ENV });
          expect(stackTraceIn(r.stderr)).toBeNull();
          expect([0, 1, 2]).toContain(r.status);
          found.push(...leaksIn(`${r.stdout}\n${r.stderr}`, [t]));
        }
        expect(found).toEqual([]);
      }, 120_000);
    }
    one('--config pointing at a broken file', ['.', '-c', 'conf.yaml'], (dir) =>
      writeFileSync(path.join(dir, 'conf.yaml'), `rules:\n${TOKENS.map((t) => `  secret-in-env: "${t.value}"\n`).join('')}`),
    );
    one('a compose file referencing a missing env file and a broken Dockerfile', ['.'], (dir) =>
      each(dir, (sub, t) => {
        writeFileSync(path.join(sub, 'compose.yaml'), `services:\n  app:\n    build:\n      context: .\n      args:\n        API_TOKEN: "${t.value}"\n    env_file: [missing.env]\n`);
        writeFileSync(path.join(sub, 'Dockerfile'), `FROM alpine\nARG API_TOKEN=${t.value}\nRUN <<EOF\n${t.value}\n`);
      }),
    );
  });
});
