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
    { name: 'boolean flags bare or with a ParseBool value', code: 'FROM golang:1.22\nENV GOFLAGS="-race -trimpath=true -a=1 -work=F -count=1 -test.short=false"\n' },
    { name: '-buildvcs also takes auto (and an empty value)', code: 'FROM golang:1.22\nENV GOFLAGS="-buildvcs=auto -buildvcs= -buildvcs=false"\n' },
    { name: 'flags whose kind differs between commands are not judged', code: 'FROM golang:1.22\nENV GOFLAGS="-v=test2json -json=Dir -u=patch -c=3 -f -tool"\n' },
    { name: 'a value flag with an empty value is set to empty', code: 'FROM golang:1.22\nENV GOFLAGS="-tags= -mod="\n' },
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
    { code: 'FROM golang:1.22\nENV GOFLAGS=-C=/src\n', errors: [{ messageId: 'chdirFlag', line: 2, column: 13, endColumn: 20 }] },
    { name: '-C with a separate value: two mistakes', code: 'FROM golang:1.22\nENV GOFLAGS="-trimpath -C /src"\n', errors: [{ messageId: 'chdirFlag', line: 2, column: 24, endColumn: 26 }, { messageId: 'nonFlag', line: 2, column: 27, endColumn: 31 }] },
    { name: '--C is -C', code: "FROM golang:1.22\nRUN GOFLAGS='--C=app' go build ./...\n", errors: [{ messageId: 'chdirFlag', line: 2, column: 14, endColumn: 21 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS=-mod\n', errors: [{ messageId: 'needsValue', line: 2, column: 13, endColumn: 17 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS="-tags -trimpath"\n', errors: [{ messageId: 'needsValue', line: 2, column: 14, endColumn: 19 }] },
    { name: 'test flags in both spellings', code: 'FROM golang:1.22\nENV GOFLAGS="-count -test.timeout"\n', errors: [{ messageId: 'needsValue', line: 2, column: 14, endColumn: 20 }, { messageId: 'needsValue', line: 2, column: 21, endColumn: 34 }] },
    { name: '-mod vendor is one mistake, reported on the stray word', code: 'FROM golang:1.22\nENV GOFLAGS="-mod vendor"\n', errors: [{ messageId: 'nonFlag', line: 2, column: 19, endColumn: 25 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS="-trimpath -race=yes"\n', errors: [{ messageId: 'badBool', line: 2, column: 24, endColumn: 33 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS=-buildvcs=no\n', errors: [{ messageId: 'badBool', line: 2, column: 13, endColumn: 25 }] },
    { code: 'FROM golang:1.22\nENV GOFLAGS="-test.short=on -cover="\n', errors: [{ messageId: 'badBool', line: 2, column: 14, endColumn: 28 }, { messageId: 'badBool', line: 2, column: 29, endColumn: 36 }] },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: golang:1.22\n    environment:\n      GOFLAGS: -race=enabled -tags\n',
      errors: [{ messageId: 'badBool', line: 5, column: 16, endColumn: 29 }, { messageId: 'needsValue', line: 5, column: 30, endColumn: 35 }],
    },
    { filename: '.env', code: 'GOFLAGS=-modfile\n', errors: [{ messageId: 'needsValue', line: 1, column: 9, endColumn: 17 }] },
    { name: 'go env -w', code: 'FROM golang:1.22\nRUN go env -w GOFLAGS=-C=/work\n', errors: [{ messageId: 'chdirFlag', line: 2, column: 23 }] },
  ],
});

describe('go-flags-misuse texts', () => {
  it.each([
    ['FROM golang:1.22\nENV GOFLAGS="-tags foo"\n', 'error', 'go: parsing $GOFLAGS: non-flag "foo"'],
    ['FROM golang:1.22\nENV GOFLAGS=-mode=vendor\n', 'error', 'go: parsing $GOFLAGS: unknown flag -mode'],
    ['FROM golang:1.22\nENV GOFLAGS=-mod=mod\n', 'warning', 'rewrite go.mod'],
    ["FROM golang:1.22\nENV GOFLAGS='-ldflags=-s -ldflags=-w'\n", 'warning', '"-s" is dropped'],
    ['FROM golang:1.22\nENV GOFLAGS=-C=/src\n', 'error', 'go: invalid value "/src" for flag -C (from $GOFLAGS): -C flag must be first flag on command line'],
    ['FROM golang:1.22\nENV GOFLAGS=--C\n', 'error', 'go: flag needs an argument: -C (from $GOFLAGS)'],
    ['FROM golang:1.22\nENV GOFLAGS=-mod\n', 'error', 'go: flag needs an argument: -mod (from $GOFLAGS)'],
    ['FROM golang:1.22\nENV GOFLAGS=--tags\n', 'error', "has -tags fails with 'go: flag needs an argument: -tags (from $GOFLAGS)'"],
    ['FROM golang:1.22\nENV GOFLAGS=-race=yes\n', 'error', 'go: invalid boolean value "yes" for flag -race (from $GOFLAGS): parse error'],
    ['FROM golang:1.22\nENV GOFLAGS=-buildvcs=no\n', 'error', "(from $GOFLAGS): value is neither 'auto' nor a valid bool"],
  ])('%j', (code, severity, text) => {
    const [f] = lintWith(rule, code).findings;
    expect(f?.severity).toBe(severity);
    expect(f?.message).toContain(text);
  });
});

describe('go-flags-misuse: -mod=mod on the go command line', () => {
  it.each([
    ['FROM golang:1.22\nRUN go build -mod=mod -o /app ./cmd/app\n', [[2, 14]]],
    ['FROM golang:1.22\nRUN if true; then go test --mod=mod ./...; fi\n', [[2, 27]]],
    ['FROM golang:1.22\nRUN go build -mod=vendor ./...\n', []],
    ['FROM golang:1.22\nRUN go mod download -x\n', []],
    ['FROM golang:1.22\nRUN go run ./tool -- -mod=mod\n', []],
    ['FROM golang:1.22\nRUN go run ./tool -mod=mod\n', []],
    ['FROM golang:1.22\nRUN go build -o /out -mod=mod .\n', [[2, 22]]],
  ])('%j', (code, at) => {
    expect(lintWith(rule, code).findings.map((f) => [f.loc.line, f.loc.column])).toEqual(at);
  });
});
