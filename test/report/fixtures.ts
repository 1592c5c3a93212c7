/** Hand-built results for the reporter tests. Messages are already masked, as the engine makes them. */
import type { Finding, LintResult, Location, Severity, Category } from '../../src/model';
import { defineRule, type Rule } from '../../src/engine/define-rule';

export const loc = (line: number, column: number, endLine = line, endColumn = column + 5): Location => ({ line, column, endLine, endColumn });

export function finding(file: string, l: Location, ruleId: string, severity: Severity, message: string, category: Category = 'secret', messageId = 'm'): Finding {
  return { ruleId, category, severity, file, loc: l, messageId, message };
}

const noop = () => undefined;
export const testRules: Rule[] = [
  defineRule({ id: 'secret-in-env', category: 'secret', severity: 'error', description: 'Hardcoded secret in an environment variable', messages: { m: 'x' }, tags: ['security'], check: noop }),
  defineRule({ id: 'fake-go-rule', category: 'go-env', severity: 'warning', description: 'A Go env rule without a doc', messages: { m: 'x' }, check: noop }),
  defineRule({ id: 'fake-info-rule', category: 'compose', severity: 'info', description: 'An info rule without a doc', messages: { m: 'x' }, check: noop }),
];

/** Two files, all severities, a parse error, unsorted input. */
export function sample(): LintResult {
  return {
    files: [
      {
        file: 'svc/Dockerfile',
        format: 'dockerfile',
        findings: [
          finding('svc/Dockerfile', loc(7, 3, 7, 9), 'fake-go-rule', 'warning', 'GOPATH is set twice', 'go-env'),
          finding('svc/Dockerfile', loc(2, 17, 2, 34), 'secret-in-env', 'error', 'ENV DB_PASSWORD holds a hardcoded password (hunt****(17))'),
        ],
        errors: [],
      },
      {
        file: 'compose.yaml',
        format: 'compose',
        findings: [finding('compose.yaml', loc(4, 9, 5, 2), 'fake-info-rule', 'info', 'a note, with: commas % and\nnewline', 'compose')],
        errors: [{ message: 'unexpected end of file', line: 9, column: 1 }],
      },
      { file: 'clean/Dockerfile', format: 'dockerfile', findings: [], errors: [] },
    ],
  };
}

export const ctx = (cwd = '/repo', rules: readonly Rule[] = testRules) => ({ rules, cwd, color: false, version: '1.2.3' });
