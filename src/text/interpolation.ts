/**
 * Compose interpolation (https://docs.docker.com/reference/compose-file/interpolation/):
 * `docker compose` fills `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`,
 * `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}` from the HOST environment (and the project `.env`)
 * before any container exists. `$$` is an escaped `$`. A `$` not followed by a name or `{` is kept;
 * a malformed `${…` is an "Invalid template" error for compose.
 *
 * Only what is specific to compose lives here; static expansion itself is `expand` (with `$` as
 * the escape character, which makes `$$` a literal `$`).
 */
import { expand, findClose } from './expand';

export type InterpolationOp = '' | ':-' | '-' | ':?' | '?' | ':+' | '+';

/** One `$NAME` / `${NAME…}` reference, with offsets into the scanned value (end exclusive). */
export interface InterpolationRef {
  name: string;
  op: InterpolationOp;
  /** Offsets of the whole `${…}` / `$NAME` token. */
  start: number;
  end: number;
  /** Offsets of the name itself. */
  nameStart: number;
  /** True when the reference is inside another reference's default/alternative text. */
  nested: boolean;
}

export interface ComposeValueScan {
  /**
   * - empty: null or ''
   * - reference: only references that have no literal fallback (`${A}`, `$A`, `${A:?e}`, `${A?e}`)
   * - literal: anything with literal text, including `${A:-literal}` defaults and `$$` escapes
   */
  kind: 'empty' | 'reference' | 'literal';
  refs: InterpolationRef[];
  /** The literal characters compose would put in the value (outside refs, plus default/alt texts; `$$` → `$`). */
  literal: string;
  /** Set when compose would refuse the value ("Invalid template"). */
  error: string | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/;
const EMPTY_VARS: ReadonlyMap<string, string | null> = new Map();

/** Scans a compose value for host interpolation. */
export function scanComposeValue(value: string | null): ComposeValueScan {
  if (value === null || value === '') return { kind: 'empty', refs: [], literal: '', error: null };
  const refs: InterpolationRef[] = [];
  const out = { literal: '', hasFallback: false, error: null as string | null };
  scanInto(value, 0, false, refs, out);
  const kind = out.literal.length > 0 || refs.length === 0 || out.hasFallback ? 'literal' : 'reference';
  return { kind, refs, literal: out.literal, error: out.error };
}

function scanInto(
  text: string,
  base: number,
  nested: boolean,
  refs: InterpolationRef[],
  out: { literal: string; hasFallback: boolean; error: string | null },
): void {
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '$') {
      out.literal += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out.literal += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = findClose(text, i + 2);
      const m = close < 0 ? null : BRACED.exec(text.slice(i + 2, close));
      if (!m) {
        out.error ??= `invalid interpolation format: ${close < 0 ? 'missing closing brace' : 'bad variable name'}`;
        out.literal += text.slice(i, close < 0 ? text.length : close + 1);
        i = close < 0 ? text.length : close + 1;
        continue;
      }
      const op = (m[2] ?? '') as InterpolationOp;
      refs.push({ name: m[1]!, op, start: base + i, end: base + close + 1, nameStart: base + i + 2, nested });
      if (op === ':-' || op === '-' || op === ':+' || op === '+') {
        const word = m[3] ?? '';
        if (word.length > 0) out.hasFallback = true;
        scanInto(word, base + i + 2 + m[1]!.length + op.length, true, refs, out);
      }
      i = close + 1;
      continue;
    }
    const n = NAME.exec(text.slice(i + 1));
    if (!n) {
      out.literal += '$';
      i++;
      continue;
    }
    refs.push({ name: n[0], op: '', start: base + i, end: base + i + 1 + n[0].length, nameStart: base + i + 1, nested });
    i += 1 + n[0].length;
  }
}

/**
 * The value compose produces when no referenced variable is set on the host (defaults applied,
 * `$$` → `$`); null when that depends on the host (a reference without a default, or `:?`).
 * `golang:${GO_VERSION:-1.22}` → `golang:1.22`.
 */
export function resolveComposeStatic(value: string): string | null {
  return expand(value, EMPTY_VARS, '$');
}
