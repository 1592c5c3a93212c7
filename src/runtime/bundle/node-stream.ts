/**
 * Stands in for readable-stream inside dist/runtime.js (see scripts/build-runtime.mjs).
 * readable-stream 3 is a copy of Node's own streams (it hands out Node's when told to); docker-modem
 * takes its Duplex from it. Node's stream module serves the same classes without loading a second
 * copy of them with every `godock env`.
 */
export { Duplex, finished, PassThrough, pipeline, Readable, Stream, Transform, Writable } from 'node:stream';
