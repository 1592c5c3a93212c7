/**
 * The one place that turns a user's glob (a configuration's `allow-names` and `ignore`, a path on
 * the command line, `godock env --keep/--drop/--only`) into a matcher, in time that stays bounded
 * whatever the glob: globs come with pull requests, and micromatch's backtracking regexes freeze on
 * `*a*a*a*a*a*a*c` against a long name.
 *
 * Answers are micromatch's, quirks included (`*.*` does not match `a.`): micromatch (picomatch)
 * still compiles the glob into its regular expression, and a small Thompson-NFA simulation here
 * runs that expression, keeping a set of states instead of backtracking. Cost: O(states × text),
 * with at most about 16 states per glob character (so ≤ ~4,000 for the longest glob). It runs
 * what picomatch emits for literals, `*`, `?`, `**` and `/` (the common subset) and also for
 * brackets, braces, escapes, a leading `!` and most extglobs: characters, classes, `.`, groups,
 * `|`, `?` `*` `+`, `{n,m}` on one character (n, m ≤ 10), `^`, `$`, and lookaheads `(?=…)` `(?!…)`
 * whose body has a bounded length (picomatch's dot rules) or that sit right after `^` (a negated
 * glob: tested once). test/util/glob.test.ts compares it with micromatch.
 *
 * Anything else (a lookahead with an unbounded body past the start, as in `!(*.md)`; `\b`, `\c`,
 * a back-reference; a lookbehind or named group) runs on micromatch's own regex, but only when that
 * regex cannot blow up: at most MAX_FALLBACK_WILDCARDS of `*` (a run counts once), `?`, `(`, `[`,
 * `{` and `\` in the glob, which leaves it at most one quantifier to backtrack over.
 *
 * Limits, each a GlobError whose message is one line naming the glob:
 * | limit                                          | why                                          |
 * |------------------------------------------------|----------------------------------------------|
 * | not empty                                      | micromatch refuses it                        |
 * | at most MAX_GLOB_LENGTH (256) characters       | bounds the states, so the cost per character |
 * | outside the NFA's syntax (above): at most 2    | micromatch's regex then backtracks at most   |
 * |   wildcards, groups or escapes                 |   linearly                                   |
 * | micromatch can compile it                      | its error, in one line                       |
 */
import micromatch from 'micromatch';
import { visible } from './safe-text';

export const MAX_GLOB_LENGTH = 256;
export const MAX_FALLBACK_WILDCARDS = 2;

export interface GlobOptions {
  /** Case-insensitive (micromatch `nocase`). */
  nocase?: boolean;
  /** `*`, `?` and `**` match names starting with `.` (micromatch `dot`). */
  dot?: boolean;
}

/** A glob that godock refuses; `message` is one line that names it. */
export class GlobError extends Error {
  constructor(
    readonly glob: string,
    message: string,
  ) {
    super(message);
    this.name = 'GlobError';
  }
}

/** Whether `p` has glob syntax at all (micromatch's scan; linear). */
export function isGlob(p: string): boolean {
  return micromatch.scan(p).isGlob;
}

/** A command-line glob split into the directory to search (`base`) and the glob below it. */
export function scanGlob(input: string): { base: string; glob: string } {
  const { base, glob } = micromatch.scan(input);
  return { base, glob };
}

const cache = new Map<string, (s: string) => boolean>();

/** The matcher of one glob (micromatch semantics; see the header for limits). Throws GlobError. */
export function globMatcher(glob: string, opts: GlobOptions = {}): (s: string) => boolean {
  const key = `${opts.nocase ? 'i' : '-'}${opts.dot ? 'd' : '-'}${glob}`;
  let m = cache.get(key);
  if (!m) {
    if (cache.size >= 1000) cache.clear();
    cache.set(key, (m = compile(glob, opts)));
  }
  return m;
}

