/**
 * Name side of the classifier: does a variable NAME look like it holds a secret?
 *
 * Names are split into lower-case words on `_`, `-`, `.`, any other non-alphanumeric
 * character, camelCase, ALLCAPS runs (`MYSQLPassword` → mysql, password) and digits.
 *
 * Deny words (a name is secret-like when one of them is its "head", see exemptions):
 * | word                                   | how it matches                                            |
 * |----------------------------------------|-----------------------------------------------------------|
 * | password passwd passphrase passcode    | anywhere in a word (`MYSQLPASSWORD`, `dbPassword`)        |
 * | pword secret token apikey credential   | anywhere in a word; not `tokenizer`, `secretary`          |
 * | creds                                  | whole word                                                |
 * | pass pwd psw                           | whole word or compound suffix (`DBPASS`, `ROOTPWD`);      |
 * |                                        | not `bypass`/`compass`/`multipass`/`askpass`, not `PWD`   |
 * | pw pat bearer                          | whole word                                                |
 * | auth salt                              | whole word, last word only (`GIT_AUTH`, `AUTH_SALT`);     |
 * |                                        | not `author`, `oauth`, `AUTH_URL`, `SALT_MASTER`          |
 * | dsn                                    | whole word (`SENTRY_DSN`)                                 |
 * | connection string / connstr            | adjacent words or one word (`DB_CONNECTION_STRING`)       |
 * | <qualifier> key(s)                     | `API_KEY`, `SECRET_KEY`, `PRIVATE_KEY`, `ACCESS_KEY`,     |
 * |                                        | `MASTER_KEY`, `ENCRYPTION_KEY`, `SIGNING_KEY`, `DEPLOY_KEY`,|
 * |                                        | `LICENSE_KEY`, `APP_KEY`, … and compounds (`APIKEY`)      |
 * | key(s) as the last word, no qualifier  | "generic key": secret only with a high-entropy literal    |
 * |                                        | value (`SORT_KEY=name` no, `NONCE_KEY=<64 random>` yes)   |
 * | ClassifyOptions.extraWords             | whole word, compound suffix (≥ 4 chars) or word sequence  |
 *
 * Exemptions (a secret-like name is NOT secret when):
 * | exemption                                       | examples                                          |
 * |-------------------------------------------------|---------------------------------------------------|
 * | a TAIL word: the last word, or one of a short   | `*_FILE`, `*_PATH`, `*_DIR`, `*_URL`, `*_URI`,     |
 * |   list anywhere after the last deny word        | `*_HOST`, `*_PORT`, `*_ENDPOINT`, `*_VERSION`,     |
 * |                                                 | `*_NAME`, `*_ALIAS`, `*_ENABLED`, `*_MODE`,        |
 * |                                                 | `*_TYPE`, `*_HEADER`, `*_PROMPT*`, `*_MANAGER`,    |
 * |                                                 | `*_POLICY`, `*_REQUIRED`, `*_METHOD`, `*_PROVIDER`,|
 * |                                                 | `*_ISSUER`, `*_AUDIENCE`, `*_SCOPE(S)`, `*_REALM`, |
 * |                                                 | `*_ALGORITHM`, `*_USER(NAME)`, `*_EMAIL`, …        |
 * | `ID`/`IDS` tail                                 | `AUTH_GOOGLE_ID`, `SECRET_ID` (value formats still |
 * |                                                 | apply: `AWS_ACCESS_KEY_ID=AKIA…` is caught)        |
 * | digest tail (`CHECKSUM`, `SHA*`, `HASH`, `MD5`, | exempt when the value is a hex digest / crypt hash |
 * |   `DIGEST`, `FINGERPRINT`)                      |                                                   |
 * | quantity word (`TTL`, `EXPIRE*`, `LENGTH`,      | exempt unless the value is high-entropy            |
 * |   `SIZE`, `TIMEOUT`, `MAX`, `MIN`, `MINUTES`…)  | (`MAX_TOKENS=4096`, `PASSWORD_RESET_TOKEN_TTL=900`)|
 * | `PUBLIC`/`PUBLISHABLE`/`PUB` anywhere           | `PUBLIC_KEY`, `GITHUB_PUBLIC_TOKEN`, `NEXT_PUBLIC_*`|
 * | toggle words anywhere (`ALLOW`, `REQUIRE`,      | `MYSQL_ALLOW_EMPTY_PASSWORD`, `REQUIRE_MFA_AUTH`,  |
 * |   `SKIP`, `ENABLE`, `DISABLE`, `USE`, …)        | `SKIP_AUTH`                                        |
 * | `RANDOM … PASSWORD`                             | `MYSQL_RANDOM_ROOT_PASSWORD`                       |
 * | `GPG`/`PGP`/`GNUPG` with a `KEY` head           | `GPG_KEY`, `GPG_KEYS` holding fingerprints         |
 * | `SIGNING_KEY(S)` holding a fingerprint          | `SWIFT_SIGNING_KEY=A62A…` (the name stays secret-  |
 * |                                                 | like; only the fingerprint value is exempt)        |
 * | `INITIAL_CLUSTER_TOKEN` (etcd)                  | a cluster name, not a credential                   |
 * | whole names                                     | `PWD`, `OLDPWD`, every Go toolchain variable       |
 * |                                                 | (`GOPRIVATE`, `GONOSUMDB`, `GONOPROXY`, `GOAUTH`…) |
 * | ClassifyOptions.allowNames (exact or globs)     |                                                   |
 */
