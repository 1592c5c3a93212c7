/**
 * GOFLAGS as the go command reads it (../shared/reference/go-env-facts.md §5.3;
 * cmd/go/internal/base/goflags.go): the flag tables and the exact fatal messages.
 */
import { ListItem } from './modules';

// The flag sets below were checked against golang/go sources (cmd/go as of Go 1.22-1.25; flags
// that only a newer release declares are marked), not written from memory:
//   base/goflags.go InitGOFLAGS: a GOFLAGS word must be -name[=value] (else "non-flag") and name
//     must be declared by *some* command: hasFlag(base.Go, name) walks every command's
//     cmd.Flag, so flags a command parses from a private FlagSet (go doc's -all/-cmd/-src/
//     -short/-http/-ex) or only at run time (go vet's analyzer flags, go test's -args) are
//     unknown and fatal. go env and go bug skip the check.
//   base/flag.go AddBuildFlagsNX, AddChdirFlag, AddModFlag, AddModCommonFlags;
//   work/build.go AddBuildFlags, AddCoverFlags, CmdBuild init (-o);
//   test/testflag.go init, test/flagdefs.go passFlagToTest (testing.Init flags minus
//     testlogfile, paniconexit0, fuzzcachedir, fuzzworker, gocoverdir);
//   vet/vetflag.go, run/run.go, clean/clean.go, envcmd/env.go, modget/get.go, fix/fix.go,
//   list/list.go, generate/generate.go, version/version.go, tool/tool.go, fmtcmd/fmt.go,
//   bug/bug.go, doc/doc.go, telemetrycmd/telemetry.go, modcmd/{download,edit,graph,tidy,vendor,
//   why}.go, workcmd/{edit,use,sync,vendor}.go.

/**
 * Flags of the test binary that go test declares twice, as -name and as -test.name
 * (test/flagdefs.go passFlagToTest, registered in test/testflag.go init).
 */
export const TEST_BINARY_FLAGS: ReadonlySet<string> = new Set([
  'bench', 'benchmem', 'benchtime', 'blockprofile', 'blockprofilerate', 'count', 'coverprofile',
  'cpu', 'cpuprofile', 'failfast', 'fullpath', 'fuzz', 'fuzzminimizetime', 'fuzztime', 'list',
  'memprofile', 'memprofilerate', 'mutexprofile', 'mutexprofilefraction', 'outputdir', 'parallel',
  'run', 'short', 'shuffle', 'skip', 'timeout', 'trace', 'v',
  'artifacts', // newer than Go 1.25 (testflag.go on the development branch)
]);

/** Flags of go build/install/run/test/list/vet (the build flags and friends). */
export const BUILD_FLAGS: ReadonlySet<string> = new Set([
  // work/build.go AddBuildFlags, with base/flag.go AddBuildFlagsNX (-n -x), AddChdirFlag (-C),
  // AddModFlag (-mod) and AddModCommonFlags (-modcacherw -modfile -overlay); -json since Go 1.24
  'C', 'a', 'n', 'p', 'v', 'x', 'asan', 'asmflags', 'buildmode', 'buildvcs', 'compiler',
  'gccgoflags', 'gcflags', 'installsuffix', 'json', 'ldflags', 'linkshared', 'mod', 'modcacherw',
  'modfile', 'msan', 'overlay', 'pgo', 'pkgdir', 'race', 'tags', 'toolexec', 'trimpath', 'work',
  'debug-actiongraph', 'debug-runtime-trace', 'debug-trace',
  // work/build.go AddCoverFlags; go build -o; go run/test -exec; go vet -vettool
  'cover', 'covermode', 'coverpkg', 'coverprofile', 'o', 'exec', 'vettool',
  // go test (test/testflag.go init): its own flags, then the test binary's in both spellings
  'c', 'vet',
  ...TEST_BINARY_FLAGS,
  ...[...TEST_BINARY_FLAGS].map((f) => `test.${f}`),
]);

