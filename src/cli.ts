/**
 * `godock` entry point: argv → subcommand → exit code. The only place that touches
 * process.exit; each command returns its code. `env` (dockerode) is loaded only when used.
 */
import { VERSION } from './version';
import type { Io } from './commands/io';

export type { Io } from './commands/io';

const USAGE = `godock ${VERSION} — Dockerfile, compose and env-file linter for secrets and Go toolchain env

Usage:
  godock lint [paths|globs…] [options]   lint files and directories (default: .)
  godock env <container|service…>       write a trimmed env-file from running containers
  godock rules                           list the rules
  godock explain <rule>                  print a rule's documentation

Run \`godock <command> --help\` for a command's options.
`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    // require(), not import(): each command is a CommonJS chunk of dist/ (scripts/build.mjs), and
    // import() would make Node scan the whole chunk for its exports first (~200 ms for lint's).
    case 'lint':
      return (require('./commands/lint') as typeof import('./commands/lint')).runLint(rest, io);
    case 'env':
      return (require('./commands/env') as typeof import('./commands/env')).runEnv(rest, { stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY, env: io.env });
    case 'rules':
    case 'explain':
      return (require('./commands/rules') as typeof import('./commands/rules')).runRules([cmd, ...rest], io);
    case '--version':
    case '-v':
      io.stdout.write(`${VERSION}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      (cmd === undefined ? io.stderr : io.stdout).write(USAGE);
      return cmd === undefined ? 2 : 0;
    default:
      io.stderr.write(`godock: unknown command "${cmd}"\n\n${USAGE}`);
      return 2;
  }
}

/**
 * A failure godock did not foresee, in one line. Its message may quote what was read (a library's
 * parse error, say): it is made safe by the lint chunk, loaded only now so that the dispatcher
 * stays small.
 */
function internalError(e: unknown): string {
  return (require('./commands/lint') as typeof import('./commands/lint')).internalErrorLine(e);
}

/**
 * Output that can't act on the process: a reader that goes away (`godock lint | head -1`) ends the
 * output quietly, and a library's process warning (it may quote file text) is shown by name only.
 */
function guardProcess(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    if (w.name === 'DeprecationWarning' || w.name === 'ExperimentalWarning') return;
    process.stderr.write(`godock: warning from a library (${String(w.name).replace(/[^\w.-]/g, '?')}); rerun with --trace-warnings to see it\n`);
  });
}

export function runCli(): void {
  guardProcess();
  process.on('unhandledRejection', (e) => {
    process.stderr.write(internalError(e));
    process.exit(2);
  });
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // Opening stdin costs milliseconds; only `lint -` reads it.
    get stdin() {
      return process.stdin;
    },
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(internalError(e));
      process.exitCode = 2;
    },
  );
}

if (require.main === module) runCli();
