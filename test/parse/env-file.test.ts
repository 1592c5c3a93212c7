import { parseEnvFile } from '../../src/parse/env-file';
import type { Location } from '../../src/model';
import { L } from '../helpers/text';

type Row = [name: string, value: string | null, nameLoc: Location, valueLoc: Location | null];

function rows(text: string, format: 'dotenv' | 'raw'): Row[] {
  return parseEnvFile('x.env', text, format).assignments.map((a) => [a.name, a.value, a.nameLoc, a.valueLoc]);
}

describe('parseEnvFile: dotenv (compose default)', () => {
  const cases: [title: string, text: string, want: Row[]][] = [
    ['plain', 'A=1\nB=two words\n', [['A', '1', L(1, 1, 2), L(1, 3, 4)], ['B', 'two words', L(2, 1, 2), L(2, 3, 12)]]],
    ['comments and blank lines', '# c\n\n  # indented\nA=1\n', [['A', '1', L(4, 1, 2), L(4, 3, 4)]]],
    ['export prefix', 'export A=1\n', [['A', '1', L(1, 8, 9), L(1, 10, 11)]]],
    ['spaces around = are trimmed', '  A = v  \n', [['A', 'v', L(1, 3, 4), L(1, 7, 8)]]],
    ['yaml style', 'A: v\n', [['A', 'v', L(1, 1, 2), L(1, 4, 5)]]],
    ['inline comment after whitespace', 'A=v # c\nB=v#c\n', [['A', 'v', L(1, 1, 2), L(1, 3, 4)], ['B', 'v#c', L(2, 1, 2), L(2, 3, 6)]]],
    ['bare key and empty value', 'A\nB=\n', [['A', null, L(1, 1, 2), null], ['B', '', L(2, 1, 2), L(2, 3, 3)]]],
    ['single quotes: literal, \\\' unescaped', "A='x # $y \\n'\nB='it\\'s'\n", [['A', 'x # $y \\n', L(1, 1, 2), L(1, 4, 13)], ['B', "it's", L(2, 1, 2), L(2, 4, 9)]]],
    ['double quotes: escapes expanded', 'A="a\\nb\\t\\"c\\\\ \\$d"\n', [['A', 'a\nb\t"c\\ $d', L(1, 1, 2), L(1, 4, 19)]]],
    ['double quotes then comment', 'A="v" # c\n', [['A', 'v', L(1, 1, 2), L(1, 4, 5)]]],
    ['multi-line quoted value', 'A="l1\nl2"\nB=2\n', [['A', 'l1\nl2', L(1, 1, 2), L(1, 4, 3, 2)], ['B', '2', L(3, 1, 2), L(3, 3, 4)]]],
    ['CRLF line ends', 'A=1\r\nB="x"\r\n', [['A', '1', L(1, 1, 2), L(1, 3, 4)], ['B', 'x', L(2, 1, 2), L(2, 4, 5)]]],
    ['UTF-8 BOM', '\uFEFFA=1\n', [['A', '1', L(1, 1, 2), L(1, 3, 4)]]],
    ['dots, dashes and brackets in names', 'a.b-c[0]=1\n', [['a.b-c[0]', '1', L(1, 1, 9), L(1, 10, 11)]]],
    ['interpolation kept as written', 'A=${HOME}/x\n', [['A', '${HOME}/x', L(1, 1, 2), L(1, 3, 12)]]],
    ['no final newline', 'A=1', [['A', '1', L(1, 1, 2), L(1, 3, 4)]]],
  ];
  test.each(cases)('%s', (_t, text, want) => {
    const m = parseEnvFile('x.env', text);
    expect(m.errors).toEqual([]);
    expect(m.format).toBe('env-file');
    expect(m.assignments.every((a) => a.kind === 'env-file')).toBe(true);
    expect(rows(text, 'dotenv')).toEqual(want);
  });

  test.each([
    ['space inside a name', 'MY KEY=1\nOK=2\n', 1, 1, /whitespace/],
    ['invalid character', 'A$B=1\nOK=2\n', 1, 2, /unexpected character "\$"/],
    ['unterminated quote', 'A="open\nOK=2\n', 1, 3, /unterminated/],
    ['empty name', '=1\nOK=2\n', 1, 1, /no variable name/],
  ])('%s is an error at its line; other lines still read', (_t, text, line, column, reason) => {
    const m = parseEnvFile('x.env', text);
    expect(m.errors).toHaveLength(1);
    expect(m.errors[0]).toMatchObject({ line, column });
    expect(m.errors[0]!.message).toMatch(reason);
    if (!/unterminated/.test(_t)) expect(m.assignments.map((a) => a.name)).toEqual(['OK']);
  });

  test('raw keeps the quoted form', () => {
    const [a] = parseEnvFile('x.env', "A='v'\n").assignments;
    expect(a!.raw).toBe("'v'");
  });
});

