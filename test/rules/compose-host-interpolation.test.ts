import { readFileSync } from 'fs';
import { join } from 'path';
import rule from '../../rules/compose-host-interpolation';
import { lintModel } from '../../src/engine/run';
import { parseCompose } from '../../src/parse/compose';
import { parseEnvFile } from '../../src/parse/env-file';

function lint(code: string) {
  return lintModel(parseCompose('compose.yaml', code), [rule]).findings.map((f) => ({
    line: f.loc.line,
    column: f.loc.column,
    endColumn: f.loc.endColumn,
    message: f.message,
  }));
}

const svc = (...env: string[]) => ['services:', '  app:', '    image: golang:1.22', ...env].join('\n') + '\n';

describe('compose-host-interpolation', () => {
  test.each([
    ['escaped $$', svc('    environment:', '      - PATH=$$GOPATH/bin:$$PATH')],
    ['escaped $${…}', svc('    environment:', '      GOBIN: $${GOPATH}/bin')],
    ['literal container path', svc('    environment:', '      GOPATH: /go')],
    ['other variables', svc('    environment:', '      - APP_DIR=${PWD}', '      - ME=$USER', '      - V=${GOOS:-linux}')],
    ['name contains GOPATH but is a different variable', svc('    environment:', '      - X=$GOPATH_EXTRA')],
    ['from host on purpose (bare key)', svc('    environment:', '      - GOPATH')],
    ['not in environment or build.args', svc('    command: echo $HOME', '    working_dir: $HOME')],
  ])('valid: %s', (_t, code) => {
    expect(lint(code)).toEqual([]);
  });

  test.each([
    [
      'list form, two references',
      svc('    environment:', '      - PATH=$GOPATH/bin:$PATH'),
      [
        { line: 5, column: 14, endColumn: 21 },
        { line: 5, column: 26, endColumn: 31 },
      ],
    ],
    ['map form, braced', svc('    environment:', '      GOCACHE: ${HOME}/.cache'), [{ line: 5, column: 16, endColumn: 23 }]],
    ['quoted value, default does not help', svc('    environment:', '      GOROOT: "${GOROOT:-/usr/local/go}"'), [{ line: 5, column: 16, endColumn: 40 }]],
    ['nested in a default', svc('    environment:', '      - GOMODCACHE=${MODCACHE:-$GOPATH/pkg/mod}'), [{ line: 5, column: 32, endColumn: 39 }]],
    ['build.args', svc('    build:', '      args:', '        - GOBIN=${GOBIN}'), [{ line: 6, column: 17, endColumn: 25 }]],
    [
      'escaped quote: whole value',
      svc('    environment:', '      P: "\\"$PATH\\""'),
      [{ line: 5, column: 11, endColumn: 20 }],
    ],
  ])('invalid: %s', (_t, code, want) => {
    const got = lint(code);
    expect(got.map(({ line, column, endColumn }) => ({ line, column, endColumn }))).toEqual(want);
    expect(got.every((f) => /filled in from the host/.test(f.message))).toBe(true);
  });

  test('the message names the variable and the escape', () => {
    expect(lint(svc('    environment:', '      - PATH=$PATH'))[0]!.message).toBe(
      "$PATH in PATH is filled in from the host shell when docker compose reads the file, so the container gets the host's $PATH, not its own. Write $$PATH to leave it to the container, or write the container path.",
    );
  });

  test('an anchored value shared by two services is reported once', () => {
    const code = ['x-env: &env', '  GOPATH: $HOME/go', 'services:', '  a:', '    environment: *env', '  b:', '    environment: *env', ''].join('\n');
    expect(lint(code)).toEqual([expect.objectContaining({ line: 2, column: 11, endColumn: 16 })]);
  });

  test('the names option replaces the list', () => {
    const model = parseCompose('compose.yaml', svc('    environment:', '      - A=$PWD', '      - B=$HOME'));
    const config = { rules: { [rule.id]: { options: { names: ['PWD'] } } }, classify: {} };
    const got = lintModel(model, [rule], config as unknown as Parameters<typeof lintModel>[2]).findings;
    expect(got.map((f) => f.loc.line)).toEqual([5]);
  });

  test('env files are not checked', () => {
    expect(lintModel(parseEnvFile('.env', 'PATH=$GOPATH/bin:$PATH\n'), [rule]).findings).toEqual([]);
  });

  test('suppression comment silences the next line', () => {
    const code = svc('    environment:', '      # godock-ignore compose-host-interpolation -- same path mounted', '      - PATH=$PATH');
    expect(lint(code)).toEqual([]);
  });

  test('the doc: summary equals the description; bad examples fire, good ones do not', () => {
    const doc = readFileSync(join(__dirname, '../../rules/compose-host-interpolation.md'), 'utf8');
    expect(doc.split('\n')[0]).toBe(`# ${rule.id}`);
    expect(doc.split('\n')[2]).toBe(rule.description);
    for (const h of ['## Why', '## Examples', '## When not to use it', '## References']) expect(doc).toContain(`\n${h}\n`);
    const blocks = [...doc.matchAll(/```yaml (bad|good)\n([\s\S]*?)```/g)];
    expect(blocks.filter((b) => b[1] === 'bad').length).toBeGreaterThan(0);
    expect(blocks.filter((b) => b[1] === 'good').length).toBeGreaterThan(0);
    for (const [, kind, code] of blocks) {
      const n = lint(code!).length;
      if (kind === 'bad') expect(n).toBeGreaterThan(0);
      else expect(n).toBe(0);
    }
  });
});
