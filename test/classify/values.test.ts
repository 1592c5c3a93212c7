import { literalParts, literalText, valueKind, isPlaceholder, isHighEntropy } from '../../src/classify';
import { isDigestLike, isFingerprintList, isPathLike, isPlainUrl, isQuantity, shannon } from '../../src/classify/values';

describe('literalParts', () => {
  const rows: [string | null, string[]][] = [
    [null, []],
    ['', []],
    ['plain', ['plain']],
    ['$VAR', []],
    ['${VAR}', []],
    ['${VAR:?must be set}', []],
    ['${VAR?err}', []],
    ['${VAR:-lit}', ['lit']],
    ['${VAR-lit}', ['lit']],
    ['${VAR:=lit}', ['lit']],
    ['${VAR:+alt}', ['alt']],
    ['${A:-${B:-deep}}', ['deep']],
    ['${A:-${B}}', []],
    ['pre${X}post', ['pre', 'post']],
    ['pre$X-post', ['pre', '-post']],
    ['$$', []],
    ['a$$b', ['a', 'b']],
    ['%VAR%', []],
    ['x%VAR%y', ['x', 'y']],
    ['100%', ['100%']],
    ['{{ .Values.token }}', []],
    ['${{ secrets.TOKEN }}', []],
    ['$(cat /run/secrets/x)', []],
    ['$(echo $(whoami))', []],
    ['`cat /run/secrets/x`', []],
    ['${#VAR}', []],
    ['${VAR/a/b}', []],
    ['${VAR:0:3}', []],
    ['$1', []],
    ['$@x', ['x']],
    ['cost: $', ['cost: $']],
    ['${unterminated', ['${unterminated']],
    ['\\$HOME', ['$HOME']],
    ['postgres://u:${PASS}@db/x', ['postgres://u:', '@db/x']],
  ];
  test.each(rows)('%p → %p', (v, parts) => expect(literalParts(v)).toEqual(parts));
  test('literalText joins the parts', () => expect(literalText('a${X:-b}c')).toBe('abc'));
});

