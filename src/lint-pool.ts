/**
 * Lints the discovered files on several threads: the calling thread and `jobs - 1` worker threads
 * (dist/lint-worker.js) take the next file from one shared atomic counter, so fast and slow
 * threads balance themselves and every file is done exactly once. Each worker posts its outcomes
 * when the counter runs out; outcomes are kept by file index, so the result does not depend on
 * which thread did what. A worker that fails or dies leaves its files' slots empty, and the
 * calling thread lints those itself: a crashed thread costs time, never a file.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Discovered } from './discover';
import type { ResolvedConfig } from './engine/config';
import type { Rule } from './engine/define-rule';
import { processFile, type FileOutcome } from './lint-file';
import { rules as allRules } from '../rules';

/** Below this many files per thread, starting a worker (loading the bundle: ~50 ms) does not pay. */
export const FILES_PER_THREAD = 64;
/** The most threads `jobs: 'auto'` picks. */
const MAX_AUTO_JOBS = 8;

/** What a worker receives: its share is whatever it takes from `next`. */
export interface WorkerInput {
  files: Discovered[];
  /** Ids of the rules to run (registry rules only; see canDelegate). */
  ruleIds: string[];
  /** The distinct configurations, and the index of each file's. */
  configs: ResolvedConfig[];
  configIndex: number[];
  /** Int32Array over a SharedArrayBuffer: [index of the next file to take]. */
  next: Int32Array;
}

export type WorkerOutput = Array<[index: number, outcome: FileOutcome]>;

/** Threads `jobs` asks for: a number, or 'auto' (one per CPU, at most MAX_AUTO_JOBS). */
export function resolveJobs(jobs: number | 'auto'): number {
  return jobs === 'auto' ? Math.min(availableParallelism(), MAX_AUTO_JOBS) : Math.max(1, Math.floor(jobs));
}

/** The worker script shipped beside the bundle that runs this code (absent when run from source). */
export function defaultWorkerScript(): string {
  return path.join(__dirname, 'lint-worker.js');
}

/** Workers rebuild the rule set from the registry by id; rules from elsewhere keep linting on this thread. */
function canDelegate(rules: readonly Rule[]): boolean {
  const registry = new Set<Rule>(allRules);
  return rules.every((r) => registry.has(r));
}

/** Outcomes of `files`, by index; file i is linted with `configs[configIndex[i]]`. */
export async function lintFiles(
  files: readonly Discovered[],
  rules: readonly Rule[],
  configs: readonly ResolvedConfig[],
  configIndex: readonly number[],
  jobs: number,
  workerScript: string = defaultWorkerScript(),
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const threads = Math.min(jobs, Math.floor(files.length / FILES_PER_THREAD));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const input: WorkerInput = { files: [...files], ruleIds: rules.map((r) => r.id), configs: [...configs], configIndex: [...configIndex], next };
  const workers = threads > 1 && canDelegate(rules) && existsSync(workerScript) ? startWorkers(threads - 1, workerScript, input) : [];

  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) outcomes[i] = lintOne(input, i, rules);
  for (const batch of await Promise.all(workers)) for (const [i, o] of batch) outcomes[i] = o;
  // Files a failed worker had taken.
  for (let i = 0; i < files.length; i++) outcomes[i] ??= lintOne(input, i, rules);
  return outcomes;
}

/** File `i` of the input, with its configuration. */
export function lintOne(input: WorkerInput, i: number, rules: readonly Rule[]): FileOutcome {
  return processFile(input.files[i]!, rules, input.configs[input.configIndex[i]!]!);
}

function startWorkers(n: number, script: string, input: WorkerInput): Promise<WorkerOutput>[] {
  return Array.from({ length: n }, () => {
    const worker = new Worker(script, { workerData: input, stdout: true, stderr: true });
    return new Promise<WorkerOutput>((resolve) => {
      let output: WorkerOutput = [];
      worker.once('message', (m: WorkerOutput) => (output = m));
      worker.once('error', () => resolve([]));
      worker.once('exit', () => resolve(output));
    });
  });
}