import { globMatcher, isGlob } from '../util/glob';
import { isGoVar } from '../go/env';
import type { ClassifyOptions } from './types';

/** Default `--drop-suffix` list of the runtime env-minimizer. */
export const DEFAULT_RUNTIME_SUFFIXES: readonly string[] = ['_SECRET', '_KEY', '_TOKEN', '_PASSWORD', '_PASSWD', '_PWD'];

const WORD_RE = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;
const SEP_RE = /[^A-Za-z0-9]+/;

/** Lower-case words of a name (`MYSQL_ROOT_PASSWORD`, `dbPassword`, `api-key`, `OAuthToken`). */
export function splitWords(name: string): string[] {
  const out: string[] = [];
  for (const piece of name.split(SEP_RE)) {
    if (!piece) continue;
    const m = piece.match(WORD_RE);
    if (!m) continue;
    for (const w of m) {
      const lw = w.toLowerCase();
      // `OAuth` splits into `O` + `Auth`; keep it one word so it is not the deny word `auth`.
      if (lw === 'auth' && out.length > 0 && out[out.length - 1] === 'o' && /O$/.test(piece.slice(0, piece.indexOf(w)))) {
        out[out.length - 1] = 'oauth';
        continue;
      }
      out.push(lw);
    }
  }
  return out;
}

/** Deny words matched anywhere inside a word (compounds). */
const SUBSTRING_DENY = ['password', 'passwd', 'passphrase', 'passcode', 'pword', 'secret', 'token', 'apikey', 'credential'];
/** Words containing a substring deny word that are not secrets. */
const SUBSTRING_EXCLUDE = /tokeniz|secretar|secretsmanager|secretmanager|passwordless|nopasswd|tokenomics/;
/** Deny words matched as a whole word or as the end of a compound word (`DBPASS`, `ROOTPWD`). */
const SUFFIX_DENY = ['pass', 'pwd', 'psw'];
const SUFFIX_EXCLUDE = new Set([
  'bypass', 'compass', 'encompass', 'surpass', 'overpass', 'underpass', 'trespass', 'impass', 'multipass',
  'askpass', 'sshaskpass', 'gitaskpass', 'firstpass', 'onepass', 'secondpass', 'singlepass', 'twopass',
  'oldpwd', 'highpass', 'lowpass', 'bandpass', 'allpass', 'nopass',
]);
/** Deny words matched only as whole words. */
const WHOLE_DENY = new Set(['creds', 'pw', 'pat', 'bearer', 'dsn', 'connstr', 'connectionstring', 'htpasswd']);
/** Whole-word deny words that count only as the last word. */
const LAST_DENY = new Set(['auth', 'salt']);

