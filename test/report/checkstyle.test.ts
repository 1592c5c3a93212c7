import { checkstyle, xmlEscape } from '../../src/report/checkstyle';
import { ctx, sample } from './fixtures';

describe('checkstyle', () => {
  it('writes checkstyle 4.3 XML grouped by file', () => {
    expect(checkstyle(sample(), ctx())).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="compose.yaml">',
        '    <error line="4" column="9" severity="info" message="a note, with: commas % and&#10;newline" source="godock.fake-info-rule" />',
        '    <error line="9" column="1" severity="error" message="unexpected end of file" source="godock.parse-error" />',
        '  </file>',
        '  <file name="svc/Dockerfile">',
        '    <error line="2" column="17" severity="error" message="ENV DB_PASSWORD holds a hardcoded password (hunt****(17))" source="godock.secret-in-env" />',
        '    <error line="7" column="3" severity="warning" message="GOPATH is set twice" source="godock.fake-go-rule" />',
        '  </file>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [`<a href="x">&'`, '&lt;a href=&quot;x&quot;&gt;&amp;&apos;'],
    ['bell\u0007 and nul\u0000', 'bell and nul'],
    ['tab\there', 'tab&#9;here'],
    ['emoji 🐳', 'emoji 🐳'],
  ])('escapes %j', (raw, escaped) => {
    expect(xmlEscape(raw)).toBe(escaped);
  });

  it('is an empty report for a clean run', () => {
    expect(checkstyle({ files: [] }, ctx())).toBe('<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n</checkstyle>\n');
  });
});
