import rule from '../../rules/go-module-mode';
import { lintWith, ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOPATH=/go\nRUN go build ./...\n',
    'FROM golang:1.22\nENV GO111MODULE=\n',
    { name: 'on in an old image', code: 'FROM golang:1.15\nENV GO111MODULE=on\n' },
    { name: 'on in a non-golang image (version unknown)', code: 'FROM ubuntu:22.04\nENV GO111MODULE=on\n' },
    { name: 'unknown value from a build arg', code: 'FROM golang:1.22\nARG MODE\nENV GO111MODULE=$MODE\n' },
    { name: 'global ARG only feeds FROM', code: 'ARG GO111MODULE=ON\nFROM golang:1.22\n' },
    { name: 'env file, on (no image known)', filename: '.env', code: 'GO111MODULE=on\n' },
    { name: 'compose host interpolation', filename: 'compose.yaml', code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      GO111MODULE: ${MODE}\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.22\nENV GO111MODULE=ON\n', errors: [{ messageId: 'invalid', line: 2, column: 17, endColumn: 19 }] },
    { code: 'FROM golang:1.22\nENV GO111MODULE true\n', errors: [{ messageId: 'invalid', line: 2, column: 17, endColumn: 21 }] },
    { code: 'FROM golang:1.22\nENV GO111MODULE="1"\n', errors: [{ messageId: 'invalid', line: 2, column: 18, endColumn: 19 }] },
    { code: 'FROM golang:1.22\nARG GO111MODULE=On\n', errors: [{ messageId: 'invalid', line: 2, column: 17 }] },
    { code: 'FROM golang:1.22\nRUN GO111MODULE=ON go build ./...\n', errors: [{ messageId: 'invalid', line: 2, column: 17, endColumn: 19 }] },
    { code: 'FROM golang:1.22\nRUN go env -w GO111MODULE=yes\n', errors: [{ messageId: 'invalid', line: 2, column: 27, endColumn: 30 }] },
    { code: 'FROM golang:1.22\nARG M=ON\nENV GO111MODULE=${M}\n', errors: [{ messageId: 'invalid', line: 3, column: 17 }] },
    { code: 'FROM golang:1.22\nENV GO111MODULE=off\n', errors: [{ messageId: 'off', line: 2, column: 17, endColumn: 20 }] },
    { code: 'FROM golang:1.12\nENV GO111MODULE=off\n', errors: [{ messageId: 'offOld', line: 2, column: 17 }] },
    { code: 'FROM golang:1.22\nENV GO111MODULE=on\n', errors: [{ messageId: 'redundantOn', line: 2, column: 17 }] },
    { code: 'FROM golang\nENV GO111MODULE on\n', errors: [{ messageId: 'redundantOn', line: 2, column: 17 }] },
    { code: 'FROM golang:1.21-alpine AS build\nFROM build AS test\nENV GO111MODULE=auto\n', errors: [{ messageId: 'auto', line: 3, column: 17 }] },
    { code: 'ARG GO_VERSION=1.20\nFROM golang:${GO_VERSION}-bookworm\nENV GO111MODULE=on\n', errors: [{ messageId: 'redundantOn', line: 3, column: 17 }] },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      GO111MODULE: "ON"\n',
      errors: [{ messageId: 'invalid', line: 5, column: 21, endColumn: 23 }],
    },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      - GO111MODULE=on\n      - GOPATH=/go\n',
      errors: [{ messageId: 'redundantOn', line: 5, column: 21 }],
    },
    { filename: '.env', code: 'GO111MODULE=TRUE\n', errors: [{ messageId: 'invalid', line: 1, column: 13, endColumn: 17 }] },
    { filename: 'app.env', code: '# legacy\nGO111MODULE=off\n', errors: [{ messageId: 'off', line: 2, column: 13 }] },
  ],
});

describe('go-module-mode severities and text', () => {
  it.each([
    ['FROM golang:1.22\nENV GO111MODULE=ON\n', 'error', "go: unknown environment setting GO111MODULE=ON"],
    ['FROM golang:1.22\nENV GO111MODULE=off\n', 'warning', 'modules disabled by GO111MODULE=off'],
    ['FROM golang:1.22\nENV GO111MODULE=on\n', 'info', 'Go 1.16'],
    ['FROM golang:1.12\nRUN GO111MODULE=off go get golang.org/x/lint/golint\n', 'info', 'GOPATH mode'],
  ])('%j', (code, severity, text) => {
    const [f] = lintWith(rule, code).findings;
    expect(f?.severity).toBe(severity);
    expect(f?.message).toContain(text);
  });
});

describe('go-module-mode messages name the Go version they speak of', () => {
  it.each([
    ['FROM golang:1.12\nENV GO111MODULE=off\n', 'an ordinary way to build with Go 1.12 (this image)'],
    ['FROM golang:1.22.3\nENV GO111MODULE=on\n', 'this image has Go 1.22.3'],
    ['FROM golang\nENV GO111MODULE=auto\n', 'this image has the latest Go'],
  ])('%j', (code, text) => {
    expect(lintWith(rule, code).findings.map((f) => f.message)).toEqual([expect.stringContaining(text)]);
  });
});
