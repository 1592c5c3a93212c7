/**
 * Known secret formats, found in any text (ENV values, RUN lines, heredoc bodies, URLs).
 *
 * Speed: every format is one alternative of TWO combined regexes (case-sensitive and
 * case-insensitive), compiled once at module load. A cheap literal prefilter (one alternation
 * of the formats' fixed prefixes) skips the regex pass entirely for text that cannot match,
 * which is most ENV values. Each alternative has its own capture group; a match finds its format by
 * the first defined group (matches are rare, so that loop costs nothing in practice).
 *
 * Decisions (tested in test/classify/scan.test.ts):
 * - Well-formed tokens are secrets even when they contain FAKE/EXAMPLE/DUMMY: test fixtures and
 *   planted evaluation tokens look exactly like that. The only allowlist is the AWS
 *   documentation example key pairs (AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
 *   and AKIAI44QH8DHBEXAMPLE / je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY).
 * - A token whose random part is one repeated character (`ghp_xxxx…`, `AIzaSyXXXX…`) is a
 *   placeholder, not a secret.
 * - Stripe test keys (`sk_test_`, `rk_test_`) are still credentials: reported like live keys.
 *   Publishable keys (`pk_…`) are public and not reported.
 * - URL userinfo: `scheme://user:pass@host` is a secret; `user:${PASS}@`, `user:$PASS@`,
 *   `user:%PASS%@`, `user:{{ x }}@`, placeholder passwords (`<pass>`, `***`, `xxx`, `changeme`)
 *   and image digests (`name:tag@sha256:…`) are not; `user@host` has no password.
 * - Command-line options (`curl -u`, `--password x`, `mysql -px`, `docker login -p`, `.npmrc`
 *   `_authToken=`) live in ./commands.ts (scanCommand), which calls scanText first.
 */
import type { TokenMatch } from './types';
import { dominantCharRatio, isHighEntropy, isPathLike, isPlaceholder, literalText } from './values';
import { escapeRe } from '../util/escape-re';

interface Format {
  type: string;
  /** Regex source; use only non-capturing groups except an optional single group `(…)` that
   *  holds the secret part (declared by `inner`). */
  re: string;
  ci?: boolean;
  inner?: boolean;
  /** Extra check on the secret text (and the whole match). */
  ok?: (secret: string, whole: string) => boolean;
  /** Literal strings one of which must occur in the text (case-insensitively when `ci`). */
  hints: string[];
}

const B = '(?<![A-Za-z0-9_])'; // left boundary
const E = '(?![A-Za-z0-9_])'; // right boundary

/** Rejects `ghp_xxxxxxxx…`: the random part must not be dominated by one character. */
const varied =
  (prefixLen: number) =>
  (s: string): boolean => {
    const body = s.slice(prefixLen);
    return body.length > 0 && dominantCharRatio(body) <= 0.5 && new Set(body).size >= 3;
  };

const AWS_EXAMPLES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
]);

/** True for the AWS documentation example keys (the only allowlisted well-formed values). */
export function isAwsDocExample(s: string): boolean {
  return AWS_EXAMPLES.has(s);
}

/** A literal (non-reference, non-placeholder) password in a URL / flag. */
function literalSecret(s: string): boolean {
  const lit = literalText(s);
  return lit.length > 0 && lit === s && !isPlaceholder(s) && !isPathLike(s);
}

