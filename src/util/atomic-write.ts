/**
 * The one atomic file writer (`godock lint --output-file`, `godock env` env-files).
 *
 * A temp file is created next to the target with O_EXCL and the requested mode (set again with
 * fchmod, so the umask cannot change it) and written; then it is fsynced and renamed over the
 * target (`overwrite`) or hard-linked to it (no overwrite: link() cannot clobber a file that
 * appeared meanwhile). A writer killed mid-way leaves the old file (or none) at the target, never
 * a half-written one. A symbolic link at the target (even a dangling one) and anything that is
 * not a regular file are refused; the temp file is removed on every error. Errors are WriteErrors
 * that name the path, never the content.
 *
 * Two steps, so that many files are written fast: stageWrite() (synchronous: a few quick system
 * calls) and commitWrite() (async: only the fsync runs on libuv's thread pool; the link or rename
 * follows). Staging every file before committing any keeps file creation clear of the journal
 * commits that fsyncs cause, and commits run in parallel so their fsyncs share journal commits.
 * atomicWrite() does both for one file.
 */
import { closeSync, constants, fchmodSync, fsync, linkSync, lstatSync, openSync, renameSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A write refused or failed; the message names the path, never the content. */
export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

export interface AtomicWriteOptions {
  /** Mode of the new file (default 0o644), whatever the umask. */
  mode?: number;
  /** Replace an existing regular file (default true). */
  overwrite?: boolean;
}

/** A temp file written and closed, waiting for commitWrite(). */
export interface StagedWrite {
  readonly path: string;
  readonly tmp: string;
  readonly overwrite: boolean;
}

const refusedLink = (path: string) => new WriteError(`refusing to write ${path}: it is a symbolic link`);
const refusedExisting = (path: string) => new WriteError(`refusing to overwrite ${path}: it exists (use --force)`);

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new WriteError(`cannot access ${path}: ${code ?? 'error'}`);
  }
}

/** Throws the WriteError a write would throw before anything is written (an early check). */
export function checkWritable(path: string, options: Pick<AtomicWriteOptions, 'overwrite'> = {}): void {
  const existing = lstatOrNull(path);
  if (!existing) return;
  if (existing.isSymbolicLink()) throw refusedLink(path);
  if (!existing.isFile()) throw new WriteError(`refusing to write ${path}: it is not a regular file`);
  if (options.overwrite === false) throw refusedExisting(path);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
}

function failure(path: string, e: unknown): WriteError {
  if (e instanceof WriteError) return e;
  const err = e as NodeJS.ErrnoException;
  return new WriteError(`cannot write ${path}: ${err.code ?? err.message}`);
}

/** Step 1: refuses `path` (see checkWritable) or writes `data` to a new temp file beside it. */
export function stageWrite(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): StagedWrite {
  const { mode = 0o644, overwrite = true } = options;
  checkWritable(path, { overwrite });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    fchmodSync(fd, mode);
    writeFileSync(fd, data);
    closeSync(fd);
    return { path, tmp, overwrite };
  } catch (e) {
    if (fd !== undefined) {
      closeQuietly(fd);
      unlinkQuietly(tmp);
    }
    throw failure(path, e);
  }
}

/** fsync on libuv's thread pool. */
function fsyncAsync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (e) => (e ? reject(e) : resolve())));
}

/** Step 2: fsyncs the temp file, then links or renames it into place. Rejects with a WriteError. */
export async function commitWrite(staged: StagedWrite): Promise<void> {
  const { path, tmp } = staged;
  let moved = false;
  try {
    // Read-write: Windows flushes only through a handle opened for writing.
    const fd = openSync(tmp, constants.O_RDWR);
    try {
      await fsyncAsync(fd);
    } finally {
      closeSync(fd);
    }
    if (staged.overwrite) {
      if (lstatOrNull(path)?.isSymbolicLink()) throw refusedLink(path);
      renameSync(tmp, path);
      moved = true;
      return;
    }
    try {
      linkSync(tmp, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') throw refusedExisting(path);
      // File systems without hard links: re-check, then rename.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      if (lstatOrNull(path)) throw refusedExisting(path);
      renameSync(tmp, path);
      moved = true;
    }
  } catch (e) {
    throw failure(path, e);
  } finally {
    if (!moved) unlinkQuietly(tmp);
  }
}

/** Drops a staged write that will not be committed (removes its temp file). */
export function discardWrite(staged: StagedWrite): void {
  unlinkQuietly(staged.tmp);
}

/** Stages and commits one file: the whole atomic write. */
export async function atomicWrite(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await commitWrite(stageWrite(path, data, options));
}
