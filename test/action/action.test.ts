/**
 * The real Action entry point, run as the runner runs it: `node dist/action.js` (built from the
 * current sources when missing or stale) with a temporary git repository as GITHUB_WORKSPACE, a
 * pull_request event payload, INPUT_* variables and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { rules } from '../../rules';
import { lintText } from '../../src/lint';
import { sarifErrors } from '../report/sarif-schema';
import { ACTION as ENTRY, ROOT, ensureBuilt } from '../helpers/dist';

// Obviously fake, well-formed values (never real credentials).
const TOKEN = 'ghp_Q7rK2mZx9LwP4vTn8sYb3cHd6jGu1eAoWq5N';
const PASSWORD = 'Xk9mQ2vLp7wRt4zB';
const LEGACY_PASSWORD = 'Lq3vN8xZ2mK7pR4t';
const SECRETS = [TOKEN, PASSWORD, LEGACY_PASSWORD];

const APP_DOCKERFILE = [
  'FROM golang:1.22 AS build',
  'ENV GOROOT=/usr/lib/go',
  'WORKDIR /src',
  `ENV GITHUB_TOKEN=${TOKEN}`,
  `ENV DB_PASSWORD=${PASSWORD}`,
  'RUN go build ./...',
  '',
].join('\n');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

let tmp: string;
let ws: string;
let base: string;
let head: string;

function write(rel: string, text: string): void {
  const p = path.join(ws, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
}

beforeAll(() => {
  ensureBuilt(ENTRY);
  tmp = mkdtempSync(path.join(tmpdir(), 'godock-action-'));
  ws = path.join(tmp, 'workspace');
  mkdirSync(ws);
  git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'config', 'user.email', 'ci@example.invalid');
  git(ws, 'config', 'user.name', 'CI');
  git(ws, 'config', 'commit.gpgsign', 'false');
  write('README.md', '# app\n');
  write('legacy/Dockerfile', `FROM alpine:3.20\nENV ADMIN_PASSWORD=${LEGACY_PASSWORD}\n`);
  git(ws, 'add', '-A');
  git(ws, 'commit', '-q', '-m', 'base');
  base = git(ws, 'rev-parse', 'HEAD');
  write('app/Dockerfile', APP_DOCKERFILE);
  write('README.md', '# app\n\nnow with a Dockerfile\n');
  git(ws, 'add', '-A');
  git(ws, 'commit', '-q', '-m', 'head');
  head = git(ws, 'rev-parse', 'HEAD');
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  files: string[];
  dir: string;
}

let runNo = 0;
function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}, event: object | null = null): Run {
  const dir = path.join(tmp, `run-${++runNo}`);
  mkdirSync(dir);
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event ?? { pull_request: { number: 7, base: { sha: base }, head: { sha: head } } }));
  const outFile = path.join(dir, 'output.txt');
  const summaryFile = path.join(dir, 'summary.md');
  writeFileSync(outFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: tmp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: ws,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [ENTRY], { cwd: ws, env, encoding: 'utf8', timeout: 60_000 });
  const raw = readFileSync(outFile, 'utf8');
  const outputs: Record<string, string> = {};
  for (const m of raw.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  const files = [raw, readFileSync(summaryFile, 'utf8')];
  const sarifPath = inputs['sarif-file'] ? path.resolve(ws, inputs['sarif-file']) : null;
  if (sarifPath && existsSync(sarifPath)) files.push(readFileSync(sarifPath, 'utf8'));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: readFileSync(summaryFile, 'utf8'), files, dir };
}

function annotations(stdout: string): { level: string; props: Record<string, string>; message: string }[] {
  return stdout
    .split('\n')
    .filter((l) => /^::(error|warning|notice)( |::)/.test(l))
    .map((l) => {
      const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(l)!;
      const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]));
      return { level: m[1]!, props, message: m[3]! };
    });
}

function assertNoLeak(run: Run): void {
  const texts = [run.stdout, run.stderr, ...run.files];
  for (const secret of SECRETS)
    for (let i = 0; i + 8 <= secret.length; i++) {
      const slice = secret.slice(i, i + 8);
      for (const t of texts) expect(t.includes(slice) ? `leaked ${slice}` : 'ok').toBe('ok');
    }
}

const lineOf = (needle: string) => APP_DOCKERFILE.split('\n').findIndex((l) => l.includes(needle)) + 1;
const colOf = (needle: string, value: string) => APP_DOCKERFILE.split('\n')[lineOf(needle) - 1]!.indexOf(value) + 1;

describe('the bundled Action on a pull request', () => {
  let run: Run;
  beforeAll(() => {
    run = runAction({ paths: '.', 'only-changed': 'true', 'fail-level': 'error', 'sarif-file': 'results/godock.sarif', annotations: 'on', format: 'stylish' });
  }, 60_000);

  it('fails the step (exit 1) on error findings with fail-level error', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('annotates the planted secrets at their lines and columns, only in changed files', () => {
    const anns = annotations(run.stdout);
    const tokenAnn = anns.find((a) => a.props.line === String(lineOf('GITHUB_TOKEN')));
    expect(tokenAnn).toMatchObject({ level: 'error', props: { file: 'app/Dockerfile', col: String(colOf('GITHUB_TOKEN', TOKEN)) } });
    expect(tokenAnn!.props.title).toMatch(/^godock secret-/);
    const pwAnn = anns.find((a) => a.props.line === String(lineOf('DB_PASSWORD')));
    expect(pwAnn).toMatchObject({ level: 'error', props: { file: 'app/Dockerfile', col: String(colOf('DB_PASSWORD', PASSWORD)) } });
    expect(anns.some((a) => a.props.file === 'legacy/Dockerfile')).toBe(false);
  });

  it('annotates exactly what the library finds in the changed Dockerfile (same lines, columns, rules)', () => {
    const expected = lintText('app/Dockerfile', APP_DOCKERFILE).findings.map((f) => [f.loc.line, f.loc.column, `godock ${f.ruleId}`]);
    const got = annotations(run.stdout).map((a) => [Number(a.props.line), Number(a.props.col), a.props.title?.replace(/%3A/g, ':')]);
    expect(got).toEqual(expected);
  });

  // The Go toolchain rules land separately; once a GOROOT rule exists, its finding must be annotated.
  (rules.some((r) => /goroot/.test(r.id)) ? it : it.skip)('annotates the Go env mistake (GOROOT)', () => {
    const anns = annotations(run.stdout);
    expect(anns.some((a) => a.props.line === String(lineOf('GOROOT')) && a.props.file === 'app/Dockerfile')).toBe(true);
  });

  it('prints the stylish report to the log', () => {
    expect(run.stdout).toMatch(/^app\/Dockerfile$/m);
    expect(run.stdout).toMatch(/✖ \d+ problems? \(/);
  });

  it('sets the outputs', () => {
    const n = annotations(run.stdout).filter((a) => a.props.file === 'app/Dockerfile').length;
    expect(run.outputs).toEqual({ findings: String(n), errors: '0', 'sarif-file': 'results/godock.sarif' });
    expect(n).toBeGreaterThanOrEqual(2);
  });

  it('writes the job summary table', () => {
    expect(run.summary).toMatch(/^## godock/);
    expect(run.summary).toContain('only-changed: linted 1 of the 2 files');
    expect(run.summary).toContain(`\`app/Dockerfile:${lineOf('GITHUB_TOKEN')}:${colOf('GITHUB_TOKEN', TOKEN)}\``);
    expect(run.summary).not.toContain('legacy/Dockerfile');
  });

  it('writes a SARIF file valid against the SARIF 2.1.0 schema', () => {
    const doc = JSON.parse(readFileSync(path.join(ws, 'results/godock.sarif'), 'utf8'));
    expect(sarifErrors(doc)).toEqual([]);
    const results = doc.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    expect(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(results.map(() => 'app/Dockerfile'));
    expect(results.map((r) => r.locations[0]!.physicalLocation.region.startLine)).toEqual(expect.arrayContaining([lineOf('GITHUB_TOKEN'), lineOf('DB_PASSWORD')]));
    expect(doc.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
  });

  it('never prints or writes a secret value (nor any 8-character slice of one)', () => {
    assertNoLeak(run);
  });
});

describe('exit code per fail-level and inputs', () => {
  it('fail-level none → exit 0, still reports everything (only-changed off lints all files)', () => {
    const run = runAction({ 'fail-level': 'none', annotations: 'off', format: 'json' });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { file: string }) => f.file)).toEqual(expect.arrayContaining(['app/Dockerfile', 'legacy/Dockerfile']));
    expect(annotations(run.stdout)).toEqual([]);
    assertNoLeak(run);
  });

  it('fail-level error with findings downgraded to warning by the config → exit 0; warning → exit 1', () => {
    const cfg = `rules:\n${rules.map((r) => `  ${r.id}: warning`).join('\n')}\n`;
    writeFileSync(path.join(tmp, 'all-warnings.yaml'), cfg);
    const config = path.join(tmp, 'all-warnings.yaml');
    const relaxed = runAction({ config, 'fail-level': 'error', paths: 'app' });
    expect(relaxed.code).toBe(0);
    expect(annotations(relaxed.stdout).every((a) => a.level === 'warning')).toBe(true);
    expect(runAction({ config, 'fail-level': 'warning', paths: 'app' }).code).toBe(1);
  });

  it('a nested .godock.yaml applies to the files under it; a broken one is exit 2 with an annotation', () => {
    write('nested/Dockerfile', 'FROM golang:1.22\nENV GO111MODULE=off\n');
    try {
      expect(runAction({ paths: 'nested', 'only-changed': 'false' }).code).toBe(1);
      write('nested/.godock.yaml', 'rules:\n  go-module-mode: off\n');
      const quiet = runAction({ paths: 'nested', 'only-changed': 'false' });
      expect([quiet.code, quiet.outputs.findings]).toEqual([0, '0']);
      write('nested/.godock.yaml', 'rules:\n  go-module-mode: loud\n');
      const broken = runAction({ paths: 'nested', 'only-changed': 'false' });
      expect(broken.code).toBe(2);
      expect(annotations(broken.stdout)).toEqual([expect.objectContaining({ level: 'error', props: expect.objectContaining({ file: 'nested/.godock.yaml', line: '2' }) })]);
    } finally {
      rmSync(path.join(ws, 'nested'), { recursive: true, force: true });
    }
  });

  it('a clean path → exit 0 and a clean summary', () => {
    write('clean/Dockerfile', 'FROM alpine:3.20\nENV GOPATH=/go\n');
    let run: Run;
    try {
      run = runAction({ paths: 'clean/Dockerfile' });
    } finally {
      rmSync(path.join(ws, 'clean'), { recursive: true, force: true });
    }
    expect(run.code).toBe(0);
    expect(run.outputs.findings).toBe('0');
    expect(run.summary).toContain('No problems found in 1 file');
  });

  it('an unparsable file → exit 2 and the errors output', () => {
    write('broken/compose.yaml', 'services: [unclosed\n');
    let run: Run;
    try {
      run = runAction({ paths: 'broken' });
    } finally {
      rmSync(path.join(ws, 'broken'), { recursive: true, force: true });
    }
    expect(run.code).toBe(2);
    expect(run.outputs.errors).toBe('1');
    expect(annotations(run.stdout)[0]).toMatchObject({ level: 'error', props: { file: 'broken/compose.yaml' } });
  });

  it('a bad input → exit 2 with an error annotation', () => {
    const run = runAction({ 'fail-level': 'sometimes' });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^::error title=godock%3A invalid input::input "fail-level" must be one of/m);
  });

  it('only-changed falls back to all files with a notice when git cannot diff', () => {
    const run = runAction({ 'only-changed': 'true', 'fail-level': 'none' }, {}, { pull_request: { base: { sha: 'f'.repeat(40) }, head: { sha: head } } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::notice title=godock%3A only-changed::only-changed: git could not diff/m);
    expect(annotations(run.stdout).some((a) => a.props.file === 'legacy/Dockerfile')).toBe(true);
    assertNoLeak(run);
  });

  it('only-changed on a push event lints all files with a notice', () => {
    const run = runAction({ 'only-changed': 'true', 'fail-level': 'none' }, { GITHUB_EVENT_NAME: 'push' });
    expect(run.stdout).toContain('only-changed applies to pull_request events');
    expect(annotations(run.stdout).some((a) => a.props.file === 'legacy/Dockerfile')).toBe(true);
  });
});
