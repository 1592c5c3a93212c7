import { resolveComposeStatic, scanComposeValue } from '../../src/text/interpolation';

describe('scanComposeValue', () => {
  test.each([
    [null, 'empty', [], ''],
    ['', 'empty', [], ''],
    ['plain', 'literal', [], 'plain'],
    ['${VAR}', 'reference', ['VAR'], ''],
    ['$VAR', 'reference', ['VAR'], ''],
    ['${VAR:?must be set}', 'reference', ['VAR'], ''],
    ['${VAR?must be set}', 'reference', ['VAR'], ''],
    ['${A}${B}', 'reference', ['A', 'B'], ''],
    ['${VAR:-hunter2}', 'literal', ['VAR'], 'hunter2'],
    ['${VAR-hunter2}', 'literal', ['VAR'], 'hunter2'],
    ['${VAR:-}', 'reference', ['VAR'], ''],
    ['${VAR:+on}', 'literal', ['VAR'], 'on'],
    ['$$HOME', 'literal', [], '$HOME'],
    ['$${HOME}/bin', 'literal', [], '${HOME}/bin'],
    ['pre-$VAR', 'literal', ['VAR'], 'pre-'],
    ['${A:-${B:-x}}', 'literal', ['A', 'B'], 'x'],
    ['cost $5', 'literal', [], 'cost $5'],
  ] as const)('%j → %s', (value, kind, names, literal) => {
    const s = scanComposeValue(value);
    expect(s.kind).toBe(kind);
    expect(s.refs.map((r) => r.name)).toEqual(names);
    expect(s.literal).toBe(literal);
    expect(s.error).toBeNull();
  });

  test('offsets and operators of references, nested ones marked', () => {
    const s = scanComposeValue('a$GOPATH/${PATH:-${HOME}}');
    expect(s.refs).toEqual([
      { name: 'GOPATH', op: '', start: 1, end: 8, nameStart: 2, nested: false },
      { name: 'PATH', op: ':-', start: 9, end: 25, nameStart: 11, nested: false },
      { name: 'HOME', op: '', start: 17, end: 24, nameStart: 19, nested: true },
    ]);
  });

  test.each(['${', '${1A}', '${A B}', 'x${A'])('%j is an invalid template', (value) => {
    expect(scanComposeValue(value).error).toMatch(/invalid interpolation format/);
  });
});

describe('resolveComposeStatic', () => {
  test.each([
    ['golang:${GO_VERSION:-1.22}', 'golang:1.22'],
    ['golang:${GO_VERSION-1.22}-alpine', 'golang:1.22-alpine'],
    ['golang:1.22', 'golang:1.22'],
    ['a$$b', 'a$b'],
    ['${REGISTRY}/golang', null],
    ['$REGISTRY/golang', null],
    ['golang:${V:?set V}', null],
  ])('%s → %s', (value, want) => {
    expect(resolveComposeStatic(value)).toBe(want);
  });
});
