/** `godock lint`: flags → the lint session (src/session.ts) → formatter → output → exit code. */
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import type { Io } from './io';
import type { FileResult, LintResult, Severity } from '../model';
import { resolveJobs } from '../lint-pool';
import { exitCodeOf, lintSession } from '../session';
import { formatters, isFormatName } from '../report';
import { rules } from '../../rules';
import { atomicWrite } from '../util/atomic-write';
import { readStream } from '../read';
import { formatFromName } from '../parse';
import { VERSION } from '../version';
import { redact } from '../classify/redact';
import { visible } from '../util/safe-text';

const HELP = `Usage: godock lint [paths|globs…] [options]

Lints Dockerfiles (Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile), compose files
(compose*.y(a)ml, docker-compose*.y(a)ml) and env files. Directories are searched; .git,
node_modules and .gitignore'd paths are skipped. Use - to read stdin.

Options:
  -f, --format <name>        ${Object.keys(formatters).join(' | ')} (default: stylish)
  -o, --output-file <file>   write the report to a file (atomically) instead of stdout
  -c, --config <file>        configuration file for every file (default: for each file, the
                             nearest .godock.yaml upward from it)
      --fail-level <level>   info | warning | error: exit 1 when a finding is at or above it
                             (default: warning, or fail-level from the config)
  -j, --jobs <n|auto>        threads to lint with (default: 1; auto = one per CPU). Helps on
                             many-core machines with thousands of files; costs memory
      --stdin-filename <f>   file name to use for text read from stdin (picks the format)
  -q, --quiet                report errors only (no warnings or infos)
      --color / --no-color   force colors on or off (NO_COLOR is honoured)
  -h, --help                 show this help

Exit codes: 0 no findings at or above the fail level, 1 findings, 2 usage, config or parse failure.
`;

const LEVELS: readonly Severity[] = ['info', 'warning', 'error'];

export async function runLint(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'fail-level': { type: 'string' },
        'stdin-filename': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        quiet: { type: 'boolean', short: 'q' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr.write(`godock lint: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = v.format ?? 'stylish';
  if (!isFormatName(format)) {
    io.stderr.write(`godock lint: unknown format "${format}" (expected ${Object.keys(formatters).join(', ')})\n`);
    return 2;
  }
  if (v['fail-level'] !== undefined && !LEVELS.includes(v['fail-level'] as Severity)) {
    io.stderr.write(`godock lint: --fail-level must be one of ${LEVELS.join(', ')}\n`);
    return 2;
  }

  const jobs = v.jobs === undefined ? 1 : v.jobs === 'auto' ? 'auto' : /^[1-9]\d{0,2}$/.test(v.jobs) ? Number(v.jobs) : null;
  if (jobs === null) {
    io.stderr.write('godock lint: --jobs must be a number from 1 to 999, or auto\n');
    return 2;
  }

  const inputs = positionals.filter((p) => p !== '-');
  const useStdin = positionals.includes('-');
  if (useStdin && !v['stdin-filename']) {
    io.stderr.write('godock lint: reading stdin (-) needs --stdin-filename <name> to pick the format\n');
    return 2;
  }
  // stdin goes through the checks a file does (size limit, binary, UTF-16, UTF-8): a refusal is
  // that file's error, reported like one.
  const stdinFilename = v['stdin-filename'];
  const stdinRead = useStdin ? await readStream(io.stdin) : undefined;
  const stdin = stdinRead && 'text' in stdinRead ? { text: stdinRead.text, filename: stdinFilename! } : undefined;
  const stdinRefused: FileResult | undefined =
    stdinRead && 'error' in stdinRead ? { file: stdinFilename!, format: formatFromName(stdinFilename!), findings: [], errors: [{ message: stdinRead.error, line: stdinRead.line, column: 1 }] } : undefined;
  if (!useStdin && inputs.length === 0) inputs.push('.');

  const session = await lintSession({ cwd: io.cwd, inputs, ...(v.config ? { configPath: v.config } : {}), lint: { jobs: resolveJobs(jobs), ...(stdin ? { stdin } : {}) } });
  if (!session.ok) {
    const p = session.problem;
    io.stderr.write(visible(p.kind === 'config' ? `godock: ${p.file}:${p.line}: ${p.message}` : `godock lint: ${p.message}`) + '\n');
    return 2;
  }
  let result: LintResult = session.result;
  const failLevel = (v['fail-level'] as Severity | undefined) ?? session.config.failLevel;
  if (stdinRefused) result = { files: [...result.files, stdinRefused].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
  if (v.quiet) result = { files: result.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) };

  const color = v['no-color'] ? false : v.color ? true : !io.env.NO_COLOR && !v['output-file'] && Boolean((io.stdout as NodeJS.WriteStream).isTTY);
  const out = formatters[format](result, { rules, cwd: io.cwd, color, version: VERSION });
  if (v['output-file']) {
    try {
      await atomicWrite(path.resolve(io.cwd, v['output-file']), out);
    } catch (e) {
      io.stderr.write(`${visible(`godock lint: cannot write ${v['output-file']}: ${(e as Error).message}`)}\n`);
      return 2;
    }
  } else io.stdout.write(out);

  return exitCodeOf(result, failLevel);
}

/** An unforeseen failure in one line: the message's secret spans masked, controls made visible. */
export function internalErrorLine(e: unknown): string {
  const message = String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 500);
  return `godock: internal error: ${visible(redact(message))}\n`;
}