export const FORMATS: readonly Format[] = [
  {
    type: 'PEM private key',
    re: '-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:[\\s\\S]{0,20000}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)?',
    hints: ['PRIVATE KEY'],
  },
  {
    type: 'AWS access key id',
    re: `${B}(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${E}`,
    ok: (s) => !AWS_EXAMPLES.has(s) && varied(4)(s),
    hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
  },
  {
    type: 'GitHub token',
    re: `${B}gh[pousr]_[A-Za-z0-9]{36,255}${E}`,
    ok: varied(4),
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  },
  {
    type: 'GitHub fine-grained personal access token',
    re: `${B}github_pat_[A-Za-z0-9_]{50,255}${E}`,
    ok: varied(11),
    hints: ['github_pat_'],
  },
  {
    type: 'GitLab token',
    re: `${B}gl(?:pat|ptt|dt|rt|cbt|oas|ft|imt|soat|agent)-[A-Za-z0-9_-]{20,}`,
    ok: (s) => varied(s.indexOf('-') + 1)(s),
    hints: ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glcbt-', 'gloas-', 'glft-', 'glimt-', 'glsoat-', 'glagent-'],
  },
  {
    type: 'Slack token',
    re: `${B}(?:xox[abposre]|xapp)-[0-9A-Za-z-]{10,}`,
    ok: varied(5),
    hints: ['xox', 'xapp-'],
  },
  {
    type: 'Slack webhook URL',
    re: 'https?://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}',
    hints: ['hooks.slack.com'],
  },
  {
    type: 'Discord webhook URL',
    re: 'https?://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d+/[A-Za-z0-9_-]{30,}',
    hints: ['discord'],
  },
  {
    type: 'Stripe secret key',
    re: `${B}(?:sk|rk)_(?:live|test|prod)_[0-9A-Za-z]{10,99}${E}`,
    ok: (s) => varied(s.indexOf('_', 3) + 1)(s),
    hints: ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_'],
  },
  {
    type: 'Stripe webhook secret',
    re: `${B}whsec_[A-Za-z0-9]{24,}${E}`,
    ok: varied(6),
    hints: ['whsec_'],
  },
  {
    type: 'npm access token',
    re: `${B}npm_[A-Za-z0-9]{36}${E}`,
    ok: varied(4),
    hints: ['npm_'],
  },
  {
    type: 'PyPI API token',
    re: `${B}pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{40,}`,
    hints: ['pypi-'],
  },
  {
    type: 'Docker Hub access token',
    re: `${B}dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}`,
    ok: varied(9),
    hints: ['dckr_'],
  },
  {
    type: 'Google API key',
    re: `${B}AIza[0-9A-Za-z_-]{35}${E}`,
    ok: varied(6),
    hints: ['AIza'],
  },
  {
    type: 'Anthropic API key',
    re: `${B}sk-ant-(?:api|admin|sid)\\d{2}-[A-Za-z0-9_-]{32,}`,
    ok: varied(14),
    hints: ['sk-ant-'],
  },
  {
    type: 'OpenAI API key',
    re: `${B}sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{32,}`,
    ok: (s) => !s.startsWith('sk-ant-') && /[0-9]/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s.slice(3)) && varied(3)(s),
    hints: ['sk-'],
  },
  {
    type: 'SendGrid API key',
    re: `${B}SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{30,50}${E}`,
    ok: varied(3),
    hints: ['SG.'],
  },
  {
    type: 'JSON Web Token',
    re: `${B}eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*`,
    hints: ['eyJ'],
  },
  {
    type: 'Hugging Face token',
    re: `${B}hf_[A-Za-z]{34,40}${E}`,
    ok: (s) => varied(3)(s) && /[A-Z]/.test(s) && /[a-z]/.test(s.slice(3)),
    hints: ['hf_'],
  },
  {
    type: 'HashiCorp Vault token',
    re: `${B}hv[sbr]\\.[A-Za-z0-9_-]{24,}`,
    ok: varied(4),
    hints: ['hvs.', 'hvb.', 'hvr.'],
  },
  {
    type: 'DigitalOcean token',
    re: `${B}do[por]_v1_[a-f0-9]{64}${E}`,
    hints: ['_v1_'],
  },
  {
    type: 'Shopify token',
    re: `${B}shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}${E}`,
    hints: ['shp'],
  },
  {
    type: 'Grafana token',
    re: `${B}(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})`,
    ok: varied(4),
    hints: ['glsa_', 'glc_'],
  },
  {
    type: 'Tailscale key',
    re: `${B}tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9-]{16,}`,
    ok: varied(11),
    hints: ['tskey-'],
  },
  {
    type: 'Sentry auth token',
    re: `${B}(?:sntrys_eyJ[A-Za-z0-9+/=_-]{30,}|sntryu_[a-f0-9]{64})`,
    hints: ['sntry'],
  },
  {
    type: 'Databricks token',
    re: `${B}dapi[a-f0-9]{32}(?:-\\d)?${E}`,
    ok: varied(4),
    hints: ['dapi'],
  },
  {
    type: 'Postman API key',
    re: `${B}PMAK-[a-f0-9]{24}-[a-f0-9]{34}${E}`,
    hints: ['PMAK-'],
  },
  {
    type: 'New Relic key',
    re: `${B}NR(?:AK|II|JS)-[A-Za-z0-9]{27}${E}`,
    ok: varied(5),
    hints: ['NRAK-', 'NRII-', 'NRJS-'],
  },
  {
    type: 'Age secret key',
    re: `${B}AGE-SECRET-KEY-1[0-9A-Z]{58}${E}`,
    hints: ['AGE-SECRET-KEY-'],
  },
  {
    type: 'Pulumi access token',
    re: `${B}pul-[a-f0-9]{40}${E}`,
    ok: varied(4),
    hints: ['pul-'],
  },
  {
    type: 'Terraform Cloud token',
    re: `${B}[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,}`,
    hints: ['.atlasv1.'],
  },
  {
    type: 'Groq API key',
    re: `${B}gsk_[A-Za-z0-9]{48,}${E}`,
    ok: varied(4),
    hints: ['gsk_'],
  },
  {
    type: 'Mailgun API key',
    re: `${B}key-[a-f0-9]{32}${E}`,
    ok: varied(4),
    hints: ['key-'],
  },
  // ---- case-insensitive formats ----
  {
    type: 'Azure storage/service bus key',
    re: '(?:AccountKey|SharedAccessKey)\\s*=\\s*([A-Za-z0-9+/]{20,}={0,2})',
    ci: true,
    inner: true,
    hints: ['accountkey', 'sharedaccesskey'],
  },
  {
    type: 'Password in URL',
    re: `${B}[a-z][a-z0-9+.-]{1,30}://[^\\s/:@'"<>]{0,256}:([^\\s/@'"<>]{1,256})@(?!sha\\d+:)[^\\s/@'"<>]`,
    ci: true,
    inner: true,
    ok: literalSecret,
    hints: ['://'],
  },
  {
    type: 'Token in URL',
    re: `${B}[a-z][a-z0-9+.-]{1,30}://([A-Za-z0-9_-]{20,256})@(?!sha\\d+:)[^\\s/@'"<>:]+`,
    ci: true,
    inner: true,
    ok: (secret, whole) => isHighEntropy(secret) && !/sentry/i.test(whole),
    hints: ['://'],
  },
  {
    type: 'Password in URL query',
    re: `[?&;](?:password|passwd|pwd|pass)=([^&\\s"'$%{<>;]{1,256})`,
    ci: true,
    inner: true,
    ok: literalSecret,
    hints: ['password=', 'passwd=', 'pwd=', 'pass='],
  },
  {
    type: 'docker login password',
    re: `${B}(?:echo|printf)\\s+["']?([^\\s"'$|]{1,256})["']?\\s*\\|\\s*(?:sudo\\s+)?(?:docker|podman|buildah|skopeo|helm|oras|crane)\\s+(?:registry\\s+)?login${E}[^|;&\\n]{0,300}--password-stdin`,
    ci: true,
    inner: true,
    ok: literalSecret,
    hints: ['login'],
  },
  {
    type: 'Password in DSN',
    re: `${B}[^\\s:@/'"()=]{1,64}:([^\\s@/'"()]{1,256})@(?:tcp|unix|udp)\\(`,
    ci: true,
    inner: true,
    ok: literalSecret,
    hints: ['@tcp(', '@unix(', '@udp('],
  },
  {
    type: 'Connection string password',
    re: `(?:server|host|data source|address|addr|user id|uid|username|user|database|initial catalog)\\s*=[^;"'\\n]{0,512};(?:[^;"'\\n]{0,512};){0,12}?\\s*(?:password|pwd)\\s*=\\s*([^;"'\\s]{1,256})`,
    ci: true,
    inner: true,
    ok: literalSecret,
    hints: ['password', 'pwd'],
  },
  {
    type: 'Docker registry auth',
    re: `"auth"\\s*:\\s*"([A-Za-z0-9+/]{12,}={0,2})"`,
    ci: true,
    inner: true,
    hints: ['"auth"'],
  },
  {
    type: 'netrc password',
    re: `${B}machine\\s+\\S+\\s+login\\s+\\S+\\s+password\\s+([^\\s"'$]+)`,
    ci: true,
    inner: true,
    ok: literalSecret,
    hints: ['machine'],
  },
];

