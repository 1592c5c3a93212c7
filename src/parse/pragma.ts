/** Suppression pragmas in comments: the syntax, read by the adapters into `Suppression`s. */
import type { Suppression } from '../model';

/**
 * Parses one comment's text (without the leading `#`) into a suppression, or null.
 * Recognised: `godock-ignore <id>[,<id>] [-- reason]`, `godock-ignore-file [<id>…] [-- reason]`,
 * `hadolint ignore=DL3064,DL3000`, and BuildKit's `check=skip=SecretsUsedInArgOrEnv` directive.
 */
export function parsePragma(
  comment: string,
): { ruleIds: string[] | '*'; file: boolean; source: Suppression['source']; reason?: string } | null {
  const text = comment.trim();
  let m = /^godock-ignore(-file)?(?:\s+(.*))?$/.exec(text);
  if (m) {
    const file = m[1] === '-file';
    let rest = (m[2] ?? '').trim();
    let reason: string | undefined;
    const dash = rest.indexOf('--');
    if (dash >= 0) {
      reason = rest.slice(dash + 2).trim() || undefined;
      rest = rest.slice(0, dash).trim();
    }
    const ids = rest.split(/[\s,]+/).filter(Boolean);
    const out: { ruleIds: string[] | '*'; file: boolean; source: 'godock'; reason?: string } = {
      ruleIds: ids.length ? ids : '*',
      file,
      source: 'godock',
    };
    if (reason) out.reason = reason;
    return out;
  }
  m = /^hadolint\s+ignore\s*=\s*([A-Za-z0-9_,\s-]+)$/.exec(text);
  if (m) return { ruleIds: m[1]!.split(/[\s,]+/).filter(Boolean), file: false, source: 'hadolint' };
  m = /^check\s*=\s*(.*)$/.exec(text);
  if (m) {
    const skip = /(?:^|;)\s*skip\s*=\s*([^;]*)/.exec(m[1]!);
    if (!skip) return null;
    const ids = skip[1]!.split(',').map((s) => s.trim()).filter(Boolean);
    return { ruleIds: ids.some((s) => s.toLowerCase() === 'all') ? '*' : ids, file: true, source: 'buildkit' };
  }
  return null;
}
