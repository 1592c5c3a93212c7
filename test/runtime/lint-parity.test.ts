/**
 * One classifier for lint and runtime: `godock env` drops every NAME=VALUE pair that lint's
 * secret rules report for the same pair, for generated pairs, the pairs of the red-team report,
 * and every env-file and compose `environment` pair of the real-world corpus.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { lintText } from '../../src/lint';
import { parseFile } from '../../src/parse';
import { minimize } from '../../src/runtime/minimize';
import type { EnvAssignment } from '../../src/model';
import { corpusRoot, corpusRows, describeCorpus } from '../helpers/corpus';
import { PLAIN_NAMES, SECRET_NAMES, tokenArb } from '../fuzz/tokens';

/** lint's secret findings for a one-line env file. */
function lintFlags(name: string, value: string): string[] {
  const r = lintText('.env', `${name}=${value}\n`, { format: 'env-file' });
  return r.findings.filter((f) => f.category === 'secret').map((f) => f.ruleId);
}

function runtimeDrops(name: string, value: string): boolean {
  const [d] = minimize({ env: [`${name}=${value}`], imageEnv: [], tty: false, user: '' });
  return d!.kept === false && d!.reason === 'secret';
}

describe('godock env drops what godock lint flags', () => {
  it.each([
    ['PGPASSWORD', 'Tr0ub4dor-fake'],
    ['PASSWORD', 'hunter2-fake'],
    ['SECRET', 'fake-secret-value'],
    ['DB_PASS', 'fakepass1'],
    ['REDIS_PASS', 'fakepass2'],
    ['GITHUB_PAT', 'fake-pat-value-0001'],
    ['SECRET_KEY_BASE', 'a1b2c3d4e5f6a7b8c9d0fakefakefake'],
    ['JWT_SECRET_BASE64', 'ZmFrZS1zZWNyZXQtdmFsdWUtZm9yLXRlc3Rz'],
    ['NPM_CONFIG__AUTH', 'ZmFrZTpmYWtl'],
    ['passwd', 'fake-passwd'],
    ['CREDENTIALS', '{"user":"app","password":"fake-json-pass"}'],
  ])('%s', (name, value) => {
    expect(lintFlags(name, value)).not.toEqual([]);
    expect(runtimeDrops(name, value)).toBe(true);
  });

  it('for generated pairs: whenever lint flags the env-file line, the minimizer drops the pair', () => {
    const nameArb = fc.oneof(
      fc.constantFrom(...SECRET_NAMES, ...PLAIN_NAMES),
      fc
        .tuple(fc.constantFrom('', 'APP_', 'DB_', 'MY_', 'X_'), fc.constantFrom('PASS', 'PASSWORD', 'SECRET', 'TOKEN', 'KEY', 'PAT', 'AUTH', 'CRED', 'PWD', 'NAME', 'URL', 'HOST'), fc.constantFrom('', '_BASE', '_FILE', '_ID', '_B64', '_VALUE'))
        .map(([a, b, c]) => a + b + c),
    );
    const valueArb = fc.oneof(
      tokenArb.map((t) => t.value),
      fc.stringMatching(/^[A-Za-z0-9_+\/.:@-]{1,40}$/),
      fc.constantFrom('changeme', 'postgres', '/run/secrets/db', 'true', '1', 'https://user:pw-fake@example.com/x'),
    );
    fc.assert(
      fc.property(nameArb, valueArb, (name, value) => {
        if (/[\r\n#'"\\\s$`]/.test(value)) return; // a plain env-file value, written as-is
        if (lintFlags(name, value).length > 0) expect(runtimeDrops(name, value)).toBe(true);
      }),
      { numRuns: 3000, seed: 4242 },
    );
  });
});

describeCorpus('corpus pairs: the minimizer drops every pair lint flags', () => {
  it('env files and compose environment', () => {
    const missed: string[] = [];
    let flagged = 0;
    for (const row of corpusRows()) {
      if (row.kind !== 'env' && row.kind !== 'compose') continue;
      const text = readFileSync(path.join(corpusRoot(), row.file), 'utf8');
      const format = row.kind === 'env' ? 'env-file' : 'compose';
      const model = parseFile(row.file, text, format);
      const pairs = model.assignments.filter((a: EnvAssignment) => (a.kind === 'env-file' || a.kind === 'environment') && a.value !== null);
      for (const a of pairs) {
        const value = a.value!;
        if (lintFlags(a.name, value.includes('\n') ? JSON.stringify(value) : value).length === 0) continue;
        flagged++;
        if (!runtimeDrops(a.name, value)) missed.push(`${row.file}: ${a.name}`);
      }
    }
    expect(flagged).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  }, 120_000);
});
