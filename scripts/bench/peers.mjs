// The peer linters, installed into the bench-only folder .bench/ (gitignored) at pinned versions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const PINS = {
  '@wharflab/tally-linux-x64': '0.45.0',
  secretlint: '13.0.6',
  '@secretlint/secretlint-rule-preset-recommend': '13.0.7',
  dclint: '3.1.0',
};

function installedVersion(benchDir, pkg) {
  try {
    return JSON.parse(readFileSync(path.join(benchDir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** Installs missing or mismatched pins; returns { ok, message }. */
export function ensurePeers(benchDir, log) {
  mkdirSync(benchDir, { recursive: true });
  const missing = Object.entries(PINS).filter(([pkg, v]) => installedVersion(benchDir, pkg) !== v);
  if (missing.length === 0) return { ok: true };
  if (process.platform !== 'linux' || process.arch !== 'x64') log(`note: tally is installed as @wharflab/tally-linux-x64; this is ${process.platform}-${process.arch}`);
  log(`installing peers into ${path.relative(process.cwd(), benchDir) || benchDir}: ${missing.map(([p, v]) => `${p}@${v}`).join(' ')}`);
  const r = spawnSync('npm', ['install', '--prefix', benchDir, '--no-audit', '--no-fund', '--loglevel=error', ...missing.map(([p, v]) => `${p}@${v}`)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.error || r.status !== 0) return { ok: false, message: `npm install failed: ${(r.error?.message ?? r.stderr).trim().split('\n').slice(-3).join(' / ')}` };
  return { ok: true };
}

/** Each peer as { name, cmd, version } or { name, error }. */
export function locatePeers(benchDir) {
  const bin = (rel) => path.join(benchDir, 'node_modules', rel);
  const check = (name, pkg, file) => {
    const cmd = bin(file);
    const version = installedVersion(benchDir, pkg);
    if (!existsSync(cmd) || !version) return { name, error: `not installed (${pkg})` };
    return { name, cmd, version };
  };
  const tally = check('tally', '@wharflab/tally-linux-x64', '@wharflab/tally-linux-x64/bin/tally');
  if (tally.cmd) {
    const r = spawnSync(tally.cmd, ['--version'], { encoding: 'utf8' });
    if (r.error || r.status !== 0) Object.assign(tally, { cmd: undefined, error: `cannot run tally: ${r.error?.message ?? r.stderr.trim()}` });
  }
  const secretlint = check('secretlint', 'secretlint', '.bin/secretlint');
  if (secretlint.cmd) {
    if (!installedVersion(benchDir, '@secretlint/secretlint-rule-preset-recommend')) Object.assign(secretlint, { cmd: undefined, error: 'preset-recommend not installed' });
    else {
      const rc = path.join(benchDir, 'secretlintrc.json');
      writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2) + '\n');
      secretlint.rc = rc;
    }
  }
  const dclint = check('dclint', 'dclint', '.bin/dclint');
  return { tally, secretlint, dclint };
}
