/**
 * Where a secret can be written, per file format: each context turns one fake token into a file
 * (name + content). `bad` contexts also put a syntax error in the same file, so the error paths
 * are covered too.
 */
import type { FakeToken } from '../fuzz/tokens';

export interface Sample {
  context: string;
  file: string;
  text: string;
  /** The file also contains a syntax error (the linter may report an error instead of findings). */
  broken?: boolean;
}

type Ctx = { context: string; file: string; make: (v: string, t: FakeToken) => string; broken?: boolean };

const DF = 'Dockerfile';
const CONTEXTS: Ctx[] = [
  // Dockerfile
  { context: 'df-env', file: DF, make: (v) => `FROM golang:1.22\nENV API_TOKEN=${v}\n` },
  { context: 'df-env-legacy', file: DF, make: (v) => `FROM alpine\nENV API_TOKEN ${v}\n` },
  { context: 'df-env-quoted-multi', file: DF, make: (v) => `FROM alpine\nENV A=1 DB_PASSWORD="${v}" \\\n    B=2\n` },
  { context: 'df-env-other-name', file: DF, make: (v) => `FROM alpine\nENV SETTING=${v}\n` },
  { context: 'df-env-go-var', file: DF, make: (v) => `FROM golang:1.22\nENV GOPROXY=${v}\nENV GOFLAGS=${v}\n` },
  { context: 'df-env-default', file: DF, make: (v) => `FROM alpine\nENV API_TOKEN=\${API_TOKEN:-${v}}\n` },
  { context: 'df-arg', file: DF, make: (v) => `ARG NPM_TOKEN=${v}\nFROM node:20\nARG GITHUB_TOKEN="${v}"\n` },
  { context: 'df-arg-to-env', file: DF, make: (v) => `FROM alpine\nARG SECRET_KEY=${v}\nENV SECRET_KEY=$SECRET_KEY\n` },
  { context: 'df-label', file: DF, make: (v) => `FROM alpine\nLABEL api_token="${v}" other=${v}\n` },
  { context: 'df-run-export', file: DF, make: (v) => `FROM alpine\nRUN export API_TOKEN=${v} && ./deploy.sh\n` },
  { context: 'df-run-prefix', file: DF, make: (v) => `FROM alpine\nRUN DB_PASSWORD='${v}' ./migrate\n` },
  { context: 'df-run-literal', file: DF, make: (v) => `FROM alpine\nRUN curl -H "Authorization: Bearer ${v}" https://api.example.com && echo ${v} > /tmp/t\n` },
  { context: 'df-run-continued', file: DF, make: (v) => `FROM alpine\nRUN set -e; \\\n    echo "//registry.npmjs.org/:_authToken=${v}" > ~/.npmrc; \\\n    npm ci\n` },
  { context: 'df-run-exec', file: DF, make: (v) => `FROM alpine\nRUN ["sh", "-c", "TOKEN=${v} make"]\n` },
  { context: 'df-run-go-env-w', file: DF, make: (v) => `FROM golang:1.22\nRUN go env -w GOPROXY=${v} GOFLAGS=${v}\n` },
  { context: 'df-run-heredoc', file: DF, make: (v) => `FROM alpine\nRUN <<EOF\nexport API_TOKEN=${v}\ncurl -u admin:${v} https://x.example.com\nEOF\n` },
  { context: 'df-copy-heredoc', file: DF, make: (v) => `FROM alpine\nCOPY <<EOF /app/.env\nAPI_TOKEN=${v}\nEOF\n` },
  { context: 'df-onbuild', file: DF, make: (v) => `FROM alpine\nONBUILD ENV API_TOKEN=${v}\nONBUILD RUN echo ${v}\n` },
  { context: 'df-multistage', file: DF, make: (v) => `FROM golang:1.22 AS build\nENV GOPRIVATE=${v}\nFROM build AS test\nENV CLIENT_SECRET=${v}\n` },
  { context: 'df-suppressed', file: DF, make: (v) => `FROM alpine\n# godock-ignore secret-in-env -- fixture\nENV API_TOKEN=${v}\n` },
  // Commands: passwords given to programs in RUN, and CMD / ENTRYPOINT / HEALTHCHECK (the image config)
  { context: 'df-run-chpasswd', file: DF, make: (v) => `FROM alpine\nRUN echo "root:${v}" | chpasswd && \\\n    printf 'app:${v}\\n' | chpasswd && chpasswd <<< "ops:${v}"\n` },
  { context: 'df-run-password-programs', file: DF, make: (v) => `FROM debian:12\nRUN htpasswd -b -c /etc/squid/passwd admin ${v} && useradd -m -p '${v}' app && usermod --password=${v} ops && redis-cli -a ${v} ping\n` },
  { context: 'df-run-nuget-msiexec', file: DF, make: (v) => `FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN nuget sources add -Name a -Source https://pkgs.example.com/index.json -Password ${v}; msiexec /qn /i a.msi SERVICEPASSWORD=${v}\nRUN dotnet nuget add source https://pkgs.example.com/index.json -n a -u bot -p ${v}\n` },
  { context: 'df-run-exec-chpasswd', file: DF, make: (v) => `FROM alpine\nRUN ["sh", "-c", "echo root:${v} | chpasswd"]\n` },
  { context: 'df-cmd-exec', file: DF, make: (v) => `FROM redis:7\nCMD ["redis-server", "--requirepass", "${v}"]\n` },
  { context: 'df-entrypoint-shell', file: DF, make: (v) => `FROM redis:7\nENTRYPOINT redis-server \\\n    --requirepass ${v}\n` },
  { context: 'df-entrypoint-sh-c', file: DF, make: (v) => `FROM alpine\nENTRYPOINT ["sh", "-c", "echo root:${v} | chpasswd && exec /usr/sbin/sshd -D"]\n` },
  { context: 'df-healthcheck', file: DF, make: (v) => `FROM nginx\nHEALTHCHECK --interval=5s CMD curl -fsS -u admin:${v} http://localhost/ || exit 1\n` },
  { context: 'df-healthcheck-exec', file: DF, make: (v) => `FROM redis:7\nHEALTHCHECK CMD ["redis-cli", "-a", "${v}", "ping"]\n` },
  { context: 'df-onbuild-cmd', file: DF, make: (v) => `FROM redis:7\nONBUILD CMD redis-server --requirepass ${v}\n` },
  { context: 'df-cmd-broken', file: DF, broken: true, make: (v) => `FROM redis:7\nCMD ["redis-server", "--requirepass", "${v}"\nHEALTHCHECK --interval=\\\n` },
  { context: 'df-broken', file: DF, broken: true, make: (v) => `FROM alpine\nRUN <<EOF\nENV API_TOKEN=${v}\nRUN echo "${v}\n\\\n` },
  // compose
  { context: 'compose-env-map', file: 'compose.yaml', make: (v) => `services:\n  app:\n    image: golang:1.22\n    environment:\n      API_TOKEN: ${v}\n      GOPROXY: "${v}"\n` },
  { context: 'compose-env-list', file: 'compose.yaml', make: (v) => `services:\n  app:\n    image: alpine\n    environment:\n      - DB_PASSWORD=${v}\n      - "OTHER=${v}"\n` },
  { context: 'compose-env-block', file: 'docker-compose.yml', make: (v) => `services:\n  app:\n    image: alpine\n    environment:\n      API_TOKEN: |\n        ${v}\n` },
  { context: 'compose-build-args', file: 'compose.yaml', make: (v) => `services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: ${v}\n        - bad\n` },
  { context: 'compose-build-args-ok', file: 'compose.yaml', make: (v) => `services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: ${v}\n  other:\n    build:\n      context: .\n      args:\n        - GITHUB_TOKEN=${v}\n` },
  { context: 'compose-anchor', file: 'compose.yaml', make: (v) => `x-env: &env\n  API_TOKEN: '${v}'\nservices:\n  a:\n    image: alpine\n    environment: *env\n  b:\n    image: alpine\n    environment:\n      <<: *env\n` },
  { context: 'compose-interpolation-default', file: 'compose.yaml', make: (v) => `services:\n  app:\n    image: alpine\n    environment:\n      API_TOKEN: \${API_TOKEN:-${v}}\n` },
  { context: 'compose-command', file: 'compose.yaml', make: (v) => `services:\n  cache:\n    image: redis:7\n    command: redis-server --requirepass ${v}\n` },
  { context: 'compose-command-list', file: 'compose.yaml', make: (v) => `services:\n  cache:\n    image: redis:7\n    command: ["redis-server", "--requirepass", "${v}"]\n    entrypoint:\n      - sh\n      - -c\n      - "redis-cli -a '${v}' ping"\n` },
  { context: 'compose-command-block', file: 'compose.yaml', make: (v) => `services:\n  cache:\n    image: redis:7\n    command: |\n      redis-server\n      --requirepass ${v}\n` },
  { context: 'compose-healthcheck', file: 'compose.yaml', make: (v) => `services:\n  web:\n    image: nginx\n    healthcheck:\n      test: ["CMD", "curl", "-u", "admin:${v}", "http://localhost/"]\n  cache:\n    image: redis:7\n    healthcheck:\n      test: ["CMD-SHELL", "redis-cli -a ${v} ping"]\n  db:\n    image: mongo:7\n    healthcheck:\n      test: mongosh --username root --password ${v} --eval 1\n` },
  { context: 'compose-healthcheck-anchor', file: 'compose.yaml', make: (v) => `x-hc: &hc\n  test: redis-cli -a ${v} ping\nservices:\n  a:\n    image: redis:7\n    healthcheck: *hc\n  b:\n    image: redis:7\n    healthcheck:\n      <<: *hc\n` },
  { context: 'compose-command-broken', file: 'compose.yaml', broken: true, make: (v) => `services:\n  cache:\n    image: redis:7\n    command: redis-server --requirepass ${v}\n     entrypoint: [sh, -c, "redis-cli -a ${v}"\n` },
  { context: 'compose-broken-indent', file: 'compose.yaml', broken: true, make: (v) => `services:\n  app:\n    image: alpine\n    environment:\n      API_TOKEN: ${v}\n     BAD: ${v}\n` },
  { context: 'compose-broken-stream', file: 'compose.yaml', broken: true, make: (v) => `services:\n}\n  app:\n    environment:\n      API_TOKEN: ${v}\n      X: "${v}"\n` },
  { context: 'compose-broken-block-header', file: 'compose.yaml', broken: true, make: (v) => `services:\n  app:\n    environment:\n      API_TOKEN: |${v}\n` },
  { context: 'compose-broken-alias', file: 'compose.yaml', broken: true, make: (v) => `services:\n  app:\n    environment:\n      API_TOKEN: *${v.replace(/[^A-Za-z0-9_-]/g, '')}\n` },
  { context: 'compose-broken-tag', file: 'compose.yaml', broken: true, make: (v) => `services:\n  app:\n    environment:\n      API_TOKEN: !${v.replace(/[^A-Za-z0-9_-]/g, '')} x\n` },
  { context: 'compose-duplicate-key', file: 'compose.yaml', broken: true, make: (v) => `services:\n  app:\n    environment:\n      API_TOKEN: ${v}\n      API_TOKEN: ${v}\n` },
  { context: 'compose-not-mapping', file: 'compose.yaml', broken: true, make: (v) => `- ${v}\n- API_TOKEN=${v}\n` },
  // Red-team shapes: a key typo that swallows the value, escapes the parser quotes, merge keys
  // whose warnings the library would print, a value quoted into a GOFLAGS -ldflags message.
  { context: 'compose-key-typo', file: 'compose.yaml', make: (v) => `services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD:${v.replace(/\s/g, '')}\n` },
  { context: 'compose-key-typo-alone', file: 'compose.yaml', make: (v) => `services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD:${v.replace(/\s/g, '')}\n` },
  { context: 'compose-key-typo-merged', file: 'compose.yaml', broken: true, make: (v) => `services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD:${v.replace(/\s/g, '')}\n      POSTGRES_USER: app\n` },
  { context: 'compose-bad-escape', file: 'compose.yaml', broken: true, make: (v) => `services:\n  db:\n    image: postgres\n    environment:\n      DB_PASSWORD: "\\U${v.replace(/["\\\s]/g, '')}"\n` },
  { context: 'compose-collection-key', file: 'compose.yaml', make: (v) => `x-a: &a\n  API_TOKEN: ${v}\nservices:\n  app:\n    image: alpine\n    environment:\n      <<: *a\n    labels:\n      ? [${v.replace(/[\s,\[\]{}]/g, '')}, b]\n      : 1\n` },
  { context: 'df-goflags-ldflags', file: DF, make: (v) => `FROM golang:1.22\nENV GOFLAGS="-ldflags=-X main.password=${v.replace(/[\s"\\$\x60]/g, '')} -mod=mod"\n` },
  { context: 'compose-env-file-ref', file: 'compose.yaml', make: () => `services:\n  app:\n    image: golang:1.22\n    env_file: [app.env]\n` },
  // env files
  { context: 'env-plain', file: '.env', make: (v) => `API_TOKEN=${v}\nOTHER=${v}\n` },
  { context: 'env-export-quoted', file: 'app.env', make: (v) => `export DB_PASSWORD="${v}"\nexport GOPROXY='${v}'\n` },
  { context: 'env-colon', file: '.env', make: (v) => `API_TOKEN: ${v}\n` },
  { context: 'env-multiline', file: '.env', make: (v) => `PRIVATE_KEY="line1\n${v}\nline3"\n` },
  { context: 'env-comment', file: '.env', make: (v) => `API_TOKEN=${v} # the token\n` },
  { context: 'env-broken-space', file: '.env', broken: true, make: (v) => `API TOKEN=${v}\n` },
  { context: 'env-broken-char', file: '.env', broken: true, make: (v) => `API/TOKEN=${v}\n${v}\n` },
  { context: 'env-broken-unterminated', file: '.env', broken: true, make: (v) => `API_TOKEN="${v}\nNEXT=1\n` },
  { context: 'env-broken-no-name', file: '.env', broken: true, make: (v) => `=${v}\n` },
  { context: 'env-broken-value-as-name', file: '.env', broken: true, make: (v) => `${v}=1\n` },
];

/** Files for one token: `<context>/<file>` (plus app.env next to the compose file that references it). */
export function samplesFor(t: FakeToken): Sample[] {
  const out: Sample[] = [];
  for (const c of CONTEXTS) {
    out.push({ context: c.context, file: c.file, text: c.make(t.value, t), ...(c.broken ? { broken: true } : {}) });
    if (c.context === 'compose-env-file-ref') out.push({ context: c.context, file: 'app.env', text: `API_TOKEN=${t.value}\n` });
  }
  return out;
}
