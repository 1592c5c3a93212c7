/** Finds and reads `.godock.yaml` / `.godock.yml`, validating it into a ResolvedConfig. */
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import { yamlReason } from './parse/compose';
import { ConfigError, DEFAULT_CONFIG, resolveConfig, type ResolvedConfig } from './engine/config';
import { rules } from '../rules';

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

export async function loadConfig(file: string | null, display?: string): Promise<ResolvedConfig> {
  if (!file) return DEFAULT_CONFIG;
  const shown = display ?? file;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(shown, 1, code === 'ENOENT' ? 'configuration file not found' : `cannot read configuration (${code})`);
  }
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
