/** godock's public library API: the same calls the CLI and the Action make. */
export type * from './model';
export { lintPaths, lintText, type LintOptions } from './lint';
export { parseFile, formatFromName, sniffFormat } from './parse';
export { classify, isSecretName, scanText } from './classify';
export { mask } from './classify/mask';
export { redact } from './classify/redact';
export { formatters } from './report';
export { rules } from '../rules';
export { defineRule, type Rule, type RuleContext } from './engine/define-rule';
export { resolveConfig, DEFAULT_CONFIG, type ResolvedConfig } from './engine/config';
export { configLookup, findConfig, loadConfig } from './config-file';
export { minimize } from './runtime/minimize';
