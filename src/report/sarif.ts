/**
 * `sarif`: SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer).
 *
 * - One run; `tool.driver` names godock with its version and lists every rule of the run
 *   (short/full description, help text and markdown from rules/<id>.md, helpUri, default level,
 *   tags, and `security-severity` for secret rules so code scanning files them as security alerts).
 * - Results carry ruleId + ruleIndex, level (error / warning / note), a repository-relative
 *   `artifactLocation.uri` under `%SRCROOT%` (ctx.cwd), 1-based regions with exclusive end
 *   columns (UTF-16 code units), the masked message, and `partialFingerprints` that do not
 *   depend on line numbers (see fingerprint.ts).
 * - Files that could not be read or parsed become `toolExecutionNotifications`; the invocation
 *   is then not `executionSuccessful`.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import type { Category, Finding, Location, Severity } from '../model';
import type { Rule } from '../engine/define-rule';
import { REPO_URL } from '../engine/define-rule';
import type { Formatter, ReportContext } from './types';
import { relativeTo, sortedErrors, sortedFindings } from './flatten';
import { fingerprints } from './fingerprint';
import { fullDescription, maskDocSecrets, readRuleDoc } from './rule-docs';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

/** code scanning: >9 critical, 7–8.9 high, 4–6.9 medium, 0.1–3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '3.0' };

type RuleMeta = Pick<Rule, 'id' | 'category' | 'severity' | 'description' | 'tags' | 'docsUrl' | 'docPath'>;

function descriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  const raw = readRuleDoc(rule);
  const doc = raw === null ? null : maskDocSecrets(raw);
  const link = `[${rule.id} documentation](${rule.docsUrl})`;
  const tags = [...new Set([...(rule.tags ?? []), rule.category, ...(rule.category === 'secret' ? ['security'] : [])])].slice(0, 20);
  const properties: Sarif.PropertyBag = { tags, category: rule.category };
  if (rule.category === 'secret') properties['security-severity'] = SECURITY_SEVERITY[rule.severity];
  else properties['problem.severity'] = rule.severity === 'info' ? 'recommendation' : rule.severity;
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: fullDescription(rule, doc) },
    help: {
      text: doc ? doc.trim() : `${rule.description}\n\nSee ${rule.docsUrl}`,
      markdown: doc ? `${doc.trim()}\n\n${link}` : `${rule.description}\n\n${link}`,
    },
    helpUri: rule.docsUrl,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties,
  };
}

/** A rule that produced a finding but is not in ctx.rules (should not happen; keeps the log consistent). */
function unknownRule(f: Finding): RuleMeta {
  return { id: f.ruleId, category: f.category as Category, severity: f.severity, description: f.ruleId, docsUrl: `${REPO_URL}/blob/main/rules/${f.ruleId}.md`, docPath: `rules/${f.ruleId}.md` };
}

function encodePath(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  const rel = relativeTo(cwd, file);
  if (rel !== null) return { uri: encodePath(rel), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(path.resolve(cwd, file)).href };
}

function region(loc: Location): Sarif.Region {
  const r: Sarif.Region = { startLine: loc.line, startColumn: loc.column };
  if (loc.endLine >= loc.line) r.endLine = loc.endLine;
  if (loc.endColumn >= 1 && (loc.endLine > loc.line || loc.endColumn > loc.column)) r.endColumn = loc.endColumn;
  return r;
}

export function toSarif(result: Parameters<Formatter>[0], ctx: ReportContext): Sarif.Log {
  const findings = sortedFindings(result);
  const errors = sortedErrors(result);

  const metas: RuleMeta[] = [...ctx.rules];
  const index = new Map(metas.map((r, i) => [r.id, i]));
  for (const f of findings) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, metas.length);
      metas.push(unknownRule(f));
    }
  }

  const relFile = (f: Finding) => relativeTo(ctx.cwd, f.file) ?? f.file;
  const prints = fingerprints(findings, relFile);
  const results: Sarif.Result[] = findings.map((f, i) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId)!,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, ctx.cwd), region: region(f.loc) } }],
    partialFingerprints: { primaryLocationLineHash: prints[i]! },
    properties: { category: f.category },
  }));

  const notifications: Sarif.Notification[] = errors.map((e) => ({
    level: 'error',
    message: { text: `${e.file}:${e.line}:${e.column}: ${e.message}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.file, ctx.cwd), region: { startLine: Math.max(1, e.line), startColumn: Math.max(1, e.column) } } }],
  }));

  const root = pathToFileURL(path.resolve(ctx.cwd)).href;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'godock',
            semanticVersion: ctx.version,
            version: ctx.version,
            informationUri: REPO_URL,
            rules: metas.map(descriptor),
          },
        },
        invocations: [{ executionSuccessful: errors.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export const sarif: Formatter = (result, ctx) => `${JSON.stringify(toSarif(result, ctx), null, 2)}\n`;
