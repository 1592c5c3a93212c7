import rule from '../../rules/secret-in-run';
import { ruleTester } from '../helpers/rule-tester';

const NPM = 'npm_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000';

ruleTester(rule, {
  valid: [
    'FROM alpine\nRUN curl -u "$USER:$PASSWORD" https://x.example.com\n',
    'FROM alpine\nRUN --mount=type=secret,id=t curl -u "deploy:$(cat /run/secrets/t)" https://x.example.com\n',
    'FROM alpine\nRUN mysql -p -uroot\n',
    'FROM alpine\nRUN CGO_ENABLED=0 go build ./...\n',
    'FROM alpine\nRUN export TOKEN_FILE=/run/secrets/token\n',
    'FROM python:3.12\nRUN PAPERLESS_SECRET_KEY=build-time-dummy python3 manage.py collectstatic\n',
    'FROM alpine\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc\n',
    'FROM alpine\nRUN ["curl", "-u", "$U:$P", "https://x"]\n',
    'FROM alpine\nCOPY <<CONF /etc/app/config.yml\npassword_file: /run/secrets/db\npassword: ${DB_PASSWORD}\nCONF\n',
    // chpasswd: references, generated passwords, placeholders, a file
    'FROM alpine\nRUN echo "$APP_USER:$APP_PASSWORD" | chpasswd\n',
    'FROM alpine\nRUN echo "app:${APP_PASSWORD}" | chpasswd && echo "root:$(openssl rand -base64 12)" | chpasswd\n',
    'FROM alpine\nRUN echo "${APP_USER:-app}:$APP_PASSWORD" | chpasswd\n',
    'FROM alpine\nRUN echo "root:changeme" | chpasswd\n',
    'FROM alpine\nRUN chpasswd < /run/secrets/users && echo "root:" | chpasswd\n',
    'FROM alpine\nRUN echo "listen 127.0.0.1:8080" > /etc/app.conf\n',
    // htpasswd without -b prompts; a reference
    'FROM httpd:2.4\nRUN htpasswd -c /usr/local/apache2/.htpasswd admin\n',
    'FROM httpd:2.4\nRUN htpasswd -bc /usr/local/apache2/.htpasswd admin "$ADMIN_PASSWORD"\n',
    // useradd -p: generated hash, locked (`*`), empty
    'FROM debian:12\nRUN useradd -m -p "$(openssl passwd -6 "$APP_PASSWORD")" app && usermod -p \'*\' ops && useradd -p "" guest\n',
    // redis
    'FROM redis:7\nCMD ["redis-server", "--requirepass", "$REDIS_PASSWORD"]\n',
    'FROM redis:7\nCMD redis-server --requirepass "${REDIS_PASSWORD}"\n',
    'FROM redis:7\nHEALTHCHECK --interval=10s CMD redis-cli -a "$REDIS_PASSWORD" ping\n',
    'FROM redis:7\nHEALTHCHECK NONE\n',
    // `-u` with a `${VAR:-default}` is no user:password; a password option given a file
    'FROM python:3.12\nENTRYPOINT locust --headless -u "${USERS:-10}" -r "${RATE:-1}"\n',
    'FROM ethereum/client-go\nCMD geth --unlock 0x0a --password /root/.ethereum/password --mine\n',
    // NuGet, msiexec: references
    'FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet nuget add source https://pkgs.example.com/index.json -n acme -u bot -p "$NUGET_PASSWORD" --store-password-in-clear-text\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN nuget sources add -Name acme -Source https://pkgs.example.com/index.json -Username bot -Password %NUGET_PASSWORD%\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN msiexec /quiet /i service.msi INSTALLDIR=C:\\app ACCOUNT=svc PASSWORD=%SERVICE_PASSWORD%\n',
    // git clone with a token variable
    'FROM alpine/git\nRUN git clone https://oauth2:${GITLAB_TOKEN}@gitlab.example.com/acme/app.git\n',
    // compose: references, `$$` escapes, secrets read from files
    {
      name: 'compose command and healthcheck with references',
      filename: 'compose.yaml',
      code: 'services:\n  cache:\n    image: redis:7\n    command: redis-server --requirepass ${REDIS_PASSWORD}\n    healthcheck:\n      test: ["CMD-SHELL", "redis-cli -a \\"$$REDIS_PASSWORD\\" ping"]\n  db:\n    image: mysql:8\n    healthcheck:\n      test: [\'CMD-SHELL\', \'mysqladmin ping -h 127.0.0.1 --password="$$(cat /run/secrets/db-password)" --silent\']\n',
    },
    {
      name: 'compose list forms with references and no credentials',
      filename: 'compose.yaml',
      code: 'services:\n  cache:\n    image: redis:7\n    command: ["redis-server", "--requirepass", "${REDIS_PASSWORD}"]\n    entrypoint: [docker-entrypoint.sh]\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine\nRUN curl -fsSL -u deploy:Tr0ub4dor-not-real https://x.example.com/a.tgz\n',
      errors: [{ messageId: 'literal', line: 2, column: 26, endColumn: 44 }],
      secret: 'Tr0ub4dor-not-real',
    },
    {
      name: 'token inside a continued RUN points at its own line',
      code: `FROM alpine\nRUN apk add git && \\\n    git clone https://x-access-token:${'ghs_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000'}@github.com/acme/app.git\n`,
      errors: [{ messageId: 'literal', line: 3, column: 38 }],
      secret: 'ghs_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000',
    },
    {
      name: 'heredoc body',
      code: `FROM node:20\nRUN <<EOF\necho "//registry.npmjs.org/:_authToken=${NPM}" > .npmrc\nnpm ci\nEOF\n`,
      errors: [{ messageId: 'heredoc', line: 3, column: 40 }],
      secret: NPM,
    },
    {
      name: 'secret-named key in a COPY heredoc config file',
      code: 'FROM alpine\nCOPY <<CONF /etc/app/config.yml\ndatabase:\n  user: app\n  password: Zq8-not-a-real-db-pass\nCONF\n',
      errors: [{ messageId: 'heredoc', line: 5, column: 13 }],
      secret: 'Zq8-not-a-real-db-pass',
    },
    {
      name: 'export of a secret-named variable',
      code: 'FROM alpine\nRUN export API_TOKEN=tok-literal-not-real && ./publish.sh\n',
      errors: [{ messageId: 'assignment', line: 2, column: 22 }],
      secret: 'tok-literal-not-real',
    },
    {
      name: 'docker login -p',
      code: 'FROM docker:27\nRUN docker login -u ci -p regpass-not-real registry.example.com\n',
      errors: [{ messageId: 'literal', line: 2, column: 27 }],
      secret: 'regpass-not-real',
    },
    {
      name: 'Authorization header',
      code: 'FROM alpine\nRUN curl -H "Authorization: Bearer bearer-value-not-real-123" https://api.example.com\n',
      errors: [{ messageId: 'literal', line: 2, column: 36 }],
      secret: 'bearer-value-not-real-123',
    },
    {
      name: 'echo user:pass | chpasswd',
      code: 'FROM alpine\nRUN echo "root:Docker!" | chpasswd\n',
      errors: [{ messageId: 'literal', line: 2, column: 16, endColumn: 23 }],
      secret: 'Docker!',
    },
    {
      name: "printf 'user:pass\\n' | sudo chpasswd",
      code: "FROM alpine\nRUN printf 'app:S3cret-pw\\n' | sudo chpasswd\n",
      errors: [{ messageId: 'literal', line: 2, column: 17, endColumn: 26 }],
      secret: 'S3cret-pw',
    },
    {
      name: 'chpasswd <<< user:pass',
      code: "FROM alpine\nRUN chpasswd <<< 'app:S3cret-pw'\n",
      errors: [{ messageId: 'literal', line: 2, column: 23 }],
      secret: 'S3cret-pw',
    },
    {
      name: 'echo | chpasswd across continuation lines',
      code: 'FROM alpine\nRUN useradd -m app && \\\n    echo "app:S3cret-pw" \\\n    | chpasswd\n',
      errors: [{ messageId: 'literal', line: 3, column: 15 }],
      secret: 'S3cret-pw',
    },
    {
      name: 'htpasswd -b file user pass (the third operand)',
      code: 'FROM httpd:2.4\nRUN htpasswd -b -c /etc/squid/passwd user1 Htp4ss-not-real\n',
      errors: [{ messageId: 'literal', line: 2, column: 44, endColumn: 59 }],
      secret: 'Htp4ss-not-real',
    },
    {
      name: 'htpasswd -nbB user pass (to stdout: the second operand)',
      code: 'FROM httpd:2.4\nRUN htpasswd -nbB admin Htp4ss-not-real > /usr/local/apache2/.htpasswd\n',
      errors: [{ messageId: 'literal', line: 2, column: 25 }],
      secret: 'Htp4ss-not-real',
    },
    {
      name: 'useradd -p <hash> and usermod --password=<pass>',
      code: "FROM debian:12\nRUN useradd -m -p '$6$rounds=5000$saltsalt$c2VjcmV0aGFzaA' app && usermod --password=Pw-not-real1 ops\n",
      errors: [
        { messageId: 'literal', line: 2, column: 20, endColumn: 58 },
        { messageId: 'literal', line: 2, column: 86 },
      ],
      secret: '$6$rounds=5000$saltsalt$c2VjcmV0aGFzaA',
    },
    {
      name: 'nuget sources add -Password',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN nuget sources add -Name acme -Source https://pkgs.example.com/index.json -Username bot -Password NuG3t-not-real\n',
      errors: [{ messageId: 'literal', line: 2, column: 102 }],
      secret: 'NuG3t-not-real',
    },
    {
      name: 'dotnet nuget add source -p',
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet nuget add source https://pkgs.example.com/index.json -n acme -u bot -p NuG3t-not-real --store-password-in-clear-text\n',
      errors: [{ messageId: 'literal', line: 2, column: 83 }],
      secret: 'NuG3t-not-real',
    },
    {
      name: 'msiexec PASSWORD=',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN msiexec /quiet /i service.msi ACCOUNT=svc PASSWORD=B@dP@ss-not-real\n',
      errors: [{ messageId: 'literal', line: 2, column: 56, endColumn: 72 }],
      secret: 'B@dP@ss-not-real',
    },
    {
      name: 'msiexec through Start-Process -ArgumentList',
      code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN Start-Process msiexec.exe -ArgumentList '/i', 'sql.msi', '/qn', 'SQLSVCPASSWORD=Sq1-not-real-pw' -Wait\n",
      errors: [{ messageId: 'literal', line: 3, column: 85 }],
      secret: 'Sq1-not-real-pw',
    },
    {
      name: 'git clone https://user:token@host is reported once',
      code: 'FROM alpine/git\nRUN git clone https://ci-bot:Gh-t0ken-not-real@git.example.com/acme/app.git /src\n',
      errors: [{ messageId: 'literal', line: 2, column: 30, endColumn: 47 }],
      secret: 'Gh-t0ken-not-real',
    },
    {
      name: 'RUN exec form: sh -c with chpasswd',
      code: 'FROM alpine\nRUN ["sh", "-c", "echo root:S3cret-pw | chpasswd"]\n',
      errors: [{ messageId: 'literal', line: 2, column: 29 }],
      secret: 'S3cret-pw',
    },
    {
      name: 'CMD exec form: redis-server --requirepass',
      code: 'FROM redis:7\nCMD ["redis-server", "--requirepass", "R3dis-not-real"]\n',
      errors: [{ messageId: 'command', line: 2, column: 40, endColumn: 54 }],
      secret: 'R3dis-not-real',
    },
    {
      name: 'ONBUILD CMD shell form',
      code: 'FROM redis:7\nONBUILD CMD redis-server --requirepass R3dis-not-real\n',
      errors: [{ messageId: 'command', line: 2, column: 40 }],
      secret: 'R3dis-not-real',
    },
    {
      name: 'HEALTHCHECK with flags over a continuation: redis-cli -a',
      code: 'FROM redis:7\nHEALTHCHECK --interval=10s --timeout=3s \\\n  CMD redis-cli -a R3dis-not-real ping || exit 1\n',
      errors: [{ messageId: 'command', line: 3, column: 20 }],
      secret: 'R3dis-not-real',
    },
    {
      name: 'HEALTHCHECK exec form',
      code: 'FROM redis:7\nHEALTHCHECK CMD ["redis-cli", "-a", "R3dis-not-real", "ping"]\n',
      errors: [{ messageId: 'command', line: 2, column: 38 }],
      secret: 'R3dis-not-real',
    },
    {
      name: 'ENTRYPOINT exec form sh -c with chpasswd',
      code: 'FROM alpine\nENTRYPOINT ["sh", "-c", "echo root:S3cret-pw | chpasswd && exec /usr/sbin/sshd -D"]\n',
      errors: [{ messageId: 'command', line: 2, column: 36 }],
      secret: 'S3cret-pw',
    },
    {
      name: 'compose command string',
      filename: 'compose.yaml',
      code: 'services:\n  cache:\n    image: redis:7\n    command: redis-server --requirepass R3dis-not-real\n',
      errors: [{ messageId: 'composeCommand', line: 4, column: 41, endColumn: 55 }],
      secret: 'R3dis-not-real',
    },
    {
      name: 'compose command list',
      filename: 'compose.yaml',
      code: 'services:\n  cache:\n    image: redis:7\n    command: ["redis-server", "--requirepass", "R3dis-not-real"]\n',
      errors: [{ messageId: 'composeCommand', line: 4, column: 49 }],
      secret: 'R3dis-not-real',
    },
    {
      name: 'compose folded command over lines',
      filename: 'compose.yaml',
      code: 'services:\n  cache:\n    image: redis:7\n    command: >\n      redis-server\n      --requirepass R3dis-not-real\n',
      errors: [{ messageId: 'composeCommand', line: 6, column: 21 }],
      secret: 'R3dis-not-real',
    },
    {
      name: 'compose entrypoint list with sh -c',
      filename: 'compose.yaml',
      code: "services:\n  cache:\n    image: redis:7\n    entrypoint:\n      - sh\n      - -c\n      - redis-cli -a 'R3dis-not-real' ping\n",
      errors: [{ messageId: 'composeCommand', line: 7, column: 23 }],
      secret: 'R3dis-not-real',
    },
    {
      name: 'compose healthcheck CMD list: curl -u',
      filename: 'compose.yaml',
      code: 'services:\n  web:\n    image: nginx\n    healthcheck:\n      test: ["CMD", "curl", "-u", "admin:Adm1n-not-real", "http://localhost/health"]\n',
      errors: [{ messageId: 'composeCommand', line: 5, column: 42 }],
      secret: 'Adm1n-not-real',
    },
    {
      name: 'compose healthcheck CMD-SHELL',
      filename: 'compose.yaml',
      code: 'services:\n  cache:\n    image: redis:7\n    healthcheck:\n      test: ["CMD-SHELL", "redis-cli -a R3dis-not-real ping | grep PONG"]\n',
      errors: [{ messageId: 'composeCommand', line: 5, column: 41 }],
      secret: 'R3dis-not-real',
    },
    {
      name: 'compose healthcheck behind an anchor shared by two services: one finding',
      filename: 'compose.yaml',
      code: 'x-health: &health\n  test: redis-cli -a R3dis-not-real ping\nservices:\n  a:\n    image: redis:7\n    healthcheck: *health\n  b:\n    image: redis:7\n    healthcheck:\n      <<: *health\n      interval: 5s\n',
      errors: [{ messageId: 'composeCommand', line: 2, column: 22 }],
      secret: 'R3dis-not-real',
    },
  ],
});