/** Words that make a following `key` a secret kind of key. */
const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'priv', 'access', 'master', 'encryption', 'encrypt', 'enc', 'decryption', 'decrypt',
  'signing', 'sign', 'signature', 'deploy', 'license', 'licence', 'app', 'application', 'client', 'auth', 'service',
  'account', 'storage', 'shared', 'session', 'cookie', 'jwt', 'hmac', 'crypto', 'cipher', 'aes', 'server', 'admin',
  'consumer', 'integration', 'ssh', 'rsa', 'dsa', 'ecdsa', 'ed25519', 'subscription', 'nonce', 'secure', 'webhook',
  'tls', 'ssl', 'root', 'sas', 'primary', 'secondary', 'write', 'read', 'ingest', 'ingestion', 'management', 'mgmt',
  'user', 'bot', 'dev', 'prod', 'production', 'live', 'test',
]);
/** `primary`/`secondary`/`read`/`write` qualify a key only when the name also mentions an
 *  account-ish context; otherwise (`PRIMARY_KEY_FIELD`, `SORT_KEY`) it is a database key. */
const WEAK_QUALIFIERS = new Set(['primary', 'secondary', 'read', 'write', 'user', 'dev', 'prod', 'production', 'live', 'test', 'root']);
const KEY_WORDS = new Set(['key', 'keys']);

