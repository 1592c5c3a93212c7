/**
 * The real CLI spawned asynchronously (the test process keeps serving its relay sockets while
 * godock runs), plus the checks every fault test shares: one clear line per failure, no stack
 * trace, no internal error, no unhandled rejection.
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { cliPath, ROOT } from './engine';

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * `prefix` runs the CLI through another command (setpriv as another user): then pass `cli`, a copy
 * that user can read (helpers/dist readableDist), which is also the working directory.
 */
export function godockAsync(args: string[], opts: { env?: NodeJS.ProcessEnv; prefix?: string[]; cli?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  const [cmd, ...pre] = opts.prefix ?? [];
  const cli = opts.cli ?? cliPath();
  const argv = [...pre, process.execPath, cli, ...args];
  const start = performance.now();
  const child = spawn(cmd ?? argv.shift()!, argv, { cwd: opts.cli ? dirname(cli) : ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  return new Promise((resolve) => {
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: performance.now() - start });
    });
  });
}

/** Lines of stderr that report a failure (`godock env: …`). */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('godock env: '));
}

/** No stack trace, no internal error, no unhandled rejection, no Node warning. */
export function expectNoCrash(r: CliRun): void {
  expect(r.signal).toBeNull();
  expect(r.stderr).not.toMatch(/^\s+at \S/m);
  expect(r.stderr).not.toMatch(/internal error|unhandled|UnhandledPromiseRejection|\(node:\d+\)|Error: /i);
}
