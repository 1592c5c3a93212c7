import rule from '../../rules/go-toolchain-setting';
import { lintWith, ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOTOOLCHAIN=local\n',
    'FROM golang:1.22.3\nENV GOTOOLCHAIN=go1.22.3\n',
    { name: 'same minor, tag without patch: cannot tell', code: 'FROM golang:1.22\nENV GOTOOLCHAIN=go1.22.5\n' },
    { name: 'path never downloads', code: 'FROM golang:1.22\nENV GOTOOLCHAIN=path\n' },
    { name: 'one RUN opts in to install a tool', code: 'FROM golang:1.22\nRUN GOTOOLCHAIN=auto go install golang.org/x/tools/gopls@latest\n' },
    { name: 'go env -w loses to the image ENV', code: 'FROM golang:1.22\nRUN go env -w GOTOOLCHAIN=auto\n' },
    { name: 'not the official image: auto is go.env default', code: 'FROM debian:12\nENV GOTOOLCHAIN=auto\n' },
    { name: 'Go 1.20 ignores GOTOOLCHAIN', code: 'FROM golang:1.20\nENV GOTOOLCHAIN=bogus\n' },
    { name: 'unknown value', code: 'FROM golang:1.22\nARG TC\nENV GOTOOLCHAIN=$TC\n' },
    { name: 'gccgo style name', code: 'FROM debian:12\nENV GOTOOLCHAIN=gccgo-go1.22+path\n' },
    { name: 'command substitution', code: 'FROM golang:1.22\nRUN go env -w GOTOOLCHAIN="go$(cat .go-version)"\n' },
    { name: 'env file, auto (no image known)', filename: '.env', code: 'GOTOOLCHAIN=auto\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.22\nENV GOTOOLCHAIN=LOCAL\n', errors: [{ messageId: 'invalid', line: 2, column: 17, endColumn: 22 }] },
    { code: 'FROM debian:12\nENV GOTOOLCHAIN=1.22.3\n', errors: [{ messageId: 'invalid', line: 2, column: 17 }] },
    { code: 'FROM debian:12\nRUN GOTOOLCHAIN=go1.22+latest go build\n', errors: [{ messageId: 'invalid', line: 2, column: 17, endColumn: 30 }] },
    { code: 'FROM debian:12\nRUN go env -w GOTOOLCHAIN=go1.x+auto\n', errors: [{ messageId: 'invalid', line: 2, column: 27 }] },
    { code: 'FROM golang:1.22\nENV GOTOOLCHAIN=auto\n', errors: [{ messageId: 'auto', line: 2, column: 17, endColumn: 21 }] },
    { code: 'FROM golang:1.22-alpine\nENV GOTOOLCHAIN=go1.23.0+auto\n', errors: [{ messageId: 'auto', line: 2, column: 17 }] },
    { code: 'FROM golang\nENV GOTOOLCHAIN local+auto\n', errors: [{ messageId: 'auto', line: 2, column: 17 }] },
    { code: 'FROM golang:1.21.0\nENV GOTOOLCHAIN=go1.21.5\n', errors: [{ messageId: 'pinned', line: 2, column: 17 }] },
    { code: 'FROM golang:1.22 AS base\nFROM base\nENV GOTOOLCHAIN=go1.24.1\n', errors: [{ messageId: 'pinned', line: 3, column: 17 }] },
    { code: 'FROM golang:1.22\nENV GOTOOLCHAIN=\n', errors: [{ messageId: 'empty', line: 2, column: 17 }] },
    {
      filename: 'compose.yaml',
      code: 'services:\n  dev:\n    image: golang:1.23\n    environment:\n      GOTOOLCHAIN: auto\n',
      errors: [{ messageId: 'auto', line: 5, column: 20 }],
    },
    { filename: '.env', code: 'GOTOOLCHAIN=go1.22+latest\n', errors: [{ messageId: 'invalid', line: 1, column: 13 }] },
  ],
});

describe('go-toolchain-setting texts', () => {
  it.each([
    ['FROM debian:12\nENV GOTOOLCHAIN=1.22.3\n', 'error', 'invalid GOTOOLCHAIN "1.22.3"'],
    ['FROM debian:12\nENV GOTOOLCHAIN=go1.22+latest\n', 'error', 'invalid GOTOOLCHAIN "go1.22+latest": only version suffixes are +auto and +path'],
    ['FROM debian:12\nENV GOTOOLCHAIN=bogus+auto\n', 'error', 'invalid GOTOOLCHAIN "bogus+auto": invalid minimum toolchain "bogus"'],
    ['FROM golang:1.22\nENV GOTOOLCHAIN=auto\n', 'warning', 'Bump the FROM tag'],
  ])('%j', (code, severity, text) => {
    const [f] = lintWith(rule, code).findings;
    expect(f?.severity).toBe(severity);
    expect(f?.message).toContain(text);
  });
});
