import type { FileModel, Finding, ParseError, Report, Severity } from '../model';
import { maskIn } from '../classify/mask';
import { scanText } from '../classify/tokens';
import { isHighEntropy } from '../classify/values';
import type { Rule, RuleContext } from './define-rule';
import type { ResolvedConfig } from './config';
import { DEFAULT_CONFIG } from './config';
import { isSuppressed } from './suppress';
import { forgetDerived } from '../util/derived';

export function renderMessage(template: string, data: Report['data']): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const v = data?.[key];
    return v === undefined ? `{{${key}}}` : String(v);
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

/**
 * The report's data with secrets masked: the declared secrets, random-looking words the data
 * carries in (a token pasted into GOFLAGS or a LABEL name), and anything token-shaped. Only data
 * is masked — never the template's own words (a secret `password` must not turn the message's
 * word "password" into `pa****(8)`).
 */
function maskData(r: Report): Report['data'] {
  if (!r.data) return r.data;
  const secrets = [...(r.secrets ?? []), ...randomWords(r.data)];
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.data)) {
    if (typeof v !== 'string' || r.plain?.includes(k)) {
      out[k] = v;
      continue;
    }
    const m = maskIn(v, secrets);
    out[k] = maskIn(m, scanText(m).map((t) => t.text));
  }
  return out;
}

/** Words of report data that look random (high entropy, 16+ characters): never echoed as-is. */
function randomWords(data: Report['data']): string[] {
  const out: string[] = [];
  if (!data) return out;
  for (const v of Object.values(data)) {
    if (typeof v !== 'string' || v.length < 16) continue;
    for (const w of v.split(/[\s"'`=:,;|&()<>[\]{}]+/)) {
      if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(w)) continue; // an UPPER_SNAKE variable name
      const runs = w.match(/[A-Za-z0-9_+-]{16,}/g) ?? [];
      if (runs.some((r) => !/^[0-9a-f]+$/i.test(r) && isHighEntropy(r))) out.push(w);
    }
  }
  return out;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function atLeast(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold];
}
