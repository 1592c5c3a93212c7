/**
 * A pull request controls the files the Action reads. Through the real entry point (dist/action.js)
 * with a runner's environment: the SARIF file is never written through a link or outside the
 * workspace (or RUNNER_TEMP), nothing outside the workspace is read, no file name or value forges
 * a workflow command or reaches the log with control characters, and the job summary renders no
 * Markdown or HTML from a file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ACTION, ensureBuilt } from '../helpers/dist';

let tmp: string;
beforeAll(() => {
  ensureBuilt(ACTION);
  tmp = mkdtempSync(path.join(tmpdir(), 'godock-action-hostile-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  summary: string;
  ws: string;
  outside: string;
}

let n = 0;
/** A fresh workspace (and a directory beside it, "outside") made by `setup`, then the Action. */
function run(setup: (ws: string, outside: string) => void, inputs: Record<string, string>, env: Record<string, string> = {}): Run {
  const dir = path.join(tmp, String(++n));
  const ws = path.join(dir, 'workspace');
  const outside = path.join(dir, 'outside');
  mkdirSync(ws, { recursive: true });
  mkdirSync(outside, { recursive: true });
  setup(ws, outside);
  const summaryFile = path.join(dir, 'summary.md');
  writeFileSync(summaryFile, '');
  const full: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_OUTPUT: path.join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: summaryFile,
    ...env,
  };
  for (const [k, v] of Object.entries(inputs)) full[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [ACTION], { cwd: ws, env: full, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout + r.stderr, summary: readFileSync(summaryFile, 'utf8'), ws, outside };
}

const DOCKERFILE = 'FROM alpine:3.20\nENV ADMIN_PASSWORD=Lq3vN8xZ2mK7pR4t-fake\n';

/** Lines of the log that the runner would take as workflow commands, other than godock's annotations. */
function forgedCommands(log: string): string[] {
  return log.split('\n').filter((l) => /^\s*::/.test(l) && !/^::(error|warning|notice) (file=|title=)/.test(l));
}

describe('the SARIF file', () => {
  it('is not written through a symbolic link committed at its path', () => {
    const r = run(
      (ws, outside) => {
        writeFileSync(path.join(ws, 'Dockerfile'), DOCKERFILE);
        writeFileSync(path.join(outside, 'victim'), 'precious\n');
        symlinkSync(path.join(outside, 'victim'), path.join(ws, 'godock.sarif'));
      },
      { 'sarif-file': 'godock.sarif' },
    );
    expect(readFileSync(path.join(r.outside, 'victim'), 'utf8')).toBe('precious\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/::error title=godock::cannot write the SARIF file: refusing to write .*godock\.sarif: it is a symbolic link/);
  });

  it('is not written through a linked directory on its way', () => {
    const r = run(
      (ws, outside) => {
        writeFileSync(path.join(ws, 'Dockerfile'), DOCKERFILE);
        symlinkSync(outside, path.join(ws, 'reports'));
      },
      { 'sarif-file': 'reports/sub/godock.sarif' },
    );
    expect(existsSync(path.join(r.outside, 'sub'))).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/reports is a symbolic link/);
  });

  it.each([['../escaped.sarif'], ['/etc/godock-escaped.sarif']])('is not written outside the workspace: %s', (file) => {
    const r = run((ws) => writeFileSync(path.join(ws, 'Dockerfile'), DOCKERFILE), { 'sarif-file': file });
    expect(existsSync(path.join(r.ws, '..', 'escaped.sarif'))).toBe(false);
    expect(existsSync('/etc/godock-escaped.sarif')).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/cannot write the SARIF file: refusing to write .*: it is outside/);
  });

  it('may go to RUNNER_TEMP, directories made there', () => {
    const temp = mkdtempSync(path.join(tmp, 'runner-temp-'));
    const target = path.join(temp, 'godock', 'out.sarif');
    const r = run((ws) => writeFileSync(path.join(ws, 'Dockerfile'), DOCKERFILE), { 'sarif-file': target }, { RUNNER_TEMP: temp });
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(target, 'utf8')).version).toBe('2.1.0');
  });
});

describe('reading', () => {
  it('reads nothing outside the workspace: env_file paths out of it, links out of it, paths out of it', () => {
    const OUT_SECRET = 'OUTSIDE_PASSWORD=Zr8kQ3mW7vN2pL5x-fake\n';
    const r = run(
      (ws, outside) => {
        writeFileSync(path.join(outside, 'secret.env'), OUT_SECRET);
        writeFileSync(path.join(ws, 'compose.yaml'), `services:\n  app:\n    image: alpine\n    env_file:\n      - ${path.join(outside, 'secret.env')}\n      - ../outside/secret.env\n`);
        symlinkSync(path.join(outside, 'secret.env'), path.join(ws, 'linked.env'));
      },
      { paths: '.\n../outside' },
    );
    expect(r.stdout).not.toMatch(/OUTSIDE_PASSWORD/);
    expect(r.summary).not.toMatch(/OUTSIDE_PASSWORD/);
    expect(r.stdout).toMatch(/\.\.\/outside.*not read: it is outside the workspace/);
    expect(r.code).toBe(2);
  });
});

describe('the log and the summary', () => {
  it('a file name cannot forge workflow commands', () => {
    const r = run(
      (ws) => writeFileSync(path.join(ws, 'Dockerfile.x\n::stop-commands::pwned\n::warning::forged'), DOCKERFILE),
      { format: 'stylish', annotations: 'on' },
    );
    expect(r.code).toBe(1);
    expect(forgedCommands(r.stdout)).toEqual([]);
    expect(r.stdout).toMatch(/Dockerfile\.x\\n::stop-commands::pwned/);
  });

  it('values cannot forge commands or reach the log with control characters', () => {
    const r = run(
      (ws) => writeFileSync(path.join(ws, 'Dockerfile'), 'FROM alpine\nENV GOFLAGS="-mod=mod\r::warning::forged \u001b[2J\u001b]0;title\u0007"\n'),
      { format: 'stylish', annotations: 'on' },
    );
    expect(forgedCommands(r.stdout)).toEqual([]);
    expect(r.stdout).not.toMatch(/[\u001b\u0007\r]/);
  });

  it('the job summary renders no Markdown or HTML from a file', () => {
    const r = run(
      (ws) =>
        writeFileSync(
          path.join(ws, 'compose.yaml'),
          'services:\n  app:\n    image: alpine\n    environment:\n      "![x](https://evil.example/p.png)<img src=x>[link](https://evil.example)_PASSWORD": Zr8kQ3mW7vN2pL5x-fake\n',
        ),
      {},
    );
    expect(r.code).toBe(1);
    expect(r.summary).toMatch(/secret-in-env/);
    // Only godock's own links: every bracket, parenthesis and `!` from the file is escaped.
    const rows = r.summary.split('\n').filter((l) => l.startsWith('| 🔴'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.replace(/\[[a-z-]+\]\(https:\/\/github\.com\/godock\/[^)\s]+\)/g, '')).not.toMatch(/(?<!\\)[[\]()!]|<img|https:\/\/evil/);
  });
});
