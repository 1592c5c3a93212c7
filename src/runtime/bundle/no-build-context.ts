/**
 * Stands in for tar-fs and @balena/dockerignore inside dist/runtime.js (see
 * scripts/build-runtime.mjs). dockerode requires them when it loads (with tar-stream, bl and
 * readable-stream behind them) but uses them only to pack image build contexts, which godock
 * never does. Requiring this module is free; using any of its members throws.
 */
import { unavailableModule } from './unavailable-module';

export = unavailableModule('image build contexts (tar-fs, dockerignore)');
