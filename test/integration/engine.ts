/**
 * Integration-test helpers: a real Docker Engine (started by scripts/ensure-docker.sh when none
 * is reachable), a FROM-scratch busybox image built through dockerode's build API, and the real
 * CLI spawned as a process.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type Dockerode from 'dockerode';

export const ROOT = resolve(__dirname, '..', '..');
export const LABEL = 'godock-it';
/** One test image per jest worker: a suite removes its image when it ends without breaking another's. */
export const IMAGE = `godock-it-busybox:${process.pid}`;

/** Runs the engine bootstrap once, synchronously (jest decides describe vs describe.skip at load). */
export function ensureEngine(): { ok: true } | { ok: false; reason: string } {
  const r = spawnSync('sh', [join(ROOT, 'scripts', 'ensure-docker.sh')], { encoding: 'utf8', timeout: 15 * 60_000 });
  if (r.status === 0) return { ok: true };
  return { ok: false, reason: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-3).join(' | ') };
}

export function docker(): Dockerode {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Docker = require('dockerode') as typeof Dockerode;
  return new Docker();
}

/** Builds IMAGE FROM scratch with /bin/busybox and some ENV defaults through dockerode's build API. */
export async function buildImage(d: Dockerode): Promise<void> {
  const ctx = mkdtempSync(join(tmpdir(), 'godock-it-ctx-'));
  copyFileSync('/bin/busybox', join(ctx, 'busybox'));
  writeFileSync(
    join(ctx, 'Dockerfile'),
    [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'ENV PATH=/bin LANG=C.UTF-8 APP_MODE=production LOG_LEVEL=info TZ=UTC',
      'CMD ["/bin/busybox", "sleep", "3600"]',
      '',
    ].join('\n'),
  );
  const stream = await d.buildImage({ context: ctx, src: ['Dockerfile', 'busybox'] }, { t: IMAGE, labels: { [LABEL]: '1' } });
  await new Promise<void>((res, rej) =>
    d.modem.followProgress(stream, (err: Error | null, out: { error?: string }[]) => {
      const failed = err ?? out.find((o) => o.error);
      if (failed) rej(new Error(`image build failed: ${err?.message ?? (failed as { error: string }).error}`));
      else res();
    }),
  );
}

export async function runContainer(d: Dockerode, name: string, env: string[], opts: { labels?: Record<string, string>; tty?: boolean } = {}): Promise<Dockerode.Container> {
  const old = d.getContainer(name);
  await old.remove({ force: true }).catch(() => undefined);
  const c = await d.createContainer({ name, Image: IMAGE, Env: env, Tty: opts.tty ?? false, Labels: { [LABEL]: '1', ...(opts.labels ?? {}) } });
  await c.start();
  return c;
}

/** Removes this suite's test image (after its containers). */
export async function removeImage(d: Dockerode): Promise<void> {
  await d.getImage(IMAGE).remove({ force: true }).catch(() => undefined);
}

/** Removes every container labelled LABEL, then this suite's image. */
export async function cleanup(d: Dockerode): Promise<void> {
  const list = await d.listContainers({ all: true, filters: { label: [LABEL] } });
  await Promise.all(list.map((c) => d.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  await removeImage(d);
}

/** The real CLI: dist/cli.js from `npm run build` (built here if missing). */
export function cliPath(): string {
  const dist = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(dist)) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`npm run build failed: ${b.stderr}`);
  }
  return dist;
}

export function godock(args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cliPath(), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
}

export function dockerCli(args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync('docker', args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
}
