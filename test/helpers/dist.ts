/** The bundled entry points, rebuilt (once per test file) when missing or older than the sources. */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const ACTION = path.join(ROOT, 'dist', 'action.js');

function newestMtime(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return max;
}

export function ensureBuilt(entry: string = CLI): string {
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'rules')), statSync(path.join(ROOT, 'package.json')).mtimeMs);
  if (!existsSync(entry) || statSync(entry).mtimeMs < sources) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
  return entry;
}

/**
 * A copy of the bundled dist/ that another user can read, for tests that run the CLI as
 * `nobody`: the checkout may sit in a private directory (root's home, a `mktemp -d`). The bundles
 * need nothing outside dist/. Call `dispose()` when done.
 */
export function readableDist(): { dir: string; cli: string; dispose(): void } {
  ensureBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'godock-dist-'));
  chmodSync(dir, 0o755);
  for (const f of readdirSync(path.join(ROOT, 'dist'))) {
    if (!f.endsWith('.js')) continue;
    copyFileSync(path.join(ROOT, 'dist', f), path.join(dir, f));
    chmodSync(path.join(dir, f), 0o644);
  }
  return { dir, cli: path.join(dir, 'cli.js'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
