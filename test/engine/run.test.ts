import { defineRule } from '../../src/engine/define-rule';
import { lintModel, renderMessage } from '../../src/engine/run';
import { parseDockerfile } from '../../src/parse/dockerfile';
import { resolveConfig } from '../../src/engine/config';
import type { Location } from '../../src/model';

const at: Location = { line: 2, column: 5, endLine: 2, endColumn: 6 };
const echo = defineRule({
  id: 'test-echo',
  category: 'secret',
  severity: 'warning',
  description: 'reports every ENV with its value',
  aliases: ['DL9999'],
  messages: { said: '{{name}} is {{value}}', strong: 'strong {{name}}' },
  check(model, ctx) {
    for (const a of model.assignments) {
      if (a.kind !== 'env') continue;
      ctx.report({ loc: a.valueLoc ?? at, messageId: 'said', data: { name: a.name, value: a.value ?? '' }, secrets: [a.value ?? ''] });
      if (a.name === 'STRONG') ctx.report({ loc: a.nameLoc, messageId: 'strong', data: { name: a.name }, severity: 'error' });
    }
  },
});

describe('renderMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(renderMessage('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'x' })).toBe('1 and x and {{c}}');
  });
});

describe('lintModel', () => {
  const model = parseDockerfile('Dockerfile', 'FROM alpine\nENV A=supersecretvalue123\n# hadolint ignore=DL9999\nENV B=other-secret-value\nENV STRONG=1\n');

  it('masks secrets in messages and applies suppressions by alias', () => {
    const { findings } = lintModel(model, [echo]);
    expect(findings.map((f) => [f.loc.line, f.message, f.severity])).toEqual([
      [2, 'A is supe****(19)', 'warning'],
      [5, 'strong STRONG', 'error'],
      [5, 'STRONG is ****(1)', 'warning'],
    ]);
  });

  it('honours configured severity and off', () => {
    const cfg = resolveConfig({ rules: { 'test-echo': 'info' } }, '.godock.yaml', new Set(['test-echo']));
    expect(new Set(lintModel(model, [echo], cfg).findings.map((f) => f.severity))).toEqual(new Set(['info']));
    const off = resolveConfig({ rules: { 'test-echo': 'off' } }, '.godock.yaml', new Set(['test-echo']));
    expect(lintModel(model, [echo], off).findings).toEqual([]);
  });

  it('turns a crashing rule into an error instead of throwing', () => {
    const boom = defineRule({ ...echo, id: 'test-boom', check: () => { throw new Error('bad rule'); } });
    const r = lintModel(model, [boom]);
    expect(r.errors).toEqual([{ message: 'internal error in rule test-boom: bad rule', line: 1, column: 1 }]);
  });

  it('refuses an unknown messageId', () => {
    const bad = defineRule({ ...echo, id: 'test-bad', check: (_m, ctx) => ctx.report({ loc: at, messageId: 'nope' }) });
    expect(lintModel(model, [bad]).errors[0]!.message).toMatch(/unknown messageId nope/);
  });
});
