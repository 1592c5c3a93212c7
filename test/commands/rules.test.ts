import { Writable } from 'node:stream';
import { defineRule } from '../../src/engine/define-rule';
import { listRules, lookupRule, runRules } from '../../src/commands/rules';
import { rules as registry } from '../../rules';

const noop = () => undefined;
const a = defineRule({ id: 'b-rule', category: 'secret', severity: 'error', description: 'B summary', messages: { m: 'x' }, aliases: ['DL9999', 'Shared'], check: noop });
const b = defineRule({ id: 'a-longer-rule', category: 'go-env', severity: 'warning', description: 'A summary', messages: { m: 'x' }, aliases: ['Shared'], check: noop });

function io() {
  const sink = () => {
    const chunks: string[] = [];
    const w = new Writable({ write(c, _e, cb) { chunks.push(String(c)); cb(); } });
    return { w, text: () => chunks.join('') };
  };
  const out = sink();
  const err = sink();
  return { io: { stdout: out.w, stderr: err.w }, out: out.text, err: err.text };
}

describe('godock rules', () => {
  it('lists id, category, severity and summary, sorted and aligned', () => {
    expect(listRules([a, b])).toBe(
      ['ID             CATEGORY  SEVERITY  SUMMARY', 'a-longer-rule  go-env    warning   A summary', 'b-rule         secret    error     B summary', ''].join('\n'),
    );
  });

  it('lists JSON with --format json', async () => {
    const t = io();
    expect(await runRules(['rules', '--format', 'json'], t.io, [a])).toBe(0);
    expect(JSON.parse(t.out())).toEqual([{ id: 'b-rule', category: 'secret', severity: 'error', description: 'B summary', aliases: ['DL9999', 'Shared'], docsUrl: a.docsUrl }]);
  });

  it('lists the real registry', async () => {
    const t = io();
    expect(await runRules(['rules'], t.io)).toBe(0);
    for (const r of registry) expect(t.out()).toContain(r.id);
  });

  it.each([[['rules', 'extra']], [['rules', '--format', 'xml']], [['rules', '--bogus']]])('rejects %j with exit 2', async (argv) => {
    const t = io();
    expect(await runRules(argv, t.io, [a])).toBe(2);
    expect(t.err()).toMatch(/godock rules/);
  });
});

describe('godock explain', () => {
  it.each([
    ['b-rule', 'b-rule'],
    ['B-RULE', 'b-rule'],
    ['dl9999', 'b-rule'],
  ])('finds %s → %s', (name, id) => {
    const r = lookupRule([a, b], name);
    expect('rule' in r && r.rule.id).toBe(id);
  });

  it('explains ambiguity and unknown names', () => {
    expect(lookupRule([a, b], 'shared')).toEqual({ error: '"shared" is an alias of several rules: b-rule, a-longer-rule' });
    expect(lookupRule([a, b], 'rule')).toEqual({ error: 'unknown rule "rule" (did you mean b-rule, a-longer-rule?); `godock rules` lists them' });
  });

  it('prints the doc of a real rule', async () => {
    const t = io();
    const rule = registry[0]!;
    expect(await runRules(['explain', rule.id], t.io)).toBe(0);
    expect(t.out()).toMatch(new RegExp(`^# ${rule.id}\\n`));
  });

  it('prints a generated page when the rule has no doc', async () => {
    const t = io();
    expect(await runRules(['explain', 'b-rule'], t.io, [a])).toBe(0);
    expect(t.out()).toBe(`# b-rule\n\nB summary\n\n- Category: secret\n- Default severity: error\n- Documentation: ${a.docsUrl}\n`);
  });

  it.each([[['explain']], [['explain', 'x', 'y']], [['explain', 'nope']]])('fails with exit 2 on %j', async (argv) => {
    const t = io();
    expect(await runRules(argv, t.io, [a])).toBe(2);
    expect(t.err()).toMatch(/^godock explain: /);
  });
});
