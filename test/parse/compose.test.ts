import { ALIAS_BOMB, NOT_A_MAPPING, parseCompose, resolveEnvFilePath } from '../../src/parse/compose';
import type { Command, EnvAssignment } from '../../src/model';
import { L } from '../helpers/text';

/** The fields of an assignment a table asserts. */
function view(a: EnvAssignment) {
  return { name: a.name, value: a.value, kind: a.kind, nameLoc: a.nameLoc, valueLoc: a.valueLoc, services: a.services };
}

const yaml = (lines: string[]) => lines.join('\n') + '\n';

describe('parseCompose: environment and build.args', () => {
  const cases: { title: string; text: string; want: ReturnType<typeof view>[] }[] = [
    {
      title: 'map form, unquoted, quoted, number, boolean, null forms',
      text: yaml([
        'services:',
        '  app:',
        '    environment:',
        '      A: plain value',
        '      B: "dq \\"x\\""',
        "      C: 'sq'",
        '      D: 1.0',
        '      E: yes',
        '      F:',
        '      G: null',
        '      H: ""',
      ]),
      want: [
        { name: 'A', value: 'plain value', kind: 'environment', nameLoc: L(4, 7, 8), valueLoc: L(4, 10, 21), services: ['app'] },
        { name: 'B', value: 'dq "x"', kind: 'environment', nameLoc: L(5, 7, 8), valueLoc: L(5, 11, 19), services: ['app'] },
        { name: 'C', value: 'sq', kind: 'environment', nameLoc: L(6, 7, 8), valueLoc: L(6, 11, 13), services: ['app'] },
        { name: 'D', value: '1.0', kind: 'environment', nameLoc: L(7, 7, 8), valueLoc: L(7, 10, 13), services: ['app'] },
        { name: 'E', value: 'yes', kind: 'environment', nameLoc: L(8, 7, 8), valueLoc: L(8, 10, 13), services: ['app'] },
        { name: 'F', value: null, kind: 'environment', nameLoc: L(9, 7, 8), valueLoc: null, services: ['app'] },
        { name: 'G', value: null, kind: 'environment', nameLoc: L(10, 7, 8), valueLoc: null, services: ['app'] },
        { name: 'H', value: '', kind: 'environment', nameLoc: L(11, 7, 8), valueLoc: L(11, 11, 11), services: ['app'] },
      ],
    },
    {
      title: 'list form: KEY=VALUE, quoted item, bare KEY, KEY=, value with =',
      text: yaml([
        'services:',
        '  app:',
        '    environment:',
        '      - A=1',
        '      - "B=two words"',
        '      - C',
        '      - D=',
        '      - E=a=b',
      ]),
      want: [
        { name: 'A', value: '1', kind: 'environment', nameLoc: L(4, 9, 10), valueLoc: L(4, 11, 12), services: ['app'] },
        { name: 'B', value: 'two words', kind: 'environment', nameLoc: L(5, 10, 11), valueLoc: L(5, 12, 21), services: ['app'] },
        { name: 'C', value: null, kind: 'environment', nameLoc: L(6, 9, 10), valueLoc: null, services: ['app'] },
        { name: 'D', value: '', kind: 'environment', nameLoc: L(7, 9, 10), valueLoc: L(7, 11, 11), services: ['app'] },
        { name: 'E', value: 'a=b', kind: 'environment', nameLoc: L(8, 9, 10), valueLoc: L(8, 11, 14), services: ['app'] },
      ],
    },
    {
      title: 'flow forms',
      text: yaml(['services:', '  app:', '    environment: { A: x, B: "y" }', '  b:', '    environment: [C=z]']),
      want: [
        { name: 'A', value: 'x', kind: 'environment', nameLoc: L(3, 20, 21), valueLoc: L(3, 23, 24), services: ['app'] },
        { name: 'B', value: 'y', kind: 'environment', nameLoc: L(3, 26, 27), valueLoc: L(3, 30, 31), services: ['app'] },
        { name: 'C', value: 'z', kind: 'environment', nameLoc: L(5, 19, 20), valueLoc: L(5, 21, 22), services: ['b'] },
      ],
    },
    {
      title: 'build.args map and list forms',
      text: yaml([
        'services:',
        '  app:',
        '    build:',
        '      context: .',
        '      args:',
        '        GO_VERSION: "1.22"',
        '        TOKEN:',
        '  other:',
        '    build:',
        '      args:',
        '        - X=1',
        '        - Y',
      ]),
      want: [
        { name: 'GO_VERSION', value: '1.22', kind: 'build-arg', nameLoc: L(6, 9, 19), valueLoc: L(6, 22, 26), services: ['app'] },
        { name: 'TOKEN', value: null, kind: 'build-arg', nameLoc: L(7, 9, 14), valueLoc: null, services: ['app'] },
        { name: 'X', value: '1', kind: 'build-arg', nameLoc: L(11, 11, 12), valueLoc: L(11, 13, 14), services: ['other'] },
        { name: 'Y', value: null, kind: 'build-arg', nameLoc: L(12, 11, 12), valueLoc: null, services: ['other'] },
      ],
    },
    {
      title: 'anchor in x-*, merged into one env and aliased as a whole: reported once at the anchor',
      text: yaml([
        'x-env: &env',
        '  DB_PASSWORD: hunter2',
        '  SHARED: x',
        'services:',
        '  a:',
        '    environment:',
        '      <<: *env',
        '      SHARED: own',
        '  b:',
        '    environment: *env',
      ]),
      want: [
        { name: 'DB_PASSWORD', value: 'hunter2', kind: 'environment', nameLoc: L(2, 3, 14), valueLoc: L(2, 16, 23), services: ['a', 'b'] },
        { name: 'SHARED', value: 'x', kind: 'environment', nameLoc: L(3, 3, 9), valueLoc: L(3, 11, 12), services: ['b'] },
        { name: 'SHARED', value: 'own', kind: 'environment', nameLoc: L(8, 7, 13), valueLoc: L(8, 15, 18), services: ['a'] },
      ],
    },
    {
      title: 'service-level merge key (<< with a list) brings environment to every service',
      text: yaml([
        'x-common: &common',
        '  environment:',
        '    - API_KEY=abc',
        'x-more: &more',
        '  restart: always',
        'services:',
        '  a:',
        '    <<: [*common, *more]',
        '    image: alpine',
        '  b:',
        '    <<: *common',
        '  c:',
        '    <<: *common',
        '    environment: []',
      ]),
      want: [
        { name: 'API_KEY', value: 'abc', kind: 'environment', nameLoc: L(3, 7, 14), valueLoc: L(3, 15, 18), services: ['a', 'b'] },
      ],
    },
    {
      title: 'aliased scalar value points at the anchor',
      text: yaml(['x-pw: &pw s3cret', 'services:', '  a:', '    environment:', '      PASSWORD: *pw']),
      want: [{ name: 'PASSWORD', value: 's3cret', kind: 'environment', nameLoc: L(5, 7, 15), valueLoc: L(1, 11, 17), services: ['a'] }],
    },
    {
      title: '!reset entries are dropped, !override content is kept',
      text: yaml([
        'services:',
        '  a:',
        '    environment: !override',
        '      KEEP: 1',
        '      GONE: !reset',
        '  b:',
        '    environment: !reset []',
        '    build:',
        '      args: !reset {}',
      ]),
      want: [{ name: 'KEEP', value: '1', kind: 'environment', nameLoc: L(4, 7, 11), valueLoc: L(4, 13, 14), services: ['a'] }],
    },
    {
      title: 'v1 file: services at the top level',
      text: yaml(['web:', '  image: nginx', '  environment:', '    - SECRET_KEY=abc', 'data:', '  just: a map']),
      want: [{ name: 'SECRET_KEY', value: 'abc', kind: 'environment', nameLoc: L(4, 7, 17), valueLoc: L(4, 18, 21), services: ['web'] }],
    },
    {
      title: 'block scalar value starts on its first content line',
      text: yaml(['services:', '  a:', '    environment:', '      KEY: |', '        line1', '        line2']),
      want: [{ name: 'KEY', value: 'line1\nline2\n', kind: 'environment', nameLoc: L(4, 7, 10), valueLoc: L(5, 9, 14, 6), services: ['a'] }],
    },
  ];

  test.each(cases)('$title', ({ text, want }) => {
    const m = parseCompose('compose.yaml', text);
    expect(m.errors).toEqual([]);
    expect(m.assignments.map(view)).toEqual(want);
  });

  test('group: one per environment mapping/list; scope is the first receiving service', () => {
    const m = parseCompose(
      'compose.yaml',
      yaml(['services:', '  a:', '    environment: {A: 1, B: 2}', '    build: {args: [C=3]}', '  b:', '    environment: [D=4]']),
    );
    const g = Object.fromEntries(m.assignments.map((a) => [a.name, a.group]));
    expect(g.A).toBe(g.B);
    expect(new Set([g.A, g.C, g.D]).size).toBe(3);
    expect(m.assignments.map((a) => a.scope)).toEqual(['a', 'a', 'a', 'b']);
  });

  test('CRLF line ends and a BOM', () => {
    const m = parseCompose('c.yaml', '\uFEFFservices:\r\n  a:\r\n    environment:\r\n      A: plain\r\n      B: "q"\r\n');
    expect(m.errors).toEqual([]);
    expect(m.assignments.map(view)).toEqual([
      { name: 'A', value: 'plain', kind: 'environment', nameLoc: L(4, 7, 8), valueLoc: L(4, 10, 15), services: ['a'] },
      { name: 'B', value: 'q', kind: 'environment', nameLoc: L(5, 7, 8), valueLoc: L(5, 11, 12), services: ['a'] },
    ]);
  });

  test('raw keeps the source text when it differs from the value', () => {
    const m = parseCompose('c.yaml', yaml(['services:', '  a:', '    environment:', "      A: 'x'", '      B: x', '      - ']));
    expect(m.assignments.find((a) => a.name === 'A')?.raw).toBe("'x'");
    expect(m.assignments.find((a) => a.name === 'B')?.raw).toBeUndefined();
  });
});

