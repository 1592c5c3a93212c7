/**
 * Stands in for @grpc/grpc-js, @grpc/proto-loader and protobufjs inside dist/runtime.js (see
 * scripts/build-runtime.mjs). dockerode requires them when it loads but uses them only for
 * BuildKit sessions and BuildKit build progress, which godock never uses; loading them cost
 * ~200 ms per `godock env`. Requiring this module is free; using any of its members throws.
 */
const unavailable: Record<string, never> = new Proxy({} as Record<string, never>, {
  get(_target, key) {
    // Module interop and promise probes may look; they get nothing.
    if (typeof key === 'symbol' || key === '__esModule' || key === 'default' || key === 'then') return undefined;
    throw new Error(`godock's Docker client is built without gRPC/protobuf (BuildKit only); "${key}" is not available`);
  },
});

export = unavailable;
