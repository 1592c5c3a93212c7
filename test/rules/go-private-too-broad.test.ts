import rule from '../../rules/go-private-too-broad';
import { broadPatternHost } from '../../src/go/modules';
import { lintWith, ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOPRIVATE=github.com/acme/*\n',
    'FROM golang:1.22\nENV GOPRIVATE=github.com/acme\n',
    'FROM golang:1.22\nENV GONOSUMDB=git.corp.example,*.internal.example.com\n',
    'FROM golang:1.22\nENV GOPRIVATE="gitlab.com/team-a/*,github.com/acme/*"\n',
    { name: 'unknown value', code: 'FROM golang:1.22\nARG PRIV\nENV GOPRIVATE=$PRIV\n' },
    { name: 'not a privacy variable', code: 'FROM golang:1.22\nENV GOPROXY=*\n' },
    { name: 'compose scoped', filename: 'compose.yaml', code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      GOPRIVATE: github.com/acme/*\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.22\nENV GOPRIVATE=*\n', errors: [{ messageId: 'everything', line: 2, column: 15, endColumn: 16 }] },
    { code: 'FROM golang:1.22\nENV GOPRIVATE=github.com\n', errors: [{ messageId: 'broad', line: 2, column: 15, endColumn: 25 }] },
    { code: 'FROM golang:1.22\nENV GONOSUMDB="git.corp.example,github.com/*"\n', errors: [{ messageId: 'broad', line: 2, column: 33, endColumn: 45 }] },
    { code: 'FROM golang:1.22\nRUN GOPRIVATE=*.com go mod download\n', errors: [{ messageId: 'everything', line: 2, column: 15, endColumn: 20 }] },
    { code: "FROM golang:1.22\nRUN GONOSUMDB='*/*' go build\n", errors: [{ messageId: 'everything', line: 2, column: 16, endColumn: 19 }] },
    { code: 'FROM golang:1.22\nRUN go env -w GOPRIVATE=golang.org,gopkg.in\n', errors: [{ messageId: 'broad', line: 2, column: 25 }, { messageId: 'broad', line: 2, column: 36 }] },
    { code: 'FROM golang:1.22\nENV GONOPROXY=github.com\n', errors: [{ messageId: 'broad', line: 2, column: 15 }] },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      - GOPRIVATE=*\n',
      errors: [{ messageId: 'everything', line: 5, column: 19, endColumn: 20 }],
    },
    { filename: '.env', code: 'GONOSUMDB=github.com\n', errors: [{ messageId: 'broad', line: 1, column: 11 }] },
  ],
});

describe('go-private-too-broad', () => {
  it.each([
    ['*', 'github.com'],
    ['*.*', 'github.com'],
    ['github.com/*/*', 'github.com'],
    ['git*', 'github.com'],
    ['github.com/acme/*', null],
    ['*/acme', null],
    ['git.corp.example', null],
  ])('broadPatternHost(%j) = %j', (p, host) => {
    expect(broadPatternHost(p)).toBe(host);
  });

  it('GONOPROXY alone is info', () => {
    expect(lintWith(rule, 'FROM golang:1.22\nENV GONOPROXY=github.com\n').findings[0]?.severity).toBe('info');
    expect(lintWith(rule, 'FROM golang:1.22\nENV GOPRIVATE=github.com\n').findings[0]?.severity).toBe('warning');
  });
});
