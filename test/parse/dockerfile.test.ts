import { parseDockerfile } from '../../src/parse/dockerfile';
import type { Command, EnvAssignment, Location } from '../../src/model';

const at = (l: Location | null) => (l ? `${l.line}:${l.column}-${l.endLine}:${l.endColumn}` : null);
const summary = (a: EnvAssignment) => [a.kind, a.name, a.value, at(a.nameLoc), at(a.valueLoc), a.scope ?? null];

describe('parseDockerfile: assignments', () => {
  const cases: [string, string, unknown[][]][] = [
    ['ENV k=v over continuation lines', 'FROM alpine\nENV A=1 \\\n    B="two words" \\\n    C=\'x y\'\n', [
      ['env', 'A', '1', '2:5-2:6', '2:7-2:8', '0'],
      ['env', 'B', 'two words', '3:5-3:6', '3:8-3:17', '0'],
      ['env', 'C', 'x y', '4:5-4:6', '4:8-4:11', '0'],
    ]],
    ['legacy ENV k v w', 'FROM alpine\nENV GPG_KEY A035 C8C1 9219\n', [['env', 'GPG_KEY', 'A035 C8C1 9219', '2:5-2:12', '2:13-2:27', '0']]],
    ['escaped space', 'FROM alpine\nENV A=a\\ b\n', [['env', 'A', 'a b', '2:5-2:6', '2:7-2:11', '0']]],
    ['escape directive (backtick)', '# escape=`\nFROM alpine\nENV A=1 `\n    B=2\n', [
      ['env', 'A', '1', '3:5-3:6', '3:7-3:8', '0'],
      ['env', 'B', '2', '4:5-4:6', '4:7-4:8', '0'],
    ]],
    ['ARG with and without defaults, several names', 'FROM alpine\nARG A B=2 C=\n', [
      ['arg', 'A', null, '2:5-2:6', null, '0'],
      ['arg', 'B', '2', '2:7-2:8', '2:9-2:10', '0'],
      ['arg', 'C', '', '2:11-2:12', null, '0'],
    ]],
    ['ARG before FROM has no scope', 'ARG V=1\nFROM alpine:$V\n', [['arg', 'V', '1', '1:5-1:6', '1:7-1:8', null]]],
    ['named stages', 'FROM golang:1.22 AS Build\nENV X=1\nFROM alpine\nENV Y=2\n', [
      ['env', 'X', '1', '2:5-2:6', '2:7-2:8', 'build'],
      ['env', 'Y', '2', '4:5-4:6', '4:7-4:8', '1'],
    ]],
    ['LABEL', 'FROM alpine\nLABEL a="b c"\n', [['label', 'a', 'b c', '2:7-2:8', '2:10-2:13', '0']]],
    ['ONBUILD ENV', 'FROM alpine\nONBUILD ENV A=1\n', [['env', 'A', '1', '2:13-2:14', '2:15-2:16', '0']]],
    ['CRLF', 'FROM alpine\r\nENV A=1 \\\r\n  B=2\r\n', [
      ['env', 'A', '1', '2:5-2:6', '2:7-2:8', '0'],
      ['env', 'B', '2', '3:3-3:4', '3:5-3:6', '0'],
    ]],
    ['UTF-8 BOM', '\uFEFFFROM alpine\nENV A=1\n', [['env', 'A', '1', '2:5-2:6', '2:7-2:8', '0']]],
    ['comment inside a continued ENV', 'FROM alpine\nENV A=1 \\\n# note\n    B=2\n', [
      ['env', 'A', '1', '2:5-2:6', '2:7-2:8', '0'],
      ['env', 'B', '2', '4:5-4:6', '4:7-4:8', '0'],
    ]],
    ['RUN export / prefix / bare / go env -w', 'FROM golang:1.22\nRUN export GOPATH=/x && \\\n    CGO_ENABLED=0 go build && \\\n    GOFLAGS=-x && go env -w GOSUMDB=off\n', [
      ['run', 'GOPATH', '/x', '2:12-2:18', '2:19-2:21', '0'],
      ['run', 'CGO_ENABLED', '0', '3:5-3:16', '3:17-3:18', '0'],
      ['run', 'GOFLAGS', '-x', '4:5-4:12', '4:13-4:15', '0'],
      ['go-env-w', 'GOSUMDB', 'off', '4:29-4:36', '4:37-4:40', '0'],
    ]],
    ['RUN heredoc body assignments', 'FROM golang:1.22\nRUN <<EOF\nexport GOFLAGS=-mod=mod\nEOF\n', [['run', 'GOFLAGS', '-mod=mod', '3:8-3:15', '3:16-3:24', '0']]],
    ['heredoc bodies are not instructions', 'FROM alpine\nCOPY <<EOF /etc/app.conf\nENV NOT=an-instruction\nEOF\n', []],
    ['RUN exec form has no assignments', 'FROM alpine\nRUN ["sh", "-c", "A=1 true"]\n', []],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const m = parseDockerfile('Dockerfile', text);
    expect(m.errors).toEqual([]);
    expect(m.assignments.map(summary)).toEqual(expected);
  });

  it('marks runForm and ONBUILD origin', () => {
    const m = parseDockerfile('Dockerfile', 'FROM alpine\nRUN export A=1; B=2; C=3 cmd\nONBUILD ENV D=4\n');
    expect(m.assignments.map((a) => [a.name, a.runForm ?? null, a.viaOnbuild ?? false])).toEqual([
      ['A', 'export', false],
      ['B', 'bare', false],
      ['C', 'prefix', false],
      ['D', null, true],
    ]);
  });

  it('groups the properties of one instruction', () => {
    const m = parseDockerfile('Dockerfile', 'FROM alpine\nENV A=1 B=2\nENV C=3\n');
    const [a, b, c] = m.assignments;
    expect(a!.group).toBe(b!.group);
    expect(c!.group).not.toBe(a!.group);
  });
});