describe('parseCompose: scopes', () => {
  test('image, resolved image, golang facts, build context/dockerfile/target', () => {
    const m = parseCompose(
      'deploy/compose.yaml',
      yaml([
        'services:',
        '  go:',
        '    image: golang:${GO_VERSION:-1.22}',
        '  win:',
        '    image: golang:1.22-nanoserver',
        '  dyn:',
        '    image: ${REGISTRY}/app',
        '  built:',
        '    build:',
        '      context: ./src',
        '      dockerfile: build/Dockerfile.dev',
        '      target: test',
        '  short:',
        '    build: ./short',
      ]),
    );
    expect(m.errors).toEqual([]);
    const s = Object.fromEntries(m.scopes.map((x) => [x.name, x]));
    expect(s.go).toMatchObject({ index: 0, image: 'golang:${GO_VERSION:-1.22}', resolvedImage: 'golang:1.22', golang: true, goroot: '/usr/local/go', windows: false });
    expect(s.go!.loc).toEqual(L(2, 3, 5));
    expect(s.go!.imageLoc).toEqual(L(3, 12, 38));
    expect(s.win).toMatchObject({ golang: true, windows: true, goroot: 'C:\\Program Files\\Go' });
    expect(s.dyn).toMatchObject({ image: '${REGISTRY}/app', resolvedImage: null, golang: false, goroot: null });
    expect(s.built).toMatchObject({ image: null, resolvedImage: null, build: { context: './src', dockerfile: 'build/Dockerfile.dev', target: 'test', loc: L(9, 5, 10) } });
    expect(s.short!.build).toEqual({ context: './short', dockerfile: 'Dockerfile', loc: L(14, 5, 10) });
  });
});

