/**
 * Entry of a lint worker thread (bundled as dist/lint-worker.js; started by src/lint-pool.ts):
 * takes files from the shared counter until none are left, then posts their outcomes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile } from './lint-file';
import type { WorkerInput, WorkerOutput } from './lint-pool';
import { rules as allRules } from '../rules';

const { files, ruleIds, config, next } = workerData as WorkerInput;
const ids = new Set(ruleIds);
const rules = allRules.filter((r) => ids.has(r.id));
const out: WorkerOutput = [];
for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) out.push([i, processFile(files[i]!, rules, config)]);
parentPort!.postMessage(out);
