/**
 * Credentials written on a command line: `curl -u user:pass`, `--password pass`, `mysql -psecret`,
 * `sshpass -p pass`, `Authorization: Bearer …` headers, npm `_authToken=…`, `redis-server
 * --requirepass pass`, and, read word by word (./../text/shell), the programs that take a password
 * as an argument:
 * - `echo user:pass | chpasswd` (also `printf`, `chpasswd <<< user:pass`): the text after the
 *   first `:`;
 * - `htpasswd -b[c…] file user pass` / `htpasswd -nb user pass`: the password operand;
 * - `useradd` / `usermod` `-p <hash-or-pass>` / `--password <…>`;
 * - `redis-cli` (`valkey-cli`, `keydb-cli`) `-a <pass>` / `--pass <pass>`;
 * - `nuget sources add|update … -Password <pass>` (or `-p`), `dotnet nuget add|update source …
 *   -p|--password <pass>`;
 * - `msiexec … KEY=value`: any property whose name `classify` judges secret-named.
 * Values that are only references (`$TOKEN`, `${TOKEN}`, `$(cat /run/secrets/x)`, `%TOKEN%`),
 * placeholders (`changeme`) and file paths are not literals and are skipped; a single-quoted
 * word is literal as written (`'$6$salt$hash'`). Known token formats anywhere in the text (a URL
 * with a password, as in `git clone https://user:token@host/…`) come from scanText().
 */
import type { ClassifyOptions, TokenMatch } from './types';
import { classify, isPlaceholder, scanText, valueKind } from './index';
import { isPathLike } from './values';
import { simpleCommands, type SimpleCommand, type Word } from '../text/shell';

interface CommandPattern {
  type: string;
  re: RegExp;
  /** Index of the capture group holding the secret. */
  group: number;
}

const Q = `["']?`;
const PATTERNS: CommandPattern[] = [
  // curl/wget style basic auth: -u user:pass, --user=user:pass, --proxy-user user:pass (not the
  // `:-` of `-u "${USERS:-10}"`)
  { type: 'password in a --user option', re: new RegExp(`(?:^|\\s)(?:-u|--user|--proxy-user|--http-user)(?:=|\\s+)${Q}[^\\s"':{]*:([^\\s"']+)`, 'g'), group: 1 },
  // --password literal / --password=literal / --http-password / --token / --api-key / --secret /
  // redis-server --requirepass / --masterauth
  { type: 'credential option', re: new RegExp(`(?:^|\\s)--(?:password|passwd|http-password|proxy-password|token|auth-token|api-key|apikey|access-token|secret|client-secret|requirepass|masterauth)(?:=|\\s+)${Q}([^\\s"']+)`, 'gi'), group: 1 },
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
  if (isPathLike(value)) return false; // `--password /run/secrets/db`, `--password-file`-style paths
  const k = valueKind(value);
  return k === 'literal';
}

/** Literal credentials in one command line (or heredoc line); offsets are into `text`. The
 *  classifier options (extra secret words, allowed names) judge `msiexec` property names. An
 *  exec-form list written in the text (`RUN ["sh", "-c", "…"]`, `test: ["CMD", "redis-cli", …]`)
 *  is also read as its arguments joined. */
export function scanCommand(text: string, opts?: ClassifyOptions): TokenMatch[] {
  const out: TokenMatch[] = [...scanText(text)];
  const add = (m: TokenMatch) => {
    if (!out.some((o) => m.start < o.end && m.end > o.start)) out.push(m);
  };
  const unlisted = listsAsWords(text);
  for (const t of unlisted === null ? [text] : [text, unlisted]) {
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(t); m; m = p.re.exec(t)) {
        const secret = m[p.group];
        if (!secret || !isLiteralSecret(secret)) continue;
        const start = m.index + m[0].lastIndexOf(secret);
        add({ type: p.type, start, end: start + secret.length, text: secret });
      }
    }
    if (PROGRAM_HINT.test(t)) for (const m of programArguments(t, opts)) add(m);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A list of quoted strings: JSON (`["a", "b"]`) or a YAML flow sequence (`['a', 'b']`). */
const STRING_LIST = /\[[ \t]*(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*')(?:[ \t]*,[ \t]*(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'))*[ \t]*,?[ \t]*\]/g;
const LIST_PARTS = /"((?:[^"\\]|\\.)*)"|'([^']*)'|[[\],]/g;

/** The text with each list of quoted strings turned into its items separated by blanks (the
 *  brackets, commas and quotes become spaces, so offsets stay); null when there is none. */
