import type { ValueKind } from './types';

/**
 * Value side of the classifier: what a value is made of (references vs literal text), whether
 * the literal text is an obvious placeholder, and small shape tests (entropy, path, digest,
 * fingerprint, number/duration) that the name side uses for its value-dependent exemptions.
 * Everything here is pure, O(length) and compiles its regexes once.
 *
 * Placeholder decisions (documented, tested in test/classify/values.test.ts):
 * - Placeholders are only clear "fill me in" / "not a value" markers: `0`, `1`, `-1`, booleans
 *   (`true/false/yes/no/on/off`), `null/none/nil/undefined`, `changeme`-style, `replaceme`,
 *   `todo/tbd/fixme`, `placeholder`, `dummy`, `redacted`, `<token>`, `[token]`, `{token}`,
 *   `__TOKEN__`, `@TOKEN@`, `your-token-here`/`your_api_key`, `…-here`, `xxx…`, `***`, `...`,
 *   `insecure`, descriptions made only of describing words (`long-and-random-alphanumeric-string`,
 *   `some-secure-random-value`), and token-shaped fillers whose long parts repeat one character
 *   (`SG.xxxxxxxx.yyyyyyyy`, `0000000000000000`, `aaaaaaaaaaaaaaaa`).
 * - Development values such as `password`, `postgres`, `root`, `admin`, `secret`, `example`,
 *   `test`, `changeit` are NOT placeholders: under a secret-like name they are hardcoded
 *   credentials (the docker-library docs' `MYSQL_ROOT_PASSWORD: example` included).
 * - `$$` is compose's escaped `$`; it is dropped from the literal text (never secret text).
 */

/** Literal pieces of a value once `$VAR`, `${VAR}`, `${VAR:?e}`, `${VAR?e}`, `%VAR%`, `{{ … }}`,
 *  `${{ … }}`, `$(…)` and backtick substitutions are removed. `${VAR:-lit}`, `${VAR-lit}`,
 *  `${VAR:=lit}` and `${VAR:+lit}` contribute their word (recursively). */
export function literalParts(value: string | null): string[] {
  if (!value) return [];
  if (!SPECIAL_CHAR.test(value)) return [value];
  const out: string[] = [];
  parseInto(value, out);
  return out;
}