/** A matcher for several globs: true when any matches. Throws GlobError. */
export function anyGlobMatcher(globs: readonly string[], opts: GlobOptions = {}): (s: string) => boolean {
  const each = globs.map((g) => globMatcher(g, opts));
  return (s) => each.some((f) => f(s));
}

function shown(glob: string): string {
  const cut = glob.length > 60 ? `${glob.slice(0, 60)}…` : glob;
  return `"${visible(cut).replace(/"/g, '\\"')}"`;
}

const WINDOWS = process.platform === 'win32';

function compile(glob: string, opts: GlobOptions): (s: string) => boolean {
  if (glob === '') throw new GlobError(glob, 'glob is empty');
  if (glob.length > MAX_GLOB_LENGTH)
    throw new GlobError(glob, `glob ${shown(glob)} is too long (more than ${MAX_GLOB_LENGTH} characters); shorten it`);
  // picomatch's parser never returns on an open `[` followed by an escaped backslash (`[\\\\`, seen
  // with picomatch 2.3): refuse escaped backslashes before it can be reached.
  if (glob.includes('\\\\'))
    throw new GlobError(glob, `glob ${shown(glob)} has an escaped backslash (\\\\), which godock does not accept; match the character with ? instead`);
  const mmOpts = { nocase: opts.nocase === true, dot: opts.dot === true };
  let re: RegExp;
  try {
    re = micromatch.makeRe(glob, mmOpts);
  } catch (e) {
    throw new GlobError(glob, `glob ${shown(glob)} is invalid (${visible(String((e as Error).message).split('\n')[0] ?? '')})`);
  }
  let test: (s: string) => boolean;
  try {
    const prog = program(parseRegex(re.source, re.flags));
    test = (s) => run(prog, s, 0, true);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    if (wildcards(glob) > MAX_FALLBACK_WILDCARDS)
      throw new GlobError(
        glob,
        `glob ${shown(glob)} is too complex (more than ${MAX_FALLBACK_WILDCARDS} wildcards, groups or escapes around syntax that cannot be matched in linear time); simplify it`,
      );
    test = (s) => re.test(s);
  }
  // What picomatch.test does around the regex: no empty match, a glob equal to the text matches.
  return (s) => {
    if (s === '') return false;
    const out = WINDOWS ? s.replace(/\\/g, '/') : s;
    return s === glob || out === glob || test(out);
  };
}

