/**
 * The one classifier: what a name/value pair is. Used by every secret lint rule and by the
 * runtime env-minimizer; neither keeps private patterns.
 *
 * Decision order for `classify(name, value)`:
 * 1. Value formats (src/classify/tokens.ts) on any non-empty, non-placeholder value: a known
 *    token, a URL with a password, an AWS secret key under an `aws…secret` name → secret,
 *    reason 'value' (wins over the name).
 * 2. Only a literal value (not empty, not only references, not a placeholder) can be a
 *    secret by name. `${VAR:-lit}` counts: its default is the literal (and the secretText).
 * 3. Name side (src/classify/names.ts) with value-dependent exemptions:
 *    - strong deny word → secret unless the value is clearly a path (`/run/secrets/x`), a
 *      URL or `Key=v;…` connection string (their embedded credentials are value formats), a
 *      credentials-file name (`kafka_ssl_key_creds`), or, outside password names, an auth
 *      scheme keyword (`REGISTRY_AUTH=htpasswd`). `dsn`/`connection string` names are secret
 *      only through value formats. Low-entropy values count: `POSTGRES_PASSWORD=postgres`
 *      is a hardcoded credential.
 *    - generic `*_KEY` (no qualifier) → secret only for a high-entropy value that is not a
 *      key fingerprint.
 *    - `*_ID` → never by name; digest tails → unless the value is a digest; quantities →
 *      unless high-entropy; GPG keys → unless fingerprints / low entropy.
 */
import { scanAssignments as scanAssignmentsWith, type AssignmentMatch } from './assignments';
import { isGoVar } from '../go/env';
import { analyzeName, splitWords } from './names';
import { isAwsDocExample, scanText } from './tokens';
import type { Classification, ClassifyOptions, TokenMatch } from './types';
import {
  isDigestLike,
  isFingerprintList,
  isHighEntropy,
  isPathLike,
  isPlainUrl,
  kindOf,
  literalParts,
  literalText,
} from './values';

export type { Classification, ClassifyOptions, TokenMatch, ValueKind } from './types';
export { DEFAULT_RUNTIME_SUFFIXES, isSecretName, splitWords, analyzeName } from './names';
export { literalParts, literalText, valueKind, isPlaceholder, shannon, isHighEntropy } from './values';
export { scanText } from './tokens';
export type { AssignmentMatch } from './assignments';
export { mask } from './mask';
export { isGoVar } from '../go/env';

/** Values that name an auth scheme rather than hold a credential (`REGISTRY_AUTH=htpasswd`,
 *  `KAFKA_SSL_CLIENT_AUTH=requested`, `ACCESS_TOKEN=jwt`); not used for password names. */
const AUTH_SCHEMES = new Set([
  'basic', 'bearer', 'digest', 'htpasswd', 'token', 'oauth', 'oauth2', 'oidc', 'ldap', 'saml', 'jwt', 'kerberos',
  'ntlm', 'password', 'apikey', 'api_key', 'api-key', 'internal', 'local', 'native', 'plain', 'md5', 'trust',
  'scram-sha-256', 'cert', 'iam', 'keycloak', 'github', 'gitlab', 'google', 'header', 'session', 'cookie', 'form',
  'mtls', 'tls', 'x509', 'sasl', 'hmac', 'sigv4', 'aws', 'azure', 'gcp', 'netrc', 'anonymous', 'noauth', 'disabled',
  'required', 'optional', 'builtin', 'db', 'database', 'file', 'proxy', 'remote', 'external', 'pam', 'radius',
  'requested', 'want', 'need', 'none', 'opaque', 'refresh', 'access', 'id_token', 'client_credentials',
]);

/**
 * Identifiers that are public by design, shown to every browser or client: Stripe publishable keys,
 * PostHog project keys, Google OAuth client ids. Not secrets under any name.
 */
const PUBLIC_BY_DESIGN = /^(?:pk_(?:live|test)_[0-9A-Za-z]{10,}|phc_[0-9A-Za-z]{20,}|\d+-[0-9a-z]+\.apps\.googleusercontent\.com)$/;

/**
 * Names of public identifiers: a Pusher app key (its secret is PUSHER_APP_SECRET), and the access
 * key *id* of S3-style storage (`MINIO_ACCESS_KEY=cortex` is MinIO's root user; the secret half is
 * `…_SECRET_KEY`). A secret-shaped value under them is still reported (value formats).
 */
function publicIdName(words: readonly string[]): boolean {
  if (words.includes('secret')) return false;
  if (words.includes('pusher') && words.includes('key')) return true;
  const storage = ['aws', 'minio', 's3', 'spaces', 'r2', 'b2', 'gcs', 'storage', 'bucket', 'wasabi', 'oss', 'do'];
  const i = words.indexOf('access');
  return i >= 0 && words[i + 1] === 'key' && (i === 0 || words.some((w) => storage.includes(w)));
}

