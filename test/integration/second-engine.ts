/**
 * A second, private Docker daemon for fault tests that must stop or freeze a daemon without
 * touching the shared engine other tests use: its own socket, --data-root, --exec-root,
 * --pidfile and containerd, its own bridge interface, vfs storage, debug log.
 * Never `--bridge none`: a dockerd started that way deletes the host's docker0 interface
 * (moby removeDefaultBridgeInterface) and breaks the shared engine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Dockerode from 'dockerode';

export interface SecondEngine {
  dir: string;
  socket: string;
  url: string;
  docker: Dockerode;
  /** The running dockerd (replaced by restart()). */
  process(): ChildProcess;
  /** Removes every container, stops dockerd (gracefully when it still runs) and deletes its roots. */
  destroy(): Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function exited(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((r) => p.once('exit', () => r()));
}

export async function startSecondEngine(): Promise<SecondEngine> {
  // Short path: containerd's socket under --exec-root must fit in sun_path (108 bytes).
  const dir = mkdtempSync('/tmp/gdf-');
  const socket = join(dir, 'docker.sock');
  writeFileSync(join(dir, 'daemon.json'), '{}\n');
  const n = randomInt(1, 250);
  const bridge = `gdf${process.pid % 100_000}x${n}`.slice(0, 15);
  for (const args of [['link', 'add', 'name', bridge, 'type', 'bridge'], ['addr', 'add', `10.213.${n}.1/24`, 'dev', bridge], ['link', 'set', bridge, 'up']]) {
    const r = spawnSync('ip', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr.trim()}`);
  }
  writeFileSync(join(dir, 'bridge'), bridge);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Docker = require('dockerode') as typeof Dockerode;
  const docker = new Docker({ socketPath: socket });
  let proc: ChildProcess;
  const launch = async (): Promise<void> => {
    const { openSync } = await import('node:fs');
    const log = openSync(join(dir, 'dockerd.log'), 'a');
    proc = spawn(
      'dockerd',
      [
        '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'docker.pid'),
        '-H', `unix://${socket}`, '--config-file', join(dir, 'daemon.json'), '--bridge', bridge,
        '--iptables=false', '--ip-masq=false', '--storage-driver', 'vfs', '--debug',
      ],
      { stdio: ['ignore', log, log] },
    );
    for (let i = 0; i < 120; i++) {
      if (proc.exitCode !== null) throw new Error(`second dockerd exited with ${proc.exitCode} (see ${dir}/dockerd.log)`);
      if (await docker.ping().then(() => true, () => false)) return;
      await sleep(250);
    }
    throw new Error(`second dockerd did not answer within 30s (see ${dir}/dockerd.log)`);
  };
  await launch();
  return {
    dir,
    socket,
    url: `unix://${socket}`,
    docker,
    process: () => proc,
    async destroy() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGCONT');
        const list = await docker.listContainers({ all: true }).catch(() => []);
        await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
        proc.kill('SIGTERM');
        await Promise.race([exited(proc), sleep(20_000)]);
        if (proc.exitCode === null && proc.signalCode === null) {
          proc.kill('SIGKILL');
          await exited(proc);
        }
      }
      reapLeftovers(dir);
    },
  };
}

function procText(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'latin1');
  } catch {
    return '';
  }
}

/**
 * After a daemon was killed: its containerd shims (their command line names our --exec-root)
 * and the container processes under them are ours; kill exactly those pids, then unmount what
 * dockerd mounted under `dir` and delete it.
 */
export function reapLeftovers(dir: string): void {
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const ours = pids.filter((p) => procText(p, 'cmdline').includes(`${dir}/`));
  const parentOf = (p: string): string => procText(p, 'stat').replace(/^.*\) \S+ (\d+) .*$/s, '$1');
  const children = pids.filter((p) => ours.includes(parentOf(p)));
  for (const p of [...children, ...ours]) {
    try {
      process.kill(Number(p), 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4] ?? '')
    .filter((m) => m === dir || m.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const m of mounts) spawnSync('umount', ['-l', m]);
  let bridge = '';
  try {
    bridge = readFileSync(join(dir, 'bridge'), 'utf8');
  } catch {
    /* none made */
  }
  if (/^gdf[\dx]+$/.test(bridge)) spawnSync('ip', ['link', 'delete', bridge]);
  rmSync(dir, { recursive: true, force: true });
}
