/**
 * fast-check arbitraries for Dockerfile-like, compose-like and env-file-like text with planted
 * fake credentials, and text mutations (truncation, character flips, continuations, heredoc
 * markers, unbalanced quotes, deep nesting, CRLF, BOM). Each document carries the tokens planted
 * in it so the invariants can check that none of them is ever printed.
 */
import fc from 'fast-check';
import { GO_NAMES, PLAIN_NAMES, SECRET_NAMES, intactTokens, tokenArb, type FakeToken } from './tokens';

export interface Doc {
  filename: string;
  text: string;
  planted: FakeToken[];
}

interface Piece {
  text: string;
  planted: FakeToken[];
}

const piece = (text: string, planted: FakeToken[] = []): Piece => ({ text, planted });
const concat = (...ps: (Piece | string)[]): Piece => {
  const parts = ps.map((p) => (typeof p === 'string' ? piece(p) : p));
  return { text: parts.map((p) => p.text).join(''), planted: parts.flatMap((p) => p.planted) };
};

const WEIRD = ['\0', '\u2028', '\uD800', '\t', '\\', '"', "'", '$', '`', '{', '}', '#', '=', ':', '\r', '\u00e9', '\u{1F600}', '\uFEFF', ' '];

const junkArb = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.string({ unit: fc.constantFrom(...WEIRD), maxLength: 8 }),
);

const WORDS = [
  '1', 'true', 'off', 'on', 'auto', '/go', '/usr/local/go', '/opt/go', '-mod=vendor', '-trimpath', 'https://proxy.golang.org,direct',
  'direct', 'off', 'github.com/acme/*', 'changeme', '', '$HOME', '${GOPATH}/bin', '${TOKEN}', '${TOKEN:-x}', 'local', 'go1.22.1',
  'linux', 'amd64', 'C:\\go', '<your-token>', 'xxx', '0', 'hello world', '/run/secrets/token',
];
const wordArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: junkArb });

const ALL_NAMES = [...SECRET_NAMES, ...GO_NAMES, ...PLAIN_NAMES];

/** A name and a value piece: any token under a secret name; format tokens under any name; plain words. */
const pairArb: fc.Arbitrary<{ name: string; value: Piece }> = fc.oneof(
  fc.record({ name: fc.constantFrom(...SECRET_NAMES), value: tokenArb.map((t) => piece(t.value, [t])) }),
  fc.record({ name: fc.constantFrom(...GO_NAMES, ...PLAIN_NAMES), value: tokenArb.filter((t) => !t.opaque).map((t) => piece(t.value, [t])) }),
  fc.record({ name: fc.constantFrom(...ALL_NAMES), value: wordArb.map((w) => piece(w)) }),
);

type Wrap = (v: Piece) => Piece;
const shellWrapArb: fc.Arbitrary<Wrap> = fc.constantFrom<Wrap>(
  (v) => v,
  (v) => concat('"', v, '"'),
  (v) => concat("'", v, "'"),
  (v) => concat('${X:-', v, '}'),
  (v) => concat('pre-', v, '-post'),
  (v) => concat('"', v, ' and more"'),
);

// ---------------------------------------------------------------- Dockerfile

const IMAGES = ['golang:1.22', 'golang:1.22-alpine', 'alpine:3.19', 'scratch', 'golang:${GO_VERSION}', 'build', 'docker.io/library/golang:1.21',
  '${BASE}', 'mcr.microsoft.com/windows/nanoserver:ltsc2022', 'golang:1.22-windowsservercore', 'gcr.io/distroless/static'];

