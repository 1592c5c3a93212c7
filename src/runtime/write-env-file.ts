/**
 * Env-file serialization and atomic writing.
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
import { closeSync, fsyncSync, linkSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export type EnvFileFormat = 'docker' | 'dotenv' | 'compose' | 'json';
export const ENV_FILE_FORMATS: readonly EnvFileFormat[] = ['docker', 'dotenv', 'compose', 'json'];

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

export interface WriteOptions {
  /** Replace an existing regular file. */
  force?: boolean;
}

/** A write refused or failed; the message names the path, never the content. */
export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new WriteError(`cannot access ${path}: ${code ?? 'error'}`);
  }
}

/** Throws the WriteError writeFileAtomic would throw before writing anything (early check). */
export function checkWritable(path: string, options: WriteOptions = {}): void {
  const existing = lstatOrNull(path);
  if (existing?.isSymbolicLink()) throw new WriteError(`refusing to write ${path}: it is a symbolic link`);
  if (existing && !existing.isFile()) throw new WriteError(`refusing to write ${path}: it is not a regular file`);
  if (existing && !options.force) throw new WriteError(`refusing to overwrite ${path}: it exists (use --force)`);
}

/**
 * Writes `content` to `path` atomically with mode 0600: a temp file in the same directory,
 * fsync, then rename (or link, which cannot clobber, when `force` is off). Refuses a symlink at
 * `path`, anything that is not a regular file, and an existing file without `force`.
 */
export function writeFileAtomic(path: string, content: string, options: WriteOptions = {}): void {
  checkWritable(path, options);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.force) {
      const again = lstatOrNull(path);
      if (again?.isSymbolicLink()) throw new WriteError(`refusing to write ${path}: it is a symbolic link`);
      renameSync(tmp, path);
    } else {
      try {
        linkSync(tmp, path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new WriteError(`refusing to overwrite ${path}: it exists (use --force)`);
        // File systems without hard links: re-check, then rename.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
        if (lstatOrNull(path)) throw new WriteError(`refusing to overwrite ${path}: it exists (use --force)`);
        renameSync(tmp, path);
      }
      if (lstatOrNull(tmp)) unlinkSync(tmp);
    }
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already renamed or never created */
    }
    if (e instanceof WriteError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new WriteError(`cannot write ${path}: ${err.code ?? err.message}`);
  }
}

/** A file name for a target in `--output-dir`: safe characters only, never hidden. */
export function fileNameFor(target: string, format: EnvFileFormat): string {
  const safe = target.replace(/^\/+/, '').replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_') || 'target';
  return `${safe}${format === 'json' ? '.json' : '.env'}`;
}
