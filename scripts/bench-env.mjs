#!/usr/bin/env node
// `godock env --all` over N running containers on a real Docker Engine, against one
// `docker inspect` of the same containers (issue #8: godock ≤ 1.5× docker inspect).
//
//   node scripts/bench-env.mjs [--containers 200] [--runs 5] [--keep] [--cli dist/cli.js]
//
// Starts N containers labelled godock-bench-env=1 from the integration tests' FROM-scratch
// busybox image (godock-it-busybox:1, built here the same way when missing), times
//   node dist/cli.js env --all --label godock-bench-env=1 --output-dir <fresh tmp dir>
// and `docker inspect <the N ids>` (median of --runs each, after one warm-up of each, whole
// process wall time), prints both and the ratio, and removes the containers (unless --keep,
// which also lets the next run reuse them). --cli times another build of the CLI (e.g. an older
// dist/ of another build, saved elsewhere: cli.js with its chunks beside it). Exit 0 after a measurement, 2 when no engine.
// Also importable: `benchEnv({ containers, runs, keep, cli, log })` resolves to the numbers.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const LABEL = 'godock-bench-env';
const IMAGE = 'godock-it-busybox:1'; // test/integration/engine.ts IMAGE
const IT_LABEL = 'godock-it'; // test/integration/engine.ts LABEL (on the image only)

function docker(args, opts = {}) {
  return spawnSync('docker', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 180_000, ...opts });
}

/** Null when an engine is reachable (started by scripts/ensure-docker.sh if needed), else why not. */
export function engineUnavailable() {
  if (docker(['info'], { timeout: 20_000 }).status === 0) return null;
  const r = spawnSync('sh', [path.join(ROOT, 'scripts', 'ensure-docker.sh')], { encoding: 'utf8', timeout: 10 * 60_000 });
  if (r.status === 0) return null;
  return (r.stderr || r.error?.message || `ensure-docker.sh exited ${r.status}`).trim().split('\n').slice(-2).join(' | ');
}

/** The integration tests' image; built with the same Dockerfile when it is not there. */
function ensureImage() {
  if (docker(['image', 'inspect', IMAGE]).status === 0) return;
  if (!existsSync('/bin/busybox')) throw new Error('/bin/busybox (busybox-static) is missing');
  const ctx = mkdtempSync(path.join(tmpdir(), 'godock-bench-env-ctx-'));
  try {
    copyFileSync('/bin/busybox', path.join(ctx, 'busybox'));
    writeFileSync(
      path.join(ctx, 'Dockerfile'),
      ['FROM scratch', 'COPY busybox /bin/busybox', 'ENV PATH=/bin LANG=C.UTF-8 APP_MODE=production LOG_LEVEL=info TZ=UTC', `LABEL ${IT_LABEL}=1`, 'CMD ["/bin/busybox", "sleep", "3600"]', ''].join('\n'),
    );
    const r = docker(['build', '-q', '-t', IMAGE, ctx], { env: { ...process.env, DOCKER_BUILDKIT: '0' } });
    if (r.status !== 0) throw new Error(`docker build failed: ${r.stderr.trim()}`);
  } finally {
    rmSync(ctx, { recursive: true, force: true });
  }
}

function labelled({ all }) {
  return docker(['ps', ...(all ? ['-a'] : []), '-q', '--no-trunc', '--filter', `label=${LABEL}=1`]).stdout.split('\n').filter(Boolean);
}

export function removeContainers() {
  const ids = labelled({ all: true });
  for (let i = 0; i < ids.length; i += 100) docker(['rm', '-f', ...ids.slice(i, i + 100)]);
}

