#!/usr/bin/env node
// `npm run bench`: godock side by side with the peers a user would pick instead (tally,
// secretlint with its recommended preset, dclint on compose files), on the real-world corpus,
// in one run. Prints per tool: median wall time of the whole process, files per second, peak RSS
// and the ratio godock / tool; then cold start, scaling with corpus size, `godock env --all` over
// running containers, and PASS/MISS per goal of issue #8.
//
// Options (defaults keep the whole bench around 10–15 minutes on a 2-core machine):
//   --runs N           timed runs for godock and the read-only script on the sample and the
//                      compose files, and for cold start ×4 (5)
//   --big-runs N       timed runs for godock and the read-only script on the whole corpus and
//                      its copies (3)
//   --peer-runs N      timed runs for secretlint (3)
//   --dclint-runs N    timed runs for dclint (1; dclint needs about two minutes per run here)
//   --tally-runs N     timed runs for tally on the sample (1; tally needs minutes per run)
//   --tally-corpus     also run tally on every Dockerfile it parses (slow: ~6× the sample)
//   --containers N     containers for the `godock env --all` part (200)
//   --no-peers         godock and the read-only script only
//   --no-env           skip the `godock env --all` part
//   --corpus DIR       the corpus (default ../shared/corpus next to the repository)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GNU_TIME, measure } from './bench/measure.mjs';
import { manifest, cachedTallyParses, copyTree } from './bench/corpus.mjs';
import { ensurePeers, locatePeers } from './bench/peers.mjs';
import * as envScale from './bench/env-at-scale.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, '.bench');
const READ_ONLY = path.join(ROOT, 'scripts', 'bench', 'read-only.mjs');
const GODOCK = path.join(ROOT, 'bin', 'godock.js');
const NODE = process.execPath;

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'big-runs': { type: 'string', default: '3' },
    'peer-runs': { type: 'string', default: '3' },
    'tally-runs': { type: 'string', default: '1' },
    'dclint-runs': { type: 'string', default: '1' },
    'tally-corpus': { type: 'boolean', default: false },
    containers: { type: 'string', default: '200' },
    'no-peers': { type: 'boolean', default: false },
    'no-env': { type: 'boolean', default: false },
    corpus: { type: 'string', default: path.resolve(ROOT, '..', 'shared', 'corpus') },
  },
});
const RUNS = Number(opt.runs);
const BIG_RUNS = Number(opt['big-runs']);
const PEER_RUNS = Number(opt['peer-runs']);
const TALLY_RUNS = Number(opt['tally-runs']);
const CORPUS = path.resolve(opt.corpus);

const log = (s = '') => process.stdout.write(`${s}\n`);
const goals = [];
const started = Date.now();

// ---------- formatting ----------
const secs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (kb) => (kb == null ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const ratio = (x) => (x >= 0.1 ? `${x.toFixed(2)}×` : `${x.toFixed(3)}×`);
function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const [i, r] of rows.entries()) {
    log('  ' + r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('   '));
    if (i === 0) log('  ' + widths.map((w) => '-'.repeat(w)).join('   '));
  }
}
function goal(name, value, limit, unit = '×') {
  const pass = value != null && value <= limit;
  goals.push({ name, text: value == null ? 'not measured' : `${unit === '×' ? ratio(value) : `${value.toFixed(0)} ${unit}`} (limit ${limit}${unit === '×' ? '×' : ` ${unit}`})`, verdict: value == null ? 'SKIP' : pass ? 'PASS' : 'MISS' });
}

