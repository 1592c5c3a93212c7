/**
 * An instruction's text as the adapter reads it: from the source lines, not through dockerfile-ast
 * argument calls (which re-tokenize the whole instruction every time). Physical-line segments with
 * continuations, embedded comments and heredoc bodies removed; leading `--flag=value`s; heredocs.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Heredoc, TextSegment } from '../../model';
import { dropPrefix, joinSegments, type Range0 } from '../../text/location';
import { isWord, tokenize } from '../../text/shell';
import type { DockerfileState } from './state';

export interface HeredocLike {
  getName(): string;
  getContentRange(): Range0 | null;
  getDelimiterRange(): Range0 | null;
  getStartRange(): Range0;
}

/** The heredocs of an instruction; dockerfile-ast throws on some malformed ones, which then count as none. */
function heredocsOrNone(ins: unknown): HeredocLike[] {
  try {
    return ((ins as { getHeredocs?: () => unknown[] }).getHeredocs?.() ?? []) as unknown as HeredocLike[];
  } catch {
    return [];
  }
}

/**
 * Splits text into lines without their terminators, at the line breaks dockerfile-ast counts
 * (`\r\n`, `\n` and a lone `\r`), so that its positions index these lines.
 */
export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/** The source text of range `r`. */
export function sliceRange(lines: string[], r: Range0): string {
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  const parts = [(lines[r.start.line] ?? '').slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l] ?? '');
  parts.push((lines[r.end.line] ?? '').slice(0, r.end.character));
  return parts.join('\n');
}

/** The instruction's source text (to skip costly dockerfile-ast calls that cannot match). */
function textOf(st: DockerfileState, ins: Instruction): string {
  const r = ins.getRange() as Range0;
  return r.start.line === r.end.line ? (st.lines[r.start.line] ?? '') : st.lines.slice(r.start.line, r.end.line + 1).join('\n');
}

/** The heredocs of an instruction, asked of dockerfile-ast only when its text has a `<<`. */
export function heredocsIn(st: DockerfileState, ins: Instruction): HeredocLike[] {
  return textOf(st, ins).includes('<<') ? heredocsOrNone(ins) : [];
}

/** The instruction's arguments as physical-line segments (without the keyword and heredoc bodies). */
export function segmentsOf(st: DockerfileState, ins: Instruction, heredocs: HeredocLike[]): TextSegment[] {
  const r = ins.getRange() as Range0;
  const kw = ins.getInstructionRange() as Range0;
  const skip = new Set<number>();
  for (const h of heredocs) {
    const c = h.getContentRange();
    if (c) for (let l = c.start.line; l <= c.end.line; l++) skip.add(l);
    const d = h.getDelimiterRange();
    if (d) skip.add(d.start.line);
  }
  const segs: TextSegment[] = [];
  for (let l = r.start.line; l <= r.end.line; l++) {
    if (skip.has(l)) continue;
    let t = st.lines[l] ?? '';
    if (l === r.end.line && r.end.line > r.start.line) t = t.slice(0, r.end.character);
    let col = 0;
    if (l === r.start.line) {
      col = kw.start.line === l ? kw.end.character : 0;
      t = t.slice(col);
    } else if (/^\s*#/.test(t)) continue;
    const lead = t.length - t.trimStart().length;
    col += lead;
    t = t.slice(lead);
    const trimmed = t.replace(/\s+$/, '');
    if (l < r.end.line && trimmed.endsWith(st.escape)) t = trimmed.slice(0, -1);
    if (t.trim() === '') continue;
    segs.push({ text: t, line: l + 1, column: col + 1 });
  }
  return segs;
}

/** Splits leading `--name=value` flags off the segments. */
export function splitFlags(segs: TextSegment[]): { flags: Map<string, string[]>; rest: TextSegment[] } {
  const flags = new Map<string, string[]>();
  const joined = joinSegments(segs);
  // A flag word starts with `-`, or with a quote or escape that hides one: skip the tokenizer otherwise.
  if (!/^\s*[-"'\\$]/.test(joined)) return { flags, rest: segs };
  let cut = 0;
  for (const t of tokenize(joined)) {
    if (!isWord(t) || !t.value.startsWith('--')) break;
    const eq = t.value.indexOf('=');
    const name = (eq < 0 ? t.value.slice(2) : t.value.slice(2, eq)).toLowerCase();
    flags.set(name, [...(flags.get(name) ?? []), eq < 0 ? '' : t.value.slice(eq + 1)]);
    cut = t.end;
  }
  return { flags, rest: cut === 0 ? segs : dropPrefix(segs, cut) };
}

/** The model's heredocs: name and body lines. */
export function modelHeredocs(st: DockerfileState, hs: HeredocLike[]): Heredoc[] {
  return hs.map((h) => {
    const c = h.getContentRange();
    const segs: TextSegment[] = [];
    if (c) for (let l = c.start.line; l <= c.end.line; l++) segs.push({ text: st.lines[l] ?? '', line: l + 1, column: 1 });
    return { name: h.getName(), segments: segs };
  });
}

/** Parses the JSON (exec) form `["a", "b"]`, returning each string with its offsets, or null. */
export function parseJsonArgs(text: string): { value: string; start: number; end: number }[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return null;
  let arr: unknown;
  try {
    arr = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (!Array.isArray(arr) || !arr.every((x) => typeof x === 'string')) return null;
  const out: { value: string; start: number; end: number }[] = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ value: JSON.parse(m[0]) as string, start: m.index + 1, end: m.index + m[0].length - 1 });
  }
  return out;
}