function runAsync(args) {
  return new Promise((resolve, reject) => {
    const c = spawn('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`docker ${args[0]} failed: ${err.trim()}`))));
  });
}

/** Starts `n` labelled containers (created 8 at a time, started in batches); returns their ids. */
async function startContainers(n, log) {
  ensureImage();
  removeContainers();
  const ids = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < n) {
        const i = next++;
        ids[i] = await runAsync([
          'create', '--network', 'none', '--label', `${LABEL}=1`, '--name', `godock-bench-env-${i}`,
          '-e', `SERVICE_NAME=svc-${i}`, '-e', 'LOG_LEVEL=debug', '-e', 'APP_MODE=production', '-e', 'PORT=8080',
          '-e', 'DATABASE_URL=postgres://app@db:5432/app', '-e', 'GOMAXPROCS=2', '-e', 'GOFLAGS=-mod=readonly',
          '-e', 'API_TOKEN=FAKEFAKEFAKEFAKEFAKEFAKE', '-e', `REPLICA=${i % 7}`, IMAGE,
        ]);
      }
    }),
  );
  for (let i = 0; i < n; i += 50) {
    await runAsync(['start', ...ids.slice(i, i + 50)]);
    log(`  started ${Math.min(i + 50, n)}/${n} containers`);
  }
  return ids;
}

/** Wall time of one whole process in ms (stdout discarded); throws when it fails. */
function timeOnce(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.slice(0, 2).join(' ')} exited ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-3).join(' | ')}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs the comparison; resolves to { containers, files, godockMs, dockerMs, ratio, godockRuns,
 * dockerRuns }. Containers are removed at the end unless `keep`.
 */
export async function benchEnv({ containers = 200, runs = 5, keep = false, cli = CLI, log = (s) => process.stderr.write(`${s}\n`) } = {}) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build`);
  let ids = labelled({ all: false });
  if (ids.length !== containers || labelled({ all: true }).length !== containers) {
    log(`starting ${containers} containers labelled ${LABEL}=1 from ${IMAGE}`);
    ids = await startContainers(containers, log);
  } else log(`reusing ${containers} running containers labelled ${LABEL}=1`);
  const outRoot = mkdtempSync(path.join(tmpdir(), 'godock-bench-env-out-'));
  try {
    let files = 0;
    const godockOnce = (i) => {
      const dir = path.join(outRoot, String(i));
      const ms = timeOnce(process.execPath, [cli, 'env', '--all', '--label', `${LABEL}=1`, '--output-dir', dir]);
      files = readdirSync(dir).length;
      rmSync(dir, { recursive: true, force: true });
      return ms;
    };
    const dockerOnce = () => timeOnce('docker', ['inspect', ...ids]);
    godockOnce('warm');
    dockerOnce();
    const godockRuns = [];
    const dockerRuns = [];
    // Interleaved, so both see the same engine and page-cache state.
    for (let i = 0; i < runs; i++) {
      godockRuns.push(godockOnce(i));
      dockerRuns.push(dockerOnce());
    }
    if (files !== containers) throw new Error(`godock wrote ${files} files for ${containers} containers`);
    const godockMs = median(godockRuns);
    const dockerMs = median(dockerRuns);
    return { containers, files, godockMs, dockerMs, ratio: godockMs / dockerMs, godockRuns, dockerRuns };
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
    if (!keep) removeContainers();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      containers: { type: 'string', default: '200' },
      runs: { type: 'string', default: '5' },
      keep: { type: 'boolean', default: false },
      cli: { type: 'string', default: CLI },
    },
  });
  const why = engineUnavailable();
  if (why) {
    process.stderr.write(`bench-env: no Docker Engine: ${why}\n`);
    return 2;
  }
  const keep = values.keep;
  if (!keep) process.on('SIGINT', () => (removeContainers(), process.exit(130)));
  const r = await benchEnv({ containers: Number(values.containers), runs: Number(values.runs), keep, cli: path.resolve(values.cli) });
  const f = (ms) => `${ms.toFixed(0)} ms`;
  const out = [
    `godock env --all over ${r.containers} containers (${r.files} files): median ${f(r.godockMs)}  runs ${r.godockRuns.map(f).join(', ')}`,
    `docker inspect of the same ${r.containers} ids:        median ${f(r.dockerMs)}  runs ${r.dockerRuns.map(f).join(', ')}`,
    `ratio godock / docker inspect: ${r.ratio.toFixed(2)}× (goal ≤ 1.5×: ${r.ratio <= 1.5 ? 'PASS' : 'MISS'})`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`bench-env: ${e.message}\n`);
      if (!process.argv.includes('--keep')) removeContainers();
      process.exit(2);
    },
  );
}
