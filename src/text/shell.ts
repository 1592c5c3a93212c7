/**
 * A small POSIX-shell word splitter for RUN commands: enough to find simple commands and the
 * assignments at command positions (`export GOPATH=/x`, `CGO_ENABLED=0 go build`,
 * `go env -w GOSUMDB=off`) with exact offsets. It is not a shell: it never evaluates, and unknown
 * syntax degrades to plain words. The one shell tokenizer of godock: everything that reads shell
 * text (RUN commands, heredoc scripts, ARG/COPY word lists) goes through here.
 */
import type { Run, TextSegment } from '../model';
import { isGoBinary } from '../go/env';
import { findClose } from './expand';
import { joinSegments } from './location';

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

/** The operator starting at `i` (`&&`, `||`, `;;`, `;`, `|`, `&`, `(`, `)`, newline), or null. */
function opAt(text: string, i: number): string | null {
  const c = text[i];
  switch (c) {
    case '&':
    case '|':
    case ';':
      return text[i + 1] === c ? c + c : c;
    case '(':
    case ')':
    case '\n':
      return c;
    default:
      return null;
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    const op = opAt(text, i);
    if (op) {
      out.push({ op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const start = i;
    let value = '';
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === ';' || ch === '|' || ch === '&') break;
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
        const found = findClose(text, i + 2, '(', ')');
        const close = found < 0 ? text.length - 1 : found;
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

/** The words of each simple command, split at `;`, `&&`, `||`, `|`, `&`, newlines and parentheses. */
export function commandWords(text: string): Word[][] {
  const out: Word[][] = [];
  let words: Word[] = [];
  const flush = (): void => {
    // `if go …`, `then go env -w …`, `do …`, `! cmd`, `{ cmd`: the command follows the reserved word.
    let i = 0;
    while (i < words.length && RESERVED_BEFORE_COMMAND.has(words[i]!.raw)) i++;
    const command = words.slice(i);
    if (command.length && !(command.length === 1 && RESERVED_ALONE.has(command[0]!.raw))) out.push(command);
    words = [];
  };
  for (const t of tokenize(text)) {
    if (isWord(t)) words.push(t);
    else if (words.length) flush();
  }
  if (words.length) flush();
  return out;
}

/** Shell reserved words after which a command starts (compound commands: `if …; then …; fi`). */
const RESERVED_BEFORE_COMMAND: ReadonlySet<string> = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{']);
/** Reserved words that end a compound command and are no command themselves. */
const RESERVED_ALONE: ReadonlySet<string> = new Set(['fi', 'done', 'esac', '}']);

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;
/** Builtins whose `NAME=value` arguments assign shell variables. */
export const DECLARE_COMMANDS: ReadonlySet<string> = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);

/** The name and (unquoted) value of a `NAME=value` word, or null when the word is no assignment. */
export function assignmentOf(w: Word): { name: string; value: string } | null {
  const m = ASSIGN.exec(w.raw);
  if (!m) return null;
  return { name: m[1]!, value: w.value.slice(w.value.indexOf('=') + 1) };
}

export interface SimpleCommand {
  /** Every word of the command. */
  words: Word[];
  /** Leading `NAME=value` words (prefix assignments), also those given to a wrapper (`env A=1 go …`). */
  assignments: Word[];
  /** The command name after assignments and wrappers (`sudo`, `env`, `exec`, …); undefined when there is none. */
  head?: Word;
  /** Words after the head. */
  args: Word[];
  start: number;
  end: number;
}

const WRAPPERS = new Set(['sudo', 'env', 'exec', 'time', 'nohup', 'command', 'nice', 'doas']);

/** The simple commands of a shell text, with their prefix assignments and command name. */
export function simpleCommands(text: string): SimpleCommand[] {
  return commandWords(text).map(toCommand);
}

function toCommand(words: Word[]): SimpleCommand {
  let i = 0;
  const assignments: Word[] = [];
  while (i < words.length && assignmentOf(words[i]!)) assignments.push(words[i++]!);
  // Wrappers such as `sudo -E`, `env -u X A=1`: skip them, their flags and their assignments.
  while (i < words.length && WRAPPERS.has(words[i]!.value)) {
    i++;
    while (i < words.length && (words[i]!.value.startsWith('-') || assignmentOf(words[i]!))) {
      if (assignmentOf(words[i]!)) assignments.push(words[i]!);
      i++;
    }
  }
  const c: SimpleCommand = { words, assignments, args: words.slice(i + 1), start: words[0]!.start, end: words[words.length - 1]!.end };
  if (i < words.length) c.head = words[i]!;
  return c;
}

export interface RunScript {
  segments: TextSegment[];
  /** The separator that joins the segments into the script's text. */
  sep: string;
  /** The segments joined. */
  text: string;
}

/** The scripts of a RUN: its shell-form command line and each heredoc body. */
export function runScripts(run: Run): RunScript[] {
  const out: RunScript[] = run.form === 'shell' ? [{ segments: run.segments, sep: ' ', text: joinSegments(run.segments, ' ') }] : [];
  for (const h of run.heredocs) out.push({ segments: h.segments, sep: '\n', text: joinSegments(h.segments, '\n') });
  return out;
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

/** Assignments at command positions, `export`/`declare` arguments, and `go env -w` arguments. */
export function findAssignments(text: string): ShellAssignment[] {
  const out: ShellAssignment[] = [];
  // Every assignment word has an `=` (most RUN scripts have none: skip the tokenizer).
  if (!text.includes('=')) return out;
  for (const words of commandWords(text)) analyse(words, out);
  return out;
}

function toAssignment(w: Word, form: ShellAssignment['form']): ShellAssignment | null {
  const a = assignmentOf(w);
  if (!a) return null;
  const { name, value } = a;
  return {
    name,
    value,
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
  if (DECLARE_COMMANDS.has(head)) {
    for (const w of rest.slice(1)) {
      if (w.value.startsWith('-')) continue;
      const a = toAssignment(w, 'export');
      if (a) out.push(a);
    }
    return;
  }
  // `go env -w A=1 B=2` (also through a path such as /usr/local/go/bin/go)
  if (isGoBinary(head) && rest[1]?.value === 'env') {
    const args = rest.slice(2);
    if (args.some((w) => w.value === '-w')) {
      for (const w of args) {
        const a = toAssignment(w, 'go-env-w');
        if (a) out.push(a);
      }
    }
  }
}
