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

export function joinSegments(segments: readonly TextSegment[], sep = ' '): string {
  return segments.map((s) => s.text).join(sep);
}
