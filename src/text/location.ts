import type { Location, TextSegment } from '../model';

/** A 0-based, end-exclusive LSP-style range (dockerfile-ast). */
export interface Range0 {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function fromRange0(r: Range0): Location {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function loc(line: number, column: number, endLine: number, endColumn: number): Location {
  return { line, column, endLine, endColumn };
}

/** Location of `length` characters starting at 1-based (line, column) on one line. */
export function span(line: number, column: number, length: number): Location {
  return { line, column, endLine: line, endColumn: column + length };
}

/**
 * Maps a [start, end) range of the text obtained by joining segments with `sep` back to a
 * location. Ranges crossing segments end at the end of the segment they start in.
 */
export function locateInSegments(segments: readonly TextSegment[], start: number, end: number, sep = ' '): Location | null {
  let offset = 0;
  for (const s of segments) {
    const segEnd = offset + s.text.length;
    if (start >= offset && start <= segEnd) {
      const col = s.column + (start - offset);
      const stop = Math.min(end, segEnd);
      return span(s.line, col, Math.max(1, stop - start));
    }
    offset = segEnd + sep.length;
  }
  return null;
}

/** The segments without the first `offset` characters of their joined text. */
export function dropPrefix(segments: readonly TextSegment[], offset: number, sep = ' '): TextSegment[] {
  const out: TextSegment[] = [];
  let pos = 0;
  for (const s of segments) {
    const end = pos + s.text.length;
    if (end <= offset) {
      pos = end + sep.length;
      continue;
    }
    const skip = Math.max(0, offset - pos);
    const text = s.text.slice(skip);
    const lead = text.length - text.trimStart().length;
    if (text.trim() !== '') out.push({ text: text.slice(lead), line: s.line, column: s.column + skip + lead });
    pos = end + sep.length;
  }
  return out;
}

export function joinSegments(segments: readonly TextSegment[], sep = ' '): string {
  return segments.map((s) => s.text).join(sep);
}

/**
 * Offsets → 1-based line and column, counting `\n` as the only line break (as every adapter and
 * the reporters do; a `\r` before it is part of the line ending). Binary search over line starts.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  linePos(offset: number): { line: number; col: number } {
    const off = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: off - this.starts[lo]! + 1 };
  }
  /** Location of the offsets [start, end). */
  loc(start: number, end: number): Location {
    const a = this.linePos(start);
    const b = this.linePos(end);
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }
}
