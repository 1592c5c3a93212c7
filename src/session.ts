/**
 * One lint session, the same for `godock lint` and the GitHub Action: find and load the
 * configuration (an explicit file, or the nearest `.godock.yaml` per file), lint, and turn every
 * refusal — a configuration error, a glob godock will not run — into one problem with file and
 * line; then one exit code for the result. Callers only parse their own inputs and print.
 */
import * as path from 'node:path';
import type { LintResult, Severity } from './model';
import { lintPaths, type LintOptions } from './lint';
import { ConfigError, type ResolvedConfig } from './engine/config';
import { atLeast } from './engine/run';
import { configLookup, findConfig, loadConfig } from './config-file';
import { GlobError } from './util/glob';

export interface SessionRequest {
  /** The directory paths are relative to (the CLI's working directory, the Action's workspace). */
  cwd: string;
  inputs: readonly string[];
  /** An explicit configuration file (`--config`, the Action's `config` input), relative to `cwd`. */
  configPath?: string;
  /** Lint options besides the configuration: threads, stdin, a root to stay inside. */
  lint?: Omit<LintOptions, 'cwd' | 'config' | 'configFor'>;
}

/** Why a session could not lint: a refused configuration or glob, with its file and line when it has them. */
export interface SessionProblem {
  kind: 'config' | 'glob';
  message: string;
  file?: string;
  line?: number;
}

export type SessionOutcome = { ok: true; result: LintResult; config: ResolvedConfig } | { ok: false; problem: SessionProblem };

/** A path for messages: relative to `cwd` when it lies there. */
function shown(cwd: string, abs: string): string {
  return path.relative(cwd, abs) || abs;
}

function problemOf(e: unknown): SessionProblem | null {
  if (e instanceof ConfigError) return { kind: 'config', message: e.message, file: e.file, line: e.line };
  if (e instanceof GlobError) return { kind: 'glob', message: e.message };
  return null;
}

export async function lintSession(req: SessionRequest): Promise<SessionOutcome> {
  try {
    const configFile = req.configPath ? path.resolve(req.cwd, req.configPath) : await findConfig(req.cwd);
    const config = await loadConfig(configFile, req.configPath ?? (configFile ? shown(req.cwd, configFile) : undefined));
    // Without an explicit file, each file gets the nearest .godock.yaml upward from it.
    const configFor = req.configPath ? undefined : configLookup((abs) => shown(req.cwd, abs), { file: configFile, config });
    const result = await lintPaths(req.inputs, { ...req.lint, cwd: req.cwd, config, ...(configFor ? { configFor } : {}) });
    return { ok: true, result, config };
  } catch (e) {
    const problem = problemOf(e);
    if (!problem) throw e;
    return { ok: false, problem };
  }
}

/** 2 when a file could not be read or parsed, 1 when a finding is at or above `failLevel`, else 0. */
export function exitCodeOf(result: LintResult, failLevel: Severity | 'none'): 0 | 1 | 2 {
  if (result.files.some((f) => f.errors.length > 0)) return 2;
  if (failLevel === 'none') return 0;
  return result.files.some((f) => f.findings.some((x) => atLeast(x.severity, failLevel))) ? 1 : 0;
}