/** Tail words that make a secret-like name describe something else (static exemption). */
const TAIL_EXEMPT = new Set([
  'file', 'files', 'filename', 'filepath', 'path', 'paths', 'dir', 'dirs', 'directory', 'folder', 'location', 'loc',
  'mount', 'sock', 'socket', 'url', 'urls', 'uri', 'uris', 'host', 'hosts', 'hostname', 'port', 'endpoint',
  'endpoints', 'domain', 'server', 'address', 'addr', 'version', 'ver', 'name', 'names', 'alias', 'aliases',
  'label', 'labels', 'enabled', 'enable', 'disabled', 'disable', 'toggle', 'flag', 'mode', 'type', 'types', 'kind',
  'format', 'header', 'headers', 'prompt', 'hint', 'message', 'msg', 'text', 'description', 'desc', 'title',
  'manager', 'policy', 'policies', 'required', 'require', 'method', 'methods', 'provider', 'providers', 'issuer',
  'audience', 'aud', 'scope', 'scopes', 'realm', 'algorithm', 'algorithms', 'alg', 'algo', 'username', 'usernames',
  'user', 'users', 'usr', 'login', 'email', 'mail', 'env', 'var', 'vars', 'variable', 'backend', 'store', 'helper',
  'command', 'cmd', 'script', 'program', 'class', 'module', 'plugin', 'driver', 'engine', 'service', 'source',
  'strategy', 'rotation', 'regex', 'pattern', 'charset', 'encoding', 'prefix', 'suffix', 'separator', 'delimiter',
  'field', 'column', 'param', 'parameter', 'arn', 'region', 'bucket', 'namespace', 'ref', 'reference', 'check',
  'validation', 'permissions', 'permission', 'role', 'roles', 'group', 'groups', 'owner', 'mask', 'cache', 'table',
  'collection', 'queue', 'topic', 'index', 'schema', 'template', 'option', 'options', 'opts', 'config', 'conf',
  'cfg', 'settings', 'list', 'map', 'mapping', 'dict', 'selector', 'annotation', 'level', 'state', 'status',
  'context', 'output', 'input', 'lookup', 'resolver', 'generator', 'validator',
  'verifier', 'handler', 'class', 'impl', 'image', 'repo', 'repository', 'registry', 'sidecar', 'secretname',
  'scheme', 'schemes', 'hasher', 'hashers', 'encoder', 'complexity', 'strength', 'requirements', 'rules', 'rule',
]);
/** Tail words that exempt wherever they follow the head. */
const AFTER_EXEMPT = new Set([
  'file', 'files', 'filename', 'filepath', 'path', 'paths', 'dir', 'dirs', 'directory', 'folder', 'location', 'url',
  'urls', 'uri', 'uris', 'host', 'hostname', 'port', 'endpoint', 'version', 'name', 'names', 'alias', 'env', 'var',
  'variable', 'manager', 'policy', 'provider', 'header', 'type', 'mode', 'enabled', 'enable', 'disabled', 'disable',
  'scheme', 'method', 'format', 'hint', 'issuer', 'audience', 'realm', 'algorithm', 'alg', 'username', 'email',
]);
const ID_TAIL = new Set(['id', 'ids', 'guid', 'uuid']);
const DIGEST_TAIL = new Set(['checksum', 'checksums', 'sha', 'sha1', 'sha256', 'sha512', 'hash', 'hashes', 'md5', 'digest', 'fingerprint', 'fingerprints', 'fpr', 'sum', 'sums', 'shasum']);
/** Quantity words after the head (value-dependent exemption). */
const QUANTITY_TAIL = new Set([
  'ttl', 'expire', 'expires', 'expiry', 'expiration', 'exp', 'length', 'len', 'size', 'timeout', 'lifetime', 'age',
  'duration', 'seconds', 'secs', 'sec', 'minutes', 'mins', 'min', 'hours', 'hrs', 'days', 'weeks', 'ms', 'millis',
  'count', 'limit', 'limits', 'max', 'num', 'number', 'retries', 'rounds', 'iterations', 'bits', 'interval',
  'period', 'delay', 'cost', 'validity', 'window', 'threshold', 'capacity', 'rate', 'attempts', 'budget', 'quota',
  'in',
]);
/** Quantity words anywhere (`MAX_TOKENS`, `MIN_PASSWORD_LENGTH`). */
const QUANTITY_ANY = new Set(['max', 'min', 'num', 'number', 'count', 'total']);
/** Words anywhere that make the name public or a toggle. */
const ANY_EXEMPT = new Set([
  'public', 'publishable', 'pub', 'allow', 'allowed', 'allows', 'require', 'requires', 'required', 'skip', 'enable',
  'enabled', 'disable', 'disabled', 'use', 'generate', 'without', 'ignore', 'empty',
]);
const GPG_WORDS = new Set(['gpg', 'pgp', 'gnupg', 'gpgkey', 'gpgkeys']);
const WHOLE_NAME_EXEMPT = new Set(['PWD', 'OLDPWD']);

export type NameStrength = 'strong' | 'key' | 'none';
export type NameExemption = 'static' | 'id' | 'digest' | 'quantity' | 'gpg' | 'fingerprint' | 'allow';

export interface NameAnalysis {
  words: string[];
  /** 'strong': a deny word; 'key': a generic `*_KEY` that needs a high-entropy value. */
  strength: NameStrength;
  /** The deny word / suffix that matched (`password`, `api_key`, `_TOKEN`). */
  word?: string;
  /** Why a secret-like name is exempt; 'id'/'digest'/'quantity'/'gpg' depend on the value. */
  exemption?: NameExemption;
  /** The word that triggered the exemption. */
  exemptWord?: string;
}

interface Head {
  index: number;
  word: string;
  strength: 'strong' | 'key';
}

