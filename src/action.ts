/**
 * The GitHub Action entry (action.yml → dist/action.js): the runner's environment → the same
 * library calls as `godock lint` → log report, annotations, job summary, SARIF file, outputs,
 * exit code. Speaks the runner protocol directly (INPUT_* variables, workflow commands on stdout,
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files); no @actions/* dependency.
 *
 * Secrets: every message is masked by the engine before it gets here, and the Action never
 * prints file content. It does not `::add-mask::` secret values: that command would itself write
 * the raw value to the log stream.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LintResult, Severity } from './model';
import { atLeast } from './engine/run';
import { formatters, isFormatName, FORMAT_NAMES } from './report';
import { command, limitedAnnotations } from './report/github';
import { toSarif } from './report/sarif';
import { jobSummary } from './report/summary';
import { relativeTo } from './report/flatten';
import { rules } from '../rules';
import { VERSION } from './version';
import { exitCodeOf, lintSession } from './session';
import { atomicWrite, WriteError } from './util/atomic-write';
import { prepareInside } from './util/confine';
import { visible } from './util/safe-text';

type Env = NodeJS.ProcessEnv;
interface Out {
  stdout: { write(s: string): unknown };
}

export class InputError extends Error {}

/** `INPUT_<NAME>`: upper-cased, spaces → `_`, hyphens kept (as the runner sets them). */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function getSwitch(env: Env, name: string, dflt: boolean): boolean {
  const v = getInput(env, name).toLowerCase();
  if (v === '') return dflt;
  if (['on', 'true', 'yes', '1'].includes(v)) return true;
  if (['off', 'false', 'no', '0'].includes(v)) return false;
  throw new InputError(`input "${name}" must be on/off (or true/false), got "${v}"`);
}

export interface ActionInputs {
  paths: string[];
  config: string;
  failLevel: Severity | 'none' | null;
  format: string;
  sarifFile: string;
  onlyChanged: boolean;
  annotations: boolean;
}

export function readInputs(env: Env): ActionInputs {
  const paths = getInput(env, 'paths')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const fl = getInput(env, 'fail-level').toLowerCase();
  if (fl !== '' && !['info', 'warning', 'error', 'none'].includes(fl))
    throw new InputError(`input "fail-level" must be one of info, warning, error, none; got "${fl}"`);
  const format = getInput(env, 'format') || 'stylish';
  if (!isFormatName(format)) throw new InputError(`input "format" must be one of ${FORMAT_NAMES.join(', ')}; got "${format}"`);
  return {
    paths: paths.length ? paths : ['.'],
    config: getInput(env, 'config'),
    failLevel: fl === '' ? null : (fl as Severity | 'none'),
    format,
    sarifFile: getInput(env, 'sarif-file'),
    onlyChanged: getSwitch(env, 'only-changed', false),
    annotations: getSwitch(env, 'annotations', true),
  };
}

/** Appends `name<<DELIM\nvalue\nDELIM` to GITHUB_OUTPUT (the multi-line-safe syntax). */
export function setOutput(env: Env, name: string, value: string): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const delim = `ghadelimiter_${randomUUID()}`;
  if (value.includes(delim)) throw new Error('output value contains its delimiter');
  appendFileSync(file, `${name}<<${delim}\n${value}\n${delim}\n`);
}

export type ChangedFiles = { files: Set<string> } | { fallback: string };

const SHA = /^[0-9a-f]{7,64}$/i;

/**
 * On pull_request events: the files the PR changes (added, copied, modified, renamed; not deleted),
 * relative to the workspace, from the event payload's base/head commits and `git diff base...head`.
 */
