// File sets for the bench, all taken from the corpus MANIFEST.tsv (in its order), plus the list of
// Dockerfiles that tally parses (cached under .bench/, since finding it costs a minute or two).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import * as path from 'node:path';

/** Every MANIFEST row as { kind, file } (file relative to the corpus root). */
export function manifest(corpus) {
  const rows = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return rows.map((r) => {
    const [kind, file, , , , , bytes] = r.split('\t');
    return { kind, file, bytes: Number(bytes) };
  });
}

// tally aborts the whole run on the first file it refuses and names it: exit 2 for a parse error
// ("failed to lint <file>: dockerfile parse error …"), exit 4 for its fail-fast syntax checks
// ("<file>:<line>: Dockerfile has no stages to build …").
const TALLY_ABORT = { 2: /failed to lint (.+?): /, 4: /^Error: (.+?):\d+: /m };

/**
 * Dockerfiles (kind `dockerfile`, MANIFEST order) that tally accepts: tally aborts the whole run
 * on the first file it refuses and names it, so run batches with every rule off, drop the
 * named file and go on with the rest of the batch; then re-check each batch as a whole (in case
 * tally does not go through its arguments in order) until it passes.
 */
export function tallyParses(tally, corpus, files, log) {
  const rejected = new Set();
  const run = (batch) => {
    const r = spawnSync(tally, ['lint', '--no-config', '--slow-checks', 'off', '--ignore', '*', '--format', 'json', ...batch], {
      cwd: corpus,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    if (r.status === 0 || r.status === 1) return null;
    const m = TALLY_ABORT[r.status]?.exec(r.stderr);
    if (!m) throw new Error(`tally exited ${r.status} without naming a file: ${r.stderr.trim().split('\n').pop()}`);
    const bad = path.isAbsolute(m[1]) ? path.relative(corpus, m[1]) : m[1];
    if (!batch.includes(bad)) throw new Error(`tally rejected ${bad}, which was not in the batch`);
    return bad;
  };
  const BATCH = 300;
  for (let i = 0; i < files.length; i += BATCH) {
    let rest = files.slice(i, i + BATCH);
    const before = rejected.size;
    for (;;) {
      const bad = run(rest);
      if (!bad) break;
      rejected.add(bad);
      rest = rest.slice(rest.indexOf(bad) + 1);
      if (rest.length === 0) break;
    }
    // Re-check the batch without the rejected files (when any were rejected).
    let kept = rejected.size === before ? [] : files.slice(i, i + BATCH).filter((f) => !rejected.has(f));
    for (let bad; kept.length && (bad = run(kept)); kept = kept.filter((f) => f !== bad)) rejected.add(bad);
    log?.(`  tally parse check: ${Math.min(i + BATCH, files.length)}/${files.length} files, ${rejected.size} rejected`);
  }
  return files.filter((f) => !rejected.has(f));
}

/** Cached wrapper of tallyParses keyed by tally's version and the MANIFEST's size. */
export function cachedTallyParses(benchDir, tally, tallyVersion, corpus, files, log) {
  const key = `v2 ${tallyVersion} ${files.length}`;
  const cache = path.join(benchDir, 'tally-parses.txt');
  if (existsSync(cache)) {
    const [head, ...list] = readFileSync(cache, 'utf8').split('\n').filter(Boolean);
    if (head === `# ${key}`) return list;
  }
  log?.(`finding the Dockerfiles tally parses (one time, cached in ${path.relative(process.cwd(), cache)})…`);
  const list = tallyParses(tally, corpus, files, log);
  writeFileSync(cache, [`# ${key}`, ...list, ''].join('\n'));
  return list;
}

/** Copies the given corpus files to `dest` (same relative layout) unless already there. */
export function copyTree(corpus, files, dest) {
  const stamp = path.join(dest, '.bench-complete');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === String(files.length)) return;
  for (const f of files) {
    const to = path.join(dest, f);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(corpus, f), to);
  }
  writeFileSync(stamp, String(files.length));
}
