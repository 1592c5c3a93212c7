/** The published library entry (package.json "main": dist/index.js) exposes the same calls the CLI makes. */
import * as path from 'node:path';
import { ROOT, ensureBuilt } from '../helpers/dist';

describe('dist/index.js', () => {
  it('lints text, classifies and masks through the public API', () => {
    const entry = ensureBuilt(path.join(ROOT, 'dist', 'index.js'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require(entry) as typeof import('../../src/index');
    const r = api.lintText('Dockerfile', 'FROM golang:1.22\nENV GO111MODULE=ON DB_PASSWORD=api-probe-not-real\n');
    expect(r.findings.map((f) => [f.ruleId, f.loc.line, f.loc.column])).toEqual([
      ['go-module-mode', 2, 17],
      ['secret-in-env', 2, 32],
    ]);
    expect(api.classify('DB_PASSWORD', 'api-probe-not-real').secret).toBe(true);
    expect(api.mask('api-probe-not-real')).toBe('api-****(18)');
    expect(api.rules.length).toBeGreaterThan(20);
  });
});
