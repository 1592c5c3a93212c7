/**
 * Entry of a lint worker thread (bundled as dist/lint-worker.js; started by src/lint-pool.ts):
 * takes files from the shared counter until none are left, then posts their outcomes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintOne, type WorkerInput, type WorkerOutput } from './lint-pool';
import { rules as allRules } from '../rules';

const input = workerData as WorkerInput;
const ids = new Set(input.ruleIds);
const rules = allRules.filter((r) => ids.has(r.id));
const out: WorkerOutput = [];
const { files, next } = input;
for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) out.push([i, lintOne(input, i, rules)]);
parentPort!.postMessage(out);
