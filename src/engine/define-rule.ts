import type { Category, FileFormat, FileModel, Report, Severity } from '../model';
import type { ClassifyOptions } from '../classify/types';

export const REPO_URL = 'https://github.com/godock/godock';

/** What a rule's `check` receives besides the model. */
export interface RuleContext {
  report(r: Report): void;
  /** Classifier options from the configuration (extra secret words, allowed names, …). */
  classify: ClassifyOptions;
  /** Rule options from the configuration, merged over the rule's defaults. */
  options: Record<string, unknown>;
  /** `go.trusted-proxies` from the configuration: GOPROXY URLs or hosts the user vouches for. */
  trustedProxies: readonly string[];
}

export interface RuleDefinition {
  /** kebab-case; also the file name, doc name, SARIF ruleId and pragma token. */
  id: string;
  category: Category;
  severity: Severity;
  /** One line; the doc's summary line must equal it. */
  description: string;
  /** Message templates keyed by camelCase id; `{{name}}` placeholders are filled from report data. */
  messages: Record<string, string>;
  /** Formats the rule applies to; all when omitted. */
  formats?: FileFormat[];
  /** Other tools' ids whose suppression pragmas also silence this rule (hadolint DL…, BuildKit checks). */
  aliases?: string[];
  tags?: string[];
  defaultOptions?: Record<string, unknown>;
  check(model: FileModel, ctx: RuleContext): void;
}

export interface Rule extends RuleDefinition {
  docsUrl: string;
  docPath: string;
}

export function docsUrlFor(id: string): string {
  return `${REPO_URL}/blob/main/rules/${id}.md`;
}

export function defineRule(def: RuleDefinition): Rule {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(def.id)) throw new Error(`rule id must be kebab-case: ${def.id}`);
  return { ...def, docsUrl: docsUrlFor(def.id), docPath: `rules/${def.id}.md` };
}