export function changedFiles(env: Env, workspace: string): ChangedFiles {
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (event !== 'pull_request' && event !== 'pull_request_target')
    return { fallback: `only-changed applies to pull_request events (this is "${event || 'unknown'}"): linting all files` };
  let base: unknown;
  let head: unknown;
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as { pull_request?: { base?: { sha?: unknown }; head?: { sha?: unknown } } };
    base = payload.pull_request?.base?.sha;
    head = payload.pull_request?.head?.sha;
  } catch {
    return { fallback: 'only-changed: cannot read the event payload (GITHUB_EVENT_PATH): linting all files' };
  }
  if (typeof base !== 'string' || typeof head !== 'string' || !SHA.test(base) || !SHA.test(head))
    return { fallback: 'only-changed: the event payload has no pull_request base/head commits: linting all files' };
  try {
    const out = execFileSync('git', ['diff', '--name-only', '-z', '--diff-filter=ACMR', '--relative', `${base}...${head}`, '--'], {
      cwd: workspace,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    return { files: new Set(out.split('\0').filter(Boolean)) };
  } catch {
    return {
      fallback:
        'only-changed: git could not diff the pull request (is the base commit fetched? use actions/checkout with fetch-depth: 0): linting all files',
    };
  }
}

/**
 * Where the SARIF file goes: inside the workspace, or inside RUNNER_TEMP for an absolute path
 * there; never through a symbolic link (directories are made one at a time, the file is written
 * by the atomic writer, which refuses a link at the target).
 */
export function sarifTarget(env: Env, workspace: string, file: string): string {
  const temp = env.RUNNER_TEMP ? path.resolve(env.RUNNER_TEMP) : null;
  const abs = path.resolve(workspace, file);
  const base = temp && path.isAbsolute(file) && !path.relative(temp, abs).startsWith('..') ? temp : workspace;
  return prepareInside(base, abs);
}

function keepChanged(result: LintResult, workspace: string, changed: Set<string>): LintResult {
  return { files: result.files.filter((f) => changed.has(relativeTo(workspace, f.file) ?? '')) };
}

/** Runs the Action; returns the exit code (0 clean, 1 findings at/above fail-level, 2 failure). */
export async function runAction(env: Env, io: Out, cwd: string = process.cwd()): Promise<number> {
  const say = (s: string) => io.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  let inputs: ActionInputs;
  try {
    inputs = readInputs(env);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    say(command('error', e.message, { title: 'godock: invalid input' }));
    return 2;
  }
  const workspace = path.resolve(env.GITHUB_WORKSPACE || cwd);

  const notes: string[] = [];
  // The Action reads nothing outside its workspace (inputs, env_file: paths, links out of it).
  const session = await lintSession({ cwd: workspace, inputs: inputs.paths, ...(inputs.config ? { configPath: inputs.config } : {}), lint: { root: workspace } });
  if (!session.ok) {
    const p = session.problem;
    say(command('error', p.message, p.kind === 'config' ? { file: p.file, line: p.line, title: 'godock: invalid configuration' } : { title: 'godock: invalid glob' }));
    return 2;
  }
  const config = session.config;
  let result: LintResult = session.result;
  if (inputs.onlyChanged) {
    const changed = changedFiles(env, workspace);
    if ('fallback' in changed) {
      notes.push(changed.fallback);
      say(command('notice', changed.fallback, { title: 'godock: only-changed' }));
    } else {
      result = keepChanged(result, workspace, changed.files);
      notes.push(`only-changed: linted ${result.files.length} of the ${changed.files.size} files this pull request changes (the others are not Dockerfiles, compose or env files, or are outside paths).`);
    }
  }

  const ctx = { rules, cwd: workspace, color: false, version: VERSION };
  const findings = result.files.flatMap((f) => f.findings);
  const errorCount = result.files.reduce((n, f) => n + f.errors.length, 0);

  // The log: the chosen format, unless it is `github` and annotations are on (they say it all).
  if (!(inputs.format === 'github' && inputs.annotations)) {
    const text = formatters[inputs.format as keyof typeof formatters](result, ctx);
    if (text) io.stdout.write(text);
  }
  if (inputs.annotations) for (const line of limitedAnnotations(result, workspace).lines) say(line);

  let code = 0;
  if (inputs.sarifFile) {
    try {
      await atomicWrite(sarifTarget(env, workspace, inputs.sarifFile), `${JSON.stringify(toSarif(result, ctx), null, 2)}\n`);
    } catch (e) {
      const why = e instanceof WriteError ? e.message : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
      say(command('error', `cannot write the SARIF file: ${visible(why)}`, { title: 'godock' }));
      code = 2;
    }
  }

  if (env.GITHUB_STEP_SUMMARY) {
    try {
      appendFileSync(env.GITHUB_STEP_SUMMARY, jobSummary(result, { rules, notes }));
    } catch (e) {
      say(command('warning', `cannot write the job summary: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { title: 'godock' }));
    }
  }

  setOutput(env, 'findings', String(findings.length));
  setOutput(env, 'errors', String(errorCount));
  setOutput(env, 'sarif-file', code === 0 ? inputs.sarifFile : '');

  const failLevel = inputs.failLevel ?? config.failLevel;
  const verdict = exitCodeOf(result, failLevel);
  if (verdict === 2) {
    say(`godock: ${errorCount} file ${errorCount === 1 ? 'error' : 'errors'} (unreadable or unparsable input): failing the step.`);
    return 2;
  }
  if (code !== 0) return code;
  if (verdict === 1) {
    const failing = findings.filter((f) => failLevel !== 'none' && atLeast(f.severity, failLevel)).length;
    say(`godock: ${failing} ${failing === 1 ? 'finding' : 'findings'} at or above fail-level "${failLevel}": failing the step.`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  runAction(process.env, { stdout: process.stdout }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stdout.write(`${command('error', `internal error: ${(e as Error)?.message ?? String(e)}`, { title: 'godock' })}\n`);
      process.exitCode = 2;
    },
  );
}
