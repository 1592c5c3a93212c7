/**
 * Facts about the go command's module-mode, toolchain, supply-chain, GOFLAGS and cgo settings
 * (../shared/reference/go-env-facts.md §3-§5, §7). Pure data and small pure functions; every
 * error text is the one the go command prints.
 */
import { golangImage, golangTagVersion, splitImageRef } from './go';
import { escapeRe } from '../util/escape-re';

// ---------------------------------------------------------------------------------------------
// Go version of an image tag

/** A Go 1.x version; `minor: Infinity` stands for "latest" (untagged, `alpine`, `tip-…`, `1`). */
export interface GoVersion {
  minor: number;
  patch: number | null;
}

const LATEST: GoVersion = { minor: Infinity, patch: null };

/**
 * The Go version an official golang image reference carries in its tag; null when the image is
 * not golang-family or the tag says nothing reliable (digest only, unknown words).
 */
export function goVersionOfImage(ref: string | null): GoVersion | null {
  if (!ref || !golangImage(ref).golang) return null;
  const { tag } = splitImageRef(ref);
  const v = golangTagVersion(ref);
  if (v !== null) {
    const m = /^1(?:\.(\d+))?(?:\.(\d+))?/.exec(v);
    if (!m) return null;
    return m[1] === undefined ? LATEST : { minor: Number(m[1]), patch: m[2] === undefined ? null : Number(m[2]) };
  }
  if (tag === null) return ref.includes('@') ? null : LATEST; // digest only: unknown
  return /^(latest|tip|alpine|bookworm|bullseye|buster|trixie|stretch|windowsservercore|nanoserver)\b/.test(tag) ? LATEST : null;
}

/** True when the version is known to be at least 1.`minor`. */
export function atLeastGo(v: GoVersion | null, minor: number): boolean {
  return v !== null && v.minor >= minor;
}

/** True when the version is known to be older than 1.`minor`. */
export function olderThanGo(v: GoVersion | null, minor: number): boolean {
  return v !== null && v.minor < minor;
}

/** A Go version number as the go command writes it (`1.21`, `1.21.3`, `1.21rc1`, `1`). */
const GO_VERSION = /^1(?:\.(0|[1-9]\d*)(?:(?:rc|beta)[1-9]\d*|\.(0|[1-9]\d*))?)?$/;

// ---------------------------------------------------------------------------------------------
// GO111MODULE (§3)

export const GO111MODULE_VALUES: ReadonlySet<string> = new Set(['', 'on', 'off', 'auto']);

/** The fatal message every go command prints for an unknown GO111MODULE value. */
export function go111moduleError(value: string): string {
  return `go: unknown environment setting GO111MODULE=${value}`;
}

// ---------------------------------------------------------------------------------------------
// GOTOOLCHAIN (§4; cmd/go/internal/toolchain/select.go Select, gover.FromToolchain)

export type ToolchainSetting =
  | { ok: true; /** 'local' or a toolchain name (`go1.22.3`) */ min: string; /** '' | 'auto' | 'path' */ mode: string; version: string | null }
  | { ok: false; error: string };

/** The version a toolchain name selects (`go1.22.3` → `1.22.3`, `gccgo-go1.22` → `1.22`), or null. */
export function versionOfToolchain(name: string): string | null {
  if (/[\\/]/.test(name)) return null;
  let v: string;
  if (name.startsWith('go')) v = name.slice(2);
  else {
    const i = name.indexOf('-go');
    if (i < 0) return null;
    v = name.slice(i + 3);
  }
  const cut = v.search(/[ \t-]/);
  if (cut >= 0) v = v.slice(0, cut);
  return GO_VERSION.test(v) ? v : null;
}

