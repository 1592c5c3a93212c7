/** ENV values as Docker stores them: quotes removed anywhere in the word, escapes applied. */
import { parseDockerfile } from '../../src/parse/dockerfile';
import { dockerUnquote } from '../../src/parse/dockerfile-parts/variables';
import { lintText } from '../../src/lint';

describe('Docker word processing of ENV values', () => {
  it.each([
    ['gh"p_"Q7rK', 'ghp_Q7rK'],
    ["a'b c'd", 'ab cd'],
    ['"a b"', 'a b'],
    ['\\"hello\\"', '"hello"'],
    ['"x\\y"', 'x\\y'],
    ['"x\\"y"', 'x"y'],
    ["'c$d'", 'c$d'],
  ])('%s → %s', (raw, want) => expect(dockerUnquote(raw, '\\')).toBe(want));

  it('the model holds the stored value', () => {
    const m = parseDockerfile('Dockerfile', 'FROM alpine\nENV T=gh"p_"Q7rK2mZx9LwP4vTn8sYb3cHd6jGu1eAoWq5N U="plain"\n');
    expect(m.assignments.map((a) => [a.name, a.value])).toEqual([
      ['T', 'ghp_Q7rK2mZx9LwP4vTn8sYb3cHd6jGu1eAoWq5N'],
      ['U', 'plain'],
    ]);
  });

  it('a token split by quotes is found', () => {
    const r = lintText('Dockerfile', 'FROM alpine\nENV T=gh"p_"Q7rK2mZx9LwP4vTn8sYb3cHd6jGu1eAoWq5N\n');
    expect(r.findings.map((f) => [f.ruleId, f.loc.line, f.loc.column])).toEqual([['secret-token-format', 2, 7]]);
    expect(JSON.stringify(r)).not.toContain('Q7rK2mZx');
  });
});
