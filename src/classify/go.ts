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

/**
 * Whether a command name runs the go command: `go`, a path to it (`/usr/local/go/bin/go`,
 * `C:\Go\bin\go.exe`), or the `xx-go` wrapper of tonistiigi/xx (which runs go for the target).
 */
export function isGoBinary(word: string): boolean {
  return word === 'go' || word === 'xx-go' || /[\\/]go(?:\.exe)?$/.test(word);
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
  return { golang: true, goroot: (windows ? GOLANG_IMAGE.windows : GOLANG_IMAGE.linux).goroot, windows };
}

/**
 * The official golang images, written once: where Go lives, GOPATH (also the WORKDIR the image
 * starts in) and, on Linux, GOTOOLCHAIN (1.21+). Every default godock assumes comes from here.
 */
export const GOLANG_IMAGE = {
  linux: { goroot: '/usr/local/go', gopath: '/go', toolchain: 'local' },
  windows: { goroot: 'C:\\Program Files\\Go', gopath: 'C:\\go' },
} as const;

/** The environment the official Linux golang image sets (1.22+; GOTOOLCHAIN since 1.21). */
export const GOLANG_IMAGE_ENV: Readonly<Record<string, string>> = {
  GOPATH: GOLANG_IMAGE.linux.gopath,
  GOTOOLCHAIN: GOLANG_IMAGE.linux.toolchain,
  PATH: `${GOLANG_IMAGE.linux.gopath}/bin:${GOLANG_IMAGE.linux.goroot}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
};

/** The environment of the official Windows golang image (1.17+). */
export const GOLANG_WINDOWS_IMAGE_ENV: Readonly<Record<string, string>> = {
  GOPATH: GOLANG_IMAGE.windows.gopath,
};

/** What a stage FROM a golang image starts with, as the Dockerfile adapter tracks it: its variables and WORKDIR. */
export function golangImageStart(windows: boolean): { vars: [string, string][]; workdir: string } {
  return windows
    ? { vars: [['GOPATH', GOLANG_IMAGE.windows.gopath]], workdir: GOLANG_IMAGE.windows.gopath }
    : { vars: [['GOPATH', GOLANG_IMAGE.linux.gopath], ['GOTOOLCHAIN', GOLANG_IMAGE.linux.toolchain]], workdir: GOLANG_IMAGE.linux.gopath };
}

/** Variables that name a directory (go resolves them as paths; they must be absolute). */
export const GO_PATH_VARS: ReadonlySet<string> = new Set([
  'GOPATH', 'GOROOT', 'GOBIN', 'GOCACHE', 'GOMODCACHE', 'GOTMPDIR', 'GOENV', 'GOTELEMETRYDIR', 'GOCOVERDIR',
]);

/** Values go computes itself; `go env -w` refuses them ('cannot be modified') and setting them does nothing. */
export const GO_COMPUTED_VARS: ReadonlySet<string> = new Set([
  'GOEXE', 'GOGCCFLAGS', 'GOHOSTARCH', 'GOHOSTOS', 'GOMOD', 'GOTOOLDIR', 'GOVERSION', 'GOTELEMETRY',
]);

/**
 * The Go version an official golang image tag names (`1.22.3-alpine` → `1.22.3`, `1.21rc2` →
 * `1.21rc2`), or null for tags without one (`latest`, `alpine`, none).
 */
export function golangTagVersion(ref: string | null): string | null {
  if (!ref || !golangImage(ref).golang) return null;
  const { tag } = splitImageRef(ref);
  const m = tag ? /^(\d+(?:\.\d+){0,2}(?:(?:rc|beta)\d+)?)(?:$|-)/.exec(tag) : null;
  return m ? m[1]! : null;
}

/**
 * Whether two Go versions can name the same release: one is a component-wise prefix of the other
 * (`1.22` covers `1.22.5`; `1.22` and `1.21.0` disagree). A leading `go` is ignored.
 */
export function goVersionsAgree(a: string, b: string): boolean {
  const parts = (v: string) => v.replace(/^go/, '').split(/\.|(?=rc|beta)/);
  const x = parts(a);
  const y = parts(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Base images known not to set any Go variable (plain OS images, distroless, scratch). */
export function isPlainOsImage(ref: string | null): boolean {
  if (!ref) return false;
  const { repo } = splitImageRef(ref);
  const r = repo.replace(/^docker\.io\//, '').replace(/^library\//, '');
  return (
    /^(scratch|alpine|debian|ubuntu|busybox|centos|fedora|amazonlinux|rockylinux|almalinux|archlinux|oraclelinux|buildpack-deps)$/.test(r) ||
    /^(gcr\.io\/distroless\/|registry\.access\.redhat\.com\/ubi|redhat\/ubi|opensuse\/|cgr\.dev\/chainguard\/(static|wolfi-base))/.test(r)
  );
}