function listsAsWords(text: string): string | null {
  if (!text.includes('[')) return null;
  let changed = false;
  const out = text.replace(STRING_LIST, (list) => {
    changed = true;
    return list.replace(LIST_PARTS, (m, d: string | undefined, q: string | undefined) => (d ?? q) !== undefined ? ` ${d ?? q} ` : ' ');
  });
  return changed ? out : null;
}

// ---------------------------------------------------------------------------------------------
// Programs that take a password as an argument, read word by word.

/** One of the programs below is named in the text (skips the tokenizer for every other line). */
const PROGRAM_HINT = /chpasswd|htpasswd|useradd|usermod|redis-cli|valkey-cli|keydb-cli|nuget|msiexec/i;

/** The program a word names: its file name, lower-case, without `.exe` (`C:\x\nuget.exe` → `nuget`). */
function programOf(w: Word): string {
  const raw = w.raw.replace(/^["']|["']$/g, '');
  return (raw.split(/[\\/]/).pop() ?? '').toLowerCase().replace(/\.exe$/, '');
}

/**
 * The secret a word (or the part of its value starting at `from`) holds, with its position in
 * the text; null when the part is a reference, a placeholder, a path, too short, or cannot be
 * mapped back to the source exactly.
 */
function secretIn(w: Word, type: string, from = 0, trim = ''): TokenMatch | null {
  const single = w.raw.length >= 2 && w.raw.startsWith("'") && w.raw.endsWith("'");
  let value = (single ? w.raw.slice(1, -1) : w.value).slice(from);
  if (trim && value.endsWith(trim)) value = value.slice(0, -trim.length);
  if (single) {
    if (value.length < 3 || isPlaceholder(value) || isPathLike(value)) return null;
  } else if (!isLiteralSecret(value)) return null;
  const at = w.raw.lastIndexOf(value);
  if (at < 0) return null;
  return { type, start: w.start + at, end: w.start + at + value.length, text: value };
}

/** The word after option `names` (`-p x`, `--password x`) or glued to it by `=` (`--password=x`). */
function optionValues(args: readonly Word[], names: readonly string[], type: string, ci = false): TokenMatch[] {
  const out: TokenMatch[] = [];
  const norm = (s: string) => (ci ? s.toLowerCase() : s);
  for (let i = 0; i < args.length; i++) {
    const v = norm(args[i]!.value);
    const eq = names.find((n) => n.startsWith('--') && v.startsWith(`${norm(n)}=`));
    if (eq) {
      const m = secretIn(args[i]!, type, eq.length + 1);
      if (m) out.push(m);
    } else if (names.some((n) => norm(n) === v) && args[i + 1]) {
      const m = secretIn(args[i + 1]!, type);
      if (m) out.push(m);
      i++;
    }
  }
  return out;
}

/** `htpasswd -b file user pass`, `htpasswd -nb user pass` (`-C cost` and `-r rounds` take a value). */
function htpasswd(args: readonly Word[]): TokenMatch[] {
  let batch = false;
  let stdout = false;
  const operands: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (/^-[A-Za-z0-9]+$/.test(v) && operands.length === 0) {
      if (v.includes('b')) batch = true;
      if (v.includes('n')) stdout = true;
      if (/[Cr]$/.test(v)) i++;
    } else operands.push(args[i]!);
  }
  const pass = batch ? operands[stdout ? 1 : 2] : undefined;
  const m = pass ? secretIn(pass, 'htpasswd password') : null;
  return m ? [m] : [];
}

/** The words after `nuget`: `sources add … -Password x` (nuget.exe), `add source … --password x` (dotnet nuget). */
function nuget(args: readonly Word[]): TokenMatch[] {
  const [a, b] = [args[0]?.value ?? '', args[1]?.value ?? ''];
  const source = (/^sources?$/i.test(a) && /^(?:add|update)$/i.test(b)) || (/^(?:add|update)$/i.test(a) && /^source$/i.test(b));
  return source ? optionValues(args.slice(2), ['-password', '-p', '--password'], 'NuGet source password', true) : [];
}

/** `msiexec /i app.msi PASSWORD=x` (also PowerShell `-ArgumentList '/i', 'app.msi', 'PASSWORD=x'`). */
function msiexec(args: readonly Word[], opts: ClassifyOptions | undefined): TokenMatch[] {
  const out: TokenMatch[] = [];
  for (const w of args) {
    const single = w.raw.length >= 2 && w.raw.startsWith("'") && /',?$/.test(w.raw);
    const value = single ? w.raw.replace(/^'|',?$/g, '') : w.value.replace(/,$/, '');
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)=(.+)$/.exec(value);
    if (!m) continue;
    const c = classify(m[1]!, m[2]!, opts);
    if (!c.secret || !c.secretText) continue;
    const secret = secretIn(w, `value for ${m[1]!}`, m[1]!.length + 1, w.value.endsWith(',') || w.raw.endsWith(',') ? ',' : '');
    if (secret && secret.text.includes(c.secretText)) out.push(secret);
  }
  return out;
}

