/**
 * `stylish`: findings grouped by file, one aligned row per finding
 * (`  line:col  severity  message  rule-id`), then a summary line. Files that could not be
 * (fully) parsed show their errors as `error` rows labelled `parse-error`. Empty output when clean.
 */
import type { Severity } from '../model';
import type { Formatter } from './types';
import { paint } from './ansi';
import { plural } from './flatten';
import { noWorkflowCommands, visible } from '../util/safe-text';

interface Row {
  pos: string;
  severity: Severity;
  message: string;
  rule: string;
}

const byPosition = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line - b.line || a.column - b.column;

export const stylish: Formatter = (result, ctx) => {
  const p = paint(ctx.color);
  const sevPaint: Record<Severity, (s: string) => string> = { error: p.red, warning: p.yellow, info: p.blue };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const out: string[] = [];

  for (const file of result.files) {
    const items = [
      ...file.errors.map((e) => ({ line: e.line, column: e.column, row: { pos: `${e.line}:${e.column}`, severity: 'error' as Severity, message: e.message, rule: 'parse-error' } })),
      ...file.findings.map((f) => ({ line: f.loc.line, column: f.loc.column, row: { pos: `${f.loc.line}:${f.loc.column}`, severity: f.severity, message: f.message, rule: f.ruleId } })),
    ].sort(byPosition);
    if (items.length === 0) continue;
    const rows: Row[] = items.map((i) => ({ ...i.row, message: visible(i.row.message.replace(/\s*\n\s*/g, ' ')) }));
    const posW = Math.max(...rows.map((r) => r.pos.length));
    const sevW = Math.max(...rows.map((r) => r.severity.length));
    const msgW = Math.max(...rows.map((r) => r.message.length));
    out.push(p.underline(visible(file.file)));
    for (const r of rows) {
      counts[r.severity]++;
      out.push(`  ${p.dim(r.pos.padEnd(posW))}  ${sevPaint[r.severity](r.severity.padEnd(sevW))}  ${r.message.padEnd(Math.min(msgW, 100))}  ${p.dim(r.rule)}`.trimEnd());
    }
    out.push('');
  }

  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return '';
  const summary = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')})`;
  const colour = counts.error > 0 ? p.red : counts.warning > 0 ? p.yellow : p.blue;
  out.push(colour(p.bold(summary)));
  // Nothing from a file may start a line of the log with `::` (a workflow command).
  return noWorkflowCommands(`${out.join('\n')}\n`);
};
