import { displayName, noWorkflowCommands, visible } from '../../src/util/safe-text';
import { maskSpans, redact } from '../../src/classify/redact';

describe('visible', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a\nb', 'a\\nb'],
    ['a\rb', 'a\\rb'],
    ['\u001b[2J\u001b]0;title\u0007', '\\e[2J\\e]0;title\\x07'],
    ['tab\there', 'tab\\there'],
    ['del\u007f c1\u009b', 'del\\x7f c1\\x9b'],
    ['bidi \u202eevil\u202c', 'bidi \\u202eevil\\u202c'],
    ['zero\u200bwidth \u2028sep \ufeffbom', 'zero\\u200bwidth \\u2028sep \\ufeffbom'],
    ['ünïcödé and emoji 🔴', 'ünïcödé and emoji 🔴'],
  ])('%j → %j', (raw, want) => expect(visible(raw)).toBe(want));
});

describe('displayName', () => {
  it.each([
    ['DB_PASSWORD', 'DB_PASSWORD'],
    ['GITEA__database__PASSWD', 'GITEA__database__PASSWD'],
    ['a_b-c.d', 'a_b-c.d'],
    ['POSTGRES_PASSWORD:Tr0ub4dor&3-horse!', '"POSTGRES_PASSWORD…"'],
    ['NAME=value', '"NAME…"'],
    ['MY KEY', '"MY…"'],
    ['![x](https://e.example/p.png)_PASSWORD', '"![x](https…"'],
    ['X\u001b[2J', '"X\\e[2J"'],
    ['say "hi"', '"say…"'],
    ['a"b', '"a\\"b"'],
  ])('%j → %j', (raw, want) => expect(displayName(raw)).toBe(want));
});

describe('noWorkflowCommands', () => {
  it.each([
    ['::error::x', '\\x3a:error::x'],
    ['ok\n  ::stop-commands::t\nfine', 'ok\n  \\x3a:stop-commands::t\nfine'],
    ['a :: b', 'a :: b'],
    [':single', ':single'],
  ])('%j → %j', (raw, want) => expect(noWorkflowCommands(raw)).toBe(want));
});

describe('masking by span', () => {
  it('masks exactly the spans, merging overlaps', () => {
    expect(maskSpans('abcdefghijkl', [{ start: 2, end: 6 }, { start: 4, end: 8 }])).toBe('abc****(6)ijkl');
    expect(maskSpans('abc', [])).toBe('abc');
  });

  it.each([
    ['a piece that is the secret is masked whole', 'e', ['e'], '****(1)'],
    ['a short secret masks its occurrences in its own piece only', 'x=e', ['e'], 'x=****(1)'],
    ['a secret assignment inside free text', '-ldflags=-X main.password=Hq7vN2xZ8mK3pR5t -mod=mod', [], '-ldflags=-X main.password=Hq7v****(16) -mod=mod'],
    ['a token format inside free text', `token ghp_${'FAKE'.repeat(9)} here`, [], 'token ghp_****(40) here'],
    ['nothing secret', 'GOFLAGS=-mod=mod', [], 'GOFLAGS=-mod=mod'],
  ])('%s', (_t, text, secrets, want) => expect(redact(text, secrets)).toBe(want));
});
