import type { Finding, Suppression } from '../model';
import type { Rule } from './define-rule';

/** True when a finding of `rule` is silenced by one of the file's suppressions. */
export function isSuppressed(f: Finding, rule: Rule, suppressions: readonly Suppression[]): boolean {
  for (const s of suppressions) {
    if (!matches(s, rule)) continue;
    if (s.file) return true;
    if (f.loc.line >= s.startLine && f.loc.line <= s.endLine) return true;
  }
  return false;
}

function matches(s: Suppression, rule: Rule): boolean {
  if (s.ruleIds === '*') return s.source === 'godock' || (rule.aliases?.length ?? 0) > 0;
  if (s.source === 'godock') return s.ruleIds.includes(rule.id);
  return (rule.aliases ?? []).some((a) => (s.ruleIds as string[]).some((id) => id.toLowerCase() === a.toLowerCase()));
}
