// Bundles the CLI and the GitHub Action entry into dist/ with esbuild.
// dockerode stays out of the CLI bundles: only `godock env` loads it, from its own chunk
// dist/runtime.js (scripts/build-runtime.mjs), so `godock lint` starts without parsing it.
// The Action bundle is self-contained apart from the lint worker, which every entry shares.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dockerodeFromRuntimeChunk, runtimeChunk } from './build-runtime.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  loader: { '.md': 'text' },
  define: { __GODOCK_VERSION__: JSON.stringify(version) },
};

// dist/cli.js is the dispatcher only: each command is its own chunk beside it, required when the
// command runs, so `godock env` does not parse lint's parsers and rules (about 20 ms) nor lint env's.
const COMMANDS = ['lint', 'env', 'rules'];
const commandsAsChunks = {
  name: 'commands-as-chunks',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/(lint|env|rules)$/ }, (a) => ({ path: `./${a.path.slice('./commands/'.length)}-command.js`, external: true }));
  },
};
await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', plugins: [commandsAsChunks] });
for (const name of COMMANDS) {
  await build({
    ...common,
    entryPoints: [`src/commands/${name}.ts`],
    outfile: `dist/${name}-command.js`,
    external: ['ssh2', 'cpu-features'],
    plugins: [dockerodeFromRuntimeChunk],
  });
}
await build({ ...common, ...runtimeChunk });
// The lint pool's worker thread (src/lint-pool.ts), found beside cli.js, action.js and index.js.
await build({ ...common, entryPoints: ['src/lint-worker.ts'], outfile: 'dist/lint-worker.js' });
await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  external: ['dockerode', 'ssh2', 'cpu-features'],
});
if (existsSync('src/action.ts')) {
  await build({
    ...common,
    entryPoints: ['src/action.ts'],
    outfile: 'dist/action.js',
    external: ['dockerode', 'ssh2', 'cpu-features'],
  });
}
