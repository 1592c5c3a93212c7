/**
 * The `godock env` report (stderr): per target, what was kept and what was dropped and why,
 * by name only. Values never appear here. `text` for people, `json` for scripts.
 */
import type { EnvDecision } from './minimize';
import { displayName, noWorkflowCommands, visible } from '../util/safe-text';
import type { EngineErrorCode } from './types';

export interface TargetReport {
  target: string;
  kind: 'container' | 'service';
  id?: string;
  /** File written, or '-' for stdout; absent when nothing was written. */
  output?: string;
  secretsFile?: string;
  kept: string[];
  dropped: { name: string; reason: string; detail: string }[];
  /** Secrets written as bare names (`--secrets passthrough`). */
  passthrough: string[];
  note?: string;
  error?: { code: EngineErrorCode | 'format' | 'write'; message: string };
}

/** Builds the report entry for a minimized target (names, reasons, no values). */
export function reportFor(base: Omit<TargetReport, 'kept' | 'dropped' | 'passthrough'>, decisions: readonly EnvDecision[], passthrough: boolean): TargetReport {
  const dropped = decisions.filter((d) => !d.kept).map((d) => ({ name: d.name, reason: d.reason ?? 'dropped', detail: d.detail ?? '' }));
  return {
    ...base,
    kept: decisions.filter((d) => d.kept).map((d) => d.name),
    dropped,
    passthrough: passthrough ? dropped.filter((d) => d.reason === 'secret').map((d) => d.name) : [],
  };
}

/** The text report: every name, path and message made safe for a terminal (names shown as names). */
export function formatTextReport(reports: readonly TargetReport[]): string {
  const out: string[] = [];
  const names = (list: readonly string[]) => list.map(displayName).join(' ');
  for (const r of reports) {
    const label = `${visible(r.target)} (${r.kind}${r.id ? ` ${visible(r.id.slice(0, 12))}` : ''})`;
    if (r.error) {
      out.push(`godock env: ${visible(r.error.message)}`);
      continue;
    }
    const dest = r.output === undefined ? '' : r.output === '-' ? ' -> stdout' : ` -> ${visible(r.output)}`;
    out.push(`${label}${dest}: ${r.kept.length} kept, ${r.dropped.length} dropped`);
    if (r.kept.length) out.push(`  kept: ${names(r.kept)}`);
    if (r.dropped.length) {
      const shown = r.dropped.map((d) => ({ ...d, name: displayName(d.name) }));
      const width = Math.min(40, Math.max(...shown.map((d) => d.name.length)));
      out.push('  dropped:');
      for (const d of shown) out.push(`    ${d.name.padEnd(width)}  ${d.reason}${d.detail ? `: ${d.detail}` : ''}`);
    }
    if (r.passthrough.length) out.push(`  passthrough (value from the deploying shell): ${names(r.passthrough)}`);
    if (r.secretsFile) out.push(`  secrets written to ${visible(r.secretsFile)}`);
    if (r.note) out.push(`  note: ${visible(r.note)}`);
  }
  return noWorkflowCommands(out.length ? `${out.join('\n')}\n` : '');
}

export function formatJsonReport(reports: readonly TargetReport[]): string {
  return `${JSON.stringify({ ok: reports.every((r) => !r.error), targets: reports }, null, 2)}\n`;
}
