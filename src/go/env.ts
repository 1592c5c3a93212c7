/**
 * The go command's environment variables, by name: which it reads, which name directories, which it
 * computes itself, and which command words run it (../shared/reference/go-env-facts.md §8).
 */

/** Environment variables the go command reads (go help environment, Go 1.21–1.26). */
export const GO_ENV_VARS: ReadonlySet<string> = new Set([
  'AR', 'CC', 'CGO_CFLAGS', 'CGO_CFLAGS_ALLOW', 'CGO_CFLAGS_DISALLOW', 'CGO_CPPFLAGS',
  'CGO_CPPFLAGS_ALLOW', 'CGO_CPPFLAGS_DISALLOW', 'CGO_CXXFLAGS', 'CGO_CXXFLAGS_ALLOW',
  'CGO_CXXFLAGS_DISALLOW', 'CGO_ENABLED', 'CGO_FFLAGS', 'CGO_FFLAGS_ALLOW', 'CGO_FFLAGS_DISALLOW',
  'CGO_LDFLAGS', 'CGO_LDFLAGS_ALLOW', 'CGO_LDFLAGS_DISALLOW', 'CXX', 'FC', 'GCCGO', 'GO111MODULE',
  'GO386', 'GOAMD64', 'GOARCH', 'GOARM', 'GOARM64', 'GOAUTH', 'GOBIN', 'GOCACHE', 'GOCACHEPROG',
  'GOCOVERDIR', 'GODEBUG', 'GOENV', 'GOEXE', 'GOEXPERIMENT', 'GOFIPS140', 'GOFLAGS', 'GOGCCFLAGS',
  'GOHOSTARCH', 'GOHOSTOS', 'GOINSECURE', 'GOMIPS', 'GOMIPS64', 'GOMODCACHE', 'GONOPROXY',
  'GONOSUMDB', 'GOOS', 'GOPATH', 'GOPPC64', 'GOPRIVATE', 'GOPROXY', 'GORISCV64', 'GOROOT',
  'GOSUMDB', 'GOTELEMETRY', 'GOTELEMETRYDIR', 'GOTMPDIR', 'GOTOOLCHAIN', 'GOTOOLDIR', 'GOVCS',
  'GOVERSION', 'GOWASM', 'GOWORK', 'GOMOD', 'PKG_CONFIG', 'GOGC', 'GOMAXPROCS', 'GOMEMLIMIT',
  'GOTRACEBACK',
]);

export function isGoVar(name: string): boolean {
  return GO_ENV_VARS.has(name);
}

/**
 * Whether a command name runs the go command: `go`, a path to it (`/usr/local/go/bin/go`,
 * `C:\Go\bin\go.exe`), or the `xx-go` wrapper of tonistiigi/xx (which runs go for the target).
 */
export function isGoBinary(word: string): boolean {
  return word === 'go' || word === 'xx-go' || /[\\/]go(?:\.exe)?$/.test(word);
}

/** Variables that name a directory (go resolves them as paths; they must be absolute). */
export const GO_PATH_VARS: ReadonlySet<string> = new Set([
  'GOPATH', 'GOROOT', 'GOBIN', 'GOCACHE', 'GOMODCACHE', 'GOTMPDIR', 'GOENV', 'GOTELEMETRYDIR', 'GOCOVERDIR',
]);

/** Values go computes itself; `go env -w` refuses them ('cannot be modified') and setting them does nothing. */
export const GO_COMPUTED_VARS: ReadonlySet<string> = new Set([
  'GOEXE', 'GOGCCFLAGS', 'GOHOSTARCH', 'GOHOSTOS', 'GOMOD', 'GOTOOLDIR', 'GOVERSION', 'GOTELEMETRY',
]);
