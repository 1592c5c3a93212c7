/**
 * `godock env`: turn running containers (or Swarm services) into trimmed env-files.
 * Thin shell: flags → runtime/connection → runtime/docker → runtime/targets →
 * runtime/minimize → runtime/write-env-file + runtime/report. Returns the exit code:
 * 0 all targets written, 2 usage error or any target failed (the others are still reported).
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RUNTIME_SUFFIXES } from '../classify';
import { maskIn } from '../classify/mask';
import { resolveConnection } from '../runtime/connection';
import { connectEngine } from '../runtime/docker';
import { minimize, type EnvDecision, type MinimizeOptions } from '../runtime/minimize';
import { createProgress } from '../runtime/progress';
import { formatJsonReport, formatTextReport, reportFor, type TargetReport } from '../runtime/report';
import { DEFAULT_CONCURRENCY, inspectTargets, listTargets, mapLimit, type TargetRequest } from '../runtime/targets';
import { DEFAULT_TIMEOUT_MS, EngineError, type InspectedTarget } from '../runtime/types';
import {
  checkWritable,
  commitWrite,
  discardWrite,
  ENV_FILE_FORMATS,
  EnvFileError,
  fileNameFor,
  serializeEnv,
  stageEnvFile,
  WriteError,
  type EnvFileFormat,
  type EnvLine,
  type StagedWrite,
} from '../runtime/write-env-file';

export interface EnvIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export const ENV_HELP = `Usage: godock env [options] <container…>
       godock env --all | --label key[=value] | --service <name> [options]

Write the environment a deploy must inject into running containers (or Swarm services) as a
trimmed env-file: image defaults, engine-injected variables and secrets are left out.

Targets:
  <container…>             container names or ids
  --all                    every running container
  --label key[=value]      running containers with this label (repeatable; all must match)
  --service <name>         a Swarm service (Spec.TaskTemplate.ContainerSpec.Env; repeatable)

Output:
  -o, --output <file>      write the env-file here (default: stdout; one target only)
  --output-dir <dir>       one file per target, named after it (<name>.env / <name>.json)
  --format <fmt>           docker (default; NAME=VALUE, for docker run --env-file and compose
                           env_file format: raw) | dotenv | compose (quoted and escaped) | json
  --force                  overwrite existing files (never through a symlink)
  Files are written atomically with mode 0600.

Filters (first match decides; see src/runtime/minimize.ts):
  --keep-image-defaults    keep variables whose value the image already sets
  --keep <glob>            always keep matching names (micromatch; repeatable); a value that is
                           a known token format is still treated as a secret
  --drop <glob>            drop matching names (repeatable)
  --only <glob>            allowlist: drop every name not matched (repeatable)
  --drop-suffix <s>        secret name suffixes, replacing the default list
                           (${DEFAULT_RUNTIME_SUFFIXES.join(',')}); repeatable or comma list

Secrets (names ending in a secret suffix, or secret-shaped values under any name):
  --secrets drop           leave them out (default)
  --secrets passthrough    write a bare NAME line: docker run --env-file takes the value from
                           the deploying shell
  --secrets-file <file>    write them, with values, to this separate file (one target only)

Report (stderr, names only, never values):
  --report text|json       text (default) or one JSON document for scripts

Connection (like the docker CLI):
  -H, --host <url>         unix://, tcp:// (TLS via DOCKER_TLS_VERIFY/DOCKER_CERT_PATH), ssh://
  --context <name>         a docker context; else DOCKER_HOST, DOCKER_CONTEXT, currentContext
                           (DOCKER_API_VERSION pins the API version instead of negotiating it)
  --timeout <seconds>      give up on an Engine API call after this long (default ${DEFAULT_TIMEOUT_MS / 1000})
  -h, --help               show this help

Exit codes: 0 written, 2 usage error or a target failed (other targets are still written).
`;

interface Flags {
  targets: TargetRequest;
  output?: string;
  outputDir?: string;
  format: EnvFileFormat;
  force: boolean;
  secrets: 'drop' | 'passthrough' | 'file';
  secretsFile?: string;
  /** --drop-suffix, --keep, --drop, --only, --keep-image-defaults: one object for every target. */
  minimize: MinimizeOptions;
  report: 'text' | 'json';
  host?: string;
  context?: string;
  timeoutMs: number;
}

class UsageError extends Error {}

/** Env-files written (and fsynced) at once by `--output-dir`. */
const WRITE_CONCURRENCY = 16;

