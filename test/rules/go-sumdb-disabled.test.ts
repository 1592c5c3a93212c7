import rule from '../../rules/go-sumdb-disabled';
import { lintWith, ruleTester } from '../helpers/rule-tester';

const KEY = 'sum.example.com+0123abcd+AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdEf=';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOSUMDB=sum.golang.org\n',
    'FROM golang:1.22\nENV GOSUMDB=sum.golang.google.cn\n',
    'FROM golang:1.22\nENV GOSUMDB="sum.golang.org https://sum.golang.google.cn"\n',
    `FROM golang:1.22\nENV GOSUMDB=${KEY}\n`,
    `FROM golang:1.22\nENV GOSUMDB="${KEY} https://sum.example.com"\n`,
    { name: 'empty: default', code: 'FROM golang:1.22\nENV GOSUMDB=\n' },
    { name: 'unknown value', code: 'FROM golang:1.22\nARG SUMDB\nENV GOSUMDB=${SUMDB}\n' },
    { name: 'healthy GOPRIVATE', code: 'FROM golang:1.22\nENV GOPRIVATE=github.com/acme/*\n' },
    { name: 'compose interpolation', filename: 'compose.yaml', code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      GOSUMDB: ${GOSUMDB:-off}\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.22\nENV GOSUMDB=off\nRUN go build ./...\n', errors: [{ messageId: 'off', line: 2, column: 13, endColumn: 16 }] },
    { code: 'FROM golang:1.22\nENV GOSUMDB off\nRUN go mod download\n', errors: [{ messageId: 'off', line: 2, column: 13 }] },
    { code: 'FROM golang:1.22\nRUN go env -w GOPROXY=https://goproxy.io,direct && go env -w GOSUMDB=off\n', errors: [{ messageId: 'off', line: 2, column: 70, endColumn: 73 }] },
    { code: 'FROM golang:1.22\nENV GOSUMDB=off\nRUN go get github.com/acme/lib@v1.2.3\n', errors: [{ messageId: 'offFetch', line: 2, column: 13 }] },
    { code: 'FROM golang:1.22 AS base\nENV GOSUMDB=off\nFROM base AS tools\nRUN go install github.com/acme/tool@latest\n', errors: [{ messageId: 'offFetch', line: 2, column: 13 }] },
    { code: 'FROM golang:1.22\nRUN GOSUMDB=off go mod tidy\n', errors: [{ messageId: 'offFetch', line: 2, column: 13 }] },
    { code: 'FROM golang:1.22\nENV GOSUMDB=off GOFLAGS=-mod=mod\nRUN go build -o /app .\n', errors: [{ messageId: 'offFetch', line: 2, column: 13 }] },
    { code: 'FROM golang:1.22\nARG GOSUMDB=off\nRUN GOFLAGS=-mod=mod go build -o /app .\n', errors: [{ messageId: 'offFetch', line: 2, column: 13 }] },
    { code: 'FROM golang:1.22\nRUN go env -w GOSUMDB=on\n', errors: [{ messageId: 'invalid', line: 2, column: 23, endColumn: 25 }] },
    { code: 'FROM golang:1.22\nENV GOSUMDB=auto\n', errors: [{ messageId: 'invalid', line: 2, column: 13 }] },
    { code: 'FROM golang:1.22\nENV GOSUMDB="sum.golang.org a b"\n', errors: [{ messageId: 'invalid', line: 2, column: 14 }] },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      - GOSUMDB=off\n',
      errors: [{ messageId: 'off', line: 5, column: 17 }],
    },
    { filename: '.env', code: 'GOPROXY=https://goproxy.cn\nGOSUMDB=off\n', errors: [{ messageId: 'off', line: 2, column: 9 }] },
  ],
});

describe('go-sumdb-disabled texts', () => {
  it.each([
    ['FROM golang:1.22\nENV GOSUMDB=on\n', 'error', 'invalid GOSUMDB: malformed verifier id'],
    ['FROM golang:1.22\nENV GOSUMDB="sum.golang.org a b"\n', 'error', 'invalid GOSUMDB: too many fields'],
    ['FROM golang:1.22\nENV GOSUMDB=off\n', 'warning', 'GOSUMDB=off (ENV)'],
    ['FROM golang:1.22\nENV GOSUMDB=off\nRUN go install example.com/x@v1.0.0\n', 'error', '`go install example.com/x@v1.0.0`'],
  ])('%j', (code, severity, text) => {
    const [f] = lintWith(rule, code).findings;
    expect(f?.severity).toBe(severity);
    expect(f?.message).toContain(text);
  });
});