/** Parses a non-empty GOTOOLCHAIN value the way the go command does. */
export function parseToolchain(value: string): ToolchainSetting {
  if (value === 'auto') return { ok: true, min: 'local', mode: 'auto', version: null };
  if (value === 'path') return { ok: true, min: 'local', mode: 'path', version: null };
  const plus = value.indexOf('+');
  const min = plus < 0 ? value : value.slice(0, plus);
  const suffix = plus < 0 ? '' : value.slice(plus + 1);
  let version: string | null = null;
  if (min !== 'local') {
    version = versionOfToolchain(min);
    if (version === null) {
      return {
        ok: false,
        error: plus >= 0 ? `invalid GOTOOLCHAIN "${value}": invalid minimum toolchain "${min}"` : `invalid GOTOOLCHAIN "${value}"`,
      };
    }
  }
  if (plus >= 0 && suffix !== 'auto' && suffix !== 'path')
    return { ok: false, error: `invalid GOTOOLCHAIN "${value}": only version suffixes are +auto and +path` };
  return { ok: true, min, mode: suffix, version };
}

/** True when a toolchain version (`1.22.3`) is the one a golang image tag ships. null: cannot tell. */
export function sameGoAsImage(version: string, image: GoVersion): boolean | null {
  if (image.minor === Infinity) return null;
  const m = /^1(?:\.(\d+))?(?:\.(\d+))?/.exec(version);
  if (!m || m[1] === undefined) return null;
  if (Number(m[1]) !== image.minor) return false;
  if (m[2] === undefined || image.patch === null) return null;
  return Number(m[2]) === image.patch;
}

// ---------------------------------------------------------------------------------------------
// GOSUMDB (§5.2; cmd/go/internal/modfetch/sumdb.go dbDial, x/mod/sumdb/note NewVerifier)

const KNOWN_SUMDB = new Set(['sum.golang.org', 'sum.golang.google.cn']);

/**
 * The error a GOSUMDB value causes at its first lookup, or null when it is usable
 * (`off` and '' are usable here; `off` is judged separately).
 */