interface Compiled {
  re: RegExp;
  /** For each format: [group index of the whole alternative, group index of the secret]. */
  groups: { fmt: Format; whole: number; secret: number }[];
  /** One precompiled alternation of the literal hints: a match is required before the real pass. */
  hint: RegExp;
}

function groupCount(src: string): number {
  return new RegExp(`${src}|`).exec('')!.length - 1;
}

function compile(formats: readonly Format[], ci: boolean): Compiled {
  const groups: Compiled['groups'] = [];
  let idx = 1;
  const parts: string[] = [];
  for (const fmt of formats) {
    const n = groupCount(fmt.re);
    if (n !== (fmt.inner ? 1 : 0)) throw new Error(`token format ${fmt.type}: expected ${fmt.inner ? 1 : 0} groups, got ${n}`);
    groups.push({ fmt, whole: idx, secret: fmt.inner ? idx + 1 : idx });
    idx += 1 + n;
    parts.push(`(${fmt.re})`);
  }
  const hints = [...new Set(formats.flatMap((f) => f.hints))].map(escapeRe);
  return { re: new RegExp(parts.join('|'), ci ? 'gi' : 'g'), groups, hint: new RegExp(hints.join('|'), ci ? 'i' : '') };
}

const CS = compile(
  FORMATS.filter((f) => !f.ci),
  false,
);
const CI = compile(
  FORMATS.filter((f) => f.ci),
  true,
);

function run(c: Compiled, text: string, out: TokenMatch[]): void {
  if (!c.hint.test(text)) return;
  const re = c.re;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let accepted = false;
    for (const g of c.groups) {
      const whole = m[g.whole];
      if (whole === undefined) continue;
      const secret = m[g.secret] ?? whole;
      if (!g.fmt.ok || g.fmt.ok(secret, whole)) {
        const start = m.index + (g.secret === g.whole ? 0 : whole.lastIndexOf(secret));
        out.push({ type: g.fmt.type, start, end: start + secret.length, text: secret });
        accepted = true;
      }
      break;
    }
    // A rejected match (placeholder body, reference password) may hide one that starts inside it.
    if (!accepted) re.lastIndex = m.index + 1;
  }
}

/** Known secret formats in `text`, ordered by position, non-overlapping (earliest, then longest, wins). */
export function scanText(text: string): TokenMatch[] {
  if (text.length < 8) return [];
  const found: TokenMatch[] = [];
  run(CS, text, found);
  run(CI, text, found);
  if (found.length <= 1) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TokenMatch[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    out.push(f);
    lastEnd = f.end;
  }
  return out;
}
