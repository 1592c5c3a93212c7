/**
 * Env-file adapter (parsing only). Two formats, as compose's `env_file: {format}` names them
 * (facts: ../shared/reference/ecosystem.md §1):
 *
 * - `raw`: docker's kvfile (`docker run --env-file`, compose `format: raw`). Leading whitespace of
 *   a line is dropped, blank lines and lines starting with `#` are skipped, `KEY=VALUE` splits at
 *   the first `=` and the value is taken verbatim (quotes, `#`, trailing spaces included). A bare
 *   `KEY` is taken from the host (value null). Empty names and names with spaces are errors.
 * - `dotenv` (compose's default): optional `export `, `KEY=VALUE` or `KEY: VALUE`, spaces around
 *   the separator ignored; unquoted values are trimmed and end at ` #` (an inline comment);
 *   `'…'` is literal except `\'`; `"…"` expands `\n \t \\ \" \$ …`; quoted values may span lines.
 *   Interpolation is NOT applied: `value` keeps `$VAR` as written (it is filled at compose time).
 *
 * Both: a UTF-8 BOM is dropped and CRLF line ends are accepted. Positions are 1-based and point at
 * the name and at the value's first character (inside quotes for quoted values) in this file.
 * Bad lines become `errors` (the rest of the file is still read); the adapter never throws.
 */
import type { EnvAssignment, FileModel, Location, ParseError } from '../model';
import { emptyModel } from './empty-model';
import { lineSuppressions, type LineComment } from './line-suppressions';
import { LineIndex } from '../text/location';

export type EnvFileFormat = 'dotenv' | 'raw';

/** Normalised text (no BOM, LF line ends) with offset → position mapping. */
class Source {
  readonly text: string;
  private readonly lines: LineIndex;
  constructor(input: string) {
    this.text = input.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    this.lines = new LineIndex(this.text);
  }
  pos(offset: number): { line: number; column: number } {
    const p = this.lines.linePos(offset);
    return { line: p.line, column: p.col };
  }
  loc(start: number, end: number): Location {
    return this.lines.loc(start, end);
  }
  lineEnd(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl;
  }
}

interface Entry {
  name: string;
  nameStart: number;
  value: string | null;
  /** Offsets of the value's characters (inside quotes). */
  valueStart: number;
  valueEnd: number;
  raw?: string;
  /** Offset where the entry ends (for multi-line values). */
  end: number;
}

interface ScanState {
  src: Source;
  entries: Entry[];
  comments: LineComment[];
  errors: ParseError[];
}

export function parseEnvFile(path: string, text: string, format: EnvFileFormat = 'dotenv'): FileModel {
  const st: ScanState = { src: new Source(text), entries: [], comments: [], errors: [] };
  try {
    if (format === 'raw') scanRaw(st);
    else scanDotenv(st);
  } catch (e) {
    st.errors.push({ message: `could not read env file: ${(e as Error).message}`, line: 1, column: 1 });
  }
  const { src } = st;
  const assignments: EnvAssignment[] = st.entries.map((e) => {
    const a: EnvAssignment = {
      name: e.name,
      value: e.value,
      kind: 'env-file',
      nameLoc: src.loc(e.nameStart, e.nameStart + e.name.length),
      valueLoc: e.value === null ? null : src.loc(e.valueStart, e.valueEnd),
      group: 0,
    };
    if (e.raw !== undefined && e.raw !== e.value) a.raw = e.raw;
    return a;
  });
  const starts = st.entries.map((e) => src.pos(e.nameStart).line);
  const ends = new Map<number, number>();
  st.entries.forEach((e, i) => ends.set(starts[i]!, Math.max(ends.get(starts[i]!) ?? 0, src.pos(e.end).line)));
  return {
    ...emptyModel(path, 'env-file'),
    assignments,
    suppressions: lineSuppressions(st.comments, [...new Set(starts)], (l) => ends.get(l) ?? l),
    errors: st.errors,
  };
}

/** Iterates the lines of the text as [start, end) offsets, from `from`. */
function leadingSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && /\s/.test(text[i]!)) i++;
  return i;
}

