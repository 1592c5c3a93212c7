/**
 * Env-file serialization, and env-file writing through the shared atomic writer.
 *
 * Formats (see ../shared/reference/ecosystem.md §1):
 * - `docker` (default): `NAME=VALUE\n`, no quoting, byte-exact for `docker run --env-file` and
 *   compose `env_file` with `format: raw`. A bare `NAME` line (passthrough) makes `docker run`
 *   take the value from the deploying shell. Cannot carry a newline, a trailing `\r`, or a line
 *   of 64 KiB or more (Go's bufio.Scanner limit), and a name must not contain whitespace or
 *   start with `#`.
 * - `dotenv` / `compose`: `NAME='value'` when the value has no `'`, no `\r` and does not end in a
 *   backslash (read literally by both compose and npm dotenv, newlines included); otherwise
 *   `NAME="…"` with `\\ \" \n \r \$` escapes as compose's parser expects. Names must be compose
 *   names (letters, digits, `_ . - [ ]`).
 * - `json`: `{ "NAME": "value", "PASSTHROUGH": null }`, later duplicates win.
 * NUL is refused everywhere (a process environment cannot hold it). Errors name the variable,
 * never its value.
 */
import { checkWritable as checkTarget, commitWrite, discardWrite, stageWriteAsync, WriteError, type StagedWrite } from '../util/atomic-write';
import type { EnvFileFormat } from './env-file-format';

export { ENV_FILE_FORMATS, type EnvFileFormat } from './env-file-format';

/** One line of output; a null value is written as a bare name (passthrough). */
export interface EnvLine {
  name: string;
  value: string | null;
}

/** A value or name the chosen format cannot carry; the message names the variable only. */
export class EnvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvFileError';
  }
}

/** bufio.MaxScanTokenSize: the docker CLI rejects a line of this many bytes or more. */
export const MAX_LINE_BYTES = 64 * 1024;

const COMPOSE_NAME = /^[A-Za-z0-9_.\-[\]]+$/;

function refuse(name: string, format: EnvFileFormat, why: string): never {
  throw new EnvFileError(`cannot write ${name} in ${format} format: ${why}`);
}

function checkCommon(line: EnvLine, format: EnvFileFormat): void {
  if (line.name.length === 0) refuse('(empty name)', format, 'the variable name is empty');
  if (line.name.includes('\0') || (line.value ?? '').includes('\0')) refuse(line.name, format, 'it contains a NUL byte');
}

function dockerLine(line: EnvLine): string {
  const { name, value } = line;
  if (/[\s]/u.test(name) || name.startsWith('#')) refuse(name, 'docker', 'the name contains whitespace or starts with "#"');
  if (value !== null) {
    if (value.includes('\n')) refuse(name, 'docker', 'the value contains a newline (pass it with -e or a secret, or use --format compose)');
    if (value.endsWith('\r')) refuse(name, 'docker', 'the value ends with a carriage return');
  }
  const text = value === null ? name : `${name}=${value}`;
  if (Buffer.byteLength(text, 'utf8') + 1 > MAX_LINE_BYTES) refuse(name, 'docker', 'the line is 64 KiB or longer');
  return `${text}\n`;
}

function composeLine(line: EnvLine, format: EnvFileFormat): string {
  const { name, value } = line;
  if (!COMPOSE_NAME.test(name)) refuse(name, format, 'the name has characters compose does not accept');
  if (value === null) return `${name}\n`;
  if (!value.includes("'") && !value.includes('\r') && !value.endsWith('\\')) return `${name}='${value}'\n`;
  const escaped = value.replace(/[\\"\n\r$]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', $: '\\$' })[c] ?? c);
  return `${name}="${escaped}"\n`;
}

/** Serializes lines in order; throws EnvFileError for the first value the format cannot carry. */
export function serializeEnv(lines: readonly EnvLine[], format: EnvFileFormat): string {
  for (const l of lines) checkCommon(l, format);
  if (format === 'json') {
    const obj: Record<string, string | null> = {};
    for (const l of lines) obj[l.name] = l.value;
    return `${JSON.stringify(obj, null, 2)}\n`;
  }
  return lines.map((l) => (format === 'docker' ? dockerLine(l) : composeLine(l, format))).join('');
}

export { WriteError };

export interface WriteOptions {
  /** Replace an existing regular file. */
  force?: boolean;
}

/** Throws the WriteError writeEnvFiles would throw before writing anything (early check). */
export function checkWritable(path: string, options: WriteOptions = {}): void {
  checkTarget(path, { overwrite: options.force === true });
}

/** One env-file to write. */
export interface EnvFileWrite {
  path: string;
  content: string;
}

/**
 * Writes a target's env-file(s) through the shared atomic writer (src/util/atomic-write), mode
 * 0600: a symlink at a path, anything that is not a regular file and an existing file without
 * `force` are refused. Every file is staged first (a temp file beside it, created, written and
 * fsynced, the slow calls on libuv's thread pool), then each is moved into place in order (rename
 * with `force`, else link, which cannot clobber); the first failure removes the temp files not
 * committed yet.
 * Rejects with a WriteError naming the path.
 */
export async function writeEnvFiles(files: readonly EnvFileWrite[], options: WriteOptions = {}): Promise<void> {
  const staged: StagedWrite[] = [];
  try {
    for (const f of files) staged.push(await stageWriteAsync(f.path, f.content, { mode: 0o600, overwrite: options.force === true }));
    while (staged.length > 0) await commitWrite(staged.shift()!); // committed or, on failure, cleaned up
  } finally {
    staged.forEach(discardWrite);
  }
}

/** One env-file. */
export async function writeFileAtomic(path: string, content: string, options: WriteOptions = {}): Promise<void> {
  await writeEnvFiles([{ path, content }], options);
}

/** A file name for a target in `--output-dir`: safe characters only, never hidden. */
export function fileNameFor(target: string, format: EnvFileFormat): string {
  const safe = target.replace(/^\/+/, '').replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_') || 'target';
  return `${safe}${format === 'json' ? '.json' : '.env'}`;
}
