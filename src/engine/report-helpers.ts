import type { AssignmentKind, EnvAssignment, Location, Report } from '../model';
import type { Classification } from '../classify/types';

/** Where a finding about an assignment points: the value when there is one, else the name. */
export function valueOrName(a: EnvAssignment): Location {
  return a.valueLoc ?? a.nameLoc;
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
    data: { name: a.name, kind: KIND_LABEL[a.kind], tokenType: c.tokenType ?? 'secret', word: c.nameWord ?? 'secret', ...extra },
    secrets,
  };
}