/** Every flag name any go subcommand declares (GOFLAGS entries outside this set are fatal). */
export const GO_FLAGS: ReadonlySet<string> = new Set([
  ...BUILD_FLAGS,
  'i', 'r', 'cache', 'fuzzcache', 'modcache', 'testcache', // go clean
  'changed', 'u', 'w', // go env
  'd', 'f', 'fix', 'insecure', 'm', 't', 'tool', // go get (-fix also go fix)
  'compiled', 'deps', 'e', 'export', 'find', 'retracted', 'reuse', 'test', 'versions', // go list
  'go', 'compat', 'diff', 'vendor', // go mod graph/tidy/why (-reuse: go mod download)
  // go mod edit / go work edit (-godebug since 1.23, -tool since 1.24; -ignore/-dropignore
  // since 1.25, seen in go1.25 'go help mod edit'-derived completions, not in stored sources)
  'fmt', 'print', 'module', 'toolchain', 'require', 'droprequire', 'exclude', 'dropexclude',
  'replace', 'dropreplace', 'retract', 'dropretract', 'godebug', 'dropgodebug', 'droptool',
  'ignore', 'dropignore', 'use', 'dropuse',
]);

/** Flags whose value is itself a list of tool flags (and tempts people to put spaces in it). */
export const NESTED_FLAG_LISTS: ReadonlySet<string> = new Set(['ldflags', 'gcflags', 'asmflags', 'gccgoflags']);

/**
 * How SetFromGOFLAGS (base/goflags.go) applies a GOFLAGS word to each command that declares its
 * flag: a boolean flag (flag.Value with IsBoolFlag) may be written bare or `=value` with a value
 * strconv.ParseBool accepts, any other flag must be written `=value`. Only flags with the same
 * kind in every command that declares them (Go 1.22-1.25) are listed; the others are not judged
 * (-v: go test's also takes `test2json`; -c: go vet's is its analyzers' int -c; -json: go list's
 * takes field names; -u: go get's takes `patch`; -f, -fix, -tool: bool in one command, string in
 * another). Sources: base/flag.go AddBuildFlagsNX (-n -x), AddChdirFlag (-C: flags.Func),
 * AddModFlag, AddModCommonFlags; work/build.go AddBuildFlags, AddCoverFlags, buildvcsFlag
 * (IsBoolFlag, also accepts `auto`), CmdBuild -o; test/testflag.go init (each -test.name shares
 * the Value of -name; outputdirFlag, shuffleFlag, vetFlag are not boolean); run/run.go -exec;
 * vet/vetflag.go -vettool (analyzer flags are added only when no build flag has the name);
 * generate/generate.go -run -skip; modcmd/vendor.go and workcmd/vendor.go -o; envcmd/env.go,
 * fmtcmd/fmt.go, tool/tool.go, modcmd/{download,graph,tidy}.go -n/-x (bool).
 */
const TEST_BINARY_BOOL_FLAGS = ['benchmem', 'failfast', 'fullpath', 'short'];
const TEST_BINARY_VALUE_FLAGS = [
  'bench', 'benchtime', 'blockprofile', 'blockprofilerate', 'count', 'coverprofile', 'cpu',
  'cpuprofile', 'fuzz', 'fuzzminimizetime', 'fuzztime', 'list', 'memprofile', 'memprofilerate',
  'mutexprofile', 'mutexprofilefraction', 'outputdir', 'parallel', 'run', 'shuffle', 'skip',
  'timeout', 'trace',
];

/** Flags that are boolean in every go command that declares them. */
export const BOOL_FLAGS: ReadonlySet<string> = new Set([
  'a', 'n', 'x', 'asan', 'msan', 'race', 'linkshared', 'trimpath', 'work', 'modcacherw', 'cover',
  'buildvcs',
  ...TEST_BINARY_BOOL_FLAGS,
  ...TEST_BINARY_BOOL_FLAGS.map((f) => `test.${f}`),
]);

