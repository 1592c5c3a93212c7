/**
 * The official golang image: how a reference names it, where Go lives and what it sets (written
 * once, GOLANG_IMAGE), the Go version of a tag, and plain OS images that set no Go variable.
 */

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

/** A version for messages: `Go 1.22`, `Go 1.21.3`, `the latest Go` (untagged, `alpine`…). */
export function goVersionText(v: GoVersion): string {
  if (v.minor === Infinity) return 'the latest Go';
  return `Go 1.${v.minor}${v.patch === null ? '' : `.${v.patch}`}`;
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
export const GO_VERSION = /^1(?:\.(0|[1-9]\d*)(?:(?:rc|beta)[1-9]\d*|\.(0|[1-9]\d*))?)?$/;
