/**
 * Runs the built CLI (dist/cli.js, made by `npm run build`) as a child process with a time limit,
 * optionally as an unprivileged user, and returns what it printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const CLI = path.resolve(__dirname, '../../dist/cli.js');

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export interface CliOptions {
  cwd: string;
  timeoutMs?: number;
  /** Run as this uid/gid (needs root and setpriv) from `cli`, a copy that user can read (see readableDist). */
  uid?: number;
  cli?: string;
  input?: string;
  env?: NodeJS.ProcessEnv;
}

export function cliBuilt(): boolean {
  return existsSync(CLI);
}

export function runCli(args: readonly string[], opts: CliOptions): CliRun {
  const timeout = opts.timeoutMs ?? 10_000;
  const [cmd, argv] =
    opts.uid === undefined
      ? [process.execPath, [opts.cli ?? CLI, ...args]]
      : ['setpriv', [`--reuid=${opts.uid}`, `--regid=${opts.uid}`, '--clear-groups', process.execPath, opts.cli ?? CLI, ...args]];
  const t0 = Date.now();
  const r = spawnSync(cmd, argv, {
    cwd: opts.cwd,
    timeout,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
    input: opts.input ?? '',
    env: { ...process.env, NO_COLOR: '1', ...(opts.env ?? {}) },
  });
  const ms = Date.now() - t0;
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    ms,
    timedOut: r.signal === 'SIGKILL' || (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
  };
}

/** Lines that look like a JavaScript stack trace or an uncaught error dump. */
export function stackTraceIn(text: string): string | null {
  const m = /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m.exec(text) ?? /\b(?:Type|Range|Reference|Syntax|Internal|)Error: /.exec(text) ?? /node:internal|\buncaught\b/i.exec(text);
  return m ? m[0] : null;
}
