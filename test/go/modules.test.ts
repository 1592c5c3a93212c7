import { BOOL_FLAGS, BUILD_FLAGS, GO_FLAGS, TEST_BINARY_FLAGS, VALUE_FLAGS, badBoolError, chdirFlagError, isKnownGoFlag, needsValueError } from '../../src/go/flags';

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

describe('GOFLAGS flag kinds (SetFromGOFLAGS, Go 1.22-1.25)', () => {
  it('lists only known flags, none both boolean and value', () => {
    for (const f of [...BOOL_FLAGS, ...VALUE_FLAGS]) expect([f, GO_FLAGS.has(f)]).toEqual([f, true]);
    for (const f of BOOL_FLAGS) expect([f, VALUE_FLAGS.has(f)]).toEqual([f, false]);
  });

  it.each([
    ['race', 'bool'],
    ['test.failfast', 'bool'],
    ['buildvcs', 'bool'],
    ['C', 'value'],
    ['mod', 'value'],
    ['tags', 'value'],
    ['test.run', 'value'],
    ['shuffle', 'value'], // shuffleFlag has no IsBoolFlag
    ['v', 'neither'], // go test's -v also takes test2json
    ['c', 'neither'], // go vet's -c is the analyzers' context-lines int
    ['json', 'neither'], // go list -json takes field names
    ['u', 'neither'], // go get -u=patch
  ] as const)('-%s is %s', (name, kind) => {
    expect(BOOL_FLAGS.has(name)).toBe(kind === 'bool');
    expect(VALUE_FLAGS.has(name)).toBe(kind === 'value');
  });

  it.each([
    ['race', 'true', null],
    ['race', 'F', null],
    ['race', '0', null],
    ['race', 'yes', 'go: invalid boolean value "yes" for flag -race (from $GOFLAGS): parse error'],
    ['race', '', 'go: invalid boolean value "" for flag -race (from $GOFLAGS): parse error'],
    ['buildvcs', 'auto', null],
    ['buildvcs', '', null],
    ['buildvcs', 'no', `go: invalid boolean value "no" for flag -buildvcs (from $GOFLAGS): value is neither 'auto' nor a valid bool`],
    ['mod', 'yes', null], // not a boolean flag
    ['v', 'test2json', null],
  ] as const)('-%s=%j → %j', (name, value, error) => expect(badBoolError(name, value)).toBe(error));

  it('prints the go command texts', () => {
    expect(needsValueError('mod')).toBe('go: flag needs an argument: -mod (from $GOFLAGS)');
    expect(chdirFlagError('/src')).toBe('go: invalid value "/src" for flag -C (from $GOFLAGS): -C flag must be first flag on command line');
    expect(chdirFlagError(null)).toBe('go: flag needs an argument: -C (from $GOFLAGS)');
  });
});