/** `echo user:pass | chpasswd`, `printf 'user:pass\n' | chpasswd`: the password of the echoed
 *  line (also `sh -c echo user:pass`, an exec form's arguments joined). */
function echoedPassword(prev: SimpleCommand): TokenMatch | null {
  let i = prev.words.length - 1;
  while (i >= 0 && !ECHO.has(programOf(prev.words[i]!))) i--;
  if (i < 0) return null;
  const w = prev.words
    .slice(i + 1)
    .reverse()
    .find((a) => !a.value.startsWith('-') && a.value.includes(':'));
  return w ? pairPassword(w, 0) : null;
}

const ECHO = new Set(['echo', 'printf']);
/** Shells whose `-c` argument is the command (`sh -c "…"`, an exec form's `["sh", "-c", "…"]`). */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** The part of `user:pass` after the first colon (a trailing `\n` of printf/echo -e dropped). */
function pairPassword(w: Word, from: number): TokenMatch | null {
  const single = w.raw.length >= 2 && w.raw.startsWith("'") && w.raw.endsWith("'");
  const value = (single ? w.raw.slice(1, -1) : w.value).slice(from);
  const colon = colonOutsideExpansions(value);
  if (colon < 0) return null;
  return secretIn(w, 'chpasswd password', from + colon + 1, '\\n');
}

/** The first `:` not inside `${…}` / `$(…)` (`${USER:-app}:pass`). */
function colonOutsideExpansions(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && (s[i + 1] === '{' || s[i + 1] === '(')) {
      depth++;
      i++;
    } else if (depth > 0 && (c === '}' || c === ')')) depth--;
    else if (depth === 0 && c === ':') return i;
  }
  return -1;
}

function programArguments(text: string, opts: ClassifyOptions | undefined, depth = 0): TokenMatch[] {
  const out: TokenMatch[] = [];
  const cmds = simpleCommands(text);
  cmds.forEach((c, k) => {
    let head = c.head ? programOf(c.head) : '';
    let args = c.args;
    // `sh -c <command>`: the command is the argument of -c. Quoted (a shell form's `sh -c "…"`),
    // it is a script of its own; unquoted (exec form joined), its words follow.
    if (SHELLS.has(head) && /^-[a-z]*c$/.test(args[0]?.value ?? '') && args[1]) {
      const script = args[1];
      const q = script.raw[0];
      if ((q === '"' || q === "'") && script.raw.length >= 2 && script.raw.endsWith(q)) {
        if (depth < 3) for (const m of programArguments(script.raw.slice(1, -1), opts, depth + 1)) out.push({ ...m, start: m.start + script.start + 1, end: m.end + script.start + 1 });
        return;
      }
      head = programOf(script);
      args = args.slice(2);
    }
    switch (head) {
      case 'chpasswd': {
        // `echo u:p | chpasswd`: the command before it writes into the pipe.
        const prev = cmds[k - 1];
        const piped = prev && /^\s*\|\s*$/.test(text.slice(prev.end, c.start));
        if (piped) {
          const m = echoedPassword(prev);
          if (m) out.push(m);
        }
        // `chpasswd <<< u:p` / `chpasswd <<<'u:p'`
        args.forEach((a, i) => {
          if (a.raw === '<<<' && args[i + 1]) {
            const m = pairPassword(args[i + 1]!, 0);
            if (m) out.push(m);
          } else if (a.raw.startsWith('<<<') && a.raw.length > 3) {
            const inner: Word = { value: a.value.slice(3), raw: a.raw.slice(3), start: a.start + 3, end: a.end };
            const m = pairPassword(inner, 0);
            if (m) out.push(m);
          }
        });
        break;
      }
      case 'htpasswd':
        out.push(...htpasswd(args));
        break;
      case 'useradd':
      case 'usermod':
        out.push(...optionValues(args, ['-p', '--password'], `${head} password`));
        break;
      case 'redis-cli':
      case 'valkey-cli':
      case 'keydb-cli':
        out.push(...optionValues(args, ['-a', '--pass'], 'Redis password'));
        break;
      default:
        break;
    }
    // nuget and msiexec are often started through another program (`dotnet nuget`, `mono
    // nuget.exe`, PowerShell `Start-Process msiexec.exe -ArgumentList …`): look among the words.
    c.words.forEach((w, i) => {
      const p = programOf(w);
      if (p === 'nuget') out.push(...nuget(c.words.slice(i + 1)));
      else if (p === 'msiexec') out.push(...msiexec(c.words.slice(i + 1), opts));
    });
  });
  return out;
}
