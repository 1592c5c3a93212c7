/**
 * The rule tester: tables of valid and invalid cases, each parsed by the adapter its file name
 * picks (Dockerfile by default), linted with only the rule under test, the model deep-frozen
 * (a rule that writes to it throws). Invalid cases assert the exact findings (message id, line and
 * column required, as eslint's RuleTester asks); no message keeps an unfilled `{{placeholder}}`; a
 * case that declares `secret` also asserts that the raw value — and every 8-character slice of
 * it — appears in no formatter's output.
 */
import type { Rule } from '../../src/engine/define-rule';
import type { FileResult } from '../../src/model';
import { formatFromName, parseFile, sniffFormat } from '../../src/parse';
import { runRules } from '../../src/lint-file';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import { formatters } from '../../src/report';
import { VERSION } from '../../src/version';

export interface ValidCase {
  code: string;
  filename?: string;
  name?: string;
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** A raw secret value planted in `code`; it must never appear in any output. */
  secret?: string;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

export function lintWith(rule: Rule, code: string, filename = 'Dockerfile'): FileResult {
  const model = deepFreeze(parseFile(filename, code, formatFromName(filename) ?? sniffFormat(code)));
  const r = runRules(model, [rule], DEFAULT_CONFIG);
  for (const f of r.findings) if (/\{\{\s*(a\s+)?\w+\s*\}\}/.test(f.message)) throw new Error(`unfilled placeholder in ${rule.id}: ${f.message}`);
  return r;
}

export function allOutputs(result: FileResult, rule: Rule): string[] {
  const lr = { files: [result] };
  return Object.values(formatters).map((f) => f(lr, { rules: [rule], cwd: process.cwd(), color: false, version: VERSION }));
}

export function leaks(text: string, secret: string): string | null {
  if (text.includes(secret)) return secret;
  for (let i = 0; i + 8 <= secret.length; i++) {
    const slice = secret.slice(i, i + 8);
    if (text.includes(slice)) return slice;
  }
  return null;
}

export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  const seen = new Set<string>();
  const key = (c: ValidCase) => `${c.filename ?? 'Dockerfile'}\0${c.code}`;
  describe(rule.id, () => {
    describe('valid', () => {
      for (const raw of cases.valid) {
        const c = typeof raw === 'string' ? { code: raw } : raw;
        if (seen.has(key(c))) throw new Error(`duplicate case in ${rule.id}: ${c.code}`);
        seen.add(key(c));
        it(c.name ?? c.code.slice(0, 80), () => {
          const r = lintWith(rule, c.code, c.filename);
          expect(r.errors).toEqual([]);
          expect(r.findings.map((f) => `${f.loc.line}:${f.loc.column} ${f.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        if (seen.has(key(c))) throw new Error(`duplicate case in ${rule.id}: ${c.code}`);
        seen.add(key(c));
        if (c.errors.length === 0) throw new Error(`invalid case without errors in ${rule.id}`);
        for (const e of c.errors)
          if (!(e.messageId in rule.messages)) throw new Error(`unknown messageId ${e.messageId} in ${rule.id}`);
        it(c.name ?? c.code.slice(0, 80), () => {
          const r = lintWith(rule, c.code, c.filename);
          expect(r.errors).toEqual([]);
          expect(r.findings).toHaveLength(c.errors.length);
          c.errors.forEach((e, i) => {
            const f = r.findings[i]!;
            expect(f.loc.line).toBeGreaterThanOrEqual(1);
            const actual: ExpectedError = { messageId: f.messageId, line: f.loc.line, column: f.loc.column };
            if (e.endLine !== undefined) actual.endLine = f.loc.endLine;
            if (e.endColumn !== undefined) actual.endColumn = f.loc.endColumn;
            expect(actual).toEqual(e);
          });
          if (c.secret) {
            for (const out of [...allOutputs(r, rule), ...r.findings.map((f) => f.message)]) expect(leaks(out, c.secret)).toBeNull();
          }
        });
      }
    });
  });
}
