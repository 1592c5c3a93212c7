/**
 * cgo and the C library: the CGO_ENABLED values cmd/go honours and the libc of runtime and golang
 * images (../shared/reference/go-env-facts.md §7).
 */
import { golangImage, splitImageRef } from './image';

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