function wordDeny(w: string, i: number, words: readonly string[], extra: readonly string[]): Head | null {
  const last = i === words.length - 1;
  if (KEY_WORDS.has(w)) {
    const prev = words[i - 1];
    if (prev !== undefined && KEY_QUALIFIERS.has(prev)) {
      if (!WEAK_QUALIFIERS.has(prev) || words.some((x) => x === 'account' || x === 'storage' || x === 'api' || x === 'ssh' || x === 'deploy'))
        return { index: i, word: `${prev}_${w}`, strength: 'strong' };
    }
    if (last) return { index: i, word: w, strength: 'key' };
    return null;
  }
  if (w.length > 3 && (w.endsWith('key') || w.endsWith('keys'))) {
    const stem = w.endsWith('keys') ? w.slice(0, -4) : w.slice(0, -3);
    if (KEY_QUALIFIERS.has(stem) && !WEAK_QUALIFIERS.has(stem)) return { index: i, word: w, strength: 'strong' };
  }
  if (WHOLE_DENY.has(w)) return { index: i, word: w, strength: 'strong' };
  if (LAST_DENY.has(w)) return last ? { index: i, word: w, strength: 'strong' } : null;
  if (w === 'string' && words[i - 1] === 'connection') return { index: i, word: 'connection_string', strength: 'strong' };
  if (w === 'str' && words[i - 1] === 'conn') return { index: i, word: 'conn_str', strength: 'strong' };
  if (!SUBSTRING_EXCLUDE.test(w)) for (const d of SUBSTRING_DENY) if (w.includes(d)) return { index: i, word: d, strength: 'strong' };
  for (const d of SUFFIX_DENY)
    if (w === d || (w.length > d.length + 1 && w.endsWith(d) && !SUFFIX_EXCLUDE.has(w))) return { index: i, word: d, strength: 'strong' };
  for (const e of extra) {
    if (w === e || (e.length >= 4 && w.endsWith(e))) return { index: i, word: e, strength: 'strong' };
  }
  return null;
}

function extraSequences(extra: readonly string[]): string[][] {
  return extra.map((e) => splitWords(e)).filter((ws) => ws.length > 1);
}

/** Full name analysis, exemptions included (value-dependent ones are flagged, not decided). */
export function analyzeName(name: string, opts?: ClassifyOptions): NameAnalysis {
  const cache = cacheFor(opts);
  const hit = cache.get(name);
  if (hit) return hit;
  const r = analyzeUncached(name, opts);
  if (cache.size > 50_000) cache.clear();
  cache.set(name, r);
  return r;
}

