import { command, escapeData, escapeProperty, github, limitedAnnotations } from '../../src/report/github';
import type { LintResult, Severity } from '../../src/model';
import { ctx, finding, loc, sample } from './fixtures';

describe('github workflow commands', () => {
  it.each([
    ['100%', '100%25', '100%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['k:v,w', 'k:v,w', 'k%3Av%2Cw'],
    ['%0A literal', '%250A literal', '%250A literal'],
  ])('escapes %j (data %j, property %j)', (raw, data, prop) => {
    expect(escapeData(raw)).toBe(data);
    expect(escapeProperty(raw)).toBe(prop);
  });

  it('formats one annotation per problem, repo-relative, info as notice, columns only on one line', () => {
    expect(github(sample(), ctx('/repo')).split('\n')).toEqual([
      '::error file=compose.yaml,line=9,col=1,title=godock parse error::unexpected end of file',
      '::notice file=compose.yaml,line=4,endLine=5,title=godock fake-info-rule::a note, with: commas %25 and%0Anewline',
      '::error file=svc/Dockerfile,line=2,endLine=2,col=17,endColumn=34,title=godock secret-in-env::ENV DB_PASSWORD holds a hardcoded password (hunt****(17))',
      '::warning file=svc/Dockerfile,line=7,endLine=7,col=3,endColumn=9,title=godock fake-go-rule::GOPATH is set twice',
      '',
    ]);
  });

  it('makes absolute paths inside the workspace relative', () => {
    const r: LintResult = { files: [{ file: '/repo/a,b/Dockerfile', format: 'dockerfile', findings: [finding('/repo/a,b/Dockerfile', loc(1, 1), 'x', 'error', 'm')], errors: [] }] };
    expect(github(r, ctx('/repo'))).toBe('::error file=a%2Cb/Dockerfile,line=1,endLine=1,col=1,endColumn=6,title=godock x::m\n');
  });

  it('omits empty properties', () => {
    expect(command('notice', 'hi')).toBe('::notice::hi');
  });
});

describe('limitedAnnotations (10 per level per step)', () => {
  const many = (counts: Record<Severity, number>): LintResult => ({
    files: [
      {
        file: 'Dockerfile',
        format: 'dockerfile',
        findings: (['info', 'warning', 'error'] as Severity[]).flatMap((s, k) =>
          Array.from({ length: counts[s] }, (_, i) => finding('Dockerfile', loc(k * 100 + i + 1, 1), `r-${s}`, s, `${s} ${i}`)),
        ),
        errors: [],
      },
    ],
  });
  const levels = (lines: string[]) => lines.map((l) => /^::(\w+)/.exec(l)![1]);

  it('emits everything when within the limits', () => {
    const { lines, omitted } = limitedAnnotations(many({ error: 10, warning: 10, info: 10 }), '/repo');
    expect(omitted).toBe(0);
    expect(lines).toHaveLength(30);
  });

  it('keeps the most severe first, then one notice counting the rest', () => {
    const { lines, omitted } = limitedAnnotations(many({ error: 25, warning: 3, info: 12 }), '/repo');
    const lv = levels(lines);
    expect(lv.filter((l) => l === 'error')).toHaveLength(10);
    expect(lv.filter((l) => l === 'warning')).toHaveLength(3);
    expect(lv.filter((l) => l === 'notice')).toHaveLength(10); // 9 findings + the summary notice
    expect(omitted).toBe(15 + 3);
    expect(lines[0]).toContain('line=201,'); // first error finding (errors sort first)
    expect(lines[9]).toContain('line=210,');
    expect(lines[lines.length - 1]).toMatch(/^::notice title=godock%3A more problems::18 more godock problems are not annotated/);
  });

  it('counts file errors as error annotations, first', () => {
    const r = many({ error: 10, warning: 0, info: 0 });
    r.files[0]!.errors.push({ message: 'bad', line: 3, column: 1 });
    const { lines, omitted } = limitedAnnotations(r, '/repo');
    expect(lines[0]).toContain('godock parse error');
    expect(omitted).toBe(1);
  });
});