const dfLineArb: fc.Arbitrary<Piece> = fc.oneof(
  fc.tuple(fc.constantFrom(...IMAGES), fc.constantFrom('', ' AS build', ' AS test', ' as final', ' AS', ' --platform=$BUILDPLATFORM')).map(
    ([img, as]) => piece(as.startsWith(' --') ? `FROM${as} ${img}` : `FROM ${img}${as}`),
  ),
  fc.array(fc.tuple(pairArb, shellWrapArb), { minLength: 1, maxLength: 3 }).map((ps) =>
    concat('ENV ', ...ps.flatMap(([p, w], i) => [i ? ' ' : '', p.name, '=', w(p.value)])),
  ),
  fc.tuple(pairArb, shellWrapArb).map(([p, w]) => concat(`ENV ${p.name} `, w(p.value))),
  fc.tuple(pairArb, shellWrapArb, fc.boolean()).map(([p, w, bare]) => (bare ? piece(`ARG ${p.name}`) : concat(`ARG ${p.name}=`, w(p.value)))),
  fc.tuple(pairArb, shellWrapArb).map(([p, w]) => concat(`LABEL ${p.name.toLowerCase()}=`, w(p.value))),
  fc.tuple(pairArb, shellWrapArb, fc.constantFrom(
    (n: string, v: Piece) => concat(`RUN export ${n}=`, v, ' && go build ./...'),
    (n: string, v: Piece) => concat(`RUN ${n}=`, v, ' go test ./...'),
    (n: string, v: Piece) => concat(`RUN go env -w ${n}=`, v),
    (_n: string, v: Piece) => concat('RUN curl -u admin:', v, ' https://example.com/x'),
    (_n: string, v: Piece) => concat('RUN echo "//registry.npmjs.org/:_authToken=', v, '" > ~/.npmrc'),
    (_n: string, v: Piece) => concat('RUN ["sh", "-c", "echo ', v, '"]'),
    (n: string, v: Piece) => concat(`RUN --mount=type=secret,id=x ${n}=`, v, ' make'),
    (_n: string, v: Piece) => concat('RUN docker login -u me --password ', v, ' ghcr.io'),
  )).map(([p, w, f]) => f(p.name, w(p.value))),
  fc.tuple(pairArb, fc.constantFrom('RUN <<EOF', 'RUN <<-"EOT" bash', 'COPY <<EOF /etc/app.env', 'RUN cat <<EOF > /x && <<EOF2 sh'), fc.boolean()).map(
    ([p, head, closed]) => {
      const m = /<<-?"?(\w+)/.exec(head)!;
      return concat(`${head}\nexport ${p.name}=`, p.value, `\necho done${closed ? `\n${m[1]}` : ''}`);
    },
  ),
  fc.constantFrom(
    'COPY id_rsa /root/.ssh/id_rsa', 'COPY --from=build /go/bin/app /app', 'ADD .env /app/', 'COPY . .', 'WORKDIR /src', 'WORKDIR $GOPATH/src',
    'USER nobody', 'SHELL ["pwsh", "-Command"]', 'CMD ["/app"]', 'EXPOSE 8080', 'HEALTHCHECK CMD curl -f http://localhost/', 'ONBUILD ENV GOFLAGS=-mod=mod',
    'ONBUILD RUN go build', '# godock-ignore secret-in-env -- test fixture', '# godock-ignore-file', '# hadolint ignore=DL3064',
    '# check=skip=SecretsUsedInArgOrEnv', '# escape=`', '# syntax=docker/dockerfile:1', '', '   ', 'RUN \\', 'ENV', 'ARG', 'FROM', 'COPY',
  ).map((l) => piece(l)),
  junkArb.map((j) => piece(j)),
);

// ---------------------------------------------------------------- compose

