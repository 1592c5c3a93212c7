import type { LintResult } from '../model';
import type { Rule } from '../engine/define-rule';

/** What every formatter receives besides the result. */
export interface ReportContext {
  /** The rule set the run used (SARIF lists all of them). */
  rules: readonly Rule[];
  /** Repository / working root: SARIF, GitHub and Code Climate paths are made relative to it. */
  cwd: string;
  /** ANSI colours (stylish only). */
  color: boolean;
  /** godock's version (SARIF `semanticVersion`). */
  version: string;
}

/** A reporter: pure function of the (already masked) result. Returns the whole output text. */
export type Formatter = (result: LintResult, ctx: ReportContext) => string;
