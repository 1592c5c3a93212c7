/** The real CLI (bin/godock.js → dist/cli.js) as a user runs it: exit codes, formats, stdin, files, config. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, ensureBuilt } from '../helpers/dist';
import { rules } from '../../rules';

const BIN = path.join(ROOT, 'bin', 'godock.js');
beforeAll(() => ensureBuilt());

function godock(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    timeout: 20000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'godock-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const SECRET = 'hunter2-not-real-value';

describe('godock lint', () => {
  it('exits 0 on a clean tree and 1 on findings, reporting paths under the searched directory', () => {
    const dir = project({ 'ok/Dockerfile': 'FROM alpine\nENV A=1\n', 'bad/Dockerfile': `FROM alpine\nENV DB_PASSWORD=${SECRET}\n` });
    expect(godock(['lint', 'ok'], { cwd: dir }).code).toBe(0);
    const r = godock(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.version).toBe(1);
    expect(json.findings).toEqual([
      expect.objectContaining({ file: 'bad/Dockerfile', line: 2, column: 17, ruleId: 'secret-in-env', category: 'secret', severity: 'error' }),
    ]);
    expect(r.out + r.err).not.toContain(SECRET);
  });

  it('honours --fail-level and the stylish summary', () => {
    const dir = project({ 'compose.yaml': 'services:\n  a:\n    image: golang:1.22\n    environment:\n      GOPATH: $GOPATH\n' });
    const warn = godock(['lint', '.'], { cwd: dir });
    expect(warn.code).toBe(1);
    expect(warn.out).toMatch(/compose\.yaml\n\s+5:\d+\s+warning\s+.*compose-host-interpolation/);
    expect(warn.out).toMatch(/✖ \d+ problems? \(0 errors, \d+ warnings?, 0 infos\)/);
    expect(godock(['lint', '.', '--fail-level', 'error'], { cwd: dir }).code).toBe(0);
    expect(godock(['lint', '.', '--quiet'], { cwd: dir }).out).not.toContain('warning');
  });

  it('reads stdin with --stdin-filename', () => {
    const r = godock(['lint', '-', '--stdin-filename', 'compose.yaml', '--format', 'json'], {
      input: `services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: ${SECRET}\n`,
    });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings[0]).toEqual(expect.objectContaining({ file: 'compose.yaml', line: 5, column: 26 }));
    expect(godock(['lint', '-']).code).toBe(2);
  });

  it('writes --output-file atomically and prints nothing', () => {
    const dir = project({ Dockerfile: `FROM alpine\nENV API_TOKEN=${SECRET}\n` });
    const r = godock(['lint', '.', '-f', 'sarif', '-o', 'out/report.sarif'], { cwd: dir });
    expect(r.code).toBe(2); // the folder does not exist
    expect(r.err).toMatch(/cannot write out\/report\.sarif/);
    const ok = godock(['lint', '.', '-f', 'sarif', '-o', 'report.sarif'], { cwd: dir });
    expect(ok.code).toBe(1);
    expect(ok.out).toBe('');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'report.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a parse error with file and line (exit 2) and still lints the other files', () => {
    const dir = project({ 'a/compose.yaml': 'services:\n  web:\n    image: [unclosed\n', 'b/Dockerfile': `FROM alpine\nENV DB_PASSWORD=${SECRET}\n` });
    const r = godock(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json.errors).toEqual([expect.objectContaining({ file: 'a/compose.yaml', line: expect.any(Number) })]);
    expect(json.findings.map((f: { file: string }) => f.file)).toEqual(['b/Dockerfile']);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('validates the configuration with file and line', () => {
    const dir = project({ '.godock.yaml': 'rules:\n  secret-in-env: loud\n', Dockerfile: 'FROM alpine\n' });
    const r = godock(['lint', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe('godock: .godock.yaml:2: rules.secret-in-env: must be one of off, info, warning, error\n');
  });

  it('applies the configuration: severities, allowed names, ignore globs', () => {
    const dir = project({
      '.godock.yaml': 'rules:\n  secret-in-env: warning\nsecrets:\n  allow-names: [SORT_KEY_SECRET]\nignore: ["vendor/**"]\nfail-level: error\n',
      Dockerfile: `FROM alpine\nENV DB_PASSWORD=${SECRET}\nENV SORT_KEY_SECRET=${SECRET}\n`,
      'vendor/x/Dockerfile': `FROM alpine\nENV DB_PASSWORD=${SECRET}\n`,
    });
    const r = godock(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).findings.map((f: { file: string; line: number; severity: string }) => [f.file, f.line, f.severity])).toEqual([['Dockerfile', 2, 'warning']]);
  });

  describe('each file takes the nearest .godock.yaml upward from it', () => {
    const tree = () =>
      project({
        '.godock.yaml': 'rules:\n  secret-in-env: warning\n',
        Dockerfile: `FROM alpine\nENV DB_PASSWORD=${SECRET}\n`,
        'team-a/.godock.yaml': 'rules:\n  secret-in-env: off\nignore: ["legacy/**"]\n',
        'team-a/Dockerfile': `FROM alpine\nENV DB_PASSWORD=${SECRET}\n`,
        'team-a/legacy/Dockerfile': 'FROM golang:1.22\nENV GO111MODULE=off\n',
        'team-a/compose.yaml': 'services:\n  app:\n    image: example/app\n    env_file: [app.env]\n',
        'team-a/app.env': `STRIPE_SECRET=${SECRET}\n`,
        'team-b/Dockerfile': `FROM alpine\nENV DB_PASSWORD=${SECRET}\n`,
      });
    const rows = (out: string) => JSON.parse(out).findings.map((f: { file: string; ruleId: string; severity: string }) => [f.file, f.ruleId, f.severity]);

    it('applies nested rules and ignore globs (relative to their own directory)', () => {
      const r = godock(['lint', '.', '--format', 'json'], { cwd: tree() });
      expect(rows(r.out)).toEqual([
        ['Dockerfile', 'secret-in-env', 'warning'],
        ['team-b/Dockerfile', 'secret-in-env', 'warning'],
      ]);
    });

    it('also when linting from inside a subfolder or naming one file', () => {
      const dir = tree();
      expect(rows(godock(['lint', '.', '--format', 'json'], { cwd: path.join(dir, 'team-a') }).out)).toEqual([]);
      expect(rows(godock(['lint', 'team-a/Dockerfile', 'team-b/Dockerfile', '--format', 'json'], { cwd: dir }).out)).toEqual([['team-b/Dockerfile', 'secret-in-env', 'warning']]);
    });

    it('--config applies one configuration to every file', () => {
      const dir = tree();
      writeFileSync(path.join(dir, 'one.yaml'), 'rules:\n  secret-in-env: info\n');
      const r = godock(['lint', '.', '--format', 'json', '--config', 'one.yaml'], { cwd: dir });
      expect(rows(r.out)).toEqual([
        ['Dockerfile', 'secret-in-env', 'info'],
        ['team-a/Dockerfile', 'secret-in-env', 'info'],
        ['team-a/app.env', 'secret-in-env', 'info'],
        ['team-a/legacy/Dockerfile', 'go-module-mode', 'warning'],
        ['team-b/Dockerfile', 'secret-in-env', 'info'],
      ]);
    });

    it('a broken nested configuration is exit 2 naming its file and line', () => {
      const dir = tree();
      writeFileSync(path.join(dir, 'team-b', '.godock.yaml'), 'rules:\n  go-module-mode: loud\n');
      const r = godock(['lint', '.', '--format', 'json'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.err).toBe('godock: team-b/.godock.yaml:2: rules.go-module-mode: must be one of off, info, warning, error\n');
      expect(r.out).toBe('');
    });
  });

  it('lints the env files a compose file references, at their own lines', () => {
    const dir = project({
      'compose.yaml': 'services:\n  app:\n    image: example/app\n    env_file:\n      - config/app.env\n',
      'config/app.env': `# settings\nAPP_ENV=prod\nSTRIPE_SECRET=${SECRET}\n`,
    });
    const r = godock(['lint', 'compose.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.out).findings).toEqual([expect.objectContaining({ file: 'config/app.env', line: 3, column: 15, ruleId: 'secret-in-env' })]);
  });

  it('rejects unknown formats and flags with exit 2', () => {
    expect(godock(['lint', '--format', 'toString']).code).toBe(2);
    expect(godock(['lint', '--nope']).code).toBe(2);
    expect(godock(['frobnicate']).code).toBe(2);
  });

  it.each([['0'], ['-1'], ['two'], ['1000']])('rejects --jobs %s with exit 2', (n) => {
    const r = godock(['lint', 'samples', `--jobs=${n}`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--jobs must be a number from 1 to 999, or auto/);
  });

  it('gives the same report with worker threads (--jobs 3)', () => {
    // Enough files for three threads (src/lint-pool.ts FILES_PER_THREAD), with findings of both kinds.
    const files: Record<string, string> = {};
    for (let i = 0; i < 240; i++) {
      files[`svc${i}/Dockerfile`] = i % 3 === 0 ? `FROM golang:1.22\nENV GO111MODULE=off\nENV DB_PASSWORD=hunter${i}x\n` : `FROM alpine:3.20\nRUN echo ${i}\n`;
    }
    const dir = project(files);
    expect(existsSync(path.join(ROOT, 'dist', 'lint-worker.js'))).toBe(true);
    const one = godock(['lint', '.', '--format', 'json'], { cwd: dir });
    const three = godock(['lint', '.', '--format', 'json', '--jobs', '3'], { cwd: dir });
    expect(one.code).toBe(1);
    expect(JSON.parse(one.out).findings.length).toBeGreaterThanOrEqual(160);
    expect(three.code).toBe(one.code);
    expect(three.out).toBe(one.out);
  });

  it('lints the bundled samples as the README says', () => {
    const r = godock(['lint', 'samples', '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.errors).toEqual([]);
    const byRule = new Set(json.findings.map((f: { ruleId: string }) => f.ruleId));
    // Every rule has a bad sample that fires it, and no good sample fires anything.
    for (const { id } of rules) {
      expect([id, existsSync(path.join(ROOT, 'samples', id))]).toEqual([id, true]);
      expect([id, byRule.has(id)]).toEqual([id, true]);
    }
    const good = json.findings.filter((f: { file: string }) => /(^|\/)good[./]|compose-good\//.test(f.file));
    expect(good).toEqual([]);
  });
});

describe('godock lint: many parse errors', () => {
  it('caps the errors of one broken file', () => {
    const dir = project({ 'compose.yaml': Array.from({ length: 40 }, (_, i) => `{% block b${i} %}: [}\n`).join('') });
    const json = JSON.parse(godock(['lint', '.', '--format', 'json'], { cwd: dir }).out);
    expect(json.errors.length).toBeLessThanOrEqual(11);
    expect(json.errors[json.errors.length - 1].message).toMatch(/^\d+ more errors in this file$/);
  });
});
