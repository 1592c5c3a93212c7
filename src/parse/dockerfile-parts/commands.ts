/**
 * CMD, ENTRYPOINT and HEALTHCHECK: the command line the image config keeps, read from the source
 * lines (these instructions are text-only, see ../dockerfile-ast-speedups). Shell form: one
 * segment per physical line; exec form (JSON): one segment per argument, inside its quotes.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Command, CommandKind, TextSegment } from '../../model';
import { dropPrefix, fromRange0, joinSegments, type Range0 } from '../../text/location';
import { scopeName, type DockerfileState } from './state';
import { parseJsonArgs, segmentsOf, splitFlags } from './text';

const KIND: Record<string, CommandKind> = { CMD: 'cmd', ENTRYPOINT: 'entrypoint', HEALTHCHECK: 'healthcheck' };

/** True for the keywords this family reads. */
export function isCommandKeyword(keyword: string): boolean {
  return keyword in KIND;
}

export function handleCommand(st: DockerfileState, ins: Instruction, keyword: string, viaOnbuild: boolean): void {
  const kind = KIND[keyword];
  if (!kind) return;
  let segs = segmentsOf(st, ins, []);
  if (kind === 'healthcheck') {
    // `HEALTHCHECK [--interval=…] CMD <command>` or `HEALTHCHECK NONE`.
    segs = splitFlags(segs).rest;
    const m = /^(\s*)CMD(?=\s|\[|$)/i.exec(joinSegments(segs));
    if (!m) return;
    segs = dropPrefix(segs, m[0].length);
  }
  const joined = joinSegments(segs);
  const exec = /^\s*\[/.test(joined) ? parseJsonArgs(joined) : null;
  const segments = exec ? exec.flatMap((a) => sliceSegments(segs, a.start, a.end)) : segs;
  if (segments.length === 0) return; // `CMD []`
  const cmd: Command = { kind, scope: scopeName(st), form: exec ? 'exec' : 'shell', segments, loc: fromRange0(ins.getRange() as Range0) };
  if (viaOnbuild) cmd.viaOnbuild = true;
  st.model.commands.push(cmd);
}

/** The characters [start, end) of the segments' joined text (sep ' '), as segments of their own. */
function sliceSegments(segs: readonly TextSegment[], start: number, end: number): TextSegment[] {
  const out: TextSegment[] = [];
  let offset = 0;
  for (const s of segs) {
    const segEnd = offset + s.text.length;
    const a = Math.max(start, offset);
    const b = Math.min(end, segEnd);
    if (b > a) out.push({ text: s.text.slice(a - offset, b - offset), line: s.line, column: s.column + (a - offset) });
    offset = segEnd + 1;
  }
  return out;
}
