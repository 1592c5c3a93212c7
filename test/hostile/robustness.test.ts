/**
 * Hostile input the row table in hostile.test.ts cannot express, through the real CLI
 * (dist/cli.js): stdin given bytes (UTF-16, NUL, invalid UTF-8) or an endless stream, and a
 * compose file with 10,000 services sharing one env file (and one Dockerfile). Each ends in time
 * with exit 0, 1 or 2 and no stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, cliBuilt, stackTraceIn } from './cli';

const PASSWORD = 'Tr0ub4dor-FAKE-horse';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function lint(args: string[], cwd: string, input: Buffer, env: NodeJS.ProcessEnv = {}, timeout = 5_000, nodeArgs: string[] = []): Run {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, 'lint', ...args, '--no-color'], { cwd, input, timeout, killSignal: 'SIGKILL', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - t0 };
}

function expectSane(r: Run, codes: number[], limitMs = 5_000): string {
  const out = `${r.stdout}\n${r.stderr}`;
  expect(r.ms).toBeLessThan(limitMs);
  expect(stackTraceIn(out)).toBeNull();
  expect(out).not.toMatch(/internal error/i);
  expect(codes).toContain(r.status);
  return out;
}

const utf16 = (text: string, be: boolean): Buffer => {
  const b = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return be ? b.swap16() : b;
};

let base: string;
beforeAll(() => {
  if (!cliBuilt()) throw new Error('dist/cli.js is missing: run `npm run build` first');
  base = mkdtempSync(path.join(tmpdir(), 'godock-robust-'));
  chmodSync(base, 0o755);
});
afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('stdin goes through the checks files get', () => {
  const DF = `FROM alpine\nENV DB_PASSWORD=${PASSWORD}\n`;

  it.each([
    ['UTF-16 LE with a BOM', false],
    ['UTF-16 BE with a BOM', true],
  ])('%s is decoded and its password reported', (_t, be) => {
    const r = lint(['-', '--stdin-filename', 'Dockerfile', '-f', 'json'], base, utf16(DF, be));
    expectSane(r, [1]);
    const json = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string; line: number; message: string }[] };
    expect(json.findings).toEqual([expect.objectContaining({ file: 'Dockerfile', line: 2, ruleId: 'secret-in-env' })]);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });

  it('NUL bytes are refused like a binary file, with the line', () => {
    const r = lint(['-', '--stdin-filename', 'Dockerfile'], base, Buffer.from('FROM alpine\nENV A=1\nRUN x\0y\n'));
    const out = expectSane(r, [2]);
    expect(out).toMatch(/Dockerfile/);
    expect(out).toMatch(/3:1 .*binary file \(contains NUL bytes\)/);
  });

  it('random binary is refused', () => {
    const b = Buffer.alloc(64 * 1024);
    for (let i = 0; i < b.length; i++) b[i] = (i * 7919 + 13) & 0xff;
    const out = expectSane(lint(['-', '--stdin-filename', 'compose.yaml'], base, b), [2]);
    expect(out).toMatch(/compose\.yaml/);
    expect(out).toMatch(/binary/);
  });

  it('invalid UTF-8 is refused, with the line', () => {
    const r = lint(['-', '--stdin-filename', '.env'], base, Buffer.concat([Buffer.from('A=1\nB='), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expect(expectSane(r, [2])).toMatch(/2:1 .*not valid UTF-8/);
  });

  it('more than 10 MiB is refused, also in JSON, and files named beside it are still linted', () => {
    const dir = path.join(base, 'big');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'Dockerfile'), DF);
    const r = lint(['Dockerfile', '-', '--stdin-filename', 'stdin.env', '-f', 'json'], dir, Buffer.alloc(10 * 1024 * 1024 + 1, 'A'));
    expectSane(r, [2]);
    const json = JSON.parse(r.stdout) as { findings: { file: string }[]; errors: { file: string; message: string }[] };
    expect(json.errors).toEqual([expect.objectContaining({ file: 'stdin.env', message: 'file is larger than 10 MiB; refusing to lint it' })]);
    expect(json.findings.map((f) => f.file)).toEqual(['Dockerfile']);
  });

  it('exactly 10 MiB is still read', () => {
    const r = lint(['-', '--stdin-filename', 'stdin.env'], base, Buffer.from(`A=${'x'.repeat(10 * 1024 * 1024 - 3)}\n`), {}, 15_000);
    expectSane(r, [0, 1], 15_000);
  });

  it('3 GB on stdin: reading stops past the limit (nothing like 3 GB is taken in)', async () => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [CLI, 'lint', '-', '--stdin-filename', 'huge.env', '--no-color'], { cwd: base, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.on('error', () => undefined); // EPIPE once the CLI stops reading
    const chunk = Buffer.from('A=b\n'.repeat(256 * 1024)); // 1 MiB
    let written = 0;
    let closed = false;
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => ((closed = true), resolve(code))));
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    // Feed up to 3 GB, as fast as the CLI takes it, until it stops reading and exits.
    while (!closed && written < 3 * 1024 ** 3 && child.stdin.writable) {
      written += chunk.length;
      if (!child.stdin.write(chunk)) await Promise.race([new Promise((r) => child.stdin.once('drain', r)), exited]);
    }
    child.stdin.destroy();
    const code = await exited;
    clearTimeout(killer);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(code).toBe(2);
    expect(stdout).toMatch(/huge\.env[\s\S]*file is larger than 10 MiB; refusing to lint it/);
    expect(stackTraceIn(stdout + stderr)).toBeNull();
    // The limit, what was in flight (pipe and stream buffers), and a chunk or two: far below 3 GB.
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('an endless stream (yes) ends too', () => {
    const t0 = Date.now();
    const r = spawnSync('sh', ['-c', `yes 'API_TOKEN=x' | "${process.execPath}" "${CLI}" lint - --stdin-filename .env --no-color`], { cwd: base, timeout: 5_000, killSignal: 'SIGKILL', encoding: 'utf8' });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/larger than 10 MiB/);
  });
});

describe('10,000 compose services sharing one env file', () => {
  const SERVICES = 10_000;
  const ENV_LINES = [...Array.from({ length: 17 }, (_, i) => `VAR_${i}=value-${i}`), `DB_PASSWORD=${PASSWORD}`, 'GOFLAGS=-insecure', 'GO111MODULE=off'];

  /** Runs the CLI with its peak RSS (KiB) printed on exit. */
  function measured(dir: string, args: string[]): Run & { maxRssKiB: number } {
    const preload = path.join(base, 'maxrss.js');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeSync(2, '\\nMAXRSS=' + process.resourceUsage().maxRSS + '\\n'));\n`);
    const r = lint(args, dir, Buffer.alloc(0), {}, 20_000, ['--require', preload]);
    const m = /MAXRSS=(\d+)/.exec(r.stderr);
    return { ...r, maxRssKiB: m ? Number(m[1]) : Number.NaN };
  }

  it.each([
    ['image services, the directory linted', 'image', ['.']],
    ['services built from one Dockerfile, only the compose file named', 'build', ['compose.yaml']],
  ])('%s: parsed once, findings once per line, < 20 s and < 500 MB', (_t, kind, args) => {
    const dir = path.join(base, `many-${kind}`);
    mkdirSync(dir);
    const svc = (i: number) => `  svc${i}:\n${kind === 'build' ? '    build: .\n' : '    image: golang:1.22\n'}    env_file: shared.env\n`;
    writeFileSync(path.join(dir, 'compose.yaml'), `services:\n${Array.from({ length: SERVICES }, (_, i) => svc(i)).join('')}`);
    writeFileSync(path.join(dir, 'shared.env'), `${ENV_LINES.join('\n')}\n`);
    // A Dockerfile worth parsing: read once, not once per service.
    writeFileSync(path.join(dir, 'Dockerfile'), `FROM golang:1.22 AS build\n${Array.from({ length: 300 }, (_, i) => `ENV X_${i}=y\nRUN echo ${i}\n`).join('')}FROM build\n`);
    const r = measured(dir, [...args, '-f', 'json']);
    expectSane(r, [1], 20_000);
    expect(r.maxRssKiB).toBeLessThan(500 * 1024);
    const json = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string; line: number }[]; errors: unknown[] };
    expect(json.errors).toEqual([]);
    const shared = json.findings.filter((f) => f.file === 'shared.env');
    expect(shared.length).toBeGreaterThan(0);
    const keys = shared.map((f) => `${f.line}:${f.ruleId}`);
    expect(new Set(keys).size).toBe(keys.length); // each line's finding once, not once per service
    expect(shared.length).toBeLessThanOrEqual(ENV_LINES.length * 2);
    expect(shared.some((f) => f.line === ENV_LINES.indexOf(`DB_PASSWORD=${PASSWORD}`) + 1)).toBe(true);
    expect(r.stdout).not.toContain(PASSWORD);
  }, 60_000);
});