describe('valueKind', () => {
  const rows: [string | null, string][] = [
    [null, 'empty'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['$VAR', 'reference'],
    ['${VAR}', 'reference'],
    ['${VAR:?err}', 'reference'],
    ['${VAR?err}', 'reference'],
    ['%VAR%', 'reference'],
    ['{{ .X }}', 'reference'],
    ['${{ secrets.X }}', 'reference'],
    ['$(cat /run/secrets/x)', 'reference'],
    ['${A}${B}', 'reference'],
    ['${HOST}:${PORT}/${DB}', 'reference'],
    ['"${TOKEN}"', 'reference'],
    ['$$', 'reference'],
    ['${VAR:-lit}', 'literal'],
    ['${VAR-s3cr3t}', 'literal'],
    ['${VAR:-}', 'reference'],
    ['${VAR:-changeme}', 'placeholder'],
    ['1', 'placeholder'],
    ['0', 'placeholder'],
    ['true', 'placeholder'],
    ['FALSE', 'placeholder'],
    ['yes', 'placeholder'],
    ['no', 'placeholder'],
    ['on', 'placeholder'],
    ['off', 'placeholder'],
    ['changeme', 'placeholder'],
    ['CHANGEME', 'placeholder'],
    ['change_me', 'placeholder'],
    ['change-me-in-production', 'placeholder'],
    ['ChangeMeChangeMe', 'placeholder'],
    ['changePassword', 'placeholder'],
    ['replace_me', 'placeholder'],
    ['<token>', 'placeholder'],
    ['<your password>', 'placeholder'],
    ['[YOUR_TOKEN]', 'placeholder'],
    ['{token}', 'placeholder'],
    ['__PASSWORD__', 'placeholder'],
    ['@DB_PASSWORD@', 'placeholder'],
    ['your-token-here', 'placeholder'],
    ['your_api_key', 'placeholder'],
    ['YOUR_SECRET', 'placeholder'],
    ['token-goes-here', 'placeholder'],
    ['insert-key-here', 'placeholder'],
    ['xxx', 'placeholder'],
    ['XXXXXXXXXXXX', 'placeholder'],
    ['xxxx-xxxx-xxxx', 'placeholder'],
    ['***', 'placeholder'],
    ['********', 'placeholder'],
    ['...', 'placeholder'],
    ['null', 'placeholder'],
    ['None', 'placeholder'],
    ['undefined', 'placeholder'],
    ['-', 'placeholder'],
    ['_', 'placeholder'],
    ['{}', 'placeholder'],
    ['dummy', 'placeholder'],
    ['placeholder', 'placeholder'],
    ['TODO', 'placeholder'],
    ['fix_me', 'placeholder'],
    ['put your unique phrase here', 'placeholder'],
    ['"changeme"', 'placeholder'],
    // development credentials are literals, not placeholders
    ['password', 'literal'],
    ['postgres', 'literal'],
    ['root', 'literal'],
    ['admin', 'literal'],
    ['secret', 'literal'],
    ['example', 'literal'],
    ['test', 'literal'],
    ['changeit', 'literal'],
    ['123456', 'literal'],
    ['2', 'literal'],
    ['hunter2', 'literal'],
    ['P@ssw0rd!', 'literal'],
    ['/run/secrets/db_password', 'literal'],
    ['pre${X}', 'literal'],
    ['my-app', 'literal'],
    ['yourself', 'placeholder'],
    ['mypassword', 'literal'],
    ['mysecret', 'literal'],
    ['your' + 'A'.repeat(40) + '!', 'literal'],
    ['insert ' + 'a '.repeat(40) + '!', 'literal'],
  ];
  test.each(rows)('%p → %s', (v, kind) => expect(valueKind(v)).toBe(kind));
});

describe('isPlaceholder on raw text', () => {
  test.each([['   '], ["''"], ['""'], ['xxx']])('%p is a placeholder', (v) => expect(isPlaceholder(v)).toBe(true));
  test.each([['s3cret'], ['letmein'], ['admin123']])('%p is not', (v) => expect(isPlaceholder(v)).toBe(false));
});

describe('shape helpers', () => {
  test('shannon', () => {
    expect(shannon('')).toBe(0);
    expect(shannon('aaaa')).toBe(0);
    expect(shannon('abcd')).toBe(2);
  });
  test.each([
    ['Qm7vT2pX9kLw4ZsR8nYb3HcJ', true],
    ['9d8351a0-ca01-4556-9c37-85eb634869b9', true],
    ['2671d40f658f595f49cd585db8e522cc', true],
    ['short1A', false],
    ['created_at_desc_sort_order', false],
    ['aaaaaaaaaaaaaaaaaaaaaaaa', false],
    ['/usr/local/bin/somethingLong123', false],
    ['https://example.com/abcDEF123456', false],
    ['has space in it 123ABC', false],
  ] as [string, boolean][])('isHighEntropy(%p) = %p', (v, r) => expect(isHighEntropy(v)).toBe(r));

  test.each([
    ['/run/secrets/db_password', true],
    ['./secrets/x', true],
    ['../x', true],
    ['~/.ssh/id_rsa', true],
    ['C:\\ProgramData\\Docker\\secrets\\sa-password', true],
    ['file:///etc/key', true],
    ['server.key', true],
    ['certs/elasticsearch-key.pem', true],
    ['id_rsa', true],
    ['resetOSPassword.sh', true],
    ['hunter2', false],
    ['pass.word', false],
    ['p/w', false],
  ] as [string, boolean][])('isPathLike(%p) = %p', (v, r) => expect(isPathLike(v)).toBe(r));

  test.each([
    ['30', true],
    ['900', true],
    ['1.5', true],
    ['30m', true],
    ['1h30m', true],
    ['7d', true],
    ['15 minutes', true],
    ['PT15M', true],
    ['60*60*24', true],
    ['unlimited', true],
    ['abc', false],
    ['30x', false],
    ['1'.repeat(40) + 'x', false],
  ] as [string, boolean][])('isQuantity(%p) = %p', (v, r) => expect(isQuantity(v)).toBe(r));

  test.each([
    ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', true],
    ['sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', true],
    ['d41d8cd98f00b204e9800998ecf8427e', true],
    ['sha512-' + 'A'.repeat(86) + '==', true],
    ['$2y$10$abcdefghijklmnopqrstuv', true],
    ['$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', true],
    ['hunter2', false],
    ['abc123', false],
  ] as [string, boolean][])('isDigestLike(%p) = %p', (v, r) => expect(isDigestLike(v)).toBe(r));

  test.each([
    ['A035C8C19219BA821ECEA86B64E628F8D684696D', true],
    ['0x0A9AF2115F4687BD29803A206B73A36E6026DFCA', true],
    ['BCA4 3417 C3B4 85DD 128E C6D4 B7B3 B788 A8D3 785C', true],
    ['DBA3 6B51 81D0 C816 F630  E889 D980 A174 57F6 FB06', true],
    ['D95C03BC702BE9515344AE3374E44BC9067701A5 016895DE9A475111D537A6E69134FF30BC5A99B5', true],
    ['CEC86BB4A0BA9D0F90397CAEF8358FA2F2833C93 \tC4965EE9E3015D192CCCF2B6F758CE318D77295D', true],
    ['7198F4B714ABFC68', true],
    ['2671d40f658f595f49cd585db8e522cc', false],
    ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', false],
    ['not-a-key', false],
    ['', false],
  ] as [string, boolean][])('isFingerprintList(%p) = %p', (v, r) => expect(isFingerprintList(v)).toBe(r));

  test.each([
    ['https://example.com/x', true],
    ['redis://cache:6379/0', true],
    ['postgres://u:p@db/x', false],
    ['https://key@sentry.io/1', false],
    ['not a url', false],
  ] as [string, boolean][])('isPlainUrl(%p) = %p', (v, r) => expect(isPlainUrl(v)).toBe(r));
});