/** Times each tool on one file set and prints the table; returns { [tool]: result }. */
async function compare(title, files, tools) {
  log(`\n== ${title} ==`);
  const results = {};
  for (const t of tools) {
    if (t.skip) {
      results[t.name] = { error: t.skip };
      continue;
    }
    process.stderr.write(`  … ${t.name} (${t.runs} run${t.runs === 1 ? '' : 's'})\n`);
    try {
      results[t.name] = await measure(t.cmd, t.args, { cwd: t.cwd ?? CORPUS, runs: t.runs, warmup: t.warmup ?? 1, ok: t.ok, checkFile: t.checkFile });
      // A tool that refuses one file aborts: leave that file out (for every tool) and measure again.
      for (let tries = 0; results[t.name].error && t.refused && tries < 5; tries++) {
        const bad = t.refused(results[t.name].error);
        if (!bad) break;
        log(`  ${t.name} refused ${bad}: measuring again without it`);
        t.args = t.args.filter((x) => x !== bad);
        results[t.name] = await measure(t.cmd, t.args, { cwd: t.cwd ?? CORPUS, runs: t.runs, warmup: t.warmup ?? 1, ok: t.ok, checkFile: t.checkFile });
      }
      if (!results[t.name].error && t.check) {
        const problem = t.check();
        if (problem) results[t.name] = { error: problem };
      }
    } catch (e) {
      results[t.name] = { error: e.message };
    }
  }
  const g = results.godock;
  const rows = [['tool', 'runs', 'wall (median)', 'files/s', 'peak RSS', 'godock / tool']];
  for (const t of tools) {
    const r = results[t.name];
    if (r.error) {
      rows.push([t.name, '-', 'not run', '-', '-', '-']);
      continue;
    }
    const n = t.files ?? files;
    rows.push([t.label ?? t.name, r.walls.length, secs(r.wallMs), (n / (r.wallMs / 1000)).toFixed(0), mb(r.rssKb), t.name === 'godock' || !g || g.error ? '—' : ratio(g.wallMs / r.wallMs)]);
  }
  table(rows);
  for (const t of tools) if (results[t.name].error) log(`  ${t.name}: not run — ${results[t.name].error}`);
  return results;
}

const godockCheckFile = path.join(BENCH, 'godock-output.json');
/** godock exits 2 when some file cannot be parsed (the corpus has such fixtures): fine if it wrote its JSON report. */
function godockTool(args, runs = RUNS, extra = {}) {
  return {
    name: 'godock',
    cmd: NODE,
    args: [GODOCK, 'lint', '--format', 'json', ...args],
    runs,
    ok: (s) => s === 0 || s === 1 || s === 2,
    checkFile: godockCheckFile,
    check: () => {
      try {
        const j = JSON.parse(readFileSync(godockCheckFile, 'utf8'));
        lastGodockReport = { findings: j.findings.length, errors: j.errors.length };
        return null;
      } catch (e) {
        return `godock did not write a JSON report: ${e.message}`;
      }
    },
    ...extra,
  };
}
let lastGodockReport = null;
/** godock on one thread per CPU (`--jobs auto`; the default is one thread), for comparison. */
const godockJobsTool = (args, runs = RUNS) => ({ ...godockTool(['--jobs', 'auto', ...args], runs), name: 'godock-jobs', label: `godock --jobs auto (${cpus().length})` });
const readOnlyTool = (args, runs = RUNS) => ({ name: 'read-only', label: 'read-only (limit)', cmd: NODE, args: [READ_ONLY, ...args], runs, ok: (s) => s === 0 });

