import { codeclimate, type CodeClimateIssue } from '../../src/report/codeclimate';
import type { LintResult } from '../../src/model';
import { ctx, finding, loc, sample } from './fixtures';

const parse = (r: LintResult, cwd = '/repo'): CodeClimateIssue[] => JSON.parse(codeclimate(r, ctx(cwd)));

describe('codeclimate (GitLab Code Quality)', () => {
  it('maps findings and parse errors to issues', () => {
    const issues = parse(sample());
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.location.lines.end, i.categories[0]])).toEqual([
      ['godock/parse-error', 'blocker', 'compose.yaml', 9, 9, 'Bug Risk'],
      ['fake-info-rule', 'info', 'compose.yaml', 4, 5, 'Bug Risk'],
      ['secret-in-env', 'critical', 'svc/Dockerfile', 2, 2, 'Security'],
      ['fake-go-rule', 'minor', 'svc/Dockerfile', 7, 7, 'Bug Risk'],
    ]);
    expect(issues[2]).toMatchObject({ type: 'issue', description: 'ENV DB_PASSWORD holds a hardcoded password (hunt****(17))' });
    for (const i of issues) expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('non-secret errors are major', () => {
    const r: LintResult = { files: [{ file: 'D', format: 'dockerfile', findings: [finding('D', loc(1, 1), 'go', 'error', 'm', 'go-env')], errors: [] }] };
    expect(parse(r)[0]!.severity).toBe('major');
  });

  it('fingerprints do not change when lines shift, and paths are repo-relative', () => {
    const at = (line: number, file: string): LintResult => ({ files: [{ file, format: 'dockerfile', findings: [finding(file, loc(line, 1), 'secret-in-env', 'error', 'm')], errors: [] }] });
    const a = parse(at(3, 'Dockerfile'))[0]!;
    const b = parse(at(30, '/repo/Dockerfile'))[0]!;
    expect(b.location.path).toBe('Dockerfile');
    expect(b.fingerprint).toBe(a.fingerprint);
  });
});
