import type { FileModel, Finding, ParseError, Report, Severity } from '../model';
import { redact, redactName, SecretIndex } from '../classify/redact';
import { classify, scanText } from '../classify';
import type { ClassifyOptions } from '../classify/types';
import { joinSegments } from '../text/location';
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
  // Every secret the file holds, found once and only when a report needs it: no piece of one may
  // appear in any message, whichever rule quotes the text around it.
  let fileSecrets: SecretIndex | null = null;
  const secretsOfFile = (): SecretIndex => (fileSecrets ??= new SecretIndex(secretsIn(model, config.classify)));
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
        const message = renderMessage(template, maskData(r, secretsOfFile));
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
function maskData(r: Report, secretsOfFile: () => SecretIndex): Report['data'] {
  if (!r.data) return r.data;
  const secrets = r.secrets ?? [];
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.data)) {
    if (typeof v !== 'string') out[k] = v;
    else if (r.plain?.includes(k)) out[k] = visible(v);
    else if (NAME_KEYS.has(k)) out[k] = displayName(redactName(v, secrets, secretsOfFile()));
    else out[k] = visible(redact(v, secrets, secretsOfFile()));
  }
  return out;
}

/**
 * The secrets a file holds, as the classifier sees them: the secret text of every secret
 * assignment, and the token formats in its values, RUN scripts, heredocs and commands.
 */
function secretsIn(model: FileModel, opts: ClassifyOptions): string[] {
  const out = new Set<string>();
  const tokens = (text: string) => {
    for (const t of scanText(text)) out.add(t.text);
  };
  for (const a of model.assignments) {
    // A broken line can make a "name" out of a value (`CLIENT_SECRET\0"ghp_…"`): names are scanned too.
    tokens(a.name);
    if (!a.value) continue;
    const c = classify(a.name, a.value, opts);
    if (c.secret) out.add(c.secretText ?? a.value);
    tokens(a.value);
  }
  for (const r of model.runs) {
    tokens(joinSegments(r.segments));
    for (const h of r.heredocs) tokens(joinSegments(h.segments));
  }
  for (const c of model.copies) for (const h of c.heredocs) tokens(joinSegments(h.segments));
  for (const c of model.commands) tokens(joinSegments(c.segments));
  return [...out];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function atLeast(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold];
}