// ---------- setup ----------
log(`godock bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
log(`machine: ${cpus().length} CPU (${cpus()[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, node ${process.version}, ${process.platform}-${process.arch}`);
if (!existsSync(path.join(CORPUS, 'MANIFEST.tsv'))) {
  log(`bench: no corpus at ${CORPUS} (MANIFEST.tsv missing); pass --corpus DIR`);
  process.exit(2);
}
if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
  log('dist/cli.js missing: running npm run build');
  const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) {
    log(`bench: npm run build failed:\n${b.stderr}`);
    process.exit(2);
  }
}
const godockVersion = spawnSync(NODE, [GODOCK, '--version'], { encoding: 'utf8' }).stdout.trim();
if (!GNU_TIME) log('note: /usr/bin/time not found (Debian/Ubuntu: apt-get install time); peak RSS is not measured');

let peers = Object.fromEntries(['tally', 'secretlint', 'dclint'].map((name) => [name, { name, error: 'skipped (--no-peers)' }]));
if (!opt['no-peers']) {
  const inst = ensurePeers(BENCH, log);
  if (!inst.ok) log(`peers: ${inst.message}`);
  peers = locatePeers(BENCH);
}
log(`tools: godock ${godockVersion}; ${Object.values(peers).map((p) => (p.error ? `${p.name ?? '?'}: ${p.error}` : `${p.name} ${p.version}`)).join('; ')}`);

const rows = manifest(CORPUS);
const all = rows.map((r) => r.file);
const dockerfiles = rows.filter((r) => r.kind === 'dockerfile').map((r) => r.file);
const composeFiles = rows.filter((r) => r.kind === 'compose').map((r) => r.file);
const bytesOf = (files) => {
  const set = new Set(files);
  return rows.filter((r) => set.has(r.file)).reduce((s, r) => s + r.bytes, 0);
};

let tallyOk = null;
if (peers.tally.cmd) {
  try {
    tallyOk = cachedTallyParses(BENCH, peers.tally.cmd, peers.tally.version, CORPUS, dockerfiles, (s) => process.stderr.write(`${s}\n`));
  } catch (e) {
    peers.tally = { name: 'tally', error: `cannot find the files tally parses: ${e.message}` };
  }
}
const sampleBase = tallyOk ?? dockerfiles;
const sample = sampleBase.filter((_, i) => i % 5 === 0);
log(
  `corpus: ${CORPUS} — ${all.length} files (${(bytesOf(all) / 2 ** 20).toFixed(1)} MiB): ${dockerfiles.length} Dockerfiles` +
    (tallyOk ? ` (${tallyOk.length} parsed by tally)` : ' (tally unavailable: sample taken from all Dockerfiles)') +
    `, ${composeFiles.length} compose files, ${all.length - dockerfiles.length - composeFiles.length} env files and templates`,
);
log(`runs: godock and read-only ${RUNS} (whole corpus ${BIG_RUNS}) after 1 warm-up, secretlint ${PEER_RUNS} after 1 warm-up, dclint ${opt['dclint-runs']}, tally ${TALLY_RUNS}; wall = median; peak RSS = max over runs (GNU time %M)`);

const tallyArgs = (files) => ['lint', '--no-config', '--slow-checks', 'off', '--format', 'json', ...files];
const secretlintArgs = (files) => ['--secretlintrc', peers.secretlint.rc, '--no-glob', '--no-color', ...files];
const peerTool = (p, args, runs, extra = {}) => ({ name: p.name, cmd: p.cmd, args, runs, skip: p.error, ...extra });
// tally's abort messages (see scripts/bench/corpus.mjs) name the refused file.
const tallyRefused = (error) => /failed to lint (.+?): /.exec(error)?.[1] ?? /^exit status 4: Error: (.+?):\d+: /.exec(error)?.[1] ?? null;

// ---------- (a) the sample ----------
const a = await compare(`(a) sample: ${sample.length} Dockerfiles (every fifth that tally parses), ${(bytesOf(sample) / 2 ** 20).toFixed(1)} MiB`, sample.length, [
  godockTool(sample),
  godockJobsTool(sample),
  readOnlyTool(sample),
  peerTool(peers.secretlint, peers.secretlint.cmd ? secretlintArgs(sample) : [], PEER_RUNS),
  peerTool(peers.tally, tallyArgs(sample), TALLY_RUNS, { warmup: 0, refused: tallyRefused }),
]);
if (lastGodockReport) log(`  godock: ${lastGodockReport.findings} findings, ${lastGodockReport.errors} file errors`);

// ---------- (b) the whole corpus ----------
const b = await compare(`(b) whole corpus: ${all.length} files, ${(bytesOf(all) / 2 ** 20).toFixed(1)} MiB`, all.length, [
  godockTool(all, BIG_RUNS),
  godockJobsTool(all, BIG_RUNS),
  readOnlyTool(all, BIG_RUNS),
  peerTool(peers.secretlint, peers.secretlint.cmd ? secretlintArgs(all) : [], PEER_RUNS),
  opt['tally-corpus']
    ? peerTool(peers.tally, tallyArgs(tallyOk ?? []), 1, { warmup: 0, files: tallyOk?.length, label: `tally (${tallyOk?.length ?? 0} Dockerfiles)`, refused: tallyRefused })
    : { name: 'tally', skip: 'skipped on the whole corpus (minutes per run); pass --tally-corpus' },
]);
if (lastGodockReport) log(`  godock: ${lastGodockReport.findings} findings, ${lastGodockReport.errors} file errors`);
// tally only sees the Dockerfiles it parses: compare per file there.
if (b.tally && !b.tally.error && !b.godock.error) log(`  per file: godock ${(b.godock.wallMs / all.length).toFixed(2)} ms, tally ${(b.tally.wallMs / tallyOk.length).toFixed(2)} ms`);

// ---------- compose files: dclint ----------
const c = await compare(`compose files: ${composeFiles.length} compose files, ${(bytesOf(composeFiles) / 2 ** 20).toFixed(1)} MiB`, composeFiles.length, [
  godockTool(composeFiles),
  readOnlyTool(composeFiles),
  // dclint needs minutes per run here: no warm-up run (the files are in the page cache by now).
  peerTool(peers.dclint, ['--no-color', ...composeFiles], Number(opt['dclint-runs']), { warmup: 0, ok: (s) => s === 0 || s === 1 }),
]);

// ---------- (d) cold start ----------
const small = sample.map((f) => ({ f, size: statSync(path.join(CORPUS, f)).size })).filter((x) => x.size < 1024).sort((x, y) => x.size - y.size || (x.f < y.f ? -1 : 1))[0]?.f ?? sample[0];
log(`\n== (d) cold start: one small file (${small}, ${statSync(path.join(CORPUS, small)).size} bytes) ==`);
const coldRuns = RUNS * 4;
const cold = {
  node: await measure(NODE, ['-e', '0'], { cwd: CORPUS, runs: coldRuns, warmup: 2, ok: (s) => s === 0 }),
  version: await measure(NODE, [GODOCK, '--version'], { cwd: CORPUS, runs: coldRuns, warmup: 2, ok: (s) => s === 0 }),
  lint: await measure(NODE, [GODOCK, 'lint', small], { cwd: CORPUS, runs: coldRuns, warmup: 2, ok: (s) => s === 0 || s === 1 }),
};
const coldRows = [['command', 'runs', 'wall (median)', 'peak RSS', '× node -e 0']];
for (const [label, r] of [['node -e 0', cold.node], ['godock --version', cold.version], [`godock lint <file>`, cold.lint]]) {
  coldRows.push(r.error ? [label, '-', `failed: ${r.error}`, '-', '-'] : [label, r.walls.length, secs(r.wallMs), mb(r.rssKb), cold.node.error ? '-' : ratio(r.wallMs / cold.node.wallMs)]);
}
table(coldRows);

// ---------- (e) scaling: 1×, 2×, 4× the corpus (copies under the temp dir, linted by glob) ----------
const copiesDir = path.join(tmpdir(), 'godock-bench-copies');
log(`\n== (e) scaling: 1×, 2×, 4× the corpus (copies in ${copiesDir}, linted as 'cN/**') ==`);
for (let i = 1; i <= 4; i++) copyTree(CORPUS, all, path.join(copiesDir, `c${i}`));
const scale = {};
const scaleRows = [['corpus', 'files', 'wall (median)', 'files/s', 'peak RSS', '× the 1× time']];
for (const k of [1, 2, 4]) {
  const globs = Array.from({ length: k }, (_, i) => `c${i + 1}/**`);
  scale[k] = await measure(NODE, [GODOCK, 'lint', '--format', 'json', ...globs], { cwd: copiesDir, runs: BIG_RUNS, warmup: k === 1 ? 1 : 0, ok: (s) => s <= 2 });
  const r = scale[k];
  scaleRows.push(r.error ? [`${k}×`, '-', `failed: ${r.error}`, '-', '-', '-'] : [`${k}×`, k * all.length, secs(r.wallMs), ((k * all.length) / (r.wallMs / 1000)).toFixed(0), mb(r.rssKb), scale[1].error ? '-' : ratio(r.wallMs / scale[1].wallMs)]);
}
table(scaleRows);

// ---------- (f) godock env --all over N containers ----------
const N = Number(opt.containers);
log(`\n== (f) godock env --all over ${N} running containers vs one docker inspect of them ==`);
let envResult = null;
if (opt['no-env']) log('  skipped (--no-env)');
else {
  const why = envScale.engineUnavailable(ROOT);
  if (why) log(`  skipped: no reachable Docker Engine (${why})`);
  else {
    try {
      process.stderr.write(`  … starting ${N} containers\n`);
      await envScale.startContainers(N, (s) => process.stderr.write(`${s}\n`));
      const ids = envScale.runningIds();
      const outDir = envScale.freshOutputDir();
      const inspect = await measure('docker', ['inspect', ...ids], { runs: RUNS, warmup: 1, ok: (s) => s === 0 });
      const env = await measure(NODE, [GODOCK, 'env', '--all', '--output-dir', outDir, '--force', '--report', 'json'], { runs: RUNS, warmup: 1, ok: (s) => s === 0 });
      const written = envScale.countFiles(outDir);
      envResult = { inspect, env };
      const envRows = [['command', 'runs', 'wall (median)', 'peak RSS', 'godock / inspect']];
      envRows.push(inspect.error ? ['docker inspect <ids>', '-', `failed: ${inspect.error}`, '-', '-'] : ['docker inspect <ids>', inspect.walls.length, secs(inspect.wallMs), mb(inspect.rssKb), '—']);
      envRows.push(env.error ? ['godock env --all', '-', `failed: ${env.error}`, '-', '-'] : ['godock env --all', env.walls.length, secs(env.wallMs), mb(env.rssKb), inspect.error ? '-' : ratio(env.wallMs / inspect.wallMs)]);
      table(envRows);
      log(`  ${ids.length} running containers (${N} started by the bench), ${written} env-files written`);
    } catch (e) {
      log(`  failed: ${e.message}`);
    } finally {
      envScale.removeContainers();
      rmSync(path.join(tmpdir(), 'godock-bench-env-out'), { recursive: true, force: true });
    }
  }
}

// ---------- goals ----------
const r = (x, y) => (x && y && !x.error && !y.error ? x.wallMs / y.wallMs : null);
goal('sample: godock ≤ 0.1 × secretlint', r(a.godock, a.secretlint), 0.1);
goal('sample: godock ≤ 0.02 × tally', r(a.godock, a.tally), 0.02);
goal('corpus: godock ≤ 0.1 × secretlint', r(b.godock, b.secretlint), 0.1);
// tally runs on the whole corpus only with --tally-corpus; otherwise its per-file time on the sample stands in.
const tallyPerFile = b.tally && !b.tally.error ? b.tally.wallMs / tallyOk.length : a.tally && !a.tally.error ? a.tally.wallMs / sample.length : null;
goal(
  `corpus: godock ≤ 0.02 × tally (per file${b.tally && !b.tally.error ? '' : ', tally from the sample'})`,
  tallyPerFile && !b.godock.error ? b.godock.wallMs / all.length / tallyPerFile : null,
  0.02,
);
goal('sample: godock ≤ 3 × read-only', r(a.godock, a['read-only']), 3);
goal('corpus: godock ≤ 3 × read-only', r(b.godock, b['read-only']), 3);
goal('cold start: godock lint ≤ 2.5 × node -e 0', r(cold.lint, cold.node), 2.5);
goal('corpus: peak RSS ≤ 150 MB', b.godock.error || b.godock.rssKb == null ? null : b.godock.rssKb / 1024, 150, 'MB');
goal('4× corpus ≤ 4.4 × the 1× time', r(scale[4], scale[1]), 4.4);
goal('env --all ≤ 1.5 × docker inspect', envResult ? r(envResult.env, envResult.inspect) : null, 1.5);
log('\n== goals (issue #8) ==');
table([['goal', 'measured', 'verdict'], ...goals.map((g) => [g.name, g.text, g.verdict])]);
log(`\nbench took ${((Date.now() - started) / 60000).toFixed(1)} min`);
if (c.godock?.error || a.godock?.error || b.godock?.error) process.exitCode = 1;
