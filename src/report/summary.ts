/**
 * The GitHub job summary (GITHUB_STEP_SUMMARY): GitHub-flavoured markdown with the counts and a
 * table of problems, most severe first. Cells are escaped (pipes, HTML, newlines) and the table is
 * capped so the summary stays far below the 1 MiB per-step limit. Messages are already masked.
 */
import type { Finding, LintResult, Severity } from '../model';
import type { Rule } from '../engine/define-rule';
import { visible } from '../util/safe-text';
import { countBySeverity, plural, SEVERITY_RANK, sortedErrors, sortedFindings } from './flatten';

const ICON: Record<Severity, string> = { error: '🔴 error', warning: '🟡 warning', info: '🔵 info' };

/**
 * Text for a table cell that renders as exactly that text: controls made visible, HTML and every
 * Markdown punctuation character escaped, and no autolink (`https://`, `www.`, `a@b`) left to
 * turn into a link or an image.
 */
export function escapeCell(s: string): string {
  return visible(s.replace(/\s*[\r\n]+\s*/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()!|~]/g, '\\$&')
    .replace(/:\/\//g, ':/&#8203;/')
    .replace(/www\./gi, (w) => `${w.slice(0, 3)}&#8203;.`)
    .replace(/@/g, '@&#8203;');
}

/** Text for a code span in a table cell: controls made visible, no backtick or pipe to end it. */
function codeCell(s: string): string {
  return visible(s.replace(/\s*[\r\n]+\s*/g, ' ')).replace(/`/g, "'").replace(/\|/g, '\\|');
}

export interface SummaryOptions {
  rules: readonly Pick<Rule, 'id' | 'docsUrl'>[];
  /** Extra lines shown under the heading (e.g. how only-changed chose the files). */
  notes?: string[];
  maxRows?: number;
}

export function jobSummary(result: LintResult, opts: SummaryOptions): string {
  const maxRows = opts.maxRows ?? 200;
  const findings: Finding[] = sortedFindings(result).sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const errors = sortedErrors(result);
  const c = countBySeverity(findings);
  const docs = new Map(opts.rules.map((r) => [r.id, r.docsUrl]));
  const out: string[] = ['## godock', ''];
  for (const n of opts.notes ?? []) out.push(`> ${escapeCell(n)}`, '');

  const files = plural(result.files.length, 'file');
  if (findings.length === 0 && errors.length === 0) {
    out.push(`✅ No problems found in ${files}.`, '');
    return `${out.join('\n')}\n`;
  }
  out.push(
    `**${plural(findings.length, 'finding')}** (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info')}) in ${files}` +
      (errors.length ? ` · **${plural(errors.length, 'file error')}** (not fully linted)` : ''),
    '',
  );

  if (errors.length) {
    out.push('| File | Line | Problem |', '| --- | --- | --- |');
    for (const e of errors.slice(0, maxRows)) out.push(`| \`${codeCell(e.file)}\` | ${e.line} | ${escapeCell(e.message)} |`);
    if (errors.length > maxRows) out.push(`| … | | ${errors.length - maxRows} more |`);
    out.push('');
  }
  if (findings.length) {
    out.push('| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
    for (const f of findings.slice(0, maxRows)) {
      const url = docs.get(f.ruleId);
      const rule = url ? `[${escapeCell(f.ruleId)}](${url})` : escapeCell(f.ruleId);
      out.push(`| ${ICON[f.severity]} | \`${codeCell(f.file)}:${f.loc.line}:${f.loc.column}\` | ${rule} | ${escapeCell(f.message)} |`);
    }
    if (findings.length > maxRows) out.push('', `…and ${findings.length - maxRows} more findings (see the step log or the SARIF report).`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
