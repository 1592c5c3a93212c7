/**
 * Shared views of a LintResult for the reporters: every finding and every file error in one
 * stable order (file, line, column, rule), plus counts by severity.
 */
import * as path from 'node:path';
import type { Finding, LintResult, ParseError, Severity } from '../model';

export interface FileError extends ParseError {
  file: string;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedFindings(result: LintResult): Finding[] {
  return result.files
    .flatMap((f) => f.findings)
    .sort(
      (a, b) =>
        compareText(a.file, b.file) ||
        a.loc.line - b.loc.line ||
        a.loc.column - b.loc.column ||
        compareText(a.ruleId, b.ruleId) ||
        compareText(a.message, b.message),
    );
}

export function sortedErrors(result: LintResult): FileError[] {
  return result.files
    .flatMap((f) => f.errors.map((e) => ({ file: f.file, ...e })))
    .sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.message, b.message));
}

export type Counts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/**
 * The path of a reported file relative to `root`, with POSIX separators (what GitHub, SARIF
 * and GitLab expect). Null when the file lies outside `root`.
 */
export function relativeTo(root: string, file: string): string | null {
  const rel = path.relative(root, path.resolve(root, file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
