import { escapeCell, jobSummary } from '../../src/report/summary';
import type { LintResult } from '../../src/model';
import { finding, loc, sample, testRules } from './fixtures';

describe('job summary', () => {
  it('writes counts, a file-error table and a findings table, most severe first', () => {
    const md = jobSummary(sample(), { rules: testRules, notes: ['only-changed: linted 2 files'] });
    const lines = md.split('\n');
    expect(lines[0]).toBe('## godock');
    expect(md).toContain('> only-changed: linted 2 files');
    expect(md).toContain('**3 findings** (1 error, 1 warning, 1 info) in 3 files · **1 file error** (not fully linted)');
    expect(md).toContain('| `compose.yaml` | 9 | unexpected end of file |');
    const rows = lines.filter((l) => /^\| (🔴|🟡|🔵)/.test(l));
    expect(rows).toEqual([
      '| 🔴 error | `svc/Dockerfile:2:17` | [secret-in-env](https://github.com/godock/godock/blob/main/rules/secret-in-env.md) | ENV DB\\_PASSWORD holds a hardcoded password \\(hunt\\*\\*\\*\\*\\(17\\)\\) |',
      '| 🟡 warning | `svc/Dockerfile:7:3` | [fake-go-rule](https://github.com/godock/godock/blob/main/rules/fake-go-rule.md) | GOPATH is set twice |',
      '| 🔵 info | `compose.yaml:4:9` | [fake-info-rule](https://github.com/godock/godock/blob/main/rules/fake-info-rule.md) | a note, with: commas % and newline |',
    ]);
  });

  it('says so when clean', () => {
    expect(jobSummary({ files: [{ file: 'D', format: 'dockerfile', findings: [], errors: [] }] }, { rules: [] })).toBe('## godock\n\n✅ No problems found in 1 file.\n\n');
  });

  it('caps the table', () => {
    const r: LintResult = { files: [{ file: 'D', format: 'dockerfile', findings: Array.from({ length: 7 }, (_, i) => finding('D', loc(i + 1, 1), 'x', 'error', `m${i}`)), errors: [] }] };
    const md = jobSummary(r, { rules: [], maxRows: 5 });
    expect(md.split('\n').filter((l) => l.startsWith('| 🔴'))).toHaveLength(5);
    expect(md).toContain('…and 2 more findings');
  });

  it.each([
    ['a|b', 'a\\|b'],
    ['<script>&', '&lt;script&gt;&amp;'],
    ['line1\nline2', 'line1 line2'],
    ['`code`', '\\`code\\`'],
    ['![x](https://e.example/p.png)', '\\!\\[x\\]\\(https:/&#8203;/e.example/p.png\\)'],
    ['see www.example.com or a@b.example', 'see www&#8203;.example.com or a@&#8203;b.example'],
    ['\u001b[2J\u0007', '\\\\e\\[2J\\\\x07'],
    ['**bold** _em_ ~~del~~', '\\*\\*bold\\*\\* \\_em\\_ \\~\\~del\\~\\~'],
  ])('escapes cell %j', (raw, out) => {
    expect(escapeCell(raw)).toBe(out);
  });
});
