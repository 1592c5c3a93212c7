/**
 * Path semantics the go command applies to GOROOT/GOPATH/GOCACHE/…: what counts as absolute,
 * filepath.Clean, list splitting (`:` on Unix, `;` on Windows), and containment. `windows` is the
 * target OS when known, or null when unknown (then a drive-letter path counts as Windows).
 */

const DRIVE = /^[A-Za-z]:[\\/]/;
const UNC = /^\\\\[^\\]/;

export function looksWindows(p: string): boolean {
  return DRIVE.test(p) || UNC.test(p);
}

/** filepath.IsAbs for the target OS (on Windows `\x` without a volume is not absolute). */
export function isAbsGoPath(p: string, windows: boolean | null): boolean {
  if (windows === true) return looksWindows(p);
  if (windows === false) return p.startsWith('/');
  // Unknown OS: a rooted Windows path (`\\go`, e.g. under `# escape=`) is not called relative.
  return p.startsWith('/') || p.startsWith('\\') || looksWindows(p);
}

/** filepath.Clean; Windows paths are also lower-cased and use `\` so they compare as Windows does. */
export function cleanGoPath(p: string, windows: boolean | null): string {
  const win = windows === true || (windows === null && looksWindows(p));
  if (win) {
    const s = p.replace(/\//g, '\\');
    const m = /^([A-Za-z]:|\\\\[^\\]+\\[^\\]+)(.*)$/.exec(s);
    const vol = m ? m[1]!.toLowerCase() : '';
    const rest = m ? m[2]! : s;
    return vol + '\\' + segments(rest.split('\\'), true).join('\\');
  }
  const abs = p.startsWith('/');
  const parts = segments(p.split('/'), abs);
  if (abs) return '/' + parts.join('/');
  return parts.length ? parts.join('/') : '.';
}

function segments(raw: string[], rooted: boolean): string[] {
  const out: string[] = [];
  for (const seg of raw) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(seg);
  }
  return out;
}

function cmpKey(p: string, windows: boolean | null): string {
  const c = cleanGoPath(p, windows);
  return looksWindows(c) || windows === true ? c.toLowerCase() : c;
}

/** How `child` relates to `parent` after cleaning: the same directory, strictly inside it, or neither. */
export function pathRelation(child: string, parent: string, windows: boolean | null): 'equal' | 'inside' | null {
  const c = cmpKey(child, windows);
  const p = cmpKey(parent, windows);
  if (c === p) return 'equal';
  const sep = c.includes('\\') || p.includes('\\') ? '\\' : '/';
  const prefix = p.endsWith(sep) ? p : p + sep;
  return c.startsWith(prefix) ? 'inside' : null;
}

/** Joins a directory and a relative path and cleans the result. */
export function joinGoPath(dir: string, rel: string, windows: boolean | null): string {
  const win = windows === true || (windows === null && looksWindows(dir));
  return cleanGoPath(`${dir}${win ? '\\' : '/'}${rel}`, windows);
}

/** filepath.SplitList for the target OS (an unknown OS uses `;` when the value looks Windows). */
export function splitGoPathList(value: string, windows: boolean | null): string[] {
  const win = windows === true || (windows === null && (value.includes(';') || looksWindows(value)));
  return value.split(win ? ';' : ':');
}
