/**
 * `godock env`: turn running containers (or Swarm services) into trimmed env-files.
 * Thin shell: flags → runtime/connection → runtime/docker → runtime/targets →
 * runtime/env-output (minimize, write-env-file, report). Returns the exit code:
 * 0 all targets written, 2 usage error or any target failed (the others are still reported).
 */
import { redact } from '../classify/redact';
import { visible } from '../util/safe-text';
import { mkdirSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveConnection } from '../runtime/connection';
import { connectEngine } from '../runtime/docker';
import { ENV_FILE_FORMATS, type EnvFileFormat } from '../runtime/env-file-format';
import type { EnvOutput, OutputOptions } from '../runtime/env-output';
import { sameFile } from '../runtime/write-env-file';
import { createProgress } from '../runtime/progress';
import { DEFAULT_CONCURRENCY, inspectTargets, listTargets, type TargetRequest } from '../runtime/targets';
import { DEFAULT_TIMEOUT_MS, EngineError } from '../runtime/types';

export interface EnvIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** The help text; `suffixes` is the classifier's default --drop-suffix list. */
export const envHelp = (suffixes: readonly string[]): string => `Usage: godock env [options] <container…>
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
                           (${suffixes.join(',')}); repeatable or comma list

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

interface Flags extends OutputOptions {
  targets: TargetRequest;
  host?: string;
  context?: string;
  timeoutMs: number;
}

class UsageError extends Error {}

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
  for (const flag of ['keep', 'drop', 'only'] as const) {
    for (const g of values[flag]) {
      if (g.trim() === '') throw new UsageError(`--${flag} needs a glob (a name pattern such as APP_*), got an empty one`);
    }
  }
  const secretsFile = values['secrets-file'];
  if (secretsFile !== undefined) {
    if (secretsFile === '' || secretsFile === '-') throw new UsageError('--secrets-file needs a file name (stdout is for the env-file)');
    // Before anything is inspected: the secrets would replace the env-file.
    if (values.output !== undefined && values.output !== '-' && sameFile(values.output, secretsFile)) {
      throw new UsageError(`--secrets-file ${secretsFile} is the same file as --output ${values.output}; give the secrets their own file`);
    }
  }
  if (values.output === '') throw new UsageError('--output needs a file name (or - for stdout)');
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

/**
 * Compiles every --keep/--drop/--only glob before anything is inspected: one godock refuses
 * (src/util/glob.ts: too long, too complex, invalid) is a usage error naming the flag. The glob
 * module loads only when there are globs.
 */
async function checkGlobs(m: OutputOptions['minimize']): Promise<void> {
  const given = (['keep', 'drop', 'only'] as const).filter((f) => (m[f]?.length ?? 0) > 0);
  if (given.length === 0) return;
  const { globMatcher, GlobError } = await import('../util/glob');
  for (const flag of given) {
    for (const g of m[flag]!) {
      try {
        globMatcher(g);
      } catch (e) {
        if (e instanceof GlobError) throw new UsageError(`--${flag}: ${e.message}`);
        throw e;
      }
    }
  }
}

/** Resolves once the requests started so far have been written to their sockets (see runEnv). */
const afterPendingIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `godock env`; never throws, never rejects. */
export async function runEnv(argv: string[], io: EnvIo): Promise<number> {
  const say = (line: string): void => {
    io.stderr.write(`godock env: ${line}\n`);
  };
  let flags: Flags;
  try {
    const parsed = parseFlags(argv);
    if (parsed === 'help') {
      io.stdout.write(envHelp((await import('../classify/names')).DEFAULT_RUNTIME_SUFFIXES));
      return 0;
    }
    flags = parsed;
    await checkGlobs(flags.minimize);
  } catch (e) {
    say(`${(e as Error).message} (see godock env --help)`);
    return 2;
  }
  if (!flags.outputDir && flags.targets.names.length + flags.targets.services.length > 1) {
    say('several targets: use --output-dir to write one file per target');
    return 2;
  }
  if (flags.outputDir) {
    let isDir: boolean;
    try {
      mkdirSync(flags.outputDir, { recursive: true, mode: 0o700 });
      isDir = statSync(flags.outputDir).isDirectory();
    } catch (e) {
      say(`cannot create --output-dir ${flags.outputDir}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      return 2;
    }
    if (!isDir) {
      say(`--output-dir ${flags.outputDir} is not a directory`);
      return 2;
    }
  }
  let output: EnvOutput | undefined;
  let returned = false;
  try {
    const conn = resolveConnection({ ...(flags.host ? { host: flags.host } : {}), ...(flags.context ? { context: flags.context } : {}), env: io.env });
    const listing = flags.targets.all || flags.targets.labels.length > 0;
    const connecting = connectEngine(conn, {
      timeoutMs: flags.timeoutMs,
      ...(io.env.DOCKER_API_VERSION ? { apiVersion: io.env.DOCKER_API_VERSION } : {}),
      ...(listing ? { prefetchContainers: flags.targets.labels } : {}),
    });
    // The output side (classifier, writers) loads while the daemon answers the first requests
    // (not at all when the run is over by then).
    const outputModule = afterPendingIo().then(() => (returned ? null : import('../runtime/env-output')));
    outputModule.catch(() => undefined); // awaited below
    const engine = await connecting;
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
    const out = (output = (await outputModule)!.createEnvOutput(flags, io.stdout));
    const progress = createProgress(io.stderr, io.isTTY && refs.length > 3);
    // Each target's file is written as soon as it and the targets before it are inspected (file
    // names are picked in target order), while the rest are still being inspected.
    await inspectTargets(engine, refs, flags.targets, {
      concurrency: DEFAULT_CONCURRENCY,
      onProgress: (d, t) => progress.update(d, t),
      onResult: (r) => out.add(r),
    });
    progress.clear();
    const reports = await out.finish();
    io.stderr.write(out.format(reports));
    return reports.some((r) => r.error) ? 2 : 0;
  } catch (e) {
    // Writes already under way finish (each cleans up after itself) before the exit code.
    await output?.settle();
    // Engine errors are made safe where they are built; anything else may quote what it read.
    if (e instanceof EngineError) say(visible(e.message));
    else say(`unexpected error: ${visible(redact((e as Error)?.message ?? String(e)))}`);
    return 2;
  } finally {
    returned = true;
  }
}