describe('parseCompose: env_file', () => {
  test('string, list, long syntax; resolved against the compose folder; merged per file', () => {
    const m = parseCompose(
      'stack/compose.yaml',
      yaml([
        'services:',
        '  a:',
        '    env_file: .env',
        '  b:',
        '    env_file:',
        '      - ./.env',
        '      - path: ../shared/db.env',
        '        required: false',
        '      - path: raw.env',
        '        format: raw',
      ]),
    );
    expect(m.errors).toEqual([]);
    expect(m.envFiles).toEqual([
      { path: '.env', resolved: 'stack/.env', required: true, format: 'dotenv', services: ['a', 'b'], loc: L(3, 15, 19) },
      { path: '../shared/db.env', resolved: 'shared/db.env', required: false, format: 'dotenv', services: ['b'], loc: L(7, 15, 31) },
      { path: 'raw.env', resolved: 'stack/raw.env', required: true, format: 'raw', services: ['b'], loc: L(9, 15, 22) },
    ]);
  });

  test.each([
    ['compose.yaml', '.env', '.env'],
    ['a/b/compose.yaml', '../x.env', 'a/x.env'],
    ['a\\b\\compose.yaml', 'y.env', 'a/b/y.env'],
    ['a/compose.yaml', '/etc/app.env', '/etc/app.env'],
    ['compose.yaml', '../up.env', '../up.env'],
  ])('resolveEnvFilePath(%s, %s) = %s', (compose, p, want) => {
    expect(resolveEnvFilePath(compose, p)).toBe(want);
  });
});