/** Characters that may start a reference; values without any are literal as a whole. */
const SPECIAL_CHAR = /[$%{`\\]/;

/** The literal parts joined. */
export function literalText(value: string | null): string {
  return literalParts(value).join('');
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAM = /[0-9@*#?$!-]/;
const PERCENT_VAR = /%[A-Za-z_][A-Za-z0-9_]*%/y;
const BRACED_NAME = /^(?:#?[A-Za-z_][A-Za-z0-9_]*|#?[0-9]+|[@*#?$!-])/;

function parseInto(s: string, out: string[]): void {
  let buf = '';
  const flush = (): void => {
    if (buf) out.push(buf);
    buf = '';
  };
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (c === '$') {
      const d = s[i + 1];
      if (d === '$') {
        flush();
        i += 2;
        continue;
      }
      if (d === '{') {
        if (s[i + 2] === '{') {
          const end = s.indexOf('}}', i + 3);
          if (end >= 0) {
            flush();
            i = end + 2;
            continue;
          }
        } else {
          const close = matching(s, i + 1, '{', '}');
          if (close >= 0) {
            flush();
            parseBraced(s.slice(i + 2, close), out);
            i = close + 1;
            continue;
          }
        }
        buf += s.slice(i);
        break;
      }
      if (d === '(') {
        const close = matching(s, i + 1, '(', ')');
        if (close >= 0) {
          flush();
          i = close + 1;
          continue;
        }
        buf += s.slice(i);
        break;
      }
      if (d !== undefined && NAME_START.test(d)) {
        flush();
        i += 2;
        while (i < n && NAME_CHAR.test(s[i]!)) i++;
        continue;
      }
      if (d !== undefined && SPECIAL_PARAM.test(d)) {
        flush();
        i += 2;
        continue;
      }
      buf += c;
      i++;
      continue;
    }
    if (c === '%') {
      PERCENT_VAR.lastIndex = i;
      const m = PERCENT_VAR.exec(s);
      if (m) {
        flush();
        i += m[0].length;
        continue;
      }
    } else if (c === '{' && s[i + 1] === '{') {
      const end = s.indexOf('}}', i + 2);
      if (end >= 0) {
        flush();
        i = end + 2;
        continue;
      }
    } else if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end >= 0) {
        flush();
        i = end + 1;
        continue;
      }
    } else if (c === '\\' && s[i + 1] === '$') {
      buf += '$';
      i += 2;
      continue;
    }
    buf += c;
    i++;
  }
  flush();
}

/** Index of the bracket closing the one at `open` (nesting aware), or -1. */
function matching(s: string, open: number, o: string, c: string): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === o) depth++;
    else if (ch === c) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Inside `${…}`: keep the word of `:-`, `-`, `:=`, `=`, `:+`, `+`; drop `:?`/`?` messages and
 *  bash string operations (`${v#x}`, `${v/a/b}`, `${v:0:2}`). */
function parseBraced(inner: string, out: string[]): void {
  const m = BRACED_NAME.exec(inner);
  if (!m) return;
  const rest = inner.slice(m[0].length);
  const op = rest.startsWith(':') ? rest.slice(0, 2) : rest.slice(0, 1);
  if (op === ':-' || op === '-' || op === ':=' || op === '=' || op === ':+' || op === '+') {
    parseInto(rest.slice(op.length), out);
  }
}


/** empty → reference → placeholder → literal, judged on the literal text. */
export function valueKind(value: string | null): ValueKind {
  return kindOf(value, literalParts(value));
}

/** valueKind with the literal parts already computed. */
export function kindOf(value: string | null, parts: readonly string[]): ValueKind {
  if (value === null || value.trim() === '') return 'empty';
  if (parts.length === 1 && parts[0] === value) {
    const t = value.trim();
    return isPlaceholder(t) ? 'placeholder' : 'literal';
  }
  const lit = parts.join('').trim();
  if (lit === '') return 'reference';
  // Only separators between references (`${HOST}:${PORT}/${DB}`): nothing literal to leak.
  if (lit !== value.trim() && !/[A-Za-z0-9]/.test(lit)) return 'reference';
  if (isPlaceholder(lit)) return 'placeholder';
  return 'literal';
}

const PLACEHOLDER_WORDS = new Set([
  '0', '1', '-1', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 't', 'f', 'enabled', 'disabled',
  'null', 'nil', 'none', 'undefined', 'undef', 'empty', 'blank', 'n/a', 'na', '-', '--', '.', '?', '~',
  'changeme', 'change_me', 'change-me', 'change me', 'changethis', 'change_this', 'change-this',
  'changemeplease', 'changeme123', 'replaceme', 'replace_me', 'replace-me', 'replace me', 'todo', 'tbd', 'tbc',
  'fixme', 'fix_me', 'fix-me', 'placeholder', 'dummy', 'fake', 'redacted', 'masked', 'hidden', 'notset', 'not_set', 'not-set', 'unset',
  'unknown', 'notasecret', 'not-a-secret', 'not_a_secret', 'unused', 'not-used', 'not_used', 'fill-me',
  'fillme', 'fill_me', 'setme', 'set-me', 'set_me', 'secret-here', 'token-here', 'password-here', 'key-here',
  'put your unique phrase here', '{}', '[]', '""', "''", 'insecure', 'not-secure', 'not_secure',
]);

/** Words that describe a value instead of being one (`long-and-random-alphanumeric-string`). */
const DESCRIPTION_WORDS = new Set([
  'a', 'an', 'and', 'any', 'some', 'my', 'the', 'long', 'random', 'secure', 'strong', 'unique', 'alphanumeric',
  'string', 'secret', 'key', 'token', 'password', 'passphrase', 'value', 'generate', 'generated', 'with', 'of',
  'character', 'characters', 'chars', 'here', 'example', 'sample', 'hex', 'base64', 'bytes', 'at', 'least', 'min',
  'minimum', 'super', 'very', 'complex', 'random-string', 'goes', 'your', 'own',
]);

/** At least three words, all describing a value: a template's hint, not a credential. */
function isDescription(t: string): boolean {
  const words = t.toLowerCase().split(/[-_ ]+/).filter(Boolean);
  return words.length >= 3 && words.every((w) => DESCRIPTION_WORDS.has(w) || /^\d{1,3}$/.test(w));
}

/** A token-shaped filler: every part longer than four characters is one character repeated (`SG.xxxxxxxx.yyyyyyyy`, `0000000000000000`). */
function isRepeatedFiller(t: string): boolean {
  const parts = t.split(/[._-]/);
  const long = parts.filter((p) => p.length > 4);
  return long.length > 0 && long.every(oneCharacterRepeated) && parts.every((p) => p.length > 4 || /^[A-Za-z0-9]*$/.test(p));
}

/** A loop, not `/^(.)\1+$/`: a back-reference over megabytes of text overflows the regex stack. */
function oneCharacterRepeated(p: string): boolean {
  for (let i = 1; i < p.length; i++) if (p.charCodeAt(i) !== p.charCodeAt(0)) return false;
  return true;
}

const PLACEHOLDER_RES: readonly RegExp[] = [
  /^<[^<>]*>$/, // <token>, <your password>
  /^\[[A-Za-z0-9 _.-]+\]$/, // [YOUR_TOKEN]
  /^\{[A-Za-z0-9 _.-]+\}$/, // {token}
  /^__?[A-Za-z0-9_]+__?$/, // __TOKEN__, _admin_password_
  /^[^A-Za-z0-9]{1,3}$/, // _, -, ., ?
  /^@[A-Za-z0-9_]+@$/, // @TOKEN@ (autoconf-style substitution)
  /^(?:x{3,}|X{3,})(?:[-_.](?:x+|X+))*$/, // xxx, XXXX-XXXX
  /^\*{3,}$/, // ***
  /^(?:[A-Za-z0-9]+[_.-])+(?:x{4,}|X{4,}|\*{3,}|\.{3,}|…)$/, // sk_live_xxxx, ghp_****, sk-...
  /^[A-Za-z0-9]{2,8}(?:x{8,}|X{8,})$/, // AIzaSyXXXXXXXX
  /^(?:\.{3,}|…)$/, // ..., …
  /^your[a-z0-9]*(?:[-_ .][a-z0-9]+)*$/i, // your-token-here, your_api_key, YourSecret
  /^(?:enter|insert|put|paste|add|set|fill)(?:[-_ ][a-z0-9]+)+$/i, // insert-token-here
  /^(?:[a-z0-9]+[-_ ])+here$/i, // token-goes-here
  /^(?:replace|change)[-_ ]?(?:me|this)/i, // change_me_in_production, ChangeMeChangeMe
  /^(?:replace|change)[A-Z_-]/, // changePassword, changeRunnerAuthToken (not `changeit`)
  /(?:^|[-_.])(?:dummy|placeholder|changeme|replaceme)(?:$|[-_.])/i, // build-time-dummy, my_placeholder_value
];

/** All placeholder shapes as two alternations (case-insensitive ones and the others). */
const joinRes = (rs: readonly RegExp[], flags: string): RegExp => new RegExp(rs.map((r) => `(?:${r.source})`).join('|'), flags);
const PLACEHOLDER_CI = joinRes(PLACEHOLDER_RES.filter((r) => r.flags.includes('i')), 'i');
const PLACEHOLDER_CS = joinRes(PLACEHOLDER_RES.filter((r) => !r.flags.includes('i')), '');

/** A clear "fill me in" / "not a value" marker (see the table at the top of this file). */
export function isPlaceholder(text: string): boolean {
  let t = text.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) t = t.slice(1, -1).trim();
  if (t === '') return true;
  if (PLACEHOLDER_WORDS.has(t.toLowerCase())) return true;
  return PLACEHOLDER_CS.test(t) || PLACEHOLDER_CI.test(t) || isDescription(t) || isRepeatedFiller(t);
}

/** Shannon entropy in bits per character. */
export function shannon(s: string): number {
  if (s.length === 0) return 0;
  const ascii = ASCII_COUNTS.fill(0);
  let other: Map<number, number> | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) ascii[c]!++;
    else (other ??= new Map()).set(c, (other.get(c) ?? 0) + 1);
  }
  let h = 0;
  const len = s.length;
  const add = (c: number): void => {
    if (c === 0) return;
    const p = c / len;
    h -= p * Math.log2(p);
  };
  for (let i = 0; i < 128; i++) add(ascii[i]!);
  if (other) for (const c of other.values()) add(c);
  return h;
}
const ASCII_COUNTS = new Int32Array(128);