/** Flags that take a value (`-name=value`) in every go command that declares them. */
export const VALUE_FLAGS: ReadonlySet<string> = new Set([
  'C', 'p', 'mod', 'modfile', 'overlay', 'tags', 'asmflags', 'gcflags', 'gccgoflags', 'ldflags',
  'buildmode', 'compiler', 'installsuffix', 'pgo', 'pkgdir', 'toolexec', 'o', 'exec', 'vettool',
  'covermode', 'coverpkg', 'vet', 'debug-actiongraph', 'debug-runtime-trace', 'debug-trace',
  ...TEST_BINARY_VALUE_FLAGS,
  ...TEST_BINARY_VALUE_FLAGS.map((f) => `test.${f}`),
]);

/** strconv.ParseBool's accepted spellings. */
const PARSE_BOOL = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * The error SetFromGOFLAGS prints for a boolean flag given a value its Set rejects, or null when
 * the value is accepted (or the flag is not one of BOOL_FLAGS).
 */
export function badBoolError(name: string, value: string): string | null {
  if (!BOOL_FLAGS.has(name) || PARSE_BOOL.has(value)) return null;
  if (name === 'buildvcs') {
    if (value === '' || value === 'auto') return null;
    return `go: invalid boolean value "${value}" for flag -buildvcs (from $GOFLAGS): value is neither 'auto' nor a valid bool`;
  }
  return `go: invalid boolean value "${value}" for flag -${name} (from $GOFLAGS): parse error`;
}

/** The error SetFromGOFLAGS prints for a non-boolean flag written without `=value`. */
export function needsValueError(name: string): string {
  return `go: flag needs an argument: -${name} (from $GOFLAGS)`;
}

/**
 * The error every command declaring -C prints for -C in GOFLAGS: its Value is base.ChdirFlag,
 * which always fails (main.go handleChdirFlag honours -C only right after the subcommand name).
 */
export function chdirFlagError(value: string | null): string {
  if (value === null) return needsValueError('C');
  return `go: invalid value "${value}" for flag -C (from $GOFLAGS): -C flag must be first flag on command line`;
}

export interface GoflagsWord extends ListItem {
  /** Flag name without dashes and value; '' for a non-flag word. */
  name: string;
  /** Text after `=`, or null when written without one. */
  value: string | null;
}

/** GOFLAGS split the way the go command splits it (strings.Fields), with offsets. */
export function splitGoflags(value: string): GoflagsWord[] {
  const out: GoflagsWord[] = [];
  const re = /\S+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const text = m[0];
    let name = '';
    let v: string | null = null;
    if (isFlagWord(text)) {
      const body = text.replace(/^--?/, '');
      const eq = body.indexOf('=');
      name = eq < 0 ? body : body.slice(0, eq);
      v = eq < 0 ? null : body.slice(eq + 1);
    }
    out.push({ text, start: m.index, end: m.index + text.length, name, value: v });
  }
  return out;
}

/** goflags.go: "-x --x -x=value or --x=value". */
function isFlagWord(w: string): boolean {
  return w.startsWith('-') && w !== '-' && w !== '--' && !w.startsWith('---') && !w.startsWith('-=') && !w.startsWith('--=');
}

export function nonFlagError(word: string): string {
  return `go: parsing $GOFLAGS: non-flag "${word}"`;
}

export function unknownFlagError(name: string): string {
  return `go: parsing $GOFLAGS: unknown flag -${name}`;
}

export const INSECURE_FLAG_ERROR = 'go: -insecure flag is no longer supported; use GOINSECURE instead';

/**
 * True for a flag name some go command declares. `-test.name` counts only for the test-binary
 * flags go test registers that way (`-test.paniconexit0`, `-test.gocoverdir`, … are fatal).
 */
export function isKnownGoFlag(name: string): boolean {
  return GO_FLAGS.has(name);
}
