/**
 * Confinement to one directory tree (the Action's workspace): paths are judged after resolving
 * symbolic links, so neither `../..`, an absolute path nor a link committed in a pull request
 * reaches outside it; directories on the way to a file that is written are made one at a time,
 * never through a link.
 */
import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { WriteError } from './atomic-write';

function real(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    // Not there (yet): its parent decides.
    const parent = path.dirname(p);
    return parent === p ? p : path.join(real(parent), path.basename(p));
  }
}

/** `abs`, with links resolved, is `root` or lies under it (also resolved). */
export function within(root: string, abs: string): boolean {
  const r = real(root);
  const a = real(abs);
  return a === r || a.startsWith(r.endsWith(path.sep) ? r : r + path.sep);
}

/** `abs` lies under `root` by its name alone (no `..` out of it). */
function lexicallyWithin(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Makes the directories from `root` down to the parent of `file`, refusing a link or a
 * non-directory on the way; `file` must lie under `root` by name. Returns the file's path.
 */
export function prepareInside(root: string, file: string): string {
  const abs = path.resolve(root, file);
  if (!lexicallyWithin(root, abs)) throw new WriteError(`refusing to write ${file}: it is outside ${root}`);
  let dir = root;
  for (const part of path.relative(root, path.dirname(abs)).split(path.sep).filter(Boolean)) {
    dir = path.join(dir, part);
    const st = lstatSync(dir, { throwIfNoEntry: false });
    if (!st) mkdirSync(dir);
    else if (st.isSymbolicLink()) throw new WriteError(`refusing to write ${file}: ${path.relative(root, dir)} is a symbolic link`);
    else if (!st.isDirectory()) throw new WriteError(`refusing to write ${file}: ${path.relative(root, dir)} is not a directory`);
  }
  return abs;
}
