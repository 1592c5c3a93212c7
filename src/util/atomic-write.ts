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
 * Two steps, so that several files can be written all or nothing: stageWrite() (synchronous: a
 * few quick system calls) and commitWrite() (async: only the fsync runs on libuv's thread pool;
 * the link or rename follows). atomicWrite() does both for one file. stageWriteAsync() also creates
 * and fsyncs the temp file on the thread pool, for many files written at once while the caller's
 * thread does other work (`godock env --output-dir`); commitWrite() then only links or renames
 * it, on the thread pool too. Such writes in parallel share the journal commits of their fsyncs.
 */
import { closeSync, constants, fchmodSync, fsync, link, linkSync, lstat, lstatSync, open, openSync, rename, renameSync, unlink, unlinkSync, writeFileSync, type Stats } from 'node:fs';
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
  /** Already fsynced (stageWriteAsync): commitWrite() only moves it into place. */
  readonly synced?: boolean;
}

const refusedLink = (path: string) => new WriteError(`refusing to write ${path}: it is a symbolic link`);
const refusedExisting = (path: string) => new WriteError(`refusing to overwrite ${path}: it exists (use --force)`);

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) ?? null;
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

/** One random part per process (drawn on first use) and a counter: O_EXCL refuses a clash anyway. */
let tempId: string | undefined;
let tempCount = 0;
function tempPathFor(path: string): string {
  tempId ??= randomBytes(4).toString('hex');
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tempId}${(tempCount++).toString(16)}.tmp`);
}

const CREATE_EXCL = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;

/** Sets the mode (whatever the umask), writes `data` and closes `fd`; on failure closes it and removes `tmp`. */
function fillTemp(fd: number, tmp: string, path: string, data: string | Uint8Array, mode: number): void {
  try {
    fchmodSync(fd, mode);
    writeFileSync(fd, data);
    closeSync(fd);
  } catch (e) {
    closeQuietly(fd);
    unlinkQuietly(tmp);
    throw failure(path, e);
  }
}

/** Step 1: refuses `path` (see checkWritable) or writes `data` to a new temp file beside it. */
export function stageWrite(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): StagedWrite {
  const { mode = 0o644, overwrite = true } = options;
  checkWritable(path, { overwrite });
  const tmp = tempPathFor(path);
  let fd: number;
  try {
    fd = openSync(tmp, CREATE_EXCL, mode);
  } catch (e) {
    throw failure(path, e);
  }
  fillTemp(fd, tmp, path, data, mode);
  return { path, tmp, overwrite };
}

/** A node:fs call on libuv's thread pool, as a promise. */
function onPool<T = void>(call: (done: (e: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => call((e, value) => (e ? reject(e) : resolve(value as T))));
}

/**
 * stageWrite() and the fsync in one go, for many files written at once: every system call that
 * can wait (creating the file, the fsync) runs on libuv's thread pool while the caller's thread
 * does other work, and the temp file is fsynced before it is closed, so commitWrite() only moves
 * it into place. Without `overwrite`, the target is not checked first: the link in commitWrite()
 * refuses an existing path with the same WriteError.
 */
export async function stageWriteAsync(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<StagedWrite> {
  const { mode = 0o644, overwrite = true } = options;
  if (overwrite) checkWritable(path, { overwrite });
  const tmp = tempPathFor(path);
  let fd: number;
  try {
    fd = await onPool<number>((done) => open(tmp, CREATE_EXCL, mode, done));
  } catch (e) {
    throw failure(path, e);
  }
  try {
    fchmodSync(fd, mode);
    writeFileSync(fd, data);
    await onPool((done) => fsync(fd, done));
  } catch (e) {
    closeQuietly(fd);
    unlinkQuietly(tmp);
    throw failure(path, e);
  }
  try {
    closeSync(fd);
  } catch (e) {
    unlinkQuietly(tmp);
    throw failure(path, e);
  }
  return { path, tmp, overwrite, synced: true };
}

async function lstatOrNullAsync(path: string): Promise<Stats | null> {
  try {
    return await onPool<Stats>((done) => lstat(path, done));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new WriteError(`cannot access ${path}: ${code ?? 'error'}`);
  }
}

/** Why `path` refused a link (EEXIST): a symlink, not a regular file, or a file. */
function refusedAt(path: string): WriteError {
  try {
    checkWritable(path, { overwrite: false });
  } catch (e) {
    return failure(path, e);
  }
  return refusedExisting(path); // gone again meanwhile: still refused
}

/** Moves a staged (fsynced) temp file into place, the link or rename on libuv's thread pool. */
async function moveIntoPlaceOnPool(staged: StagedWrite): Promise<void> {
  const { path, tmp } = staged;
  let moved = false;
  try {
    if (staged.overwrite) {
      if ((await lstatOrNullAsync(path))?.isSymbolicLink()) throw refusedLink(path);
      await onPool((done) => rename(tmp, path, done));
      moved = true;
      return;
    }
    try {
      await onPool((done) => link(tmp, path, done));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') throw refusedAt(path);
      // File systems without hard links: re-check, then rename.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      if (await lstatOrNullAsync(path)) throw refusedExisting(path);
      await onPool((done) => rename(tmp, path, done));
      moved = true;
      return;
    }
    moved = true;
    await onPool((done) => unlink(tmp, done)).catch(() => undefined); // linked: the temp name goes
  } catch (e) {
    throw failure(path, e);
  } finally {
    if (!moved) unlinkQuietly(tmp);
  }
}

/**
 * Step 2: fsyncs the temp file, then links or renames it into place (a stageWriteAsync() one:
 * only the move, on the thread pool). Rejects with a WriteError; the temp file is gone either way.
 */
export async function commitWrite(staged: StagedWrite): Promise<void> {
  if (staged.synced) return moveIntoPlaceOnPool(staged);
  const { path, tmp } = staged;
  let moved = false;
  try {
    // Read-write: Windows flushes only through a handle opened for writing.
    const fd = openSync(tmp, constants.O_RDWR);
    try {
      await onPool((done) => fsync(fd, done));
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
