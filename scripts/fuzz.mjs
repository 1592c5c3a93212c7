// `npm run fuzz`: bundles test/fuzz/main.ts (the fuzz properties over the in-process lint
// pipeline) with esbuild into a temporary file and runs it. Arguments are passed through:
//   npm run fuzz -- --runs 100000 --seed 42 --only "mutated corpus" --path "12:3"
// Prints the number of cases and, on failure, the property, seed and path to replay; exits 1.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'godock-fuzz-'));
const outfile = join(dir, 'fuzz.cjs');
let code = 2;
try {
  await build({
    entryPoints: [join(root, 'test/fuzz/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    loader: { '.md': 'text' },
    define: { __GODOCK_VERSION__: JSON.stringify('0.0.0-fuzz') },
    // dockerode is never reached from lint; keep it (and its native deps) out of the bundle.
    external: ['dockerode', 'ssh2', 'cpu-features'],
  });
  const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  code = r.status ?? 2;
  if (r.signal) process.stderr.write(`fuzz: runner killed by ${r.signal}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
