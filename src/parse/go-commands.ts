/**
 * Simple commands of a shell text (a RUN command or a heredoc script) and the `go` invocations
 * among them, with offsets. Built on the word splitter in ./shell; it never evaluates anything.
 */
import { isWord, tokenize, type Word } from './shell';

export interface SimpleCommand {
  /** Leading `NAME=value` words (prefix assignments). */
  assignments: Word[];
  /** The command name after assignments and wrappers (`sudo`, `env`, `exec`, …); undefined when there is none. */
  head?: Word;
  /** Words after the head. */
  args: Word[];
  start: number;
  end: number;
}

const ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*=/;
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'time', 'nohup', 'command', 'nice', 'doas']);

/** Splits a shell text into simple commands at `;`, `&&`, `||`, `|`, `&`, newlines and parentheses. */
export function simpleCommands(text: string): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let words: Word[] = [];
  const flush = () => {
    if (words.length) out.push(toCommand(words));
    words = [];
  };
  for (const t of tokenize(text)) {
    if (isWord(t)) words.push(t);
    else flush();
  }
  flush();
  return out;
}

function toCommand(words: Word[]): SimpleCommand {
  let i = 0;
  const assignments: Word[] = [];
  while (i < words.length && ASSIGN.test(words[i]!.raw)) assignments.push(words[i++]!);
  // Wrappers such as `sudo -E`, `env -u X A=1`: skip them, their flags and their assignments.
  while (i < words.length && WRAPPERS.has(words[i]!.value)) {
    i++;
    while (i < words.length && (words[i]!.value.startsWith('-') || ASSIGN.test(words[i]!.raw))) {
      if (ASSIGN.test(words[i]!.raw)) assignments.push(words[i]!);
      i++;
    }
  }
  const c: SimpleCommand = { assignments, args: words.slice(i + 1), start: words[0]!.start, end: words[words.length - 1]!.end };
  if (i < words.length) c.head = words[i]!;
  return c;
}

export interface GoInvocation {
  /** The subcommand (`build`, `mod`, `env`, …); '' for a bare `go`. */
  sub: string;
  /** Arguments after the subcommand. */
  args: string[];
  command: SimpleCommand;
}

export function isGoBinary(word: string): boolean {
  return word === 'go' || /[\\/]go(?:\.exe)?$/.test(word);
}

/** The `go` commands in a shell text (`go build`, `/usr/local/go/bin/go mod download`, `sudo go …`). */
export function goInvocations(text: string): GoInvocation[] {
  const out: GoInvocation[] = [];
  for (const c of simpleCommands(text)) {
    if (!c.head || !isGoBinary(c.head.value)) continue;
    // `go -C dir build`: -C is the one flag before the subcommand that takes a value.
    let i = 0;
    while (i < c.args.length && c.args[i]!.value.startsWith('-')) i += c.args[i]!.value === '-C' ? 2 : 1;
    if (i >= c.args.length) i = -1;
    out.push({ sub: i < 0 ? '' : c.args[i]!.value, args: i < 0 ? [] : c.args.slice(i + 1).map((w) => w.value), command: c });
  }
  return out;
}

/** Subcommands that compile, and so need a writable build cache. */
export const GO_BUILDING_SUBCOMMANDS: ReadonlySet<string> = new Set(['build', 'install', 'run', 'test', 'vet', 'get']);

/** Subcommands that work in module mode and look for go.mod. */
export const GO_MODULE_SUBCOMMANDS: ReadonlySet<string> = new Set(['build', 'install', 'run', 'test', 'vet', 'get', 'generate', 'list', 'mod', 'work']);
