// (f) `godock env --all` over N running containers on a real Docker Engine, against one
// `docker inspect` of the same containers. Containers run a FROM-scratch busybox image (four tags
// with different ENV defaults, so godock inspects several images) and carry the label
// godock-bench=1; they are removed afterwards.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const LABEL = 'godock-bench';
const IMAGES = 4;
const imageTag = (i) => `godock-bench-busybox:${i + 1}`;

function docker(args, opts = {}) {
  return spawnSync('docker', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000, ...opts });
}

/** Makes an engine reachable (scripts/ensure-docker.sh); returns null or why not. */
export function engineUnavailable(root) {
  if (docker(['info'], { timeout: 20_000 }).status === 0) return null;
  const r = spawnSync('sh', [path.join(root, 'scripts', 'ensure-docker.sh')], { encoding: 'utf8', timeout: 10 * 60_000 });
  if (r.status === 0) return null;
  return (r.stderr || r.error?.message || `ensure-docker.sh exited ${r.status}`).trim().split('\n').slice(-2).join(' | ');
}

function buildImages() {
  if (!existsSync('/bin/busybox')) throw new Error('/bin/busybox (busybox-static) is missing');
  for (let i = 0; i < IMAGES; i++) {
    if (docker(['image', 'inspect', imageTag(i)]).status === 0) continue;
    const ctx = mkdtempSync(path.join(tmpdir(), 'godock-bench-ctx-'));
    copyFileSync('/bin/busybox', path.join(ctx, 'busybox'));
    writeFileSync(
      path.join(ctx, 'Dockerfile'),
      `FROM scratch\nCOPY busybox /bin/busybox\nENV PATH=/bin LANG=C.UTF-8 TZ=UTC APP_MODE=production IMAGE_FLAVOUR=${i + 1}\nLABEL ${LABEL}=1\nCMD ["/bin/busybox", "sleep", "86400"]\n`,
    );
    const r = docker(['build', '-q', '-t', imageTag(i), ctx], { env: { ...process.env, DOCKER_BUILDKIT: '0' } });
    rmSync(ctx, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`docker build failed: ${r.stderr.trim()}`);
  }
}

export function removeContainers() {
  const ids = docker(['ps', '-aq', '--filter', `label=${LABEL}=1`]).stdout.split('\n').filter(Boolean);
  for (let i = 0; i < ids.length; i += 100) docker(['rm', '-f', ...ids.slice(i, i + 100)]);
}

/** Starts `n` containers (4 at a time); returns their ids. */
export async function startContainers(n, log) {
  buildImages();
  removeContainers();
  const { spawn } = await import('node:child_process');
  const run = (i) =>
    new Promise((resolve, reject) => {
      const args = ['run', '-d', '--network', 'none', '--label', `${LABEL}=1`, '--name', `godock-bench-${i}`,
        '-e', `SERVICE_NAME=svc-${i}`, '-e', 'LOG_LEVEL=info', '-e', 'APP_MODE=production', '-e', 'PORT=8080',
        '-e', 'DATABASE_URL=postgres://app@db:5432/app', '-e', 'GOMAXPROCS=2', '-e', 'GOPROXY=https://proxy.golang.org,direct',
        '-e', 'API_TOKEN=FAKEFAKEFAKEFAKEFAKEFAKE', '-e', `REPLICA=${i % 7}`, imageTag(i % IMAGES)];
      const c = spawn('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      c.stdout.on('data', (d) => (out += d));
      c.stderr.on('data', (d) => (err += d));
      c.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`docker run failed: ${err.trim()}`))));
    });
  const ids = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < n) {
        const i = next++;
        ids.push(await run(i));
        if (ids.length % 50 === 0) log?.(`  started ${ids.length}/${n} containers`);
      }
    }),
  );
  return ids;
}

export function runningIds() {
  return docker(['ps', '-q', '--no-trunc']).stdout.split('\n').filter(Boolean);
}

export function freshOutputDir() {
  const dir = path.join(tmpdir(), 'godock-bench-env-out');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function countFiles(dir) {
  return readdirSync(dir).length;
}
