/**
 * `checkstyle`: Checkstyle 4.3 XML, understood by Jenkins (Warnings NG), reviewdog, Bitbucket and
 * other CI report importers. One <file> per linted file with problems, one <error> per finding
 * (source `godock.<rule-id>`) or parse error (source `godock.parse-error`).
 */
import type { Formatter } from './types';
import { sortedErrors, sortedFindings } from './flatten';

/** XML attribute escaping; characters XML 1.0 cannot carry are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

interface Item {
  line: number;
  column: number;
  severity: string;
  message: string;
  source: string;
}

export const checkstyle: Formatter = (result) => {
  const byFile = new Map<string, Item[]>();
  const add = (file: string, item: Item) => {
    const list = byFile.get(file) ?? [];
    list.push(item);
    byFile.set(file, list);
  };
  for (const e of sortedErrors(result)) add(e.file, { line: e.line, column: e.column, severity: 'error', message: e.message, source: 'godock.parse-error' });
  for (const f of sortedFindings(result)) add(f.file, { line: f.loc.line, column: f.loc.column, severity: f.severity, message: f.message, source: `godock.${f.ruleId}` });

  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const file of [...byFile.keys()].sort()) {
    out.push(`  <file name="${xmlEscape(file)}">`);
    const items = byFile.get(file)!.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const i of items)
      out.push(`    <error line="${i.line}" column="${i.column}" severity="${i.severity}" message="${xmlEscape(i.message)}" source="${xmlEscape(i.source)}" />`);
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
};