function parseFlags(argv: string[]): Flags | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      all: { type: 'boolean', default: false },
      label: { type: 'string', multiple: true, default: [] },
      service: { type: 'string', multiple: true, default: [] },
      output: { type: 'string', short: 'o' },
      'output-dir': { type: 'string' },
      format: { type: 'string', default: 'docker' },
      force: { type: 'boolean', default: false },
      secrets: { type: 'string' },
      'secrets-file': { type: 'string' },
      'drop-suffix': { type: 'string', multiple: true },
      keep: { type: 'string', multiple: true, default: [] },
      drop: { type: 'string', multiple: true, default: [] },
      only: { type: 'string', multiple: true, default: [] },
      'keep-image-defaults': { type: 'boolean', default: false },
      report: { type: 'string', default: 'text' },
      host: { type: 'string', short: 'H' },
      context: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const format = values.format as EnvFileFormat;
  if (!ENV_FILE_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${ENV_FILE_FORMATS.join(', ')}`);
  if (values.report !== 'text' && values.report !== 'json') throw new UsageError('--report must be text or json');
  if (values.secrets !== undefined && values.secrets !== 'drop' && values.secrets !== 'passthrough') {
    throw new UsageError('--secrets must be drop or passthrough (use --secrets-file <file> to keep them in a separate file)');
  }
  if (values['secrets-file'] !== undefined && values.secrets !== undefined) {
    throw new UsageError('--secrets-file cannot be combined with --secrets');
  }
  const timeout = values.timeout === undefined ? DEFAULT_TIMEOUT_MS / 1000 : Number(values.timeout);
  if (!(timeout > 0) || !Number.isFinite(timeout) || timeout > 86_400) throw new UsageError(`--timeout needs a number of seconds between 0 and 86400, got "${values.timeout}"`);
  if (values.output !== undefined && values['output-dir'] !== undefined) throw new UsageError('use either --output or --output-dir');
  const targets: TargetRequest = { names: positionals, all: values.all, labels: values.label, services: values.service };
  if (!targets.names.length && !targets.all && !targets.labels.length && !targets.services.length) {
    throw new UsageError('no target: give container names, --all, --label or --service');
  }
  for (const l of targets.labels) if (l === '' || l.startsWith('=')) throw new UsageError(`--label needs key or key=value, got "${l}"`);
  const suffixes = values['drop-suffix']?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
  if (values['drop-suffix'] !== undefined && suffixes?.length === 0) throw new UsageError('--drop-suffix needs at least one suffix');
  return {
    targets,
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values['output-dir'] !== undefined ? { outputDir: values['output-dir'] } : {}),
    format,
    force: values.force,
    secrets: values['secrets-file'] !== undefined ? 'file' : ((values.secrets as 'drop' | 'passthrough' | undefined) ?? 'drop'),
    ...(values['secrets-file'] !== undefined ? { secretsFile: values['secrets-file'] } : {}),
    minimize: { ...(suffixes ? { suffixes } : {}), keep: values.keep, drop: values.drop, only: values.only, keepImageDefaults: values['keep-image-defaults'] },
    report: values.report,
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.context !== undefined ? { context: values.context } : {}),
    timeoutMs: Math.ceil(timeout * 1000),
  };
}

function linesOf(decisions: readonly EnvDecision[], passthrough: boolean): EnvLine[] {
  const lines: EnvLine[] = [];
  for (const d of decisions) {
    if (d.kept) lines.push({ name: d.name, value: d.value });
    else if (passthrough && d.reason === 'secret') lines.push({ name: d.name, value: null });
  }
  return lines;
}

/** Picks a unique file name inside --output-dir for each target, in the order asked. */
function outputPathPicker(dir: string, format: EnvFileFormat): (t: InspectedTarget) => string {
  const used = new Set<string>();
  return (t) => {
    let name = fileNameFor(t.name, format);
    if (used.has(name)) name = fileNameFor(`${t.name}-${t.id.slice(0, 12)}`, format);
    used.add(name);
    return join(dir, name);
  };
}

/** A target minimized and serialized, its file(s) staged (see src/util/atomic-write.ts). */
interface Prepared {
  report: TargetReport;
  /** Files still to commit (taken off as they are committed or discarded). */
  staged: StagedWrite[];
  /** The report to give instead when a staged file cannot be committed. */
  failed: (e: WriteError) => TargetReport;
}

/** A target with nothing to write. */
function settled(report: TargetReport): Prepared {
  return { report, staged: [], failed: () => report };
}

/** Minimizes one target and stages its file(s) (`output` '-' is stdout, written at once). */
function prepareTarget(t: InspectedTarget, output: string, flags: Flags, io: EnvIo, secretValues: string[]): Prepared {
  const decisions = minimize(t.runtime, flags.minimize);
  for (const d of decisions) if (d.reason === 'secret' && d.value) secretValues.push(d.value);
  const base = { target: t.name, kind: t.kind, id: t.id, ...(t.imageNote ? { note: t.imageNote } : {}) };
  const failed = (e: EnvFileError | WriteError): TargetReport => ({
    ...reportFor(base, decisions, false),
    error: { code: e instanceof EnvFileError ? 'format' : 'write', message: `${t.name}: ${e.message}` },
  });
  const staged: StagedWrite[] = [];
  try {
    const content = serializeEnv(linesOf(decisions, flags.secrets === 'passthrough'), flags.format);
    const secretLines = decisions.filter((d) => d.reason === 'secret').map((d) => ({ name: d.name, value: d.value }));
    const secretContent = flags.secretsFile ? serializeEnv(secretLines, flags.format) : null;
    if (flags.secretsFile) {
      // Two files: refuse before writing either.
      if (output !== '-') checkWritable(output, { force: flags.force });
      checkWritable(flags.secretsFile, { force: flags.force });
    }
    if (output === '-') io.stdout.write(content);
    else staged.push(stageEnvFile(output, content, { force: flags.force }));
    if (flags.secretsFile && secretContent !== null) staged.push(stageEnvFile(flags.secretsFile, secretContent, { force: flags.force }));
    const report = reportFor({ ...base, output, ...(flags.secretsFile ? { secretsFile: flags.secretsFile } : {}) }, decisions, flags.secrets === 'passthrough');
    return { report, staged, failed };
  } catch (e) {
    staged.forEach(discardWrite);
    if (!(e instanceof EnvFileError || e instanceof WriteError)) throw e;
    return settled(failed(e));
  }
}

/** Commits a target's staged files in order; the first failure discards the rest. */
async function commitTarget(p: Prepared): Promise<TargetReport> {
  while (p.staged.length > 0) {
    const s = p.staged.shift()!;
    try {
      await commitWrite(s); // committed or, on failure, cleaned up
    } catch (e) {
      p.staged.splice(0).forEach(discardWrite);
      if (!(e instanceof WriteError)) throw e;
      return p.failed(e);
    }
  }
  return p.report;
}

/** Runs `godock env`; never throws, never rejects. */
export async function runEnv(argv: string[], io: EnvIo): Promise<number> {
  const say = (line: string): void => {
    io.stderr.write(`godock env: ${line}\n`);
  };
  let flags: Flags;
  try {
    const parsed = parseFlags(argv);
    if (parsed === 'help') {
      io.stdout.write(ENV_HELP);
      return 0;
    }
    flags = parsed;
  } catch (e) {
    say(`${(e as Error).message} (see godock env --help)`);
    return 2;
  }
  if (!flags.outputDir && flags.targets.names.length + flags.targets.services.length > 1) {
    say('several targets: use --output-dir to write one file per target');
    return 2;
  }
  const secretValues: string[] = [];
  const prepared: Prepared[] = [];
  try {
    if (flags.outputDir) {
      try {
        mkdirSync(flags.outputDir, { recursive: true, mode: 0o700 });
      } catch (e) {
        throw new WriteError(`cannot create --output-dir ${flags.outputDir}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      if (!statSync(flags.outputDir).isDirectory()) throw new WriteError(`--output-dir ${flags.outputDir} is not a directory`);
    }
    const conn = resolveConnection({ ...(flags.host ? { host: flags.host } : {}), ...(flags.context ? { context: flags.context } : {}), env: io.env });
    const listing = flags.targets.all || flags.targets.labels.length > 0;
    const engine = await connectEngine(conn, {
      timeoutMs: flags.timeoutMs,
      ...(io.env.DOCKER_API_VERSION ? { apiVersion: io.env.DOCKER_API_VERSION } : {}),
      ...(listing ? { prefetchContainers: flags.targets.labels } : {}),
    });
    const refs = await listTargets(engine, flags.targets);
    if (refs.length === 0) {
      say(flags.targets.labels.length ? `no running container matches --label ${flags.targets.labels.join(' --label ')}` : 'no running containers');
      return 2;
    }
    if (refs.length > 1 && !flags.outputDir) {
      say(`${refs.length} targets: use --output-dir to write one file per target`);
      return 2;
    }
    if (flags.secretsFile && refs.length > 1) {
      say('--secrets-file takes one target; use --secrets passthrough with several');
      return 2;
    }
    const progress = createProgress(io.stderr, io.isTTY && refs.length > 3);
    // Each target's file is staged as soon as it and the targets before it are inspected (file
    // names are picked in target order); once all are staged, the files are committed (fsync,
    // link) WRITE_CONCURRENCY at a time.
    const pathFor = flags.outputDir ? outputPathPicker(flags.outputDir, flags.format) : null;
    await inspectTargets(engine, refs, flags.targets, {
      concurrency: DEFAULT_CONCURRENCY,
      onProgress: (d, t) => progress.update(d, t),
      onResult: (r) => {
        if (r.target) prepared.push(prepareTarget(r.target, pathFor ? pathFor(r.target) : (flags.output ?? '-'), flags, io, secretValues));
        else prepared.push(settled({ target: r.ref.name, kind: r.ref.kind, kept: [], dropped: [], passthrough: [], error: { code: r.error!.code, message: r.error!.message } }));
      },
    });
    progress.clear();
    const reports = await mapLimit(prepared, WRITE_CONCURRENCY, commitTarget);
    const text = flags.report === 'json' ? formatJsonReport(reports) : formatTextReport(reports);
    io.stderr.write(maskIn(text, secretValues));
    return reports.some((r) => r.error) ? 2 : 0;
  } catch (e) {
    if (e instanceof EngineError || e instanceof WriteError) say(maskIn(e.message, secretValues));
    else say(`unexpected error: ${maskIn((e as Error)?.message ?? String(e), secretValues)}`);
    return 2;
  } finally {
    // Temp files staged but never committed (after an unexpected error).
    for (const p of prepared) p.staged.splice(0).forEach(discardWrite);
  }
}