/** A random-looking token: ≥ 16 chars, no whitespace, ≥ 3.5 bits/char, mixes two of
 *  lower/upper/digit, and is not a path or URL. */
export function isHighEntropy(s: string): boolean {
  const t = s.trim();
  if (t.length < 16 || /\s/.test(t)) return false;
  if (isPathLike(t) || /^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return false;
  let classes = 0;
  if (/[a-z]/.test(t)) classes++;
  if (/[A-Z]/.test(t)) classes++;
  if (/[0-9]/.test(t)) classes++;
  if (classes < 2) return false;
  return shannon(t) >= 3.5;
}

const PATH_RE = /^(?:\/[^\s]*|\.\.?\/\S*|~\/\S*|[A-Za-z]:[\\/].*|\\\\\S+|file:\/\/\S*)$/;
/** A (relative) file name with a file extension or a well-known key file name. */
const KEY_FILE_RE =
  /^(?:[\w.-]+\/)*(?:[\w.-]+\.(?:pem|key|crt|cer|csr|p12|pfx|p8|json|txt|asc|gpg|jks|keystore|truststore|pub|der|env|ya?ml|conf|cfg|ini|properties|secret|secrets|token|pass|passwd|htpasswd|sh|bash|py|rb|js|ps1|bat|cmd|exe)|id_(?:rsa|dsa|ecdsa|ed25519)(?:\.pub)?)$/i;

/** A filesystem path (`/run/secrets/x`, `./x`, `~/x`, `C:\x`, `file://…`) or a key-file name. */
export function isPathLike(s: string): boolean {
  const t = s.trim();
  return PATH_RE.test(t) || KEY_FILE_RE.test(t);
}

const UNIT = '(?:ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|years?|k|kb|mb|g|gb)';
const NUMBER_DURATION = new RegExp(`^[-+]?(?:\\d+(?:\\.\\d+)?${UNIT})*\\d+(?:\\.\\d+)?${UNIT}?$`, 'i');

/** A bare number, a duration (`30m`, `1h30m`, `PT15M`), a product (`60*60`) or `unlimited`. */
export function isQuantity(s: string): boolean {
  const t = s.trim();
  return (
    NUMBER_DURATION.test(t.replace(/\s+/g, '')) ||
    /^P(?:\d+[YMWD])*(?:T(?:\d+[HMS])+)?$/i.test(t) ||
    /^\d+(?:\s*[*x]\s*\d+)+$/.test(t) ||
    /^(?:unlimited|infinite|infinity|never|forever|max|min)$/i.test(t)
  );
}

/** A hex digest (optionally `sha256:`-prefixed, several separated by whitespace), an SRI hash,
 *  or a crypt(3)-style password hash. */
export function isDigestLike(s: string): boolean {
  const t = s.trim();
  if (/^(?:(?:sha\d+|md5|sha)[:=-])?[0-9a-f]{32,128}(?:\s+(?:(?:sha\d+|md5)[:=-])?[0-9a-f]{32,128})*$/i.test(t)) return true;
  if (/^sha(?:256|384|512)-[A-Za-z0-9+/]{40,}={0,2}$/.test(t)) return true;
  return /^\$(?:1|2[abxy]?|5|6|y|argon2(?:id|i|d)|pbkdf2[-\w]*|scrypt)\$\S+$/.test(t);
}

/** One or more OpenPGP fingerprints / key ids: 40-hex fingerprints (also written as ten
 *  space-separated groups of 4), 16- or 8-hex key ids, `0x`-prefixed or not, separated by
 *  whitespace, commas or semicolons. A 32- or 64-hex value (a typical random key) is not one. */
export function isFingerprintList(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  const joined = t.replace(/\b((?:[0-9a-f]{4}\s+){9}[0-9a-f]{4})\b/gi, (m) => m.replace(/\s+/g, ''));
  for (const p of joined.split(/[\s,;]+/))
    if (p !== '' && !/^(?:0x)?(?:[0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{40})$/i.test(p)) return false;
  return true;
}

/** A URL whose authority carries no userinfo (no `@` before the path). */
export function isPlainUrl(s: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)/i.exec(s.trim());
  return m !== null && !m[1]!.includes('@') && !/\s/.test(s.trim());
}

/** Highest frequency of a single character relative to length (0..1). */
export function dominantCharRatio(s: string): number {
  if (s.length === 0) return 1;
  const counts = new Map<string, number>();
  let max = 0;
  for (const ch of s) {
    const c = (counts.get(ch) ?? 0) + 1;
    counts.set(ch, c);
    if (c > max) max = c;
  }
  return max / s.length;
}