describe('parseDockerfile: stages', () => {
  it('resolves golang images through ARG substitution and aliases', () => {
    const m = parseDockerfile(
      'Dockerfile',
      'ARG GO_VERSION=1.22\nFROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build\nFROM build AS test\nFROM docker.io/library/golang:1.23 AS b2\nFROM mirror.example.com/library/golang AS b3\nFROM golang:1.22-windowsservercore-ltsc2022 AS win\nFROM gcr.io/distroless/static\nFROM scratch\n',
    );
    expect(m.scopes.map((s) => [s.name, s.resolvedImage, s.golang, s.goroot, s.parent ?? null, s.platform ?? null])).toEqual([
      ['build', 'golang:1.22-alpine', true, '/usr/local/go', null, '$BUILDPLATFORM'],
      ['test', 'golang:1.22-alpine', true, '/usr/local/go', 'build', null],
      ['b2', 'docker.io/library/golang:1.23', true, '/usr/local/go', null, null],
      ['b3', 'mirror.example.com/library/golang', true, '/usr/local/go', null, null],
      ['win', 'golang:1.22-windowsservercore-ltsc2022', true, 'C:\\Program Files\\Go', null, null],
      ['5', 'gcr.io/distroless/static', false, null, null, null],
      ['6', 'scratch', false, null, null, null],
    ]);
  });

  it('stays silent (null) on images it cannot resolve', () => {
    const m = parseDockerfile('Dockerfile', 'ARG BASE\nFROM ${BASE}:latest\n');
    expect(m.scopes[0]!.resolvedImage).toBeNull();
    expect(m.scopes[0]!.golang).toBe(false);
  });
});

describe('parseDockerfile: copies, workdirs, runs, users', () => {
  it('collects COPY/ADD sources and destinations with flags', () => {
    const m = parseDockerfile(
      'Dockerfile',
      'FROM golang:1.22 AS b\nWORKDIR /src\nCOPY --from=b --chown=1:1 a b /dst/\nADD ["x y", "/z"]\nCOPY <<EOF /etc/conf\nbody\nEOF\n',
    );
    expect(m.copies.map((c) => [c.instruction, c.sources.map((s) => `${s.path}@${at(s.loc)}`), c.dest?.path, c.from ?? null, c.workdir ?? null, c.heredocs.length])).toEqual([
      ['COPY', ['a@3:27-3:28', 'b@3:29-3:30'], '/dst/', 'b', '/src', 0],
      ['ADD', ['x y@4:7-4:10'], '/z', null, '/src', 0],
      ['COPY', [], '/etc/conf', null, '/src', 1],
    ]);
    expect(m.copies[2]!.heredocs[0]!.segments).toEqual([{ text: 'body', line: 6, column: 1 }]);
  });

  it('resolves WORKDIR against earlier ones, the golang default and ENV', () => {
    const m = parseDockerfile('Dockerfile', 'FROM golang:1.22\nWORKDIR src/app\nENV D=/opt\nWORKDIR $D/x\nWORKDIR ../y\nFROM ubuntu\nWORKDIR rel\n');
    expect(m.workdirs.map((w) => [w.path, w.absolute ?? null])).toEqual([
      ['src/app', '/go/src/app'],
      ['$D/x', '/opt/x'],
      ['../y', '/opt/y'],
      ['rel', null],
    ]);
  });

  it('keeps RUN text as positioned segments without continuations and comments', () => {
    const m = parseDockerfile('Dockerfile', 'FROM alpine\nRUN --mount=type=secret,id=t apk add \\\n  # a comment\n  curl\nUSER app:app\n');
    expect(m.runs[0]!.segments).toEqual([
      { text: 'apk add ', line: 2, column: 30 },
      { text: 'curl', line: 4, column: 3 },
    ]);
    expect(m.runs[0]!.mounts).toEqual(['type=secret,id=t']);
    expect(m.users.map((u) => [u.user, at(u.loc)])).toEqual([['app:app', '5:6-5:13']]);
  });
});