function analyzeUncached(name: string, opts?: ClassifyOptions): NameAnalysis {
  let words = splitWords(name);
  // Trailing numbers do not change what a name is (`PASSWORD2`, `API_KEY_1`).
  while (words.length > 1 && /^[0-9]+$/.test(words[words.length - 1]!)) words = words.slice(0, -1);
  const none: NameAnalysis = { words, strength: 'none' };
  if (words.length === 0) return none;

  let head: Head | null = null;
  if (opts?.suffixes && opts.suffixes.length > 0) {
    const upper = name.toUpperCase();
    for (const s of opts.suffixes) {
      const su = s.toUpperCase();
      if (su && upper.endsWith(su) && upper.length > su.length) {
        const sw = splitWords(s);
        head = { index: Math.max(0, words.length - Math.max(1, sw.length)), word: s, strength: 'strong' };
        break;
      }
    }
  } else {
    const extra = (opts?.extraWords ?? []).map((e) => e.toLowerCase()).filter((e) => e && !/[^a-z0-9]/.test(e));
    // The head is the last strong deny word; a generic `*_KEY` only counts when there is none
    // (`GITLAB_SECRETS_…_PRIMARY_KEY` is strong through `secrets`).
    let generic: Head | null = null;
    for (let i = 0; i < words.length; i++) {
      const h = wordDeny(words[i]!, i, words, extra);
      if (!h) continue;
      if (h.strength === 'strong') head = h;
      else generic = h;
    }
    head ??= generic;
    for (const seq of extraSequences(opts?.extraWords ?? [])) {
      for (let i = 0; i + seq.length <= words.length; i++) {
        if (seq.every((s, k) => words[i + k] === s) && (!head || i + seq.length - 1 >= head.index))
          head = { index: i + seq.length - 1, word: seq.join('_'), strength: 'strong' };
      }
    }
  }
  if (!head) return none;
  const base: NameAnalysis = { words, strength: head.strength, word: head.word };
  const exempt = (exemption: NameExemption, exemptWord?: string): NameAnalysis => ({ ...base, exemption, exemptWord });

  if (WHOLE_NAME_EXEMPT.has(name.toUpperCase()) || isGoVar(name)) return exempt('static', name);
  if (opts?.allowNames && opts.allowNames.length > 0 && allowMatcher(opts.allowNames)(name)) return exempt('allow', name);

  // Words after the head decide what the name describes: the last word from the long list,
  // any later word from the short list (`PASSWORD_PROMPT_STRING`, `TOKEN_FILE_MODE`).
  const lastWord = words[words.length - 1]!;
  if (head.index < words.length - 1 && TAIL_EXEMPT.has(lastWord)) return exempt('static', lastWord);
  for (let i = head.index + 1; i < words.length; i++) {
    const w = words[i]!;
    if (AFTER_EXEMPT.has(w) || w.startsWith('prompt')) return exempt('static', w);
  }
  for (const w of words) if (ANY_EXEMPT.has(w)) return exempt('static', w);
  if (words.includes('random') && head.index === words.length - 1 && /pass|pwd/i.test(head.word)) return exempt('static', 'random');
  for (let i = head.index + 1; i < words.length; i++) if (ID_TAIL.has(words[i]!)) return exempt('id', words[i]);
  for (let i = head.index + 1; i < words.length; i++) if (DIGEST_TAIL.has(words[i]!)) return exempt('digest', words[i]);
  for (let i = head.index + 1; i < words.length; i++)
    if (QUANTITY_TAIL.has(words[i]!) || words[i]!.startsWith('expir')) return exempt('quantity', words[i]);
  for (const w of words) if (QUANTITY_ANY.has(w)) return exempt('quantity', w);
  if (/keys?$/i.test(head.word) && words.some((w) => GPG_WORDS.has(w))) return exempt('gpg', 'gpg');
  // `SWIFT_SIGNING_KEY=<fingerprint>`: a signing key NAME stays secret-like, but a value that
  // is a key fingerprint is not the key.
  if (/^(?:signing|sign|signature|release)_keys?$/.test(head.word)) return exempt('fingerprint', head.word);
  // etcd's `ETCD_INITIAL_CLUSTER_TOKEN` names a cluster; it is not a credential.
  if (head.word === 'token' && words.includes('cluster') && words.includes('initial')) return exempt('static', 'cluster');
  return base;
}

/** Name side only, exemptions applied: value-dependent exemptions count as exempt here, except
 *  'fingerprint' (`SIGNING_KEY` is a secret-like name; only a fingerprint VALUE is exempt). */
export function isSecretName(name: string, opts?: ClassifyOptions): { secret: boolean; word?: string } {
  const a = analyzeName(name, opts);
  if (a.strength === 'strong' && (!a.exemption || a.exemption === 'fingerprint')) return { secret: true, word: a.word };
  return { secret: false };
}

const NO_OPTS: ClassifyOptions = {};
const caches = new WeakMap<ClassifyOptions, Map<string, NameAnalysis>>();
function cacheFor(opts?: ClassifyOptions): Map<string, NameAnalysis> {
  const key = opts ?? NO_OPTS;
  let c = caches.get(key);
  if (!c) {
    c = new Map();
    caches.set(key, c);
  }
  return c;
}

const matchers = new WeakMap<readonly string[], (name: string) => boolean>();
function allowMatcher(patterns: readonly string[]): (name: string) => boolean {
  let m = matchers.get(patterns);
  if (!m) {
    const exact = new Set(patterns.filter((p) => !isGlob(p)).map((p) => p.toLowerCase()));
    const globs = patterns.filter((p) => isGlob(p));
    const globFns = globs.map((g) => globMatcher(g, { nocase: true }));
    m = (name: string) => exact.has(name.toLowerCase()) || globFns.some((f) => f(name));
    matchers.set(patterns, m);
  }
  return m;
}
