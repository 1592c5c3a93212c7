import * as path from 'node:path';
import { fullDescription, maskDocSecrets, packageRoot, paragraphs, readRuleDoc } from '../../src/report/rule-docs';
import { rules } from '../../rules';

describe('rule docs', () => {
  it('finds the package root from anywhere inside it', () => {
    const root = path.resolve(__dirname, '../..');
    expect(packageRoot()).toBe(root);
    expect(packageRoot(path.join(root, 'test', 'report'))).toBe(root);
    expect(packageRoot('/')).toBeNull();
  });

  it('reads every registered rule doc; null for a missing one', () => {
    for (const r of rules) expect(readRuleDoc(r)).toMatch(new RegExp(`^# ${r.id}`));
    expect(readRuleDoc({ docPath: 'rules/no-such-rule.md' })).toBeNull();
  });

  it('paragraphs skip headings, lists, tables and fenced code (even with blank lines inside)', () => {
    const md = '# t\n\nSummary.\n\n```dockerfile\nFROM x\n\nENV A=b\n```\n\nSecond\nparagraph.\n\n- item\n\n| a |\n\n~~~\nunterminated';
    expect(paragraphs(md)).toEqual(['Summary.', 'Second paragraph.']);
  });

  it('fullDescription adds the first explanatory paragraph and stays ≤ 1024 chars', () => {
    expect(fullDescription({ description: 'Summary' }, '# t\n\nSummary.\n\nMore words.')).toBe('Summary. More words.');
    expect(fullDescription({ description: 'Summary' }, null)).toBe('Summary');
    expect(fullDescription({ description: 'S' }, `# t\n\n${'x'.repeat(2000)}`)).toHaveLength(1024);
  });

  it('masks example secrets inside code blocks only', () => {
    const md = 'Write `TOKEN=…` never.\n\n```dockerfile\nENV GH=ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000\nENV DB_PASSWORD=hunter2-not-real\nENV GOPATH=/go\n```\n';
    const out = maskDocSecrets(md);
    expect(out).not.toContain('FAKEfake');
    expect(out).not.toContain('hunter2-not-real');
    expect(out).toContain('ENV GOPATH=/go');
    expect(out).toContain('Write `TOKEN=…` never.');
  });
});
