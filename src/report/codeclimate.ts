/**
 * `codeclimate`: the Code Climate issue array that GitLab's Code Quality report reads
 * (`artifacts: reports: codequality: gl-code-quality-report.json`).
 * Each issue: description, check_name (rule id), fingerprint (stable across line shifts, see
 * fingerprint.ts), severity (info / minor / major / critical / blocker), location.path relative to
 * the repository root (ctx.cwd) and location.lines.begin/end.
 * Severity: secret errors → critical, other errors → major, warnings → minor, info → info;
 * unreadable / unparsable files → blocker (`godock/parse-error`).
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../model';
import type { Formatter } from './types';
import { relativeTo, sortedErrors, sortedFindings } from './flatten';
import { fingerprints } from './fingerprint';

export type CodeClimateSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeClimateIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  severity: CodeClimateSeverity;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

function severityOf(f: Finding): CodeClimateSeverity {
  if (f.severity === 'error') return f.category === 'secret' ? 'critical' : 'major';
  return f.severity === 'warning' ? 'minor' : 'info';
}

const CATEGORY: Record<string, string> = { secret: 'Security', 'go-env': 'Bug Risk', compose: 'Bug Risk' };

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export const codeclimate: Formatter = (result, ctx) => {
  const rel = (file: string) => relativeTo(ctx.cwd, file) ?? file;
  const findings = sortedFindings(result);
  const prints = fingerprints(findings, (f) => rel(f.file));
  const issues: CodeClimateIssue[] = [
    ...sortedErrors(result).map(
      (e): CodeClimateIssue => ({
        type: 'issue',
        check_name: 'godock/parse-error',
        description: e.message,
        categories: ['Bug Risk'],
        severity: 'blocker',
        fingerprint: md5(['parse-error', rel(e.file), e.message].join('\0')),
        location: { path: rel(e.file), lines: { begin: Math.max(1, e.line), end: Math.max(1, e.line) } },
      }),
    ),
    ...findings.map(
      (f, i): CodeClimateIssue => ({
        type: 'issue',
        check_name: f.ruleId,
        description: f.message,
        categories: [CATEGORY[f.category] ?? 'Style'],
        severity: severityOf(f),
        fingerprint: md5(prints[i]!),
        location: { path: rel(f.file), lines: { begin: f.loc.line, end: Math.max(f.loc.line, f.loc.endLine) } },
      }),
    ),
  ];
  return `${JSON.stringify(issues, null, 2)}\n`;
};
