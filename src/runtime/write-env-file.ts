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
import { accessSync, constants, linkSync, lstatSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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

/**
 * Throws the WriteError writeEnvFiles would throw before writing anything (early check): the
 * refusals of the atomic writer (a symlink, not a regular file, an existing file without `force`),
 * and a folder that is missing, not a folder or not writable (where the temp file would go).
 */
export function checkWritable(path: string, options: WriteOptions = {}): void {
  checkTarget(path, { overwrite: options.force === true });
  const dir = dirname(path);
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new WriteError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/** `path` with its folder's links resolved (the file itself may not exist yet). */
function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return join(realpathSync(dirname(abs)), basename(abs));
  } catch {
    return abs;
  }
}

/**
 * Whether two paths name the same file: the same path however spelled (`./a.env`, `a.env`, a
 * folder through a symlink), or, for existing files, the same file through a symlink or a hard
 * link (same device and inode).
 */
export function sameFile(a: string, b: string): boolean {
  if (canonical(a) === canonical(b)) return true;
  try {
    const sa = statSync(a, { throwIfNoEntry: false });
    const sb = sa && statSync(b, { throwIfNoEntry: false });
    return Boolean(sa && sb && sa.dev === sb.dev && sa.ino === sb.ino);
  } catch {
    return false;
  }
}

/** One env-file to write. */
export interface EnvFileWrite {
  path: string;
  content: string;
}

/** Throws, before anything is written, when two of `files` are the same file (one would replace the other). */
function checkDistinct(files: readonly EnvFileWrite[]): void {
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      if (sameFile(files[i]!.path, files[j]!.path)) throw new WriteError(`refusing to write ${files[j]!.path}: it is the same file as ${files[i]!.path}`);
    }
  }
}

let backups = 0;
/**
 * Before `path` is replaced: whether a file is there, and a second name (hard link) for it so the
 * replacement can be undone (null when the file system has no hard links).
 */
function keepOld(path: string): { existed: boolean; old: string | null } {
  let existed = false;
  try {
    existed = lstatSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
    if (!existed) return { existed, old: null };
    const old = join(dirname(path), `.${basename(path)}.${process.pid}.${(backups++).toString(16)}.old.tmp`);
    linkSync(path, old);
    return { existed, old };
  } catch {
    return { existed, old: null };
  }
}

function quietly(call: () => void): void {
  try {
    call();
  } catch {
    /* best effort */
  }
}

/**
 * Writes a target's env-file(s) through the shared atomic writer (src/util/atomic-write), mode
 * 0600: a symlink at a path, anything that is not a regular file and an existing file without
 * `force` are refused. Every file is staged first (a temp file beside it, created, written and
 * fsynced, the slow calls on libuv's thread pool), then each is moved into place in order (rename
 * with `force`, else link, which cannot clobber).
 *
 * Several files (an env-file and its secrets file) are all or nothing: every path is checked
 * (checkWritable, and no two the same file) before any is staged; a failure while staging removes
 * the temp files; a failure while moving one into place undoes the ones moved before it (a new
 * file is removed, a replaced one is put back from a hard link kept until the end).
 * Rejects with a WriteError naming the path.
 */
export async function writeEnvFiles(files: readonly EnvFileWrite[], options: WriteOptions = {}): Promise<void> {
  const force = options.force === true;
  if (files.length > 1) {
    for (const f of files) checkWritable(f.path, options);
    checkDistinct(files);
  }
  const staged: StagedWrite[] = [];
  const committed: { path: string; existed: boolean; old: string | null }[] = [];
  try {
    for (const f of files) staged.push(await stageWriteAsync(f.path, f.content, { mode: 0o600, overwrite: force }));
    while (staged.length > 0) {
      const next = staged[0]!;
      // Without force a file is never replaced: the link in commitWrite() refuses an existing one.
      const before = files.length > 1 && force ? keepOld(next.path) : { existed: false, old: null };
      try {
        await commitWrite(staged.shift()!); // committed or, on failure, cleaned up
      } catch (e) {
        if (before.old !== null) quietly(() => unlinkSync(before.old!));
        for (const c of committed.reverse()) {
          // A new file goes; a replaced one comes back (unless it could not be kept: then it stays new).
          if (c.old !== null) quietly(() => renameSync(c.old!, c.path));
          else if (!c.existed) quietly(() => unlinkSync(c.path));
        }
        committed.length = 0;
        throw e;
      }
      committed.push({ path: next.path, ...before });
    }
  } finally {
    staged.forEach(discardWrite);
    for (const c of committed) if (c.old !== null) quietly(() => unlinkSync(c.old!));
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
