/**
 * Stands in for ssh2 inside dist/runtime.js (see scripts/build-runtime.mjs). docker-modem reads
 * `require('ssh2').Client` when it loads, but constructs a Client only for an ssh:// host; the
 * real ssh2 (~110 ms to load, with optional native parts) is required on that first use.
 * It is resolved the way docker-modem would resolve it: from docker-modem's own folder.
 */
import { createRequire } from 'node:module';

interface Ssh2 {
  Client: new (...args: unknown[]) => object;
}

let ssh2: Ssh2 | undefined;

/** The real ssh2 package (through dockerode → docker-modem, as their own require() would find it). */
export function loadSsh2(): Ssh2 {
  if (!ssh2) {
    // createRequire'd functions are opaque to esbuild: ssh2 stays out of the bundle.
    const fromDockerode = createRequire(createRequire(__filename).resolve('dockerode'));
    const fromModem = createRequire(fromDockerode.resolve('docker-modem'));
    ssh2 = fromModem('ssh2') as Ssh2;
  }
  return ssh2;
}

/** `new Client(…)` builds the real ssh2 Client (a constructor returning an object yields it). */
export function Client(...args: unknown[]): object {
  const Real = loadSsh2().Client;
  return new Real(...args);
}
