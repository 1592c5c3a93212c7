/**
 * A small POSIX-shell word splitter for RUN commands: enough to find assignments at command
 * positions (`export GOPATH=/x`, `CGO_ENABLED=0 go build`, `go env -w GOSUMDB=off`) with exact
 * offsets. It is not a shell: it never evaluates, and unknown syntax degrades to plain words.
 */

export interface Word {
  /** The word with quotes removed and escapes applied. */
  value: string;
  /** The word as written. */
  raw: string;
  start: number;
  end: number;
}

export type Token = { op: string; start: number; end: number } | Word;

export function isWord(t: Token): t is Word {
  return (t as Word).raw !== undefined;
}

const OPS = ['&&', '||', ';;', ';', '|', '&', '(', ')', '\n'];

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op) {
      out.push({ op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const start = i;
    let value = '';
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || OPS.some((o) => o !== '\n' && text.startsWith(o, i) && o !== '(' && o !== ')')) break;
      if (ch === '\\' && i + 1 < text.length) {
        value += text[i + 1];
        i += 2;
      } else if (ch === "'") {
        const close = text.indexOf("'", i + 1);
        const stop = close < 0 ? text.length : close;
        value += text.slice(i + 1, stop);
        i = stop + 1;
      } else if (ch === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) {
            value += text[i + 1];
            i += 2;
          } else value += text[i++];
        }
        i++;
      } else if (ch === '$' && text[i + 1] === '(') {
        const close = matchParen(text, i + 1);
        value += text.slice(i, close + 1);
        i = close + 1;
      } else {
        value += ch;
        i++;
      }
    }
    if (i > text.length) i = text.length;
    out.push({ value, raw: text.slice(start, i), start, end: i });
  }
  return out;
}

function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '(') depth++;
    else if (text[j] === ')' && --depth === 0) return j;
  }
  return text.length - 1;
}

export interface ShellAssignment {
  name: string;
  value: string;
  raw: string;
  form: 'export' | 'prefix' | 'bare' | 'go-env-w';
  /** Offsets of the name and of the value (raw, quotes included) in the text. */
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;
const DECLARE = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);

/** Assignments at command positions, `export`/`declare` arguments, and `go env -w` arguments. */
export function findAssignments(text: string): ShellAssignment[] {
  const tokens = tokenize(text);
  const out: ShellAssignment[] = [];
  let cmd: Word[] = [];
  const flush = () => {
    if (cmd.length) analyse(cmd, out);
    cmd = [];
  };
  for (const t of tokens) {
    if (isWord(t)) cmd.push(t);
    else flush();
  }
  flush();
  return out;
}

function toAssignment(w: Word, form: ShellAssignment['form']): ShellAssignment | null {
  const m = ASSIGN.exec(w.raw);
  if (!m) return null;
  const name = m[1]!;
  const eq = w.value.indexOf('=');
  return {
    name,
    value: w.value.slice(eq + 1),
    raw: w.raw.slice(name.length + 1),
    form,
    nameStart: w.start,
    nameEnd: w.start + name.length,
    valueStart: w.start + name.length + 1,
    valueEnd: w.end,
  };
}

function analyse(words: Word[], out: ShellAssignment[]): void {
  let i = 0;
  const prefix: ShellAssignment[] = [];
  while (i < words.length) {
    const a = toAssignment(words[i]!, 'prefix');
    if (!a) break;
    prefix.push(a);
    i++;
  }
  const rest = words.slice(i);
  const bare = rest.length === 0;
  for (const a of prefix) out.push({ ...a, form: bare ? 'bare' : 'prefix' });
  if (rest.length === 0) return;
  const head = rest[0]!.value;
  if (DECLARE.has(head)) {
    for (const w of rest.slice(1)) {
      if (w.value.startsWith('-')) continue;
      const a = toAssignment(w, 'export');
      if (a) out.push(a);
    }
    return;
  }
  // `go env -w A=1 B=2` (also through a path such as /usr/local/go/bin/go)
  if ((head === 'go' || head.endsWith('/go')) && rest[1]?.value === 'env') {
    const args = rest.slice(2);
    if (args.some((w) => w.value === '-w')) {
      for (const w of args) {
        const a = toAssignment(w, 'go-env-w');
        if (a) out.push(a);
      }
    }
  }
}