export function sumdbError(value: string): string | null {
  if (value === '' || value === 'off' || value === 'sum.golang.google.cn') return null;
  const fields = value.trim().split(/\s+/).filter(Boolean);
  if (fields.length === 0) return null;
  if (fields.length > 2) return 'invalid GOSUMDB: too many fields';
  const key = fields[0]!;
  if (KNOWN_SUMDB.has(key) && key !== 'sum.golang.google.cn') return null;
  const m = /^([^+\s]+)\+([0-9A-Fa-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(key);
  if (!m) return 'invalid GOSUMDB: malformed verifier id';
  return null;
}

// ---------------------------------------------------------------------------------------------
// GOPRIVATE / GONOSUMDB / GONOPROXY / GOINSECURE patterns (§5.2)

/** Hosts that serve public modules; a pattern covering one of them whole is over-broad. */
export const PUBLIC_MODULE_HOSTS: readonly string[] = [
  'github.com', 'gitlab.com', 'bitbucket.org', 'golang.org', 'gopkg.in', 'go.googlesource.com',
  'google.golang.org', 'gitee.com', 'go.uber.org', 'k8s.io', 'sigs.k8s.io', 'go.etcd.io',
  'go.opentelemetry.io', 'cloud.google.com', 'honnef.co', 'gotest.tools', 'go.mongodb.org',
];

/** One comma-separated element with its offset in the list. */
export interface ListItem {
  text: string;
  start: number;
  end: number;
}

export function splitList(value: string, sep = ','): ListItem[] {
  const out: ListItem[] = [];
  let pos = 0;
  for (const part of value.split(sep)) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    if (text) out.push({ text, start: pos + lead, end: pos + lead + text.length });
    pos += part.length + sep.length;
  }
  return out;
}

/** path.Match for one path element (no `/`): `*`, `?`, `[…]`. */
function elementMatch(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) return false;
      let body = pattern.slice(i + 1, close);
      if (body.startsWith('^')) body = '^' + body.slice(1).replace(/\\/g, '\\\\');
      re += `[${body.replace(/\]/g, '\\]')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
    else re += escapeRe(c);
  }
  try {
    return new RegExp(re + '$').test(name);
  } catch {
    return false;
  }
}

/**
 * The public host a module-path glob covers entirely (`*`, `*.*`, `github.com`, `github.com/*`,
 * `*` followed by `/*`), or null when it is scoped (`github.com/acme/*`, `git.corp.example`, `*.corp.example`).
 */
export function broadPatternHost(pattern: string): string | null {
  const elems = pattern.replace(/\/+$/, '').split('/');
  const first = elems[0] ?? '';
  if (!first) return null;
  if (elems.slice(1).some((e) => !/^\*+$/.test(e))) return null;
  return PUBLIC_MODULE_HOSTS.find((h) => elementMatch(first, h)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// GOPROXY (§5.2)

export interface ProxyEntry extends ListItem {
  /** Lower-case scheme (`https`, `http`, `file`), or '' for `direct`/`off`/bare hosts. */
  scheme: string;
  /** Host[:port] of a URL entry, lower-case; '' otherwise. */
  host: string;
}

/** GOPROXY entries, split on `,` and `|`. */
export function parseGoproxy(value: string): ProxyEntry[] {
  const out: ProxyEntry[] = [];
  const re = /[^,|]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    if (!text) continue;
    const u = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^@/]*@)?([^/?#]*)/.exec(text);
    out.push({ text, start: m.index + lead, end: m.index + lead + text.length, scheme: u ? u[1]!.toLowerCase() : '', host: u ? u[2]!.toLowerCase() : '' });
  }
  return out;
}

/** Loopback hosts: plain HTTP to them never leaves the machine. */
export function isLoopbackHost(hostPort: string): boolean {
  const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.replace(/:\d+$/, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Whether a proxy entry is listed in the configuration's `go.trusted-proxies`: an entry with a
 * scheme is a URL prefix, anything else is a host or host:port.
 */
export function isTrustedProxy(entry: ProxyEntry, trusted: readonly string[]): boolean {
  const url = entry.text.toLowerCase().replace(/\/+$/, '');
  return trusted.some((t) => {
    const x = t.toLowerCase().replace(/\/+$/, '');
    if (x.includes('://')) return url === x || url.startsWith(x + '/');
    return entry.host === x || entry.host.replace(/:\d+$/, '') === x;
  });
}

// ---------------------------------------------------------------------------------------------
// GOFLAGS (§5.3; cmd/go/internal/base/goflags.go)

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

// ---------------------------------------------------------------------------------------------
// cgo and libc (§7)

/** cmd/go honours only these CGO_ENABLED values; anything else is silently ignored. */
export function validCgoValue(value: string): boolean {
  return value === '0' || value === '1' || value === '';
}

export type Libc = 'none' | 'musl' | 'glibc';

/**
 * What C library a runtime base image provides, when it is one godock knows to lack glibc:
 * `none` for scratch and the static distroless/chainguard images, `musl` for alpine and
 * busybox:musl; null when unknown or glibc-based (distroless base/cc, Debian, Ubuntu, …).
 */
export function runtimeLibc(ref: string | null): Libc | null {
  if (!ref) return null;
  const r = ref.trim().toLowerCase();
  if (r === 'scratch') return 'none';
  const { repo, tag } = splitImageRef(r);
  if (/(^|\/)distroless\/static(-[a-z0-9]+)?$/.test(repo)) return 'none';
  if (/(^|\/)chainguard\/static$/.test(repo) || repo === 'cgr.dev/chainguard/static') return 'none';
  if (repo === 'alpine' || repo.endsWith('/library/alpine') || repo === 'library/alpine') return 'musl';
  if ((repo === 'busybox' || repo.endsWith('/busybox')) && tag !== null && /musl/.test(tag)) return 'musl';
  return null;
}

/** The C library the official golang image links against (alpine tags: musl), null when not golang. */
export function golangImageLibc(ref: string | null): Libc | null {
  const info = golangImage(ref);
  if (!info.golang || info.windows) return null;
  const { tag } = splitImageRef(ref!);
  return tag !== null && /alpine/.test(tag) ? 'musl' : 'glibc';
}
