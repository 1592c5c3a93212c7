// The Docker client of `godock env` as its own chunk, dist/runtime.js: dockerode and docker-modem
// bundled, required by dist/cli.js only when `godock env` connects (src/runtime/docker.ts).
// dockerode requires gRPC and protobufjs when it loads (~200 ms) for BuildKit sessions, which
// godock never opens: they are replaced by a stub that throws if ever used; so are tar-fs and
// @balena/dockerignore (image build contexts only). readable-stream (a copy of Node's streams) is
// Node's own stream module. docker-modem requires ssh2 (~110 ms) when it loads: a stub loads the
// real package on the first ssh:// use.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STUBS = path.join(ROOT, 'src', 'runtime', 'bundle');
const REPLACED = {
  '@grpc/grpc-js': path.join(STUBS, 'unavailable.ts'),
  '@grpc/proto-loader': path.join(STUBS, 'unavailable.ts'),
  protobufjs: path.join(STUBS, 'unavailable.ts'),
  ssh2: path.join(STUBS, 'lazy-ssh2.ts'),
  'tar-fs': path.join(STUBS, 'no-build-context.ts'),
  '@balena/dockerignore': path.join(STUBS, 'no-build-context.ts'),
  'readable-stream': path.join(STUBS, 'node-stream.ts'),
};

/** For the CLI bundle: `require('dockerode')` becomes `require('./runtime.js')`, left external. */
export const dockerodeFromRuntimeChunk = {
  name: 'dockerode-from-runtime-chunk',
  setup(b) {
    b.onResolve({ filter: /^dockerode$/ }, () => ({ path: './runtime.js', external: true }));
  },
};

const stubs = {
  name: 'godock-runtime-stubs',
  setup(b) {
    b.onResolve({ filter: /^(@grpc\/grpc-js|@grpc\/proto-loader|protobufjs|ssh2|tar-fs|@balena\/dockerignore|readable-stream)$/ }, (a) => ({ path: REPLACED[a.path] }));
  },
};

/** esbuild options (on top of the shared ones) for dist/runtime.js. */
export const runtimeChunk = {
  stdin: { contents: "module.exports = require('dockerode');\n", resolveDir: ROOT, sourcefile: 'godock-runtime.js', loader: 'js' },
  outfile: 'dist/runtime.js',
  plugins: [stubs],
};
