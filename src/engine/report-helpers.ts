import type { AssignmentKind, EnvAssignment, Location, Report } from '../model';
import type { Classification } from '../classify/types';

/** Where a finding about an assignment points: the value when there is one, else the name. */
export function valueOrName(a: EnvAssignment): Location {
  return a.valueLoc ?? a.nameLoc;
}

/**
 * Location of characters [start, end) of an assignment's value: exact when the value is written
 * as-is on one line (plain, or inside plain quotes), else the whole value.
 */
export function locInValue(a: EnvAssignment, start: number, end: number, of: string): Location {
  const v = valueOrName(a);
  const value = a.value ?? '';
  // Offsets into an expanded value (`${GOPATH}/bin` → `/go/bin`) do not map back: use the whole value.
  if (of !== value) return v;
  const raw = a.raw;
  const quotedAsIs = raw !== undefined && raw.length === value.length + 2 && raw.slice(1, -1) === value;
  const asIs = raw === undefined || quotedAsIs;
  if (!a.valueLoc || !asIs || v.endLine !== v.line) return v;
  // For RUN assignments the value location spans the quotes; for ENV it is already inside them.
  const shift = quotedAsIs && v.endColumn - v.column === raw.length ? 1 : 0;
  return { line: v.line, column: v.column + shift + start, endLine: v.line, endColumn: v.column + shift + end };
}

/** Human words for where an assignment was written. */
export const KIND_LABEL: Record<AssignmentKind, string> = {
  env: 'ENV',
  arg: 'ARG',
  label: 'LABEL',
  run: 'RUN',
  'go-env-w': 'go env -w',
  'build-arg': 'build.args',
  environment: 'environment',
  'env-file': 'env file',
  runtime: 'container env',
};

/** A report about a secret assignment: message data names the variable; the value only masked. */
export function secretReport(a: EnvAssignment, c: Classification, messageId: string, extra: Record<string, string> = {}): Report {
  const secrets = [a.value ?? '', c.secretText ?? '', a.raw ?? ''].filter((s) => s.length > 0);
  return {
    loc: valueOrName(a),
    messageId,
    data: {
      name: a.name,
      value: c.secretText ?? a.value ?? '',
      kind: KIND_LABEL[a.kind],
      tokenType: c.tokenType ?? 'secret',
      word: c.nameWord ?? 'secret',
      ...extra,
    },
    secrets,
    plain: ['kind', 'tokenType', 'word'],
  };
}
