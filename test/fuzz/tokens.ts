/**
 * Obviously fake but well-formed credentials for the fuzzers and the leak proof. Every value is
 * built from a caller-supplied random source so fast-check can shrink and replay it; the random
 * body makes every 8-character slice unique to the token (no accidental matches in messages).
 */
import fc from 'fast-check';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';

export interface TokenKind {
  /** Short id used in test names. */
  id: string;
  /** Builds the token from a random body generator `r(alphabet, length)`. */
  build(r: (alphabet: string, length: number) => string): string;
  /** True for values that are secret only by their variable's name (no known format). */
  opaque?: boolean;
  /** The part that must never be printed, when not the whole value (a URL's password, a key's body). */
  secretOf?: (value: string) => string;
}

export interface FakeToken {
  kind: string;
  /** The text planted in the file. */
  value: string;
  /** What must never appear in output, whole or as any 8-character slice. */
  secret: string;
  opaque: boolean;
}

/** A body that always mixes upper, lower and digits (so no "dominant character" placeholder rule fires). */
function mixed(r: (a: string, n: number) => string, n: number): string {
  return `Fk${r(ALNUM, n - 4)}7q`;
}

export const TOKEN_KINDS: readonly TokenKind[] = [
  { id: 'github-pat', build: (r) => `ghp_${mixed(r, 36)}` },
  { id: 'github-oauth', build: (r) => `gho_${mixed(r, 36)}` },
  { id: 'github-fine-grained', build: (r) => `github_pat_11FAKE${r(ALNUM, 16)}_${mixed(r, 59)}` },
  { id: 'aws-access-key', build: (r) => `AKIA${r(UPPER + DIGITS, 12)}Q7ZK` },
  { id: 'gitlab', build: (r) => `glpat-${mixed(r, 20)}` },
  { id: 'slack-bot', build: (r) => `xoxb-${r(DIGITS, 11)}-${r(DIGITS, 12)}-${mixed(r, 24)}` },
  { id: 'stripe-live', build: (r) => `sk_live_${mixed(r, 24)}` },
  { id: 'npm', build: (r) => `npm_${mixed(r, 36)}` },
  { id: 'google-api', build: (r) => `AIza${mixed(r, 35)}` },
  { id: 'sendgrid', build: (r) => `SG.${mixed(r, 22)}.${mixed(r, 43)}` },
  { id: 'docker-hub', build: (r) => `dckr_pat_${mixed(r, 27)}` },
  { id: 'vault', build: (r) => `hvs.${mixed(r, 24)}` },
  { id: 'anthropic', build: (r) => `sk-ant-api03-${mixed(r, 40)}` },
  { id: 'openai', build: (r) => `sk-proj-${mixed(r, 40)}` },
  { id: 'jwt', build: (r) => `eyJhbGciOiJIUzI1NiJ9.eyJ${mixed(r, 24)}.${mixed(r, 32)}` },
  { id: 'digitalocean', build: (r) => `dop_v1_${r(HEX, 64)}` },
  {
    id: 'url-password',
    build: (r) => `https://deploy:${mixed(r, 20)}@registry.example.com/v2`,
    secretOf: (v) => v.slice(v.indexOf('deploy:') + 7, v.indexOf('@')),
  },
  {
    id: 'pem',
    build: (r) => `-----BEGIN RSA PRIVATE KEY-----MIIE${mixed(r, 40)}-----END RSA PRIVATE KEY-----`,
    secretOf: (v) => v.replace(/-----[A-Z ]+-----/g, ''),
  },
  { id: 'opaque', opaque: true, build: (r) => `Zq${mixed(r, 22)}x9` },
];

/** Names that make any literal value a secret. */
export const SECRET_NAMES = [
  'API_TOKEN', 'DB_PASSWORD', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'NPM_TOKEN', 'SECRET_KEY',
  'POSTGRES_PASSWORD', 'STRIPE_API_KEY', 'private_key', 'Auth_Token', 'MYSQL_ROOT_PASSWORD', 'CLIENT_SECRET',
];
/** Go toolchain variables whose values some rules echo. */
export const GO_NAMES = ['GOPATH', 'GOROOT', 'GOFLAGS', 'GOPROXY', 'GOPRIVATE', 'GONOSUMDB', 'GO111MODULE', 'CGO_ENABLED', 'GOTOOLCHAIN', 'GOOS', 'GOARCH', 'GOBIN', 'GOCACHE', 'GOINSECURE', 'GONOPROXY'];
export const PLAIN_NAMES = ['PATH', 'HOME', 'APP_ENV', 'PORT', 'X', 'LANG', 'TZ', 'DEBUG', 'NODE_ENV', 'a_b-c.d'];

/** Random body from fast-check's generator (so counterexamples shrink and replay by seed). */
function make(kind: TokenKind, r: (alphabet: string, n: number) => string): FakeToken {
  const value = kind.build(r);
  return { kind: kind.id, value, secret: kind.secretOf ? kind.secretOf(value) : value, opaque: Boolean(kind.opaque) };
}

export const tokenArb: fc.Arbitrary<FakeToken> = fc
  .tuple(fc.constantFrom(...TOKEN_KINDS), fc.array(fc.nat({ max: 1 << 30 }), { minLength: 8, maxLength: 8 }))
  .map(([kind, seeds]) => {
    // The kind is part of the seed so two kinds never share a body (shrinking zeroes the seeds).
    let s = seeds.reduce((a, b) => (a * 31 + b) >>> 0, [...kind.id].reduce((a, c) => (a * 131 + c.charCodeAt(0)) >>> 0, 7)) || 1;
    const next = () => {
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      return s;
    };
    const r = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[next() % alphabet.length]).join('');
    return make(kind, r);
  });

/** Deterministic token of every kind for table tests (seeded, distinct per index). */
export function tokensFor(seed: number): FakeToken[] {
  let s = (seed * 2654435761) >>> 0 || 1;
  const r = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => {
      s = (s * 1103515245 + 12345) >>> 0;
      return alphabet[(s >>> 8) % alphabet.length];
    }).join('');
  return TOKEN_KINDS.map((k) => make(k, r));
}

/** The first part of `secret` found in `text`: the whole value or an 8-character slice; null when none. */
export function leakedSlice(text: string, secret: string): string | null {
  if (text.includes(secret)) return secret;
  for (let i = 0; i + 8 <= secret.length; i++) {
    const slice = secret.slice(i, i + 8);
    if (text.includes(slice)) return slice;
  }
  return null;
}

/**
 * The planted tokens still intact in `text` after mutations, and only those whose every 8-character
 * slice occurs nowhere but inside a whole copy of the token: a mutation that copies half a token
 * into a variable name makes a new, unrelated string (rules quote names).
 */
export function intactTokens(text: string, planted: readonly FakeToken[]): FakeToken[] {
  const count = (s: string) => text.split(s).length - 1;
  return planted.filter((t) => {
    const whole = count(t.value);
    if (whole === 0) return false;
    for (let i = 0; i + 8 <= t.secret.length; i++) if (count(t.secret.slice(i, i + 8)) !== whole) return false;
    return true;
  });
}