describe('parseDockerfile: suppressions', () => {
  it('applies godock-ignore to the whole next instruction', () => {
    const m = parseDockerfile('Dockerfile', 'FROM alpine\n# godock-ignore secret-in-env -- test fixture\nENV A=1 \\\n  B=2\nENV C=3\n');
    expect(m.suppressions).toEqual([
      { ruleIds: ['secret-in-env'], startLine: 3, endLine: 4, file: false, source: 'godock', line: 2, reason: 'test fixture' },
    ]);
  });
  it('reads file-level, hadolint and BuildKit check pragmas', () => {
    const m = parseDockerfile('Dockerfile', '# check=skip=SecretsUsedInArgOrEnv\nFROM alpine\n# hadolint ignore=DL3064\nENV A=1\n# godock-ignore-file\n');
    expect(m.suppressions.map((s) => [s.source, s.ruleIds, s.file])).toEqual(
      expect.arrayContaining([
        ['buildkit', ['SecretsUsedInArgOrEnv'], true],
        ['hadolint', ['DL3064'], false],
        ['godock', '*', true],
      ]),
    );
  });
});

describe('parseDockerfile: BuildKit check directive', () => {
  it.each([
    ['at the top', '# check=skip=SecretsUsedInArgOrEnv\nFROM alpine\nENV A=1\n', 1],
    ['after the syntax directive', '# syntax=docker/dockerfile:1\n# check=skip=all\nFROM alpine\n', 1],
    ['after an instruction: a plain comment', 'FROM alpine\n# check=skip=SecretsUsedInArgOrEnv\nENV A=1\n', 0],
    ['after a plain comment: a plain comment', '# build the app\n# check=skip=all\nFROM alpine\n', 0],
  ])('%s', (_t, text, count) => {
    const m = parseDockerfile('Dockerfile', text);
    expect(m.suppressions.filter((s) => s.source === 'buildkit')).toHaveLength(count);
  });
});

describe('parseDockerfile: robustness', () => {
  it.each([
    ['empty', ''],
    ['no FROM', 'ENV A=1\nRUN x\n'],
    ['dangling continuation', 'FROM alpine\nENV A=1 \\'],
    ['unterminated heredoc', 'FROM alpine\nRUN <<EOF\necho hi\n'],
    ['unbalanced quotes', 'FROM alpine\nENV A="x\nRUN echo "y\n'],
    ['garbage', '\u0000\u0001 FROM ::: @@@\n=\n'],
  ])('does not throw on %s', (_n, text) => {
    expect(() => parseDockerfile('Dockerfile', text)).not.toThrow();
  });
});

describe('parseDockerfile: golang detection with unknown tags', () => {
  it('knows golang:${GO_VERSION} without a default is golang', () => {
    const m = parseDockerfile('Dockerfile', 'ARG GO_VERSION\nFROM golang:${GO_VERSION} AS b\n');
    expect([m.scopes[0]!.golang, m.scopes[0]!.resolvedImage]).toEqual([true, null]);
  });
});

describe('parseDockerfile: CMD, ENTRYPOINT, HEALTHCHECK', () => {
  const view = (c: Command) => [c.kind, c.form, c.scope, c.segments.map((s) => `${s.text}@${s.line}:${s.column}`), c.viaOnbuild ?? false];
  it.each([
    ['CMD shell form over a continuation, comment dropped', 'FROM alpine\nCMD redis-server \\\n  # note\n  --port 6380\n', [
      ['cmd', 'shell', '0', ['redis-server @2:5', '--port 6380@4:3'], false],
    ]],
    ['ENTRYPOINT exec form: one segment per argument, inside the quotes', 'FROM alpine AS app\nENTRYPOINT ["sh", "-c", "echo \\"hi\\""]\n', [
      ['entrypoint', 'exec', 'app', ['sh@2:14', '-c@2:20', 'echo \\"hi\\"@2:26'], false],
    ]],
    ['HEALTHCHECK flags and the CMD word are not part of the command', 'FROM alpine\nHEALTHCHECK --interval=5s --retries=3 CMD curl -f http://localhost/\nHEALTHCHECK CMD ["curl", "-f", "x"]\n', [
      ['healthcheck', 'shell', '0', ['curl -f http://localhost/@2:43'], false],
      ['healthcheck', 'exec', '0', ['curl@3:19', '-f@3:27', 'x@3:33'], false],
    ]],
    ['HEALTHCHECK NONE and an empty CMD have no command', 'FROM alpine\nHEALTHCHECK NONE\nCMD []\nCMD\n', []],
    ['ONBUILD CMD', 'FROM alpine\nONBUILD CMD ["./serve"]\n', [['cmd', 'exec', '0', ['./serve@2:15'], true]]],
  ])('%s', (_name, text, expected) => {
    const m = parseDockerfile('Dockerfile', text);
    expect(m.errors).toEqual([]);
    expect(m.commands.map(view)).toEqual(expected);
  });
});
