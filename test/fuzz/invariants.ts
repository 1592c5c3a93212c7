/**
 * The invariants every input must satisfy, checked through the in-process pipeline
 * (`decode` → `lintText` → every formatter):
 * - nothing throws;
 * - the result is findings and/or structured errors, each with a message and a line;
 * - every position lies inside the file: 1 ≤ line ≤ lines + 1, column ≥ 1, end ≥ start,
 *   column ≤ length of its line + 2;
 * - no planted secret, nor any 8-character slice of it, appears in any message or report.
 * A violation throws an Error whose message says which invariant broke (fast-check prints it with
 * the seed and path to replay).
 */
import { lintText } from '../../src/lint';
import { decode } from '../../src/read';
import { formatters } from '../../src/report';
import { rules } from '../../rules';
import type { FileResult, Location } from '../../src/model';
import { leakedSlice, type FakeToken } from './tokens';

export class InvariantError extends Error {}

function fail(what: string): never {
  throw new InvariantError(what);
}

type Lines = string[] & { hasLoneCr?: boolean; longestLf?: number };

function splitLines(text: string): Lines {
  const lines: Lines = text.split(/\r\n|\r|\n/);
  if (/\r(?!\n)/.test(text)) {
    lines.hasLoneCr = true;
    lines.longestLf = text.split('\n').reduce((m, l) => Math.max(m, l.length), 0);
  }
  return lines;
}

function checkPos(where: string, line: number, column: number, lines: Lines): void {
  if (!Number.isInteger(line) || line < 1 || line > lines.length + 1) fail(`${where}: line ${line} outside 1..${lines.length + 1}`);
  if (!Number.isInteger(column) || column < 1) fail(`${where}: column ${column} < 1`);
  // A lone CR ends a line for editors and dockerfile-ast but not for the YAML and env-file
  // readers: columns may count across it, so the bound is the longest \n-separated line.
  const longest = lines.reduce((m, l) => Math.max(m, l.length), 0) + (lines.hasLoneCr ? (lines.longestLf ?? 0) : 0);
  if (column > longest + 2) fail(`${where}: column ${column} beyond the longest line (${longest})`);
}

function checkLoc(where: string, loc: Location, lines: Lines): void {
  if (!loc || typeof loc !== 'object') fail(`${where}: no location`);
  checkPos(`${where} start`, loc.line, loc.column, lines);
  checkPos(`${where} end`, loc.endLine, loc.endColumn, lines);
  if (loc.endLine < loc.line || (loc.endLine === loc.line && loc.endColumn < loc.column))
    fail(`${where}: end ${loc.endLine}:${loc.endColumn} before start ${loc.line}:${loc.column}`);
}

export function checkResult(result: FileResult, text: string, planted: readonly FakeToken[], withFormatters: boolean): void {
  if (!result || !Array.isArray(result.findings) || !Array.isArray(result.errors)) fail('result lacks findings/errors arrays');
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const messages: string[] = [];
  for (const f of result.findings) {
    const where = `finding ${f.ruleId} ${f.loc?.line}:${f.loc?.column}`;
    if (typeof f.message !== 'string' || f.message.length === 0) fail(`${where}: empty message`);
    if (!['error', 'warning', 'info'].includes(f.severity)) fail(`${where}: bad severity ${String(f.severity)}`);
    checkLoc(where, f.loc, lines);
    messages.push(f.message);
  }
  for (const e of result.errors) {
    const where = `error "${e.message}"`;
    if (typeof e.message !== 'string' || e.message.length === 0) fail('parse error without a message');
    checkPos(where, e.line, e.column, lines);
    if (/\n\s+at /.test(e.message)) fail(`${where}: stack trace in message`);
    messages.push(e.message);
  }
  if (withFormatters) {
    const lr = { files: [result] };
    for (const [name, fmt] of Object.entries(formatters)) {
      let out: string;
      try {
        out = fmt(lr, { rules, cwd: '/work', color: name === 'stylish', version: '0.0.0-fuzz' });
      } catch (e) {
        fail(`formatter ${name} threw: ${(e as Error).stack ?? String(e)}`);
      }
      messages.push(out);
    }
  }
  const all = messages.join('\n');
  for (const t of planted) {
    const slice = leakedSlice(all, t.secret);
    if (slice !== null) {
      const line = all.split('\n').find((l) => l.includes(slice)) ?? '';
      fail(`secret ${t.kind} leaked (slice ${JSON.stringify(slice)}) in: ${line.slice(0, 300)}`);
    }
  }
}

/** Lints `text` as `filename` and checks every invariant. */
export function checkText(filename: string, text: string, planted: readonly FakeToken[] = [], withFormatters = false): FileResult {
  let result: FileResult;
  try {
    result = lintText(filename, text);
  } catch (e) {
    fail(`lintText threw: ${(e as Error)?.stack ?? String(e)}`);
  }
  checkResult(result, text, planted, withFormatters);
  return result;
}

/** Decodes bytes like the CLI does (size limit, binary, UTF-16, invalid UTF-8), then lints the text. */
export function checkBytes(filename: string, bytes: Uint8Array, planted: readonly FakeToken[] = [], withFormatters = false): void {
  let d;
  try {
    d = decode(bytes);
  } catch (e) {
    fail(`decode threw: ${(e as Error)?.stack ?? String(e)}`);
  }
  if ('error' in d) {
    let newlines = 0;
    for (const b of bytes) if (b === 10) newlines++;
    if (!d.error) fail('decode error without a message');
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > newlines + 1) fail(`decode error line ${d.line} outside 1..${newlines + 1}`);
    return;
  }
  checkText(filename, d.text, planted, withFormatters);
}
