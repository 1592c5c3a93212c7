/**
 * A module that can be required and probed but not used: every member read throws, naming what
 * godock's Docker client (dist/runtime.js, scripts/build-runtime.mjs) is built without.
 */
export function unavailableModule(what: string): Record<string, never> {
  return new Proxy({} as Record<string, never>, {
    get(_target, key) {
      // Module interop and promise probes may look; they get nothing.
      if (typeof key === 'symbol' || key === '__esModule' || key === 'default' || key === 'then') return undefined;
      throw new Error(`godock's Docker client is built without ${what}; "${key}" is not available`);
    },
  });
}