describe('parseEnvFile: raw (docker --env-file, compose format: raw)', () => {
  const cases: [title: string, text: string, want: Row[]][] = [
    ['verbatim value: quotes, #, trailing spaces', 'A="q" # not a comment  \n', [['A', '"q" # not a comment  ', L(1, 1, 2), L(1, 3, 24)]]],
    ['leading whitespace dropped, comment only at line start', '  A=1\n  # c\nB=#x\n', [['A', '1', L(1, 3, 4), L(1, 5, 6)], ['B', '#x', L(3, 1, 2), L(3, 3, 5)]]],
    ['bare key from host, empty value', 'A\nB=\n', [['A', null, L(1, 1, 2), null], ['B', '', L(2, 1, 2), L(2, 3, 3)]]],
    ['split at the first =', 'A=b=c\n', [['A', 'b=c', L(1, 1, 2), L(1, 3, 6)]]],
    ['CRLF and BOM', '\uFEFFA=1\r\nB=2\r\n', [['A', '1', L(1, 1, 2), L(1, 3, 4)], ['B', '2', L(2, 1, 2), L(2, 3, 4)]]],
    ['dollar is literal', 'A=$HOME\n', [['A', '$HOME', L(1, 1, 2), L(1, 3, 8)]]],
  ];
  test.each(cases)('%s', (_t, text, want) => {
    expect(parseEnvFile('x.env', text, 'raw').errors).toEqual([]);
    expect(rows(text, 'raw')).toEqual(want);
  });

  test.each([
    ['export prefix is an invalid name', 'export A=1\n', /whitespace/],
    ['empty name', '=x\n', /no variable name on line 1/],
  ])('%s', (_t, text, reason) => {
    const m = parseEnvFile('x.env', text, 'raw');
    expect(m.errors).toHaveLength(1);
    expect(m.errors[0]!.message).toMatch(reason);
    expect(m.assignments).toEqual([]);
  });

  test('error messages never echo the line (it may hold a secret)', () => {
    const secretLine = 'ghp_FAKEFAKEFAKEFAKEFAKE FAKEFAKEFAKEFAKEFAKE';
    const m = parseEnvFile('x.env', `${secretLine}\n`, 'raw');
    expect(m.errors).toHaveLength(1);
    expect(m.errors[0]!.message).not.toContain('ghp_');
  });
});

describe('parseEnvFile: suppressions', () => {
  test('a pragma covers the next entry including its continuation lines', () => {
    const m = parseEnvFile('x.env', '# godock-ignore rule-a -- fixture\n\nA="l1\nl2"\n# godock-ignore-file\n');
    expect(m.suppressions).toEqual([
      { ruleIds: ['rule-a'], startLine: 3, endLine: 4, file: false, source: 'godock', line: 1, reason: 'fixture' },
      { ruleIds: '*', startLine: 6, endLine: 6, file: true, source: 'godock', line: 5 },
    ]);
  });

  test('a "# godock-ignore" inside a multi-line quoted value is content, not a pragma', () => {
    const m = parseEnvFile('x.env', 'A="l1\n# godock-ignore\n"\n');
    expect(m.suppressions).toEqual([]);
    expect(m.assignments[0]!.value).toBe('l1\n# godock-ignore\n');
  });
});
