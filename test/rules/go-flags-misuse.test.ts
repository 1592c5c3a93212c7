import rule from '../../rules/go-flags-misuse';
import { lintWith, ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nENV GOFLAGS=-mod=vendor\n',
    'FROM golang:1.22\nENV GOFLAGS="-buildvcs=false -trimpath"\n',
    'FROM golang:1.22\nENV GOFLAGS=""\n',
    "FROM golang:1.22\nRUN GOFLAGS='-mod=vendor -modfile=vendor.mod' CGO_ENABLED=0 ./build.sh\n",
    'FROM golang:1.22\nENV GOFLAGS="-ldflags=-s -trimpath -tags=netgo,osusergo"\n',
    'FROM golang:1.22\nENV GOFLAGS="-gcflags=all=-N -gcflags=std=-l -count=1 -test.v"\n',
    { name: 'flags of go clean / go env / go mod are known', code: 'FROM golang:1.24\nENV GOFLAGS="-i -changed -modcacherw -json"\n' },
    { name: '-test.run ends a split -ldflags value', code: 'FROM golang:1.22\nENV GOFLAGS="-ldflags=-s -test.run=TestX"\n' },
    { name: '-insecure belongs to go-insecure-transport', code: 'FROM golang:1.22\nENV GOFLAGS=-insecure\n' },
    { name: 'unknown value', code: 'FROM golang:1.22\nARG GOFLAGS\nRUN GOFLAGS="$GOFLAGS" go build\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.22\nENV GOFLAGS=-mod=mod\n', errors: [{ messageId: 'modMod', line: 2, column: 13, endColumn: 21 }] },
    { code: 'FROM golang:1.22\nRUN GOFLAGS=-mod=mod go build -o /phase ./phase.go\n', errors: [{ messageId: 'modMod', line: 2, column: 13 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS="-ldflags=-s -w"\n', errors: [{ messageId: 'split', line: 2, column: 26, endColumn: 28 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS="-ldflags=-X main.version=1"\n', errors: [{ messageId: 'split', line: 2, column: 26, endColumn: 40 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS="-tags foo"\n', errors: [{ messageId: 'nonFlag', line: 2, column: 20, endColumn: 23 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS=mod=vendor\n', errors: [{ messageId: 'nonFlag', line: 2, column: 13 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS=-mode=vendor\n', errors: [{ messageId: 'unknownFlag', line: 2, column: 13 }] },
    { name: 'go doc flags are not declared on any command', code: 'FROM golang:1.25\nENV GOFLAGS="-trimpath -all"\n', errors: [{ messageId: 'unknownFlag', line: 2, column: 24, endColumn: 28 }] },
    { name: '-test.* only for test flags', code: 'FROM golang:1.22\nENV GOFLAGS="-test.v -test.paniconexit0"\n', errors: [{ messageId: 'unknownFlag', line: 2, column: 22, endColumn: 40 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS="-ldflags=\'-s -w\'"\n', errors: [{ messageId: 'quotes', line: 2, column: 14, endColumn: 26 }] },
    { code: "FROM golang:1.22\nENV GOFLAGS='-v -ldflags=-s -ldflags=-w'\n", errors: [{ messageId: 'repeated', line: 2, column: 29 }] },
    { code: 'FROM golang:1.22\nRUN go env -w GOFLAGS=-mod=mod\n', errors: [{ messageId: 'modMod', line: 2, column: 23 }] },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      GOFLAGS: -mod=mod -tags integration\n',
      errors: [{ messageId: 'modMod', line: 5, column: 16 }, { messageId: 'nonFlag', line: 5, column: 31, endColumn: 42 }],
    },
    { filename: '.env', code: 'GOFLAGS=-ldflags=-s -w\n', errors: [{ messageId: 'split', line: 1, column: 21 }] },
  ],
});

describe('go-flags-misuse texts', () => {
  it.each([
    ['FROM golang:1.22\nENV GOFLAGS="-tags foo"\n', 'error', 'go: parsing $GOFLAGS: non-flag "foo"'],
    ['FROM golang:1.22\nENV GOFLAGS=-mode=vendor\n', 'error', 'go: parsing $GOFLAGS: unknown flag -mode'],
    ['FROM golang:1.22\nENV GOFLAGS=-mod=mod\n', 'warning', 'rewrite go.mod'],
    ["FROM golang:1.22\nENV GOFLAGS='-ldflags=-s -ldflags=-w'\n", 'warning', '"-s" is dropped'],
  ])('%j', (code, severity, text) => {
    const [f] = lintWith(rule, code).findings;
    expect(f?.severity).toBe(severity);
    expect(f?.message).toContain(text);
  });
});
