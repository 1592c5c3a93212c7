/**
 * Names that look like Go toolchain settings but that nothing reads: curated confusions
 * (`GONOSUMCHECK`), near-misses of real names (`GO_PATH`, `GOFALGS`, `GO111MODUEL`), and real
 * names in the wrong case (`GoPath`; environment names are case-sensitive on Linux).
 */
import { GO_COMPUTED_VARS, GO_ENV_VARS } from './env';

/** Believed to be settings, verified unknown to cmd/go (go-env-facts §5.2), with what was meant. */
const CURATED: Readonly<Record<string, string>> = {
  GONOSUMCHECK: 'GONOSUMDB',
  GONOVERIFY: 'GONOSUMDB',
  GOSUMCHECK: 'GOSUMDB',
  GO111MODULES: 'GO111MODULE',
  GOPROXIES: 'GOPROXY',
  GO_PROXY: 'GOPROXY',
  GOFLAG: 'GOFLAGS',
};

/** Go-prefixed names that real programs read (the runtime, make.bash, gopls, common tools). */
const READ_ELSEWHERE = /^(GORACE|GOROOT_BOOTSTRAP|GOROOT_FINAL|GOPACKAGESDRIVER|GO_GCFLAGS|GO_LDFLAGS|GO_EXTLINK_ENABLED|GO_ENV|GOOSE(_.*)?|GOLANGCI_.*|GOPLS.*|GORELEASER.*|GOX.*|GOLANG_.*|GO_?VERSION|.*_VERSION|.*_VER)$/;

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

export interface NoopName {
  kind: 'curated' | 'nearMiss' | 'case';
  /** The real variable that was probably meant. */
  meant: string;
}

const known = [new Map<string, NoopName | null>(), new Map<string, NoopName | null>()];

/** Why `name` looks like a Go setting that does nothing, or null. `windows`: names are case-insensitive there. */
export function goNameNoop(name: string, windows = false): NoopName | null {
  // Pure and asked for the same few names in every file: remembered (bounded, for hostile input).
  const cache = known[windows ? 1 : 0]!;
  let r = cache.get(name);
  if (r === undefined) {
    if (cache.size >= 4096) cache.clear();
    cache.set(name, (r = judge(name, windows)));
  }
  return r;
}

function judge(name: string, windows: boolean): NoopName | null {
  if (GO_ENV_VARS.has(name)) return null;
  const curated = CURATED[name];
  if (curated) return { kind: 'curated', meant: curated };
  const upper = name.toUpperCase();
  if (upper !== name) {
    if (!windows && GO_ENV_VARS.has(upper) && /^c?go/i.test(name)) return { kind: 'case', meant: upper };
    return null;
  }
  if (!/^C?GO/.test(name) || READ_ELSEWHERE.test(name)) return null;
  const squeezed = name.replace(/_/g, '');
  let best: { meant: string; d: number } | null = null;
  for (const real of GO_ENV_VARS) {
    if (GO_COMPUTED_VARS.has(real) || !/^C?GO/.test(real)) continue;
    const d = squeezed === real.replace(/_/g, '') ? 1 : editDistance(name, real);
    if (!best || d < best.d) best = { meant: real, d };
  }
  if (!best) return null;
  const limit = name.length >= 9 ? 2 : name.length >= 6 ? 1 : 0;
  if (best.d <= limit || (best.d === 1 && squeezed === best.meant.replace(/_/g, ''))) return { kind: 'nearMiss', meant: best.meant };
  return null;
}
