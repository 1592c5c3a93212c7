/**
 * Module mode and the supply chain: GO111MODULE, GOSUMDB, the GOPRIVATE / GONOSUMDB / GONOPROXY /
 * GOINSECURE patterns and GOPROXY (../shared/reference/go-env-facts.md §3, §5.2). Every error text
 * is the one the go command prints.
 */
import { escapeRe } from '../util/escape-re';
import { atLeastGo, type GoVersion } from './image';

export const GO111MODULE_VALUES: ReadonlySet<string> = new Set(['', 'on', 'off', 'auto']);

/**
 * What is wrong with a GO111MODULE value for a Go version (null: unknown version), or null when
 * nothing is: not a valid setting; GOPATH mode; `on` or `auto`, leftovers since Go 1.16.
 */
export function go111moduleVerdict(value: string, version: GoVersion | null): 'invalid' | 'off' | 'redundantOn' | 'auto' | null {
  if (!GO111MODULE_VALUES.has(value)) return 'invalid';
  if (value === 'off') return 'off';
  if ((value === 'on' || value === 'auto') && atLeastGo(version, 16)) return value === 'on' ? 'redundantOn' : 'auto';
  return null;
}

/** The fatal message every go command prints for an unknown GO111MODULE value. */
export function go111moduleError(value: string): string {
  return `go: unknown environment setting GO111MODULE=${value}`;
}


const KNOWN_SUMDB = new Set(['sum.golang.org', 'sum.golang.google.cn']);

/**
 * The error a GOSUMDB value causes at its first lookup, or null when it is usable
 * (`off` and '' are usable here; `off` is judged separately).
 */
export function sumdbError(value: string): string | null {
  if (value === '' || value === 'off' || value === 'sum.golang.google.cn') return null;
  const fields = value.trim().split(/\s+/).filter(Boolean);
  if (fields.length === 0) return null;
  if (fields.length > 2) return 'invalid GOSUMDB: too many fields';
  const key = fields[0]!;
  if (KNOWN_SUMDB.has(key) && key !== 'sum.golang.google.cn') return null;
  const m = /^([^+\s]+)\+([0-9A-Fa-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(key);
  if (!m) return 'invalid GOSUMDB: malformed verifier id';
  return null;
}


/** Hosts that serve public modules; a pattern covering one of them whole is over-broad. */
export const PUBLIC_MODULE_HOSTS: readonly string[] = [
  'github.com', 'gitlab.com', 'bitbucket.org', 'golang.org', 'gopkg.in', 'go.googlesource.com',
  'google.golang.org', 'gitee.com', 'go.uber.org', 'k8s.io', 'sigs.k8s.io', 'go.etcd.io',
  'go.opentelemetry.io', 'cloud.google.com', 'honnef.co', 'gotest.tools', 'go.mongodb.org',
];

/** One comma-separated element with its offset in the list. */
export interface ListItem {
  text: string;
  start: number;
  end: number;
}

export function splitList(value: string, sep = ','): ListItem[] {
  const out: ListItem[] = [];
  let pos = 0;
  for (const part of value.split(sep)) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    if (text) out.push({ text, start: pos + lead, end: pos + lead + text.length });
    pos += part.length + sep.length;
  }
  return out;
}

/** path.Match for one path element (no `/`): `*`, `?`, `[…]`. */
function elementMatch(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) return false;
      let body = pattern.slice(i + 1, close);
      if (body.startsWith('^')) body = '^' + body.slice(1).replace(/\\/g, '\\\\');
      re += `[${body.replace(/\]/g, '\\]')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
    else re += escapeRe(c);
  }
  try {
    return new RegExp(re + '$').test(name);
  } catch {
    return false;
  }
}

/**
 * The public host a module-path glob covers entirely (`*`, `*.*`, `github.com`, `github.com/*`,
 * `*` followed by `/*`), or null when it is scoped (`github.com/acme/*`, `git.corp.example`, `*.corp.example`).
 */
export function broadPatternHost(pattern: string): string | null {
  return broadPatternHosts(pattern)[0] ?? null;
}

/** Every public host a module-path glob covers entirely (several for `*`, `*.*`, `*.org`…). */
export function broadPatternHosts(pattern: string): string[] {
  const elems = pattern.replace(/\/+$/, '').split('/');
  const first = elems[0] ?? '';
  if (!first) return [];
  if (elems.slice(1).some((e) => !/^\*+$/.test(e))) return [];
  return PUBLIC_MODULE_HOSTS.filter((h) => elementMatch(first, h));
}


export interface ProxyEntry extends ListItem {
  /** Lower-case scheme (`https`, `http`, `file`), or '' for `direct`/`off`/bare hosts. */
  scheme: string;
  /** Host[:port] of a URL entry, lower-case; '' otherwise. */
  host: string;
}

/** GOPROXY entries, split on `,` and `|`. */
export function parseGoproxy(value: string): ProxyEntry[] {
  const out: ProxyEntry[] = [];
  const re = /[^,|]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    if (!text) continue;
    const u = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^@/]*@)?([^/?#]*)/.exec(text);
    out.push({ text, start: m.index + lead, end: m.index + lead + text.length, scheme: u ? u[1]!.toLowerCase() : '', host: u ? u[2]!.toLowerCase() : '' });
  }
  return out;
}

/** Loopback hosts: plain HTTP to them never leaves the machine. */
export function isLoopbackHost(hostPort: string): boolean {
  const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.replace(/:\d+$/, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Whether a proxy entry is listed in the configuration's `go.trusted-proxies`: an entry with a
 * scheme is a URL prefix, anything else is a host or host:port.
 */
export function isTrustedProxy(entry: ProxyEntry, trusted: readonly string[]): boolean {
  const url = entry.text.toLowerCase().replace(/\/+$/, '');
  return trusted.some((t) => {
    const x = t.toLowerCase().replace(/\/+$/, '');
    if (x.includes('://')) return url === x || url.startsWith(x + '/');
    return entry.host === x || entry.host.replace(/:\d+$/, '') === x;
  });
}
