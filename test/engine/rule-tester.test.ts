/** The rule tester is strict: a rule that writes to the model, or leaves a placeholder unfilled, fails. */
import { defineRule } from '../../src/engine/define-rule';
import { lintWith } from '../helpers/rule-tester';

const base = { category: 'go-env' as const, severity: 'warning' as const, description: 'x', messages: { m: 'GOPATH is {{value}} here ({{missing}})' } };

describe('rule tester', () => {
  it('freezes the model: a rule that writes to it throws', () => {
    const writer = defineRule({
      ...base,
      id: 'writes-model',
      check(model) {
        (model.assignments as unknown[]).push({});
      },
    });
    expect(lintWith(writer, 'FROM alpine\nENV GOPATH=/go\n').errors.map((e) => e.message)).toEqual([expect.stringMatching(/^internal error in rule writes-model: Cannot add property/)]);
  });

  it('refuses a message with an unfilled placeholder', () => {
    const sloppy = defineRule({
      ...base,
      id: 'sloppy-message',
      check(model, ctx) {
        for (const a of model.assignments) ctx.report({ loc: a.nameLoc, messageId: 'm', data: { value: a.value ?? '' } });
      },
    });
    expect(() => lintWith(sloppy, 'FROM alpine\nENV GOPATH=/go\n')).toThrow('unfilled placeholder in sloppy-message: GOPATH is /go here ({{missing}})');
  });
});