/** Credentials their vendors publish for local emulators: known to everyone, valid nowhere real. */
const PUBLISHED_KEYS: readonly (readonly [label: string, key: string])[] = [
  ['Azurite emulator account key (devstoreaccount1)', 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='],
];

/** A query parameter that carries a credential (`?token=…`, `&sig=…`). */
const CREDENTIAL_QUERY = /[?&](?:[a-z_]*token|[a-z_]*key|secret|sig|signature|password|pass|pwd|auth|code)=[^&$%{\s]/i;

const URL_VALUE = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
/** `Key=value;Key=value` (ADO.NET / ODBC / JDBC-style) connection strings. */
const CONN_STRING_VALUE = /^\s*[A-Za-z][A-Za-z ]*=[^;]*(?:;\s*[A-Za-z][A-Za-z ]*=[^;]*)+;?\s*$/;
/** Names whose value is a secret only when it embeds a credential (checked by value formats). */
const VALUE_ONLY_WORDS = new Set(['dsn', 'connection_string', 'conn_str', 'connstr', 'connectionstring']);
const CREDS_FILE_NAME = /^[a-z0-9]+(?:[_-][a-z0-9]+)*[_-](?:creds|credentials)$/;

const AWS_SECRET_VALUE = /^[A-Za-z0-9/+]{40}$/;

/** `AWS_SECRET_ACCESS_KEY`, `aws_secret_key`, `SECRET_ACCESS_KEY`, also a secret-shaped value
 *  misplaced under `AWS_ACCESS_KEY_ID`. */
function awsSecretName(words: readonly string[]): boolean {
  const joined = words.join('');
  return (words.includes('aws') && (joined.includes('secret') || joined.includes('key'))) || joined.includes('secretaccesskey');
}

function valueFormat(name: string, value: string): TokenMatch | null {
  const found = scanText(value);
  if (found.length > 0) return found[0]!;
  const lit = literalText(value).trim();
  if (AWS_SECRET_VALUE.test(lit) && !isAwsDocExample(lit) && /[a-z]/.test(lit) && /[A-Z]/.test(lit) && awsSecretName(splitWords(name)) && isHighEntropy(lit)) {
    const start = value.indexOf(lit);
    return { type: 'AWS secret access key', start, end: start + lit.length, text: lit };
  }
  return null;
}

/** Classifies one name/value pair (see the decision order above). O(length), no regex compilation. */
export function classify(name: string, value: string | null, opts?: ClassifyOptions): Classification {
  const parts = literalParts(value);
  const vk = kindOf(value, parts);
  const a = analyzeName(name, opts);
  const nameSecret = a.strength === 'strong' && (!a.exemption || a.exemption === 'fingerprint');
  const res: Classification = { secret: false, reason: null, secretName: nameSecret, valueKind: vk, goVar: isGoVar(name) };
  if (nameSecret && a.word) res.nameWord = a.word;

  if (value !== null && (vk === 'literal' || vk === 'reference')) {
    const f = valueFormat(name, value);
    if (f) {
      const published = PUBLISHED_KEYS.find(([, key]) => value.includes(key))?.[0];
      return { ...res, secret: true, reason: 'value', tokenType: f.type, secretText: f.text, ...(published ? { published } : {}) };
    }
  }
  if (vk !== 'literal' || value === null || a.strength === 'none') return res;

  const lit = parts.join('').trim();
  const secretText = parts.length === 1 ? parts[0]!.trim() : value;
  const bySecretName = (word: string | undefined): Classification => ({ ...res, secret: true, reason: 'name', nameWord: word, secretText });

  // The AWS documentation example keys are not secrets under any name; public identifiers neither.
  if (isAwsDocExample(lit) || PUBLIC_BY_DESIGN.test(lit) || publicIdName(splitWords(name))) return res;
  // Value-dependent exemptions.
  switch (a.exemption) {
    case 'static':
    case 'allow':
    case 'id':
      return res;
    case 'quantity':
      return isHighEntropy(lit) ? bySecretName(a.word) : res;
    case 'gpg':
      return isHighEntropy(lit) && !isFingerprintList(lit) ? bySecretName(a.word) : res;
    case 'digest':
      // `$2y$10$…` crypt hashes look like `$VAR` references to the literal parser: test the raw value too.
      if (isDigestLike(lit) || isDigestLike(value) || isFingerprintList(lit)) return res;
      break;
    case 'fingerprint':
      if (isFingerprintList(lit)) return res;
      break;
    default:
      break;
  }
  if (isPathLike(lit)) return res;
  if (a.strength === 'key') {
    return isHighEntropy(lit) && !isFingerprintList(lit) && !isPlainUrl(lit) ? bySecretName(a.word) : res;
  }
  // Strong deny word. URLs and connection strings carry their credential in a recognisable
  // place (userinfo, `Password=`, `?token=`), which step 1 already checked: a URL or
  // connection string without one is not a secret, and neither is a DSN without one.
  if (URL_VALUE.test(lit) && !CREDENTIAL_QUERY.test(lit)) return res;
  if (CONN_STRING_VALUE.test(lit)) return res;
  if (a.word !== undefined && VALUE_ONLY_WORDS.has(a.word)) return res;
  if (a.word !== 'password' && a.word !== 'passwd' && a.word !== 'pass' && AUTH_SCHEMES.has(lit.toLowerCase())) return res;
  // Confluent images name credential FILES: `KAFKA_SSL_KEY_CREDENTIALS=kafka_ssl_key_creds`.
  if (CREDS_FILE_NAME.test(lit)) return res;
  return bySecretName(a.word);
}

/** Secret-named literal assignments in free text (`export DB_PASSWORD=x` in RUN lines, `KEY=v`,
 *  `key: v`, `"key": "v"` in heredoc bodies), judged by `classify` with the same options.
 *  Known token formats are not repeated here: use `scanText` for those. */
export function scanAssignments(text: string, opts?: ClassifyOptions): AssignmentMatch[] {
  return scanAssignmentsWith(text, classify, opts);
}