describe('parseCompose: suppressions', () => {
  test('next non-comment line, extended over a multi-line value; file pragma', () => {
    const m = parseCompose(
      'c.yaml',
      yaml([
        '# godock-ignore-file compose-host-interpolation',
        'services:',
        '  a:',
        '    environment:',
        '      # godock-ignore secret-a,secret-b -- test fixture',
        '      # another comment',
        '',
        '      KEY: |',
        '        v',
      ]),
    );
    expect(m.suppressions).toEqual([
      { ruleIds: ['compose-host-interpolation'], startLine: 2, endLine: 2, file: true, source: 'godock', line: 1 },
      { ruleIds: ['secret-a', 'secret-b'], startLine: 8, endLine: 9, file: false, source: 'godock', line: 5, reason: 'test fixture' },
    ]);
  });
});

describe('parseCompose: errors (never throws)', () => {
  test.each([
    ['unclosed flow sequence', 'services:\n  a: [1\n  b: 2\n', 3, 3, /Flow sequence .* end with a \]/],
    ['duplicate key', 'services:\n  a: {}\n  a: {}\n', 3, 3, /Map keys must be unique/],
    ['tab indentation', 'services:\n\ta: 1\n', 2, 1, /Tabs are not allowed/],
    ['nested compact mapping', 'services:\n  a: b: c\n', 2, 6, /Nested mappings/],
    ['undefined alias', 'services:\n  a: *nope\n', 2, 6, /Unresolved alias/],
  ])('%s reports the parser reason with its line and column', (_t, text, line, column, reason) => {
    const m = parseCompose('c.yaml', text);
    expect(m.errors).toHaveLength(1);
    expect(m.errors[0]).toMatchObject({ line, column });
    expect(m.errors[0]!.message).toMatch(reason);
  });

  test.each([
    ['a list', '- a\n- b\n'],
    ['a scalar', 'just text\n'],
  ])('a document that is %s is not a compose file', (_t, text) => {
    expect(parseCompose('c.yaml', text).errors).toEqual([{ message: NOT_A_MAPPING, line: 1, column: 1 }]);
  });

  test('an empty file or comments only is not an error', () => {
    expect(parseCompose('c.yaml', '').errors).toEqual([]);
    expect(parseCompose('c.yaml', '# nothing\n').errors).toEqual([]);
  });

  test('alias bomb is refused quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      levels.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
    }
    const text = `services:\n  app:\n    image: x\n${levels.join('\n')}\n`;
    const t0 = Date.now();
    const m = parseCompose('bomb.yaml', text);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(m.errors.map((e) => e.message)).toEqual([ALIAS_BOMB]);
    expect(m.errors[0]!.line).toBe(5);
  });

  test('merge-key bomb (nested << lists) is refused quickly', () => {
    const lines = ['x-0: &m0 {A: 1}'];
    for (let i = 1; i < 12; i++) lines.push(`x-${i}: &m${i} {<<: [${Array(8).fill(`*m${i - 1}`).join(', ')}]}`);
    lines.push('services:', '  app:', '    environment:', '      <<: *m11');
    const t0 = Date.now();
    const m = parseCompose('bomb.yaml', lines.join('\n') + '\n');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(m.errors.map((e) => e.message)).toEqual([ALIAS_BOMB]);
  });

  test('profiles, include, secrets, configs, networks do not disturb parsing', () => {
    const m = parseCompose(
      'c.yaml',
      yaml([
        'include:',
        '  - other.yaml',
        'services:',
        '  a:',
        '    profiles: [dev]',
        '    secrets: [db_pw]',
        '    configs: [cfg]',
        '    environment:',
        '      DB_PASSWORD_FILE: /run/secrets/db_pw',
        'secrets:',
        '  db_pw:',
        '    file: ./pw.txt',
        'configs:',
        '  cfg:',
        '    environment: CFG_ENV',
        'networks: {}',
      ]),
    );
    expect(m.errors).toEqual([]);
    expect(m.scopes.map((s) => s.name)).toEqual(['a']);
    expect(m.assignments.map((a) => a.name)).toEqual(['DB_PASSWORD_FILE']);
  });
});