function scanRaw(st: ScanState): void {
  const { src } = st;
  const t = src.text;
  let lineStart = 0;
  while (lineStart <= t.length) {
    const end = src.lineEnd(lineStart);
    const s = leadingSpace(t, lineStart, end);
    if (s < end) {
      const line = src.pos(s).line;
      if (t[s] === '#') st.comments.push({ line, text: t.slice(s + 1, end) });
      else {
        const body = t.slice(s, end);
        const eq = body.indexOf('=');
        const name = eq < 0 ? body : body.slice(0, eq);
        if (name === '') st.errors.push({ message: `no variable name on line ${line}`, line, column: src.pos(s).column });
        else if (/[ \t]/.test(name)) st.errors.push({ message: 'variable name contains whitespace', line, column: src.pos(s).column });
        else {
          st.entries.push({
            name,
            nameStart: s,
            value: eq < 0 ? null : body.slice(eq + 1),
            valueStart: s + eq + 1,
            valueEnd: end,
            end,
          });
        }
      }
    }
    lineStart = end + 1;
  }
}

/** compose-go's isSpace: blanks that are not line breaks. */
function isBlank(c: string | undefined): boolean {
  return c !== undefined && c !== '\n' && /\s/.test(c);
}

const KEY_CHAR = /[\p{L}\p{N}_.\-[\]]/u;

function scanDotenv(st: ScanState): void {
  const { src } = st;
  const t = src.text;
  let i = 0;
  while (i < t.length) {
    // Statement start: skip whitespace (including newlines) and whole-line comments.
    while (i < t.length && /\s/.test(t[i]!)) i++;
    if (i >= t.length) break;
    const lineEnd = src.lineEnd(i);
    const line = src.pos(i).line;
    if (t[i] === '#') {
      st.comments.push({ line, text: t.slice(i + 1, lineEnd) });
      i = lineEnd;
      continue;
    }
    const exp = /^export[ \t]+/.exec(t.slice(i, lineEnd));
    if (exp) i += exp[0].length;
    const fail = (message: string, at: number): void => {
      st.errors.push({ message, line: src.pos(at).line, column: src.pos(at).column });
    };
    // Key: up to `=`, `:` or the end of the line.
    const nameStart = i;
    let j = i;
    let sep = -1;
    let bad = -1;
    for (; j < lineEnd; j++) {
      const c = t[j]!;
      if (c === '=' || c === ':') {
        sep = j;
        break;
      }
      if (!isBlank(c) && !KEY_CHAR.test(c) && bad < 0) bad = j;
    }
    const name = t.slice(nameStart, sep < 0 ? lineEnd : sep).replace(/\s+$/u, '');
    if (bad >= 0) {
      fail(`unexpected character ${JSON.stringify(t[bad])} in variable name`, bad);
      i = lineEnd;
      continue;
    }
    if (name === '') {
      fail('no variable name', nameStart);
      i = lineEnd;
      continue;
    }
    if (/\s/u.test(name)) {
      fail('variable name contains whitespace', nameStart);
      i = lineEnd;
      continue;
    }
    if (sep < 0) {
      st.entries.push({ name, nameStart, value: null, valueStart: lineEnd, valueEnd: lineEnd, end: lineEnd });
      i = lineEnd;
      continue;
    }
    let v = sep + 1;
    while (v < lineEnd && isBlank(t[v])) v++;
    const q = t[v];
    if (q === '"' || q === "'") {
      let close = -1;
      for (let k = v + 1; k < t.length; k++) {
        if (t[k] === q && t[k - 1] !== '\\') {
          close = k;
          break;
        }
      }
      if (close < 0) {
        fail('unterminated quoted value', v);
        i = lineEnd;
        continue;
      }
      const inner = t.slice(v + 1, close);
      st.entries.push({
        name,
        nameStart,
        value: q === "'" ? inner.replace(/\\'/g, "'") : unescapeDouble(inner),
        valueStart: v + 1,
        valueEnd: close,
        raw: t.slice(v, close + 1),
        end: close,
      });
      i = src.lineEnd(close);
      continue;
    }
    // Unquoted: to the end of the line, an inline comment starts at whitespace + `#`.
    let stop = lineEnd;
    for (let k = v; k < lineEnd; k++) {
      if (t[k] === '#' && isBlank(t[k - 1])) {
        stop = k;
        break;
      }
    }
    let e = stop;
    while (e > v && isBlank(t[e - 1])) e--;
    st.entries.push({ name, nameStart, value: t.slice(v, e), valueStart: v, valueEnd: e, end: e });
    i = lineEnd;
  }
}

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  $: '$',
};

/** Escapes of compose's double-quoted dotenv values; unknown escapes keep the backslash. */
function unescapeDouble(s: string): string {
  return s.replace(/\\(0[0-7]{1,3}|[abfnrtv\\"$])/g, (m, e: string) =>
    e[0] === '0' ? String.fromCharCode(parseInt(e, 8)) : (ESCAPES[e] ?? m),
  );
}
