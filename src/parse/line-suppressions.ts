/**
 * Suppression pragmas for line-oriented formats (compose YAML, env files): a whole-line comment
 * `# godock-ignore id[,id] [-- reason]` covers the next line that is neither blank nor a comment,
 * extended to the end of the entry that starts there (a multi-line value); `# godock-ignore-file`
 * covers the file. The pragma syntax itself is parsed by parsePragma (./pragma).
 */
import type { Suppression } from '../model';
import { parsePragma } from './pragma';

export interface LineComment {
  /** 1-based line of the comment. */
  line: number;
  /** Comment text after `#`. */
  text: string;
}

/**
 * @param comments whole-line comments, in line order
 * @param contentLines sorted 1-based lines that start content (not blank, not comment)
 * @param extent end line of the entry starting on a content line (defaults to the line itself)
 */
export function lineSuppressions(
  comments: readonly LineComment[],
  contentLines: readonly number[],
  extent: (line: number) => number = (l) => l,
): Suppression[] {
  const out: Suppression[] = [];
  for (const c of comments) {
    const p = parsePragma(c.text);
    if (!p) continue;
    const next = contentLines.find((l) => l > c.line);
    const start = next ?? c.line + 1;
    const s: Suppression = {
      ruleIds: p.ruleIds,
      startLine: start,
      endLine: next === undefined ? start : Math.max(start, extent(start)),
      file: p.file,
      source: p.source,
      line: c.line,
    };
    if (p.reason) s.reason = p.reason;
    out.push(s);
  }
  return out;
}
