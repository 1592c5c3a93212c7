import { BUILD_FLAGS, GO_FLAGS, TEST_BINARY_FLAGS, isKnownGoFlag } from '../../src/classify/go-modules';

describe('GOFLAGS flag names (checked against cmd/go, Go 1.22-1.25)', () => {
  it.each([
    // declared by some go command
    ['C', true], // base.AddChdirFlag
    ['json', true], // AddBuildFlags since 1.24; list/env/version/mod download before
    ['i', true], // go clean -i (go build -i is gone since 1.20)
    ['r', true], // go clean -r, go work use -r
    ['fuzzcache', true], // go clean
    ['changed', true], // go env (1.23)
    ['tool', true], // go get / go mod edit (1.24)
    ['godebug', true], // go mod edit / go work edit (1.23)
    ['diff', true], // go mod tidy (1.23)
    ['vendor', true], // go mod why
    ['reuse', true], // go list / go mod download
    ['skip', true], // go test, go generate
    ['fullpath', true], // go test (testing.Init)
    ['debug-runtime-trace', true], // AddBuildFlags
    ['test.v', true],
    ['test.run', true],
    ['test.count', true],
    ['test.fullpath', true],
    // declared by no go command: the go command stops with "unknown flag"
    ['all', false], // go doc parses its flags with a private FlagSet
    ['src', false],
    ['cmd', false],
    ['http', false],
    ['sync', false], // go work sync has no -sync flag
    ['args', false], // go test handles -args by hand, it is not in CmdTest.Flag
    ['debug-deprecated-importcfg', false], // gone from AddBuildFlags
    ['printfuncs', false], // vet analyzer flag, added only while go vet runs
    ['test.paniconexit0', false], // testing flag reserved for cmd/go
    ['test.testlogfile', false],
    ['test.gocoverdir', false],
    ['test.', false],
    ['test.bogus', false],
    ['mode', false],
  ] as const)('-%s known: %s', (name, known) => expect(isKnownGoFlag(name)).toBe(known));

  it.each([
    ['ldflags', true],
    ['trimpath', true],
    ['o', true],
    ['vettool', true],
    ['test.v', true], // a flag, so it ends a split -ldflags value
    ['i', false],
    ['w', false], // go env -w: a known flag, but not a build flag (the -ldflags=-s -w trap)
    ['args', false],
  ] as const)('-%s is a build flag: %s', (name, build) => expect(BUILD_FLAGS.has(name)).toBe(build));

  it('declares every test-binary flag in both spellings', () => {
    for (const f of TEST_BINARY_FLAGS) {
      expect(GO_FLAGS.has(f)).toBe(true);
      expect(GO_FLAGS.has(`test.${f}`)).toBe(true);
    }
  });
});
