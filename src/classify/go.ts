/**
 * Facts about the Go toolchain and the official golang image (see
 * ../shared/reference/go-env-facts.md §8). Pure data and small pure functions.
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

export interface GoImageInfo {
  golang: boolean;
  goroot: string | null;
  windows: boolean;
}

const NOT_GO: GoImageInfo = { golang: false, goroot: null, windows: false };

/** Splits `registry/path/name:tag@digest` into repository path and tag. */
export function splitImageRef(ref: string): { repo: string; tag: string | null } {
  let rest = ref.trim();
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) return { repo: rest.slice(0, colon).toLowerCase(), tag: rest.slice(colon + 1) };
  return { repo: rest.toLowerCase(), tag: null };
}

/**
 * Whether an image reference (after variable substitution) is the official golang image:
 * `golang`, `library/golang`, `docker.io/library/golang`, `<mirror>/library/golang`.
 */
export function golangImage(ref: string | null): GoImageInfo {
  if (!ref) return NOT_GO;
  const { repo, tag } = splitImageRef(ref);
  const isGo =
    repo === 'golang' || repo === 'library/golang' || repo === 'docker.io/golang' || repo.endsWith('/library/golang');
  if (!isGo) return NOT_GO;
  const windows = tag !== null && /(windowsservercore|nanoserver)/i.test(tag);
  return { golang: true, goroot: windows ? 'C:\\Program Files\\Go' : '/usr/local/go', windows };
}

/** The environment the official Linux golang image sets (1.22+; GOTOOLCHAIN since 1.21). */
export const GOLANG_IMAGE_ENV: Readonly<Record<string, string>> = {
  GOPATH: '/go',
  GOTOOLCHAIN: 'local',
  PATH: '/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
};

/** The environment of the official Windows golang image (1.17+). */
export const GOLANG_WINDOWS_IMAGE_ENV: Readonly<Record<string, string>> = {
  GOPATH: 'C:\\go',
};
