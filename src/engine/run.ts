import type { FileModel, Finding, ParseError, Report, Severity } from '../model';
import { redact } from '../classify/redact';
import { displayName, visible } from '../util/safe-text';
import { indefiniteArticle } from '../util/article';
import type { Rule, RuleContext } from './define-rule';
import type { ResolvedConfig } from './config';
import { DEFAULT_CONFIG } from './config';
import { isSuppressed } from './suppress';
import { forgetDerived } from '../facts/derived';

/** Fills `{{key}}` with the data's value, and `{{a key}}` with it after the article it takes. */
export function renderMessage(template: string, data: Report['data']): string {
  return template.replace(/\{\{\s*(a\s+)?(\w+)\s*\}\}/g, (whole, article: string | undefined, key: string) => {
    const v = data?.[key];
    if (v === undefined) return whole;
    return article ? `${indefiniteArticle(String(v))} ${v}` : String(v);
  });
}

export interface ModelLint {
  findings: Finding[];
  /** Internal failures of a rule on this file (a bug in godock, reported instead of crashing). */
  errors: ParseError[];
}

/** Runs every enabled rule over one model. Pure: no I/O. */
export function lintModel(model: FileModel, rules: readonly Rule[], config: ResolvedConfig = DEFAULT_CONFIG): ModelLint {
  const findings: Finding[] = [];
  const errors: ParseError[] = [];
  const seen = new Set<string>();
  forgetDerived(model);
  for (const rule of rules) {
    if (rule.formats && !rule.formats.includes(model.format)) continue;
    const rc = config.rules[rule.id];
    const configured: Severity | 'off' | undefined = rc?.severity;
    if (configured === 'off') continue;
    const ctx: RuleContext = {
      classify: config.classify,
      trustedProxies: config.trustedProxies,
      options: { ...(rule.defaultOptions ?? {}), ...(rc?.options ?? {}) },
      report(r: Report) {
        const template = rule.messages[r.messageId];
        if (template === undefined) throw new Error(`rule ${rule.id} reported unknown messageId ${r.messageId}`);
        const message = renderMessage(template, maskData(r));
        const f: Finding = {
          ruleId: rule.id,
          category: rule.category,
          severity: configured ?? r.severity ?? rule.severity,
          file: model.path,
          loc: r.loc,
          messageId: r.messageId,
          message,
        };
        const key = `${rule.id}\0${r.loc.line}\0${r.loc.column}\0${message}`;
        if (seen.has(key) || isSuppressed(f, rule, model.suppressions)) return;
        seen.add(key);
        findings.push(f);
      },
    };
    try {
      rule.check(model, ctx);
    } catch (e) {
      errors.push({ message: `internal error in rule ${rule.id}: ${(e as Error).message}`, line: 1, column: 1 });
    }
  }
  // Facts live for one run: fresh for the next (after linking), and no WeakMap entry outlives it.
  forgetDerived(model);
  findings.sort((a, b) => a.loc.line - b.loc.line || a.loc.column - b.loc.column || a.ruleId.localeCompare(b.ruleId));
  return { findings, errors };
}

/** Data keys that hold a variable's name: names are not secrets, never masked, but shown safely. */
const NAME_KEYS = new Set(['name', 'arg', 'key', 'meant', 'id']);

/**
 * The report's data made safe to print, key by key: a name is shown as a name (displayName); a
 * piece of file text has its own secret spans masked (the declared secrets, token formats, secret
 * assignments, random words) and its control characters made visible. The template's own words
 * are never touched (a secret `password` must not turn the message's word "password" into
 * `pa****(8)`), nor is one field searched for another's secret spans beyond the declared ones.
 */
function maskData(r: Report): Report['data'] {
  if (!r.data) return r.data;
  const secrets = r.secrets ?? [];
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.data)) {
    if (typeof v !== 'string') out[k] = v;
    else if (r.plain?.includes(k)) out[k] = visible(v);
    else if (NAME_KEYS.has(k)) out[k] = displayName(v);
    else out[k] = visible(redact(v, secrets));
  }
  return out;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function atLeast(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold];
}
