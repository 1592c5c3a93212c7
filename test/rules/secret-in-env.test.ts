import rule from '../../rules/secret-in-env';
import { lintWith, ruleTester } from '../helpers/rule-tester';

const DF = (body: string) => `FROM alpine:3.20\n${body}\n`;

ruleTester(rule, {
  valid: [
    DF('ENV DB_PASSWORD=$DB_PASSWORD'),
    DF('ENV DB_PASSWORD=${DB_PASSWORD}'),
    DF('ENV DB_PASSWORD='),
    DF('ENV DB_PASSWORD_FILE=/run/secrets/db_password'),
    DF('ENV SECRETS_DIR=/run/secrets'),
    DF('ENV TOKEN_TTL=900'),
    DF('ENV JWT_ACCESS_TOKEN_EXPIRE_MINUTES=30'),
    DF('ENV MYSQL_ALLOW_EMPTY_PASSWORD=yes'),
    DF('ENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D'),
    DF('ENV GPG_KEYS 7169605F62C751356D054A26A821E680E5FA6305 B42F6819007F00F88E364FD4036A9C25BF357DD4'),
    DF('ENV PUBLIC_KEY=ssh-ed25519-AAAAC3NzaC1lZDI1NTE5-not-secret'),
    DF('ENV AUTH_MODULE_VERSION=1.2.3'),
    DF('ENV KEY_ALIAS=prod-signing'),
    DF('ENV GOPRIVATE=github.com/acme/*'),
    DF('ENV API_URL=https://api.example.com/v1'),
    DF('ENV DB_USERNAME=app'),
    DF('ENV PASSWORD_PROMPT_STRING="Password: "'),
    DF('ENV API_TOKEN=changeme'),
    DF('ARG DB_PASSWORD=hunter2-not-real'), // ARG defaults are secret-in-build-arg's
    DF('LABEL password=hunter2-not-real'),
    DF('# godock-ignore secret-in-env -- local fixture\nENV DB_PASSWORD=hunter2-not-real'),
    DF('# hadolint ignore=DL3064\nENV DB_PASSWORD=hunter2-not-real'),
    { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}\n      - \n' .replace('      - \n', '') },
    { filename: 'compose.yaml', code: 'services:\n  db:\n    image: postgres\n    environment:\n      - POSTGRES_PASSWORD\n      - POSTGRES_PASSWORD_FILE=/run/secrets/pg\n' },
    { filename: '.env', code: 'DB_PASSWORD=\nDB_PASSWORD_FILE=/run/secrets/db\n' },
  ],
  invalid: [
    {
      code: DF('ENV DB_PASSWORD=hunter2-not-real'),
      errors: [{ messageId: 'dockerfile', line: 2, column: 17, endColumn: 33 }],
      secret: 'hunter2-not-real',
    },
    {
      name: 'continued ENV points at the value line',
      code: DF('ENV NODE_ENV=production \\\n    API_SECRET="s3cr3t value not real"'),
      errors: [{ messageId: 'dockerfile', line: 3, column: 17 }],
      secret: 's3cr3t value not real',
    },
    {
      name: 'legacy ENV form',
      code: DF('ENV MYSQL_ROOT_PASSWORD r00t-pass-not-real-2'),
      errors: [{ messageId: 'dockerfile', line: 2, column: 25 }],
      secret: 'r00t-pass-not-real-2',
    },
    { code: DF('ENV DB_PASS=p4ssw0rd-not-real'), errors: [{ messageId: 'dockerfile', line: 2, column: 13 }], secret: 'p4ssw0rd-not-real' },
    { code: DF('ENV SOME_PSW=p4ssw0rd-not-real2'), errors: [{ messageId: 'dockerfile', line: 2, column: 14 }], secret: 'p4ssw0rd-not-real2' },
    { code: DF('ENV MYSQLPASSWORD=p4ssw0rd-not-real3'), errors: [{ messageId: 'dockerfile', line: 2, column: 19 }], secret: 'p4ssw0rd-not-real3' },
    { code: DF('ENV dbPassword=p4ssw0rd-not-real4'), errors: [{ messageId: 'dockerfile', line: 2, column: 16 }], secret: 'p4ssw0rd-not-real4' },
    { code: DF('ENV DEPLOY_KEY=k3y-material-not-real-0123456789'), errors: [{ messageId: 'dockerfile', line: 2, column: 16 }], secret: 'k3y-material-not-real-0123456789' },
    { code: DF('ENV GIT_AUTH=auth-material-not-real'), errors: [{ messageId: 'dockerfile', line: 2, column: 14 }], secret: 'auth-material-not-real' },
    { code: DF('ENV SERVICE_CREDENTIALS=cred-material-not-real'), errors: [{ messageId: 'dockerfile', line: 2, column: 25 }], secret: 'cred-material-not-real' },
    { code: DF('ONBUILD ENV API_TOKEN=tok-material-not-real'), errors: [{ messageId: 'dockerfile', line: 2, column: 23 }], secret: 'tok-material-not-real' },
    {
      name: 'compose map form, dev default credential',
      filename: 'compose.yaml',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: pgdev-pw-not-real\n',
      errors: [{ messageId: 'compose', line: 5, column: 26 }],
      secret: 'pgdev-pw-not-real',
    },
    {
      name: 'compose dev default: the value postgres is a hardcoded credential too',
      filename: 'compose.yaml',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n',
      errors: [{ messageId: 'compose', line: 5, column: 26 }],
    },
    {
      name: 'compose list form',
      filename: 'compose.yaml',
      code: 'services:\n  db:\n    image: mysql:8\n    environment:\n      - MYSQL_ROOT_PASSWORD=r00t-pass-not-real\n',
      errors: [{ messageId: 'compose', line: 5, column: 29 }],
      secret: 'r00t-pass-not-real',
    },
    {
      name: 'compose interpolation default is a literal',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: app\n    environment:\n      SESSION_SECRET: ${SESSION_SECRET:-dev-session-secret-value}\n',
      errors: [{ messageId: 'compose', line: 5, column: 23 }],
      secret: 'dev-session-secret-value',
    },
    {
      name: 'env file line',
      filename: '.env',
      code: '# app settings\nAPP_ENV=prod\nSTRIPE_WEBHOOK_SECRET=whsec-not-real-0123456789\n',
      errors: [{ messageId: 'envFile', line: 3, column: 23 }],
      secret: 'whsec-not-real-0123456789',
    },
  ],
});

describe('secret-in-env messages', () => {
  it('masks the value but not the same word in the message', () => {
    const { lintWith } = jest.requireActual('../helpers/rule-tester') as typeof import('../helpers/rule-tester');
    const [f] = lintWith(rule, 'FROM mysql:8\nENV MYSQL_PASSWORD=password\n').findings;
    expect(f!.message).toBe(
      'ENV MYSQL_PASSWORD holds a hardcoded password (pa****(8)); it is stored in every image layer. Inject it at run time (docker run -e / secrets) or use RUN --mount=type=secret for build steps.',
    );
  });
});

describe('secret-in-env in files that name themselves templates', () => {
  it.each(['example.env', '.env.example', '.env.sample', 'compose.template.yaml', 'docker-compose.example.yml'])('%s: values by name alone are examples', (file) => {
    const code = file.includes('compose') ? 'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: postgres\n' : 'DB_PASSWORD=postgres\n';
    expect(lintWith(rule, code, file).findings).toEqual([]);
  });
  it('the same file without the marker is reported', () => {
    expect(lintWith(rule, 'DB_PASSWORD=postgres\n', 'prod.env').findings).toHaveLength(1);
  });
});
