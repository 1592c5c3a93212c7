/**
 * `json`: the stable, documented machine format (version 1).
 *
 * {
 *   "version": 1,
 *   "findings": [ { "file", "line", "column", "endLine", "endColumn", "ruleId", "category", "severity", "message" } ],
 *   "errors":   [ { "file", "line", "column", "message" } ]
 * }
 *
 * Both arrays are sorted by file, line, column (then rule id). Positions are 1-based and
 * `endColumn` is exclusive. `file` is the path as given on the command line or relative to the
 * searched directory. `errors` lists files that could not be read or (fully) parsed. Messages are
 * masked: no secret value appears. New keys may be added in later versions; existing keys keep
 * their meaning while `version` is 1.
 */
import type { Formatter } from './types';
import { sortedErrors, sortedFindings } from './flatten';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  category: string;
  severity: string;
  message: string;
}

export interface JsonError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface JsonReport {
  version: 1;
  findings: JsonFinding[];
  errors: JsonError[];
}

export function toJsonReport(result: Parameters<Formatter>[0]): JsonReport {
  return {
    version: 1,
    findings: sortedFindings(result).map((f) => ({
      file: f.file,
      line: f.loc.line,
      column: f.loc.column,
      endLine: f.loc.endLine,
      endColumn: f.loc.endColumn,
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
    })),
    errors: sortedErrors(result).map((e) => ({ file: e.file, line: e.line, column: e.column, message: e.message })),
  };
}

export const json: Formatter = (result) => `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