describe('parseCompose: command, entrypoint, healthcheck.test', () => {
  const view = (c: Command) => [c.kind, c.form, c.services, c.segments.map((s) => `${s.text}@${s.line}:${s.column}`)];
  test.each([
    {
      title: 'strings: plain, quoted, folded over lines',
      text: yaml([
        'services:',
        '  app:',
        '    command: redis-server --port 6380',
        '    entrypoint: "/entry.sh --debug"',
        '    healthcheck:',
        '      test: >',
        '        curl -f',
        '        http://localhost/',
      ]),
      want: [
        ['compose-command', 'shell', ['app'], ['redis-server --port 6380@3:14']],
        ['compose-entrypoint', 'shell', ['app'], ['/entry.sh --debug@4:18']],
        ['compose-healthcheck', 'shell', ['app'], ['curl -f@7:9', 'http://localhost/@8:9']],
      ],
    },
    {
      title: 'lists: one segment per item; the CMD / CMD-SHELL word of a healthcheck is not one',
      text: yaml([
        'services:',
        '  app:',
        '    command: ["redis-server", "--port", 6380]',
        '    entrypoint:',
        '      - sh',
        "      - '-c'",
        '    healthcheck:',
        '      test: ["CMD-SHELL", "redis-cli ping"]',
        '  b:',
        '    healthcheck:',
        '      test: ["NONE"]',
      ]),
      want: [
        ['compose-command', 'exec', ['app'], ['redis-server@3:16', '--port@3:32', '6380@3:41']],
        ['compose-entrypoint', 'exec', ['app'], ['sh@5:9', '-c@6:10']],
        ['compose-healthcheck', 'exec', ['app'], ['redis-cli ping@8:28']],
      ],
    },
    {
      title: 'a healthcheck behind an anchor is one command of every service that uses it; !reset drops one',
      text: yaml([
        'x-hc: &hc',
        '  test: ["CMD", "true"]',
        'services:',
        '  a:',
        '    healthcheck: *hc',
        '    command: !reset null',
        '  b:',
        '    healthcheck:',
        '      <<: *hc',
        '      interval: 5s',
      ]),
      want: [['compose-healthcheck', 'exec', ['a', 'b'], ['true@2:18']]],
    },
  ])('$title', ({ text, want }) => {
    const m = parseCompose('compose.yaml', text);
    expect(m.errors).toEqual([]);
    expect(m.commands.map(view)).toEqual(want);
  });
});
