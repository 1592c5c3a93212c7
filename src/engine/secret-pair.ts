/**
 * What lint's secret rules say about one NAME=VALUE pair, decided by running those very rules
 * over a one-line env-file model: `godock env` drops every pair `godock lint` would report, by
 * construction rather than by a second list of patterns kept in step by hand.
 */
import type { EnvAssignment, FileModel } from '../model';
import type { ClassifyOptions } from '../classify/types';
import { emptyModel } from '../parse/empty-model';
import type { Rule } from './define-rule';
import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import { lintModel } from './run';

export interface PairVerdict {
  /** The id of the first secret rule that reports the pair. */
  ruleId: string;
  messageId: string;
}

const LOC = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function pairModel(name: string, value: string): FileModel {
  const model = emptyModel('<container env>', 'env-file');
  const a: EnvAssignment = { name, value, kind: 'env-file', nameLoc: LOC, valueLoc: LOC, group: 0 };
  model.assignments.push(a);
  return model;
}

const configs = new WeakMap<ClassifyOptions, ResolvedConfig>();
const secretRulesOf = new WeakMap<readonly Rule[], Rule[]>();

/** Runs the secret-category rules of `rules` over NAME=VALUE as an env-file line. */
export function secretRulesReport(name: string, value: string, rules: readonly Rule[], classify: ClassifyOptions): PairVerdict | null {
  let config = configs.get(classify);
  if (!config) configs.set(classify, (config = { ...DEFAULT_CONFIG, classify }));
  let secretRules = secretRulesOf.get(rules);
  if (!secretRules) secretRulesOf.set(rules, (secretRules = rules.filter((r) => r.category === 'secret')));
  const f = lintModel(pairModel(name, value), secretRules, config).findings[0];
  return f ? { ruleId: f.ruleId, messageId: f.messageId } : null;
}
