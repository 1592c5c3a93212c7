import { json } from '../../src/report/json';
import { ctx, sample } from './fixtures';

describe('json', () => {
  it('is version 1 with findings and errors sorted by file, line, column', () => {
    const out = JSON.parse(json(sample(), ctx()));
    expect(out).toEqual({
      version: 1,
      findings: [
        { file: 'compose.yaml', line: 4, column: 9, endLine: 5, endColumn: 2, ruleId: 'fake-info-rule', category: 'compose', severity: 'info', message: 'a note, with: commas % and\nnewline' },
        { file: 'svc/Dockerfile', line: 2, column: 17, endLine: 2, endColumn: 34, ruleId: 'secret-in-env', category: 'secret', severity: 'error', message: 'ENV DB_PASSWORD holds a hardcoded password (hunt****(17))' },
        { file: 'svc/Dockerfile', line: 7, column: 3, endLine: 7, endColumn: 9, ruleId: 'fake-go-rule', category: 'go-env', severity: 'warning', message: 'GOPATH is set twice' },
      ],
      errors: [{ file: 'compose.yaml', line: 9, column: 1, message: 'unexpected end of file' }],
    });
  });

  it('keeps the documented key order (stable output)', () => {
    const out = JSON.parse(json(sample(), ctx()));
    expect(Object.keys(out)).toEqual(['version', 'findings', 'errors']);
    expect(Object.keys(out.findings[0])).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'category', 'severity', 'message']);
  });

  it('is empty but complete for a clean run', () => {
    expect(JSON.parse(json({ files: [] }, ctx()))).toEqual({ version: 1, findings: [], errors: [] });
  });
});
