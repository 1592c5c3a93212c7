import { stylish } from '../../src/report/stylish';
import { ctx, finding, loc, sample } from './fixtures';

describe('stylish', () => {
  it('groups by file, aligns rows, shows parse errors and a summary line', () => {
    expect(stylish(sample(), ctx())).toBe(
      [
        'svc/Dockerfile',
        '  2:17  error    ENV DB_PASSWORD holds a hardcoded password (hunt****(17))  secret-in-env',
        '  7:3   warning  GOPATH is set twice                                        fake-go-rule',
        '',
        'compose.yaml',
        '  4:9  info   a note, with: commas % and newline  fake-info-rule',
        '  9:1  error  unexpected end of file              parse-error',
        '',
        '✖ 4 problems (2 errors, 1 warning, 1 info)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for a clean result', () => {
    expect(stylish({ files: [{ file: 'Dockerfile', format: 'dockerfile', findings: [], errors: [] }] }, ctx())).toBe('');
  });

  it.each([
    [true, true],
    [false, false],
  ])('color=%s → ANSI codes present: %s', (color, ansi) => {
    const out = stylish({ files: [{ file: 'D', format: 'dockerfile', findings: [finding('D', loc(1, 1), 'r', 'warning', 'm')], errors: [] }] }, { ...ctx(), color });
    expect(/\u001b\[/.test(out)).toBe(ansi);
    expect(out).toContain('1 problem (0 errors, 1 warning, 0 infos)');
  });
});
