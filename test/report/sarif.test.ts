import * as path from 'node:path';
import { toSarif, sarif } from '../../src/report/sarif';
import { rules as registry } from '../../rules';
import type { LintResult } from '../../src/model';
import { ctx, finding, loc, sample, testRules } from './fixtures';
import { sarifErrors } from './sarif-schema';

const cwd = path.resolve('/repo');

describe('sarif', () => {
  it('the vendored schema rejects what it should (the validator is live)', () => {
    expect(sarifErrors({ version: '2.1.0', runs: [] })).toEqual([]);
    expect(sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }).join()).toMatch(/name/);
    expect(sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] }] }] })).not.toEqual([]);
  });

  it.each([
    ['hand-built rules (no docs)', testRules],
    ['the real registry (docs on disk)', [...registry, ...testRules.slice(1)]],
  ])('is valid SARIF 2.1.0 with %s', (_, rules) => {
    const doc = JSON.parse(sarif(sample(), { ...ctx(cwd), rules }));
    expect(sarifErrors(doc)).toEqual([]);
  });

  it('describes the tool and every rule', () => {
    const run = toSarif(sample(), ctx(cwd)).runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'godock', semanticVersion: '1.2.3' });
    const [secret, go, info] = run.tool.driver.rules!;
    expect(secret).toMatchObject({
      id: 'secret-in-env',
      shortDescription: { text: 'Hardcoded secret in an environment variable' },
      helpUri: 'https://github.com/godock/godock/blob/main/rules/secret-in-env.md',
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '8.0', tags: ['security', 'secret'] },
    });
    expect(secret!.help!.markdown).toContain('](https://github.com/godock/godock/blob/main/rules/secret-in-env.md)');
    expect(go).toMatchObject({ defaultConfiguration: { level: 'warning' }, properties: { tags: ['go-env'], 'problem.severity': 'warning' } });
    expect(go!.properties).not.toHaveProperty('security-severity');
    expect(info!.defaultConfiguration).toEqual({ level: 'note' });
    // Missing doc: help falls back to the description and the link.
    expect(go!.help).toEqual({
      text: 'A Go env rule without a doc\n\nSee https://github.com/godock/godock/blob/main/rules/fake-go-rule.md',
      markdown: 'A Go env rule without a doc\n\n[fake-go-rule documentation](https://github.com/godock/godock/blob/main/rules/fake-go-rule.md)',
    });
  });

  it('takes help and full description from the rule doc when there is one', () => {
    const rule = registry.find((r) => r.id === 'secret-in-env')!;
    const d = toSarif({ files: [] }, { ...ctx(cwd), rules: [rule] }).runs[0]!.tool.driver.rules![0]!;
    expect(d.help!.markdown).toContain('# secret-in-env');
    expect(d.fullDescription!.text.length).toBeGreaterThan(rule.description.length);
    expect(d.fullDescription!.text.length).toBeLessThanOrEqual(1024);
  });

  it('maps results: ruleIndex, level, relative uri under %SRCROOT%, 1-based region with end column', () => {
    const run = toSarif(sample(), ctx(cwd)).runs[0]!;
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(run.results!.map((r) => [r.ruleId, r.ruleIndex, r.level, r.locations![0]!.physicalLocation!.artifactLocation!.uri])).toEqual([
      ['fake-info-rule', 2, 'note', 'compose.yaml'],
      ['secret-in-env', 0, 'error', 'svc/Dockerfile'],
      ['fake-go-rule', 1, 'warning', 'svc/Dockerfile'],
    ]);
    expect(run.results![1]!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'svc/Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 17, endLine: 2, endColumn: 34 },
    });
    expect(run.results![1]!.message).toEqual({ text: 'ENV DB_PASSWORD holds a hardcoded password (hunt****(17))' });
  });

  it.each([
    ['/repo/a b/Dockerfile', 'a%20b/Dockerfile', '%SRCROOT%'],
    ['./x/../Dockerfile', 'Dockerfile', '%SRCROOT%'],
    ['/elsewhere/Dockerfile', 'file:///elsewhere/Dockerfile', undefined],
  ])('file %s → uri %s', (file, uri, base) => {
    const r: LintResult = { files: [{ file, format: 'dockerfile', findings: [finding(file, loc(1, 1), 'secret-in-env', 'error', 'm')], errors: [] }] };
    const doc = toSarif(r, ctx(cwd));
    expect(doc.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual(base ? { uri, uriBaseId: base } : { uri });
    expect(sarifErrors(doc)).toEqual([]);
  });

  it('reports parse errors as tool execution notifications', () => {
    const inv = toSarif(sample(), ctx(cwd)).runs[0]!.invocations![0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'compose.yaml:9:1: unexpected end of file' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'compose.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 9, startColumn: 1 } } }],
      },
    ]);
    expect(toSarif({ files: [] }, ctx(cwd)).runs[0]!.invocations![0]!.executionSuccessful).toBe(true);
  });

  it('partialFingerprints survive line shifts and tell identical findings apart', () => {
    const at = (shift: number): LintResult => ({
      files: [
        {
          file: 'Dockerfile',
          format: 'dockerfile',
          findings: [
            finding('Dockerfile', loc(2 + shift, 5), 'secret-in-env', 'error', 'ENV A holds a secret (abcd****(20))'),
            finding('Dockerfile', loc(4 + shift, 5), 'secret-in-env', 'error', 'ENV A holds a secret (abcd****(20))'),
            finding('Dockerfile', loc(6 + shift, 5), 'secret-in-env', 'error', 'ENV B holds a secret (abcd****(20))'),
          ],
          errors: [],
        },
      ],
    });
    const fp = (r: LintResult) => toSarif(r, ctx(cwd)).runs[0]!.results!.map((x) => x.partialFingerprints!.primaryLocationLineHash);
    const before = fp(at(0));
    expect(fp(at(10))).toEqual(before);
    expect(new Set(before).size).toBe(3);
    expect(before[0]!.split(':')[0]).toBe(before[1]!.split(':')[0]);
    expect(before.map((p) => p!.split(':')[1])).toEqual(['1', '2', '1']);
  });
});
