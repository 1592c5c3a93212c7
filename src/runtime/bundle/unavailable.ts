/**
 * Stands in for @grpc/grpc-js, @grpc/proto-loader and protobufjs inside dist/runtime.js (see
 * scripts/build-runtime.mjs). dockerode requires them when it loads but uses them only for
 * BuildKit sessions and BuildKit build progress, which godock never uses; loading them cost
 * ~200 ms per `godock env`. Requiring this module is free; using any of its members throws.
 */
import { unavailableModule } from './unavailable-module';

export = unavailableModule('gRPC/protobuf (BuildKit only)');
