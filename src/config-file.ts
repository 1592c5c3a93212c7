/** Finds and reads `.godock.yaml` / `.godock.yml`, validating it into a ResolvedConfig. */
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import { yamlReason } from './parse/compose';
import { ConfigError, DEFAULT_CONFIG, resolveConfig, type ResolvedConfig } from './engine/config';
import { rules } from '../rules';
import { MAX_FILE_BYTES, readStream, tooLarge, type Decoded } from './read';

export const CONFIG_NAMES = ['.godock.yaml', '.godock.yml'];

/** The configuration file of one directory, or null (a file named like one that is a directory does not count). */
function configIn(dir: string): string | null {
  for (const n of CONFIG_NAMES) {
    const p = path.join(dir, n);
    try {
      // No exception for the usual "not here" (thousands of directories in a large tree).
      if (statSync(p, { throwIfNoEntry: false })?.isFile()) return p;
    } catch {
      /* unreadable: not a configuration either */
    }
  }
  return null;
}

/** The nearest configuration file at or above `dir`, or null. */
export async function findConfig(dir: string): Promise<string | null> {
  for (let cur = path.resolve(dir); ; cur = path.dirname(cur)) {
    const found = configIn(cur);
    if (found !== null || path.dirname(cur) === cur) return found;
  }
}

/**
 * The configuration of each linted file: the nearest `.godock.yaml` upward from the file's
 * directory, each directory looked at and each configuration loaded and validated once.
 * `shown(abs)` names a configuration file in error messages; `known` is one already loaded (the
 * working directory's), so it is not read twice.
 */
export function configLookup(
  shown: (abs: string) => string,
  known?: { file: string | null; config: ResolvedConfig },
): (file: string) => Promise<{ file: string | null; config: ResolvedConfig }> {
  const nearest = new Map<string, string | null>();
  const loaded = new Map<string, Promise<ResolvedConfig>>();
  if (known?.file) loaded.set(known.file, Promise.resolve(known.config));
  const find = (dir: string): string | null => {
    const seen: string[] = [];
    let found: string | null | undefined;
    for (let cur = dir; found === undefined; ) {
      if (nearest.has(cur)) found = nearest.get(cur)!;
      else {
        seen.push(cur);
        found = configIn(cur) ?? (path.dirname(cur) === cur ? null : undefined);
        cur = path.dirname(cur);
      }
    }
    for (const d of seen) nearest.set(d, found);
    return found;
  };
  return async (file) => {
    const p = find(path.dirname(path.resolve(file)));
    if (p === null) return { file: null, config: DEFAULT_CONFIG };
    let c = loaded.get(p);
    if (!c) loaded.set(p, (c = loadConfig(p, shown(p))));
    return { file: p, config: await c };
  };
}

/**
 * A configuration file's text through the checks linted files get (src/read.ts): the size limit,
 * binary content, UTF-16, invalid UTF-8. Every failure is a message for a ConfigError: an
 * unreadable configuration, nested or not, names its file instead of ending the run with an
 * internal error. A pipe (`-c <(…)`) is read up to the limit.
 */
async function readConfigText(file: string): Promise<Decoded> {
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'configuration file not found' : `cannot read configuration: ${reason(code)}`, line: 1 };
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) return { error: 'cannot read configuration: it is a directory', line: 1 };
    if (st.isFile() && st.size > MAX_FILE_BYTES) return inConfig(tooLarge(st.size));
    return inConfig(await readStream(fh.createReadStream({ autoClose: false })));
  } catch (e) {
    return { error: `cannot read configuration: ${reason((e as NodeJS.ErrnoException).code)}`, line: 1 };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

const reason = (code: string | undefined): string => (code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'error'));

/** A refusal from src/read.ts, worded for a configuration file. */
function inConfig(d: Decoded): Decoded {
  if ('text' in d) return d;
  const error = d.error.startsWith('cannot read: ') ? `cannot read configuration: ${d.error.slice('cannot read: '.length)}` : `not a usable configuration: ${d.error.replace(/; refusing to lint it$/, '')}`;
  return { error, line: d.line };
}

export async function loadConfig(file: string | null, display?: string): Promise<ResolvedConfig> {
  if (!file) return DEFAULT_CONFIG;
  const shown = display ?? file;
  const read = await readConfigText(file);
  if ('error' in read) throw new ConfigError(shown, read.line, read.error);
  const { text } = read;
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new ConfigError(shown, lc.linePos(e.pos[0]).line, `invalid YAML: ${yamlReason(e.message)}`);
  }
  const known = new Set(rules.map((r) => r.id));
  const lineOf = (p: (string | number)[]): number => {
    let node: unknown = doc.contents;
    let line = 1;
    for (const key of p) {
      if (!isMap(node)) break;
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(key));
      if (!pair) break;
      const k = pair.key as Node;
      if (k.range) line = lc.linePos(k.range[0]).line;
      node = pair.value;
    }
    return line;
  };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias to no anchor, an alias bomb, a bad merge source: the library throws while resolving.
    throw new ConfigError(shown, 1, `invalid YAML: ${yamlReason((e as Error).message)}`);
  }
  return resolveConfig(raw, shown, known, { lineOf });
}
