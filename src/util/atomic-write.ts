/**
 * Writes a file atomically: a temp file in the same directory, fsync, then rename over the
 * target. A writer killed mid-way leaves the old file (or none) intact, never a half-written one.
 */
import { promises as fs, constants } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export class WriteRefused extends Error {}

export interface AtomicWriteOptions {
  /** File mode of the new file (default 0o644). */
  mode?: number;
  /** Replace an existing file (default true). */
  overwrite?: boolean;
  /** Refuse when the target path is a symbolic link (default true). */
  refuseSymlink?: boolean;
}

export async function atomicWrite(target: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const { mode = 0o644, overwrite = true, refuseSymlink = true } = opts;
  let existing;
  try {
    existing = await fs.lstat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (existing) {
    if (refuseSymlink && existing.isSymbolicLink()) throw new WriteRefused(`${target}: refusing to write through a symbolic link`);
    if (existing.isDirectory()) throw new WriteRefused(`${target}: is a directory`);
    if (!overwrite) throw new WriteRefused(`${target}: file exists (use --force to replace it)`);
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await fs.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    await fh.writeFile(data);
    await fh.chmod(mode);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  try {
    if (!overwrite) {
      // Never replace a file that appeared meanwhile: link() fails if the target exists.
      await fs.link(tmp, target);
      await fs.unlink(tmp);
    } else await fs.rename(tmp, target);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteRefused(`${target}: file exists (use --force to replace it)`);
    throw e;
  }
}
