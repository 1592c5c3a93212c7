import type { Severity } from '../model';
import type { ClassifyOptions } from '../classify/types';
import { GlobError, globMatcher, isGlob, type GlobOptions } from '../util/glob';

/**
 * `.godock.yaml`: validated once into a ResolvedConfig. Keys:
 *   rules:        { <rule-id>: off | info | warning | error | { severity?, options? } }
 *   secrets:      { extra-words: [..], extra-suffixes: [..], allow-names: [..] }
 *   go:           { trusted-proxies: [..] }
 *   ignore:       [ glob, .. ]      paths never linted (relative to the config's folder)
 *   fail-level:   info | warning | error
 */
export interface RuleConfig {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Record<string, RuleConfig>;
  classify: ClassifyOptions;
  trustedProxies: string[];
  ignore: string[];
  failLevel: Severity;
  /** Where the configuration came from (for messages), or null for defaults. */
  source: string | null;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  classify: {},
  trustedProxies: [],
  ignore: [],
  failLevel: 'warning',
  source: null,
};

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const LEVELS = ['off', 'info', 'warning', 'error'] as const;

export interface RawPosition {
  /** 1-based line of a key path such as ['rules', 'secret-in-env'], when known. */
  lineOf(path: (string | number)[]): number;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validates a parsed configuration object. `knownRules` are the registry's ids (only ids: an alias of another tool is refused as unknown);
 * every problem is a ConfigError naming the key and its line.
 */
export function resolveConfig(
  raw: unknown,
  file: string,
  knownRules: ReadonlySet<string>,
  pos: RawPosition = { lineOf: () => 1 },
): ResolvedConfig {
  const fail = (path: (string | number)[], msg: string): never => {
    throw new ConfigError(file, pos.lineOf(path), `${path.join('.') || '(root)'}: ${msg}`);
  };
  if (raw === null || raw === undefined) return { ...DEFAULT_CONFIG, source: file };
  if (!isObj(raw)) fail([], 'the configuration must be a mapping');
  const cfg = raw as Record<string, unknown>;
  const out: ResolvedConfig = { ...DEFAULT_CONFIG, rules: {}, classify: {}, source: file };
  const allowedTop = new Set(['rules', 'secrets', 'go', 'ignore', 'fail-level']);
  for (const k of Object.keys(cfg)) if (!allowedTop.has(k)) fail([k], `unknown key (expected one of ${[...allowedTop].join(', ')})`);

  const stringList = (path: (string | number)[], v: unknown): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === ''))
      fail(path, 'must be a list of non-empty strings');
    return v as string[];
  };
  /** Compiles each glob once as its user will, so a glob godock refuses is reported here. */
  const globList = (path: (string | number)[], list: string[], opts: GlobOptions, onlyGlobs = false): string[] => {
    list.forEach((g, i) => {
      if (onlyGlobs && !isGlob(g)) return;
      try {
        globMatcher(g, opts);
      } catch (e) {
        if (e instanceof GlobError) fail([...path, i], e.message);
        throw e;
      }
    });
    return list;
  };

  if (cfg.rules !== undefined && cfg.rules !== null) {
    if (!isObj(cfg.rules)) fail(['rules'], 'must be a mapping of rule id to a level or { severity, options }');
    for (const [id, v] of Object.entries(cfg.rules as Record<string, unknown>)) {
      if (!knownRules.has(id)) fail(['rules', id], `unknown rule "${id}" (godock rules lists them)`);
      if (typeof v === 'string') {
        if (!(LEVELS as readonly string[]).includes(v)) fail(['rules', id], `must be one of ${LEVELS.join(', ')}`);
        out.rules[id] = { severity: v as RuleConfig['severity'] };
      } else if (isObj(v)) {
        for (const k of Object.keys(v)) if (k !== 'severity' && k !== 'options') fail(['rules', id, k], 'unknown key (expected severity or options)');
        const rc: RuleConfig = {};
        if (v.severity !== undefined) {
          if (typeof v.severity !== 'string' || !(LEVELS as readonly string[]).includes(v.severity))
            fail(['rules', id, 'severity'], `must be one of ${LEVELS.join(', ')}`);
          rc.severity = v.severity as RuleConfig['severity'];
        }
        if (v.options !== undefined) {
          if (!isObj(v.options)) fail(['rules', id, 'options'], 'must be a mapping');
          rc.options = v.options as Record<string, unknown>;
        }
        out.rules[id] = rc;
      } else fail(['rules', id], `must be one of ${LEVELS.join(', ')} or { severity, options }`);
    }
  }

  if (cfg.secrets !== undefined && cfg.secrets !== null) {
    if (!isObj(cfg.secrets)) fail(['secrets'], 'must be a mapping');
    const s = cfg.secrets as Record<string, unknown>;
    for (const k of Object.keys(s))
      if (!['extra-words', 'extra-suffixes', 'allow-names'].includes(k))
        fail(['secrets', k], 'unknown key (expected extra-words, extra-suffixes or allow-names)');
    const words = stringList(['secrets', 'extra-words'], s['extra-words']).map((w) => w.toLowerCase());
    const suffixes = stringList(['secrets', 'extra-suffixes'], s['extra-suffixes']);
    const allow = globList(['secrets', 'allow-names'], stringList(['secrets', 'allow-names'], s['allow-names']), { nocase: true }, true);
    // Extra suffixes extend the word list too: `_CERT` → the word `cert`.
    const suffixWords = suffixes.map((x) => x.replace(/^[_.-]+/, '').toLowerCase()).filter(Boolean);
    if (words.length || suffixWords.length) out.classify.extraWords = [...words, ...suffixWords];
    if (allow.length) out.classify.allowNames = allow;
  }

  if (cfg.go !== undefined && cfg.go !== null) {
    if (!isObj(cfg.go)) fail(['go'], 'must be a mapping');
    const g = cfg.go as Record<string, unknown>;
    for (const k of Object.keys(g)) if (k !== 'trusted-proxies') fail(['go', k], 'unknown key (expected trusted-proxies)');
    out.trustedProxies = stringList(['go', 'trusted-proxies'], g['trusted-proxies']);
  }

  out.ignore = globList(['ignore'], stringList(['ignore'], cfg.ignore), { dot: true });

  if (cfg['fail-level'] !== undefined) {
    const f = cfg['fail-level'];
    if (f !== 'info' && f !== 'warning' && f !== 'error') fail(['fail-level'], 'must be one of info, warning, error');
    out.failLevel = f as Severity;
  }
  return out;
}
