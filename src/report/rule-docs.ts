/**
 * Rule documentation (rules/<id>.md) read from disk at run time, relative to the package root,
 * so the same code works from src/ (tests), dist/ (CLI and Action bundles) and an installed
 * package (`rules/*.md` are in package.json `files`).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Rule } from '../engine/define-rule';
import { classify } from '../classify';
import { redact } from '../classify/redact';
import { scanCommand } from '../classify/commands';

let cachedRoot: string | null | undefined;

/** The nearest folder at or above `start` holding godock's package.json; null when none. */
export function packageRoot(start: string = __dirname): string | null {
  if (start === __dirname && cachedRoot !== undefined) return cachedRoot;
  let dir = path.resolve(start);
  let found: string | null = null;
  for (;;) {
    const pj = path.join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        if ((JSON.parse(readFileSync(pj, 'utf8')) as { name?: string }).name === 'godock') {
          found = dir;
          break;
        }
      } catch {
        // not ours; keep walking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (start === __dirname) cachedRoot = found;
  return found;
}

/** The rule's markdown doc, or null when it cannot be found or read. */
export function readRuleDoc(rule: Pick<Rule, 'docPath'>, root: string | null = packageRoot()): string | null {
  if (!root) return null;
  try {
    return readFileSync(path.join(root, rule.docPath), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    return null;
  }
}

/** Prose paragraphs of a markdown doc: no headings, code blocks, lists or tables. */
export function paragraphs(markdown: string): string[] {
  const prose = markdown.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, '');
  const out: string[] = [];
  for (const block of prose.split(/\n\s*\n/)) {
    const lines = block.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const first = lines[0];
    if (first === undefined || /^(#|[-*+] |\d+\. |\||>|<)/.test(first)) continue;
    out.push(lines.join(' '));
  }
  return out;
}

/** A longer description for SARIF `fullDescription`: the summary plus the doc's first explanatory paragraph. */
export function fullDescription(rule: Pick<Rule, 'description'>, doc: string | null, max = 1024): string {
  const paras = doc ? paragraphs(doc) : [];
  const norm = (s: string) => s.replace(/[.\s]+$/, '').toLowerCase();
  const extra = paras.find((p) => norm(p) !== norm(rule.description));
  const text = extra ? `${rule.description.replace(/\.?$/, '.')} ${extra}` : rule.description;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*("[^"\n]*"|'[^'\n]*'|[^\s"'`]+)/g;

function maskLine(line: string): string {
  const secrets = scanCommand(line).map((t) => t.text);
  for (const m of line.matchAll(ASSIGNMENT)) {
    const value = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
    const c = classify(m[1]!, value);
    if (c.secret) secrets.push(c.secretText ?? value);
  }
  return redact(line, secrets);
}

/**
 * A doc with the (fake) secrets of its code examples masked, for outputs written where real
 * findings go (SARIF help): inside fenced code blocks, known token formats and command-line
 * credentials (the classifier's scanners) and `NAME=value` / `NAME: value` pairs the classifier
 * calls secret. Prose is left as written.
 */
export function maskDocSecrets(doc: string): string {
  let fence: string | null = null;
  return doc
    .split('\n')
    .map((line) => {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (f && (fence === null || f.startsWith(fence))) {
        fence = fence === null ? f : null;
        return line;
      }
      return fence === null ? line : maskLine(line);
    })
    .join('\n');
}
