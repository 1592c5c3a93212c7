/**
 * Stable identities for findings, used by SARIF `partialFingerprints` and Code Climate
 * `fingerprint`. A finding is identified by what it is about, never by where it sits:
 *
 *   hash(ruleId, repository-relative file, messageId, masked message) + occurrence number
 *
 * The message already names the variable / path / token type the finding is about and carries
 * only the masked value, so the fingerprint survives lines being added or removed above the
 * finding, and changes when the finding's subject changes. Identical findings in one file are
 * told apart by their order of appearance (`:1`, `:2`, …), which also survives line shifts.
 * No raw file content is hashed, so no secret can be recovered or brute-forced from it.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../model';

function key(f: Finding, file: string): string {
  return [f.ruleId, file, f.messageId, f.message].join('\0');
}

/**
 * Fingerprints for `findings` (in their given order, which should be line order within a file),
 * as `<16 hex digits>:<occurrence>`. `fileOf` maps a finding to the path to hash (repo-relative).
 */
export function fingerprints(findings: readonly Finding[], fileOf: (f: Finding) => string = (f) => f.file): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const k = key(f, fileOf(f));
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    const hash = createHash('sha256').update(k).digest('hex').slice(0, 16);
    return `${hash}:${n}`;
  });
}
