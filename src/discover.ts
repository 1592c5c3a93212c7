/**
 * Paths and globs → the files to lint. Directories are searched for Dockerfiles, compose files
 * and env files by name; `.git`, `node_modules` and `.gitignore`d paths are skipped; symlinked
 * directories are not followed (no loops); unreadable directories become errors, not crashes.
 * File-system calls are synchronous: the walk is sequential anyway, and a blocking stat/readdir
 * costs a fraction of a promise-based one (thousands of paths on the command line are common).
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globMatcher, isGlob, scanGlob } from './util/glob';
import type { FileFormat } from './model';
import { formatFromName } from './parse/detect';

export interface Discovered {
  /** Absolute path. */
  abs: string;
  /** Path as reported: as given, or the searched directory (as given) joined with the relative path. */
  display: string;
  /** Format by name; null for explicit files with an unknown name (sniffed after reading). */
  format: FileFormat | null;
  explicit: boolean;
}

export interface DiscoverError {
  display: string;
  message: string;
}

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Whether a configuration's `ignore` globs, relative to `base`, match the file `abs`. */
export function ignoredBy(globs: readonly string[], base: string, abs: string): boolean {
  if (globs.length === 0) return false;
  const rel = toPosix(path.relative(base, abs));
  return globs.some((g) => globMatcher(g, { dot: true })(rel));
}

function hasGlob(p: string): boolean {
  return isGlob(p);
}

export async function discover(
  inputs: readonly string[],
  cwd: string,
  ignoreGlobs: readonly string[] = [],
): Promise<{ files: Discovered[]; errors: DiscoverError[] }> {
  const files: Discovered[] = [];
  const errors: DiscoverError[] = [];
  const seen = new Set<string>();
  const userIgnored = (abs: string) => ignoredBy(ignoreGlobs, cwd, abs);
  const add = (d: Discovered) => {
    if (seen.has(d.abs) || userIgnored(d.abs)) return;
    seen.add(d.abs);
    files.push(d);
  };

  for (const input of inputs) {
    if (hasGlob(input)) {
      const { base, glob } = scanGlob(input);
      const baseAbs = path.resolve(cwd, base || '.');
      const matcher = globMatcher(glob, { dot: true }); // a GlobError reaches the command
      walk(baseAbs, base || '.', errors, (abs, display, rel) => {
        if (matcher(rel)) add({ abs, display, format: formatFromName(abs), explicit: true });
      }, true);
      continue;
    }
    const abs = path.resolve(cwd, input);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      errors.push({ display: input, message: describeFsError(e, 'cannot read') });
      continue;
    }
    if (st.isDirectory()) {
      walk(abs, input, errors, (fileAbs, display) => {
        const format = formatFromName(fileAbs);
        if (format) add({ abs: fileAbs, display, format, explicit: false });
      });
    } else add({ abs, display: input, format: formatFromName(abs), explicit: true });
  }
  return { files, errors };
}

function walk(
  root: string,
  rootDisplay: string,
  errors: DiscoverError[],
  onFile: (abs: string, display: string, rel: string) => void,
  allFiles = false,
): void {
  // Each directory carries the ignore rules in force above it; its own .gitignore (when its
  // listing has one) is added when it is read.
  const stack: { dir: string; ig: Ignore | null; igBase: string }[] = [{ dir: root, ig: null, igBase: root }];
  while (stack.length) {
    const top = stack.pop()!;
    const { dir } = top;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ display: joinDisplay(rootDisplay, path.relative(root, dir)), message: describeFsError(e, 'cannot read directory') });
      continue;
    }
    let { ig, igBase } = top;
    const own = entries.some((e) => e.name === '.gitignore') ? loadGitignore(dir) : null;
    if (own) {
      // Nested .gitignore: combine by testing both (parent rules relative to their base).
      ig = ig ? combine(ig, igBase, own, dir) : own;
      igBase = dir;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const subdirs: string[] = [];
    for (const ent of entries) {
      const abs = path.join(dir, ent.name);
      const rel = toPosix(path.relative(root, abs));
      const igRel = ig ? toPosix(path.relative(igBase, abs)) : '';
      if (ent.isDirectory()) {
        if (SKIP_DIRS.has(ent.name)) continue;
        if (ig && ig.ignores(igRel + '/')) continue;
        subdirs.push(abs);
      } else if (ent.isFile() || ent.isSymbolicLink()) {
        if (ig && ig.ignores(igRel)) continue;
        if (ent.isSymbolicLink()) {
          // Follow links to files only; links to directories (and loops) are skipped.
          try {
            if (!statSync(abs).isFile()) continue;
          } catch {
            if (!allFiles && formatFromName(abs)) errors.push({ display: joinDisplay(rootDisplay, rel), message: 'broken or looping symbolic link' });
            continue;
          }
        }
        onFile(abs, joinDisplay(rootDisplay, rel), rel);
      }
    }
    for (const sub of subdirs.reverse()) stack.push({ dir: sub, ig, igBase });
  }
}

function combine(parent: Ignore, parentBase: string, child: Ignore, childBase: string): Ignore {
  const prefix = toPosix(path.relative(parentBase, childBase));
  return {
    ignores: (p: string) => parent.ignores(`${prefix}/${p}`) || child.ignores(p),
  } as Ignore;
}

function loadGitignore(dir: string): Ignore | null {
  try {
    return ignore().add(readFileSync(path.join(dir, '.gitignore'), 'utf8'));
  } catch {
    return null;
  }
}

function joinDisplay(base: string, rel: string): string {
  if (!rel) return base;
  if (base === '.' || base === './') return rel;
  return `${base.replace(/[\\/]+$/, '')}/${rel}`;
}

export function describeFsError(e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return `${what}: permission denied`;
    case 'ELOOP':
      return `${what}: too many levels of symbolic links`;
    case 'EISDIR':
      return `${what}: is a directory`;
    default:
      return `${what}: ${code ?? (e as Error).message}`;
  }
}
