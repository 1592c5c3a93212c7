/**
 * Secret-named assignments inside free text: `export DB_PASSWORD=hunter2` in a RUN line,
 * `DB_PASSWORD=hunter2` / `password: hunter2` / `"apiKey": "…"` in a heredoc body that writes
 * a config file. Each candidate goes through `classify`, so the exemptions, placeholders and
 * references rules are exactly the ones used for ENV/ARG. Only name-based secrets are
 * returned: known token formats in the same text are `scanText`'s job (no duplicates).
 */
import type { ClassifyOptions, TokenMatch } from './types';

export interface AssignmentMatch extends TokenMatch {
  /** The variable / key name the secret is assigned to. */
  name: string;
}

/**
 * `NAME=value` (shell, env files; optional `export`/`set`/`declare -x`), `NAME: value` (YAML,
 * a space after the colon), `"name": "value"` (JSON). Values: double- or single-quoted, or a
 * bare word up to whitespace or a shell separator. Bounded quantifiers keep it linear.
 */
const ASSIGN_RE =
  /(?<![\w.$/-])(["']?)([A-Za-z_][A-Za-z0-9_]{0,127}(?:[.-][A-Za-z0-9_]{1,64}){0,8})\1(?:[ \t]*=[ \t]*|[ \t]*:[ \t]+|(?<=["']):[ \t]*)("[^"\n]{0,2000}"|'[^'\n]{0,2000}'|(?:\$\{[^}\n]{0,256}\}|\$\([^)\n]{0,256}\)|\x60[^\x60\n]{0,256}\x60|\$(?![{(])|[^\s;&|"'#,}\]$\x60]){1,2000})/g;

/** Secret-named literal assignments in `text` (offsets point at the secret text). */
export function scanAssignments(
  text: string,
  classify: (name: string, value: string | null, opts?: ClassifyOptions) => { secret: boolean; reason: string | null; secretText?: string },
  opts?: ClassifyOptions,
): AssignmentMatch[] {
  if (text.indexOf('=') < 0 && text.indexOf(':') < 0) return [];
  const out: AssignmentMatch[] = [];
  ASSIGN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ASSIGN_RE.exec(text)) !== null) {
    const name = m[2]!;
    const raw = m[3]!;
    const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
    const value = quoted ? raw.slice(1, -1) : raw;
    const c = classify(name, value, opts);
    if (!c.secret || c.reason !== 'name' || !c.secretText) continue;
    const valueStart = m.index + m[0].length - raw.length + (quoted ? 1 : 0);
    const rel = value.indexOf(c.secretText);
    const start = valueStart + (rel >= 0 ? rel : 0);
    const secret = rel >= 0 ? c.secretText : value;
    out.push({ type: 'Secret assignment', name, start, end: start + secret.length, text: secret });
  }
  return out;
}
