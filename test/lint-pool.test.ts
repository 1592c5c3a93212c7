/**
 * The lint pool (src/lint-pool.ts) must not change a result: the same files linted on one thread
 * and on several (the bundled dist/lint-worker.js) give identical results, also when a worker
 * fails to start or dies after taking files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lintPaths } from '../src/lint';
import { FILES_PER_THREAD, resolveJobs } from '../src/lint-pool';
import { rules } from '../rules';
import { DEFAULT_CONFIG } from '../src/engine/config';
import { ensureBuilt, ROOT } from './helpers/dist';
import { corpusRoot, describeCorpus } from './helpers/corpus';

const WORKER = path.join(ROOT, 'dist', 'lint-worker.js');

let tmp: string;
beforeAll(() => {
  ensureBuilt(path.join(ROOT, 'dist', 'cli.js'));
  tmp = mkdtempSync(path.join(tmpdir(), 'godock-pool-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A worker script; `body` runs in the worker thread. */
function script(name: string, body: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, body);
  return file;
}

describeCorpus('lint pool on the corpus', () => {
  let single: string;
  let CORPUS: string;
  /** Compose files, their env files and Dockerfiles, and Dockerfiles with findings of both kinds. */
  let INPUTS: string[];
  beforeAll(async () => {
    CORPUS = corpusRoot();
    INPUTS = ['compose', 'edge'].map((d) => path.join(CORPUS, d));
    single = JSON.stringify(await lintPaths(INPUTS, { cwd: CORPUS, jobs: 1 }));
  }, 120_000);

  it('lints enough files for several threads, with findings and errors', () => {
    const r = JSON.parse(single) as { files: { findings: unknown[]; errors: unknown[] }[] };
    expect(r.files.length).toBeGreaterThan(4 * FILES_PER_THREAD);
    expect(r.files.some((f) => f.findings.length > 0)).toBe(true);
    expect(r.files.some((f) => f.errors.length > 0)).toBe(true);
  });

  it.each([2, 3])('gives the same result with %i threads', async (jobs) => {
    // The real worker, wrapped to leave a mark once it has linted its share.
    const mark = path.join(tmp, `ran-${jobs}`);
    const wrapped = script(`wrapped-${jobs}.js`, `require(${JSON.stringify(WORKER)});\nrequire('node:fs').appendFileSync(${JSON.stringify(mark)}, 'x');\n`);
    expect(JSON.stringify(await lintPaths(INPUTS, { cwd: CORPUS, jobs, workerScript: wrapped }))).toBe(single);
    expect(readFileSync(mark, 'utf8')).toBe('x'.repeat(jobs - 1));
  }, 120_000);

  it('gives the same result when a worker cannot start', async () => {
    const broken = script('broken.js', "throw new Error('cannot load');\n");
    expect(JSON.stringify(await lintPaths(INPUTS, { cwd: CORPUS, jobs: 2, workerScript: broken }))).toBe(single);
  }, 120_000);

  it('gives the same result when a worker dies after taking files', async () => {
    // Takes ten files off the shared counter, then exits without posting anything.
    const dying = script(
      'dying.js',
      "const { workerData } = require('node:worker_threads');\nfor (let i = 0; i < 10; i++) Atomics.add(workerData.next, 0, 1);\nprocess.exit(3);\n",
    );
    expect(JSON.stringify(await lintPaths(INPUTS, { cwd: CORPUS, jobs: 2, workerScript: dying }))).toBe(single);
  }, 120_000);

  it('gives the same result with a configuration per file', async () => {
    // Files under compose/ get one configuration, the others another.
    const quiet = { ...DEFAULT_CONFIG, rules: { 'secret-in-env': { severity: 'off' as const } } };
    const loud = { ...DEFAULT_CONFIG, rules: { 'secret-in-env': { severity: 'info' as const } } };
    const inCompose = (file: string) => file.startsWith(path.join(CORPUS, 'compose') + path.sep);
    const configFor = async (abs: string) => ({ file: null, config: inCompose(abs) ? quiet : loud });
    const one = await lintPaths(INPUTS, { cwd: CORPUS, jobs: 1, configFor });
    const two = await lintPaths(INPUTS, { cwd: CORPUS, jobs: 2, configFor, workerScript: WORKER });
    expect(two).toEqual(one);
    const env = one.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'secret-in-env');
    expect(env.length).toBeGreaterThan(0);
    expect(env.filter((f) => f.severity !== 'info' || inCompose(f.file)).map((f) => [f.file, f.severity])).toEqual([]);
  }, 120_000);

  it('keeps custom rules on the calling thread', async () => {
    const picked = rules.filter((r) => r.id === 'secret-in-env');
    const custom = [{ ...picked[0]!, id: 'my-copy-of-secret-in-env' }];
    const a = await lintPaths(INPUTS, { cwd: CORPUS, jobs: 1, rules: custom });
    const b = await lintPaths(INPUTS, { cwd: CORPUS, jobs: 2, rules: custom, workerScript: WORKER });
    expect(b).toEqual(a);
    expect(a.files.some((f) => f.findings.some((x) => x.ruleId === 'my-copy-of-secret-in-env'))).toBe(true);
  }, 120_000);
});

describe('resolveJobs', () => {
  it.each([
    [1, 1],
    [4, 4],
    [0, 1],
    [2.7, 2],
  ])('%p → %p', (jobs, want) => expect(resolveJobs(jobs)).toBe(want));

  it('auto picks at least one thread', () => expect(resolveJobs('auto')).toBeGreaterThanOrEqual(1));
});
