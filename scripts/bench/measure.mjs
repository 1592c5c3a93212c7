// Runs a command several times and reports wall times (measured here, around the whole process)
// and peak RSS (from GNU time's %M, the child's maximum resident set size, when /usr/bin/time exists).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p)) ?? null;

const tmp = mkdtempSync(path.join(tmpdir(), 'godock-bench-time-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

/**
 * One run: { wallMs, rssKb (null without GNU time), status, stderrTail }.
 * stdout goes to `stdoutFile` when given (to check the output), else to /dev/null.
 */
export function runOnce(cmd, args, { cwd, env, stdoutFile } = {}) {
  const timeOut = path.join(tmp, 'rss');
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', timeOut, cmd, ...args]] : [cmd, args];
  const outFd = openSync(stdoutFile ?? '/dev/null', 'w');
  return new Promise((resolve, reject) => {
    let stderr = '';
    const t0 = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, stdio: ['ignore', outFd, 'pipe'] });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    child.on('error', (e) => {
      closeSync(outFd);
      reject(e);
    });
    child.on('close', (status) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      closeSync(outFd);
      let rssKb = null;
      if (GNU_TIME) {
        // GNU time writes "Command exited with non-zero status N" before the format line.
        const lines = readFileSync(timeOut, 'utf8').trim().split('\n');
        rssKb = Number(lines[lines.length - 1]) || null;
      }
      const tail = stderr.replace(/Command exited with non-zero status \d+\n?/g, '').trim();
      resolve({ wallMs, rssKb, status, stderrTail: tail.split('\n').slice(-3).join('\n') });
    });
  });
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * `runs` timed runs after `warmup` untimed ones. `ok(status)` says which exit statuses are fine
 * (linters exit 1 when they find something). The first run's stdout is kept in `checkFile`
 * (when given) so the caller can check what the tool did. Returns
 * { wallMs (median), walls, rssKb (max over runs), status } or { error }.
 */
export async function measure(cmd, args, { cwd, env, runs = 5, warmup = 1, ok = (s) => s === 0 || s === 1, checkFile } = {}) {
  const walls = [];
  const rss = [];
  let status;
  for (let i = 0; i < warmup + runs; i++) {
    const r = await runOnce(cmd, args, { cwd, env, stdoutFile: i === 0 ? checkFile : undefined });
    status = r.status;
    if (!ok(r.status)) return { error: `exit status ${r.status}${r.stderrTail ? `: ${r.stderrTail}` : ''}` };
    if (i < warmup) continue;
    walls.push(r.wallMs);
    if (r.rssKb != null) rss.push(r.rssKb);
  }
  return { wallMs: median(walls), walls, rssKb: rss.length ? Math.max(...rss) : null, status };
}