function yamlQuote(style: number, v: Piece, indent: string): Piece {
  switch (style) {
    case 0:
      return v;
    case 1:
      return concat('"', piece(v.text.replace(/\\/g, '\\\\').replace(/"/g, '\\"'), v.planted), '"');
    case 2:
      return concat("'", piece(v.text.replace(/'/g, "''"), v.planted), "'");
    case 3:
      return concat(`|\n${indent}  `, v);
    default:
      return concat('>-\n', indent, '  ', v);
  }
}

const envBlockArb = (indent: string): fc.Arbitrary<Piece> =>
  fc.tuple(fc.boolean(), fc.array(fc.tuple(pairArb, fc.nat({ max: 4 })), { minLength: 1, maxLength: 4 })).map(([list, ps]) =>
    concat(
      ...ps.map(([p, style]) =>
        list ? concat(`${indent}- ${p.name}=`, p.value, '\n') : concat(`${indent}${p.name}: `, yamlQuote(style, p.value, indent), '\n'),
      ),
    ),
  );

const serviceArb: fc.Arbitrary<Piece> = fc
  .tuple(
    fc.constantFrom('app', 'db', 'web', 'go-builder', 'x'),
    fc.constantFrom(...IMAGES),
    fc.option(envBlockArb('      ')),
    fc.option(envBlockArb('        ')),
    fc.constantFrom('', '    env_file: .env\n', '    env_file:\n      - path: ./app.env\n        required: false\n', '    <<: *common\n', '    secrets: [tok]\n'),
  )
  .map(([name, img, env, args, extra]) =>
    concat(
      `  ${name}:\n    image: ${img}\n`,
      env ? concat('    environment:\n', env) : '',
      args ? concat('    build:\n      context: .\n      dockerfile: Dockerfile\n      args:\n', args) : '',
      extra,
    ),
  );

const composeArb: fc.Arbitrary<Piece> = fc
  .tuple(
    fc.option(envBlockArb('    ')),
    fc.array(serviceArb, { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(fc.nat({ max: 40 }), junkArb), { maxLength: 2 }),
    fc.constantFrom('', '# godock-ignore-file\n', 'version: "3.8"\n', 'name: demo\n'),
  )
  .map(([common, services, junk, head]) => {
    const doc = concat(head, common ? concat('x-common: &common\n  environment:\n', common) : '', 'services:\n', ...services);
    let text = doc.text;
    for (const [at, j] of junk) {
      const lines = text.split('\n');
      lines.splice(at % (lines.length + 1), 0, j);
      text = lines.join('\n');
    }
    return piece(text, doc.planted);
  });

// ---------------------------------------------------------------- env file

const envLineArb: fc.Arbitrary<Piece> = fc.oneof(
  fc.tuple(pairArb, fc.constantFrom(
    (n: string, v: Piece) => concat(`${n}=`, v),
    (n: string, v: Piece) => concat(`export ${n}=`, v),
    (n: string, v: Piece) => concat(`${n}="`, v, '"'),
    (n: string, v: Piece) => concat(`${n}='`, v, "'"),
    (n: string, v: Piece) => concat(`${n}: `, v),
    (n: string, v: Piece) => concat(`${n} = `, v, ' # note'),
    (n: string, v: Piece) => concat(`${n}="line one\n`, v, '\nline three"'),
    (n: string, v: Piece) => concat(`${n}=\${OTHER:-`, v, '}'),
    (n: string, v: Piece) => concat(`${n}="`, v),
    (_n: string, v: Piece) => concat('=', v),
    (n: string, v: Piece) => concat(`${n} x=`, v),
  )).map(([p, f]) => f(p.name, p.value)),
  fc.constantFrom('# comment', '', '   ', 'JUST_A_NAME', '# godock-ignore secret-in-env', 'export', '=', "'", '"').map((l) => piece(l)),
  junkArb.map((j) => piece(j)),
);

// ---------------------------------------------------------------- documents

const eolArb = fc.constantFrom('\n', '\n', '\n', '\r\n');

function joinLines(lines: Piece[], eol: string, bom: boolean, trailing: boolean): Piece {
  const body = concat(...lines.flatMap((l, i) => (i ? [eol, l] : [l])));
  return piece(`${bom ? '\uFEFF' : ''}${body.text.replace(/\n/g, eol)}${trailing ? eol : ''}`, body.planted);
}

export const DOCKERFILE_NAMES = ['Dockerfile', 'build.Dockerfile', 'Containerfile', 'Dockerfile.prod'];
export const COMPOSE_NAMES = ['compose.yaml', 'docker-compose.yml'];
export const ENV_NAMES = ['.env', 'app.env', '.env.local'];

const docOf = (names: string[], body: fc.Arbitrary<Piece>): fc.Arbitrary<Doc> =>
  fc.tuple(fc.constantFrom(...names, 'input.txt'), body).map(([filename, p]) => ({ filename, text: p.text, planted: p.planted }));

export const dockerfileArb: fc.Arbitrary<Doc> = docOf(
  DOCKERFILE_NAMES,
  fc.tuple(fc.array(dfLineArb, { maxLength: 14 }), eolArb, fc.boolean(), fc.boolean()).map(([ls, eol, bom, tr]) =>
    joinLines([piece('FROM golang:1.22 AS build'), ...ls], eol, bom, tr),
  ),
);

export const composeDocArb: fc.Arbitrary<Doc> = docOf(
  COMPOSE_NAMES,
  fc.tuple(composeArb, eolArb, fc.boolean()).map(([p, eol, bom]) => joinLines([p], eol, bom, false)),
);

export const envFileArb: fc.Arbitrary<Doc> = docOf(
  ENV_NAMES,
  fc.tuple(fc.array(envLineArb, { maxLength: 14 }), eolArb, fc.boolean(), fc.boolean()).map(([ls, eol, bom, tr]) => joinLines(ls, eol, bom, tr)),
);

// ---------------------------------------------------------------- mutations

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; ch: string }
  | { op: 'insert'; at: number; what: string }
  | { op: 'nest'; at: number; open: string; depth: number }
  | { op: 'crlf' }
  | { op: 'lone-cr' }
  | { op: 'bom' }
  | { op: 'duplicate'; at: number; len: number };

const INSERTS = ['\\\n', ' \\\n', '\\\r\n', '<<EOF\n', '<<-EOF\n', '<<EOF', '\nEOF\n', '"', "'", '`', '${', '$(', '#', '\n# escape=`\n', ': ', '- ', '&a ', '*a ', '<<: *a\n', '\t', '\0', '{{', '\u2028'];

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), ch: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom(...WEIRD)) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), what: fc.constantFrom(...INSERTS) }),
  fc.record({ op: fc.constant('nest' as const), at: fc.nat(), open: fc.constantFrom('[', '{', '- ', '  ', 'a:\n', '\\\n', '$(', '${'), depth: fc.integer({ min: 10, max: 1000 }) }),
  fc.constant({ op: 'crlf' as const }),
  fc.constant({ op: 'lone-cr' as const }),
  fc.constant({ op: 'bom' as const }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
);

export function mutate(text: string, m: Mutation): string {
  const pos = (at: number) => (text.length === 0 ? 0 : at % (text.length + 1));
  switch (m.op) {
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'flip': {
      if (text.length === 0) return m.ch;
      const i = m.at % text.length;
      return text.slice(0, i) + m.ch + text.slice(i + 1);
    }
    case 'insert': {
      const i = pos(m.at);
      return text.slice(0, i) + m.what + text.slice(i);
    }
    case 'nest': {
      const i = pos(m.at);
      const nest = m.open === '- ' || m.open === '  ' || m.open === 'a:\n' ? nestedYaml(m.open, m.depth) : m.open.repeat(m.depth);
      return text.slice(0, i) + nest + text.slice(i);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'lone-cr':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return `\uFEFF${text}`;
    case 'duplicate': {
      const i = pos(m.at);
      return text.slice(0, i) + text.slice(i, i + m.len) + text.slice(i);
    }
  }
}

/** Deeply nested block YAML: `- - - x` or indented mappings `a:\n  a:\n    a: …`. */
function nestedYaml(open: string, depth: number): string {
  if (open === 'a:\n') depth = Math.min(depth, 300);
  if (open === 'a:\n') return Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + '\n';
  return `${open.repeat(depth)}x\n`;
}

/**
 * Applies mutations in order. Planted tokens cut by a mutation are no longer well-formed secrets
 * (a truncated `ghp_…` under GOFLAGS is just a flag value a rule may quote), so only the tokens
 * still intact are checked.
 */
export function mutateDoc(doc: Doc, ms: readonly Mutation[]): Doc {
  const text = ms.reduce(mutate, doc.text);
  return { ...doc, text, planted: intactTokens(text, doc.planted) };
}

export const anyDocArb: fc.Arbitrary<Doc> = fc.oneof(dockerfileArb, composeDocArb, envFileArb);
export const mutatedDocArb: fc.Arbitrary<Doc> = fc
  .tuple(anyDocArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([d, ms]) => mutateDoc(d, ms));
