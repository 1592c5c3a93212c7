// The package version, injected at build time by esbuild (define) and read from package.json otherwise.
declare const __GODOCK_VERSION__: string | undefined;
export const VERSION: string =
  typeof __GODOCK_VERSION__ === 'string' ? __GODOCK_VERSION__ : (require('../package.json') as { version: string }).version;
