/**
 * `godock rules`   lists the rules: id, category, default severity, summary (or JSON).
 * `godock explain <rule>` prints a rule's documentation (rules/<id>.md); aliases such as
 * hadolint codes or BuildKit check names are accepted when they name one rule.
 */
import { parseArgs } from 'node:util';
import type { Io } from './io';
import type { Rule } from '../engine/define-rule';
import { readRuleDoc } from '../report/rule-docs';
import { rules as registry } from '../../rules';

const RULES_HELP = `Usage: godock rules [--format text|json]

Lists every rule with its id, category, default severity and summary.
`;

const EXPLAIN_HELP = `Usage: godock explain <rule>

Prints the documentation of a rule (by id, or by a hadolint / BuildKit alias).
`;

export function listRules(rules: readonly Rule[], format: 'text' | 'json' = 'text'): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (format === 'json')
    return `${JSON.stringify(
      sorted.map((r) => ({ id: r.id, category: r.category, severity: r.severity, description: r.description, aliases: r.aliases ?? [], docsUrl: r.docsUrl })),
      null,
      2,
    )}\n`;
  const header = { id: 'ID', category: 'CATEGORY', severity: 'SEVERITY', description: 'SUMMARY' };
  const rows = [header, ...sorted.map((r) => ({ id: r.id, category: r.category, severity: r.severity, description: r.description }))];
  const w = (k: 'id' | 'category' | 'severity') => Math.max(...rows.map((r) => r[k].length));
  const [wi, wc, ws] = [w('id'), w('category'), w('severity')];
  return `${rows.map((r) => `${r.id.padEnd(wi)}  ${r.category.padEnd(wc)}  ${r.severity.padEnd(ws)}  ${r.description}`).join('\n')}\n`;
}

export type Lookup = { rule: Rule } | { error: string };

/** Finds a rule by id (case-insensitive) or by an alias that names exactly one rule. */
export function lookupRule(rules: readonly Rule[], name: string): Lookup {
  const lower = name.toLowerCase();
  const byId = rules.find((r) => r.id === lower);
  if (byId) return { rule: byId };
  const byAlias = rules.filter((r) => (r.aliases ?? []).some((a) => a.toLowerCase() === lower));
  if (byAlias.length === 1) return { rule: byAlias[0]! };
  if (byAlias.length > 1) return { error: `"${name}" is an alias of several rules: ${byAlias.map((r) => r.id).join(', ')}` };
  const near = rules.filter((r) => r.id.includes(lower) || lower.includes(r.id)).map((r) => r.id);
  return { error: `unknown rule "${name}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; \`godock rules\` lists them` };
}

/** The rule's markdown doc; a short generated page when the doc file is not available. */
export function explainRule(rule: Rule): string {
  const doc = readRuleDoc(rule);
  if (doc) return doc.endsWith('\n') ? doc : `${doc}\n`;
  return `# ${rule.id}\n\n${rule.description}\n\n- Category: ${rule.category}\n- Default severity: ${rule.severity}\n- Documentation: ${rule.docsUrl}\n`;
}

export async function runRules(argv: string[], io: Pick<Io, 'stdout' | 'stderr'>, rules: readonly Rule[] = registry): Promise<number> {
  const [cmd, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.stderr.write(`godock ${cmd}: ${(e as Error).message}\n`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (cmd === 'rules') {
    if (v.help) {
      io.stdout.write(RULES_HELP);
      return 0;
    }
    const format = v.format ?? 'text';
    if ((format !== 'text' && format !== 'json') || positionals.length > 0) {
      io.stderr.write(`godock rules: ${positionals.length ? `unexpected argument "${positionals[0]}"` : `--format must be text or json`}\n\n${RULES_HELP}`);
      return 2;
    }
    io.stdout.write(listRules(rules, format));
    return 0;
  }
  if (v.help) {
    io.stdout.write(EXPLAIN_HELP);
    return 0;
  }
  if (positionals.length !== 1 || v.format !== undefined) {
    io.stderr.write(`godock explain: expected exactly one rule id\n\n${EXPLAIN_HELP}`);
    return 2;
  }
  const found = lookupRule(rules, positionals[0]!);
  if ('error' in found) {
    io.stderr.write(`godock explain: ${found.error}\n`);
    return 2;
  }
  io.stdout.write(explainRule(found.rule));
  return 0;
}
