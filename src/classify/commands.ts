/**
 * Credentials written on a command line: `curl -u user:pass`, `--password pass`, `mysql -psecret`,
 * `sshpass -p pass`, `Authorization: Bearer …` headers, npm `_authToken=…`. Values that are only
 * references (`$TOKEN`, `${TOKEN}`, `$(cat /run/secrets/x)`) are not literals and are skipped.
 * Known token formats anywhere in the text come from scanText().
 */
import type { TokenMatch } from './types';
import { scanText, valueKind } from './index';

interface CommandPattern {
  type: string;
  re: RegExp;
  /** Index of the capture group holding the secret. */
  group: number;
}

const Q = `["']?`;
const PATTERNS: CommandPattern[] = [
  // curl/wget style basic auth: -u user:pass, --user=user:pass, --proxy-user user:pass
  { type: 'password in a --user option', re: new RegExp(`(?:^|\\s)(?:-u|--user|--proxy-user|--http-user)(?:=|\\s+)${Q}[^\\s"':]*:([^\\s"']+)`, 'g'), group: 1 },
  // --password literal / --password=literal / --http-password / --token / --api-key / --secret
  { type: 'credential option', re: new RegExp(`(?:^|\\s)--(?:password|passwd|http-password|proxy-password|token|auth-token|api-key|apikey|access-token|secret|client-secret)(?:=|\\s+)${Q}([^\\s"']+)`, 'gi'), group: 1 },
  // docker/podman/helm login -p literal
  { type: 'password option', re: new RegExp(`(?:docker|podman|buildah|skopeo|helm|oras|crane)\\s+(?:\\S+\\s+)*?login\\b[^\\n]*?\\s-p(?:=|\\s+)${Q}([^\\s"']+)`, 'g'), group: 1 },
  // mysql -psecret (glued form only; `-p` alone prompts)
  { type: 'MySQL password option', re: /(?:^|\s)(?:mysql|mysqladmin|mysqldump|mariadb|mariadb-admin|mariadb-dump)\b[^\n|;&]*?\s-p([^\s"'-][^\s"']*)/g, group: 1 },
  // sshpass -p literal
  { type: 'sshpass password', re: new RegExp(`sshpass\\s+-p\\s*${Q}([^\\s"']+)`, 'g'), group: 1 },
  // HTTP auth headers
  { type: 'authorization header', re: /(?:Authorization:\s*(?:Bearer|Basic|token|Token)|PRIVATE-TOKEN:|X-API-Key:|X-Auth-Token:|Api-Key:)\s*([^\s"']+)/gi, group: 1 },
  // npm / yarn registry auth written to .npmrc
  { type: 'npm auth token', re: /(?:_authToken|_auth|_password)\s*=\s*["']?([^\s"']+)/g, group: 1 },
];

function isLiteralSecret(value: string): boolean {
  if (value.length < 3 || /^[$`%]|\$[({]/.test(value)) return false;
  const k = valueKind(value);
  return k === 'literal';
}

/** Literal credentials in one command line (or heredoc line); offsets are into `text`. */
export function scanCommand(text: string): TokenMatch[] {
  const out: TokenMatch[] = [...scanText(text)];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const secret = m[p.group];
      if (!secret || !isLiteralSecret(secret)) continue;
      const start = m.index + m[0].lastIndexOf(secret);
      const end = start + secret.length;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      out.push({ type: p.type, start, end, text: secret });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