/** `*` runs, `?`, `(`, `[`, `{` and `\`: the constructs that let micromatch's regex backtrack. */
function wildcards(glob: string): number {
  return (glob.match(/\*+|[?([{\\]/g) ?? []).length;
}

// ---- regex → NFA ---------------------------------------------------------------------------

/** A construct the NFA does not run; the message names it. */
class Unsupported extends Error {}

type CharTest = (c: string) => boolean;
type Ast =
  | { t: 'char'; test: CharTest }
  | { t: 'seq'; items: Ast[] }
  | { t: 'alt'; alts: Ast[] }
  | { t: 'star' | 'plus' | 'opt'; body: Ast }
  | { t: 'bol' }
  | { t: 'eol' }
  | { t: 'look'; neg: boolean; body: Ast };

const MAX_REPEAT = 10;

/** A test for one UTF-16 unit against a one-character regex (a literal or a class), remembered. */
function charTest(source: string, flags: string): CharTest {
  if (source === '[^/]') return (c) => c !== '/';
  const re = new RegExp(`^(?:${source})$`, flags);
  const memo = new Map<string, boolean>();
  return (c) => {
    let r = memo.get(c);
    if (r === undefined) memo.set(c, (r = re.test(c)));
    return r;
  };
}

function literal(c: string, flags: string): Ast {
  if (!flags.includes('i')) return { t: 'char', test: (x) => x === c };
  return { t: 'char', test: charTest(`\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`, flags) };
}

function maxLength(a: Ast): number {
  switch (a.t) {
    case 'char':
      return 1;
    case 'seq':
      return a.items.reduce((n, x) => n + maxLength(x), 0);
    case 'alt':
      return Math.max(...a.alts.map(maxLength));
    case 'star':
    case 'plus':
      return Infinity;
    case 'opt':
      return maxLength(a.body);
    default:
      return 0;
  }
}

/** Parses the JavaScript regex syntax picomatch emits (see the header); throws Unsupported. */
function parseRegex(src: string, flags: string): Ast {
  if (/[^i]/.test(flags)) throw new Unsupported(`regex flags ${flags}`);
  let i = 0;
  const alt = (): Ast => {
    const alts = [seq()];
    while (src[i] === '|') {
      i++;
      alts.push(seq());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  };
  const seq = (): Ast => {
    const items: Ast[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const a = quantified(atom());
      // An unbounded lookahead is tested wherever it is reached; right after `^` that is once.
      if (a.t === 'look' && maxLength(a.body) === Infinity && items[items.length - 1]?.t !== 'bol')
        throw new Unsupported('unbounded lookahead');
      items.push(a);
    }
    return { t: 'seq', items };
  };
  const atom = (): Ast => {
    const c = src[i++]!;
    switch (c) {
      case '(': {
        let look: boolean | null = null;
        if (src[i] === '?') {
          const k = src[i + 1];
          if (k === '=' || k === '!') look = k === '!';
          else if (k !== ':') throw new Unsupported('group syntax');
          i += 2;
        }
        const body = alt();
        if (src[i++] !== ')') throw new Unsupported('unbalanced group');
        return look === null ? body : { t: 'look', neg: look, body };
      }
      case '[': {
        let j = i;
        while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
        if (j >= src.length) throw new Unsupported('unterminated class');
        const source = src.slice(i - 1, j + 1);
        i = j + 1;
        return { t: 'char', test: charTest(source, flags) };
      }
      case '.':
        return { t: 'char', test: (x) => x !== '\n' && x !== '\r' && x !== '\u2028' && x !== '\u2029' };
      case '^':
        return { t: 'bol' };
      case '$':
        return { t: 'eol' };
      case '\\': {
        // Web-compatibility (Annex B) escapes: a class or control escape is one character,
        // `\xHH` / `\uHHHH` too; `\b`, `\c`, back-references are not run here; any other
        // escaped character stands for itself (`\a` is `a`, `\x` without hex digits is `x`, `\k`
        // is `k` as named groups are not run either).
        const e = src[i++];
        if (e === undefined || /[bBc0-9]/.test(e)) throw new Unsupported(`escape \\${e ?? ''}`);
        if (/[dDsSwWfnrtv]/.test(e)) return { t: 'char', test: charTest(`\\${e}`, flags) };
        const hex = e === 'x' ? /^[0-9A-Fa-f]{2}/.exec(src.slice(i)) : e === 'u' ? /^[0-9A-Fa-f]{4}/.exec(src.slice(i)) : null;
        if (hex) {
          i += hex[0].length;
          return { t: 'char', test: charTest(`\\${e}${hex[0]}`, flags) };
        }
        return literal(e, flags);
      }
      case '*':
      case '+':
      case '?':
        throw new Unsupported(`bare ${c}`);
      default:
        // Also `{`, `}` and `]`: outside a quantifier and a class they are plain characters.
        return literal(c, flags);
    }
  };
  const quantified = (a: Ast): Ast => {
    let min: number;
    let max: number;
    const q = src[i];
    if (q === '*') [min, max] = [0, Infinity];
    else if (q === '+') [min, max] = [1, Infinity];
    else if (q === '?') [min, max] = [0, 1];
    else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return a; // a plain `{`
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length - 1;
    } else return a;
    i++;
    if (src[i] === '?') i++; // lazy: the same language
    if (a.t === 'bol' || a.t === 'eol' || a.t === 'look') throw new Unsupported('quantified assertion');
    if (q !== '{') return { t: min === 0 ? (max === 1 ? 'opt' : 'star') : 'plus', body: a };
    // `{n,m}` (picomatch's `\.{1,2}`) is unrolled: only for one character, a few times.
    if (a.t !== 'char' || min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT) || max < min) throw new Unsupported('repeat');
    const items: Ast[] = [];
    for (let k = 0; k < min; k++) items.push(a);
    if (max === Infinity) items.push({ t: 'star', body: a });
    else for (let k = min; k < max; k++) items.push({ t: 'opt', body: a });
    return { t: 'seq', items };
  };
  const ast = alt();
  if (i !== src.length) throw new Unsupported('unbalanced group');
  return ast;
}

type State =
  | { k: 'match' }
  | { k: 'char'; test: CharTest; next: number }
  | { k: 'fork'; to: number[] }
  | { k: 'bol' | 'eol'; next: number }
  | { k: 'look'; neg: boolean; prog: Program; next: number };

interface Program {
  states: State[];
  start: number;
}

/** Thompson construction, back to front: each piece is built knowing the state that follows it. */
function program(ast: Ast): Program {
  const states: State[] = [{ k: 'match' }];
  const push = (s: State) => states.push(s) - 1;
  const emit = (a: Ast, next: number): number => {
    switch (a.t) {
      case 'char':
        return push({ k: 'char', test: a.test, next });
      case 'seq':
        for (let j = a.items.length - 1; j >= 0; j--) next = emit(a.items[j]!, next);
        return next;
      case 'alt':
        return push({ k: 'fork', to: a.alts.map((x) => emit(x, next)) });
      case 'opt':
        return push({ k: 'fork', to: [emit(a.body, next), next] });
      case 'star':
      case 'plus': {
        // One copy of the body, looping through a fork: `x*` enters at the fork, `x+` at the body.
        const fork: State = { k: 'fork', to: [] };
        const at = push(fork);
        const body = emit(a.body, at);
        fork.to.push(body, next);
        return a.t === 'star' ? at : body;
      }
      case 'bol':
      case 'eol':
        return push({ k: a.t, next });
      case 'look':
        return push({ k: 'look', neg: a.neg, prog: program(a.body), next });
    }
  };
  return { states, start: emit(ast, 0) };
}

/**
 * Whether `prog` matches `s` from `from` on (anywhere after it when `search`, like RegExp#test;
 * else a prefix starting at `from`, like a lookahead). Each state is visited once per position.
 */
function run(prog: Program, s: string, from: number, search: boolean): boolean {
  const { states } = prog;
  const seen = new Int32Array(states.length).fill(-1);
  const stack: number[] = [];
  /** Adds the character states reachable from `start` at position `p` to `list`; true on a match. */
  const close = (list: number[], start: number, p: number): boolean => {
    stack.push(start);
    while (stack.length > 0) {
      const j = stack.pop()!;
      if (seen[j] === p) continue;
      seen[j] = p;
      const st = states[j]!;
      switch (st.k) {
        case 'match':
          stack.length = 0;
          return true;
        case 'char':
          list.push(j);
          break;
        case 'fork':
          for (let t = st.to.length - 1; t >= 0; t--) stack.push(st.to[t]!);
          break;
        case 'bol':
          if (p === 0) stack.push(st.next);
          break;
        case 'eol':
          if (p === s.length) stack.push(st.next);
          break;
        case 'look':
          if (run(st.prog, s, p, false) !== st.neg) stack.push(st.next);
          break;
      }
    }
    return false;
  };
  let list: number[] = [];
  if (close(list, prog.start, from)) return true;
  for (let p = from; p < s.length; p++) {
    if (list.length === 0 && !search) return false;
    const c = s[p]!;
    const next: number[] = [];
    for (const j of list) {
      const st = states[j] as { test: CharTest; next: number };
      if (st.test(c) && close(next, st.next, p + 1)) return true;
    }
    if (search && close(next, prog.start, p + 1)) return true;
    list = next;
  }
  return false;
}
