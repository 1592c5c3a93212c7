import { scanText } from '../../src/classify';
import { FORMATS } from '../../src/classify/tokens';
import { F, HEX, MIX } from '../helpers/text';

const TOKENS: [string, string][] = [
  ['AWS access key id', 'AKIA' + F(16)],
  ['AWS access key id', 'ASIA' + F(16, 'FAKE2345')],
  ['GitHub token', 'ghp_' + F(36)],
  ['GitHub token', 'gho_' + MIX(36)],
  ['GitHub token', 'ghu_' + MIX(36)],
  ['GitHub token', 'ghs_' + MIX(36)],
  ['GitHub token', 'ghr_' + MIX(36)],
  ['GitHub fine-grained personal access token', 'github_pat_' + MIX(22) + '_' + MIX(59)],
  ['GitLab token', 'glpat-' + MIX(20)],
  ['GitLab token', 'glrt-' + MIX(24)],
  ['Slack token', 'xoxb-' + F(12, '1234') + '-' + F(12, '5678') + '-' + MIX(24)],
  ['Slack token', 'xoxp-' + F(12, '1234') + '-' + MIX(24)],
  ['Slack webhook URL', 'https://hooks.slack.com/services/T' + F(8, 'FAKE0') + '/B' + F(8, 'FAKE1') + '/' + MIX(24)],
  ['Discord webhook URL', 'https://discord.com/api/webhooks/123456789012345678/' + MIX(40)],
  ['Stripe secret key', 'sk_live_' + MIX(24)],
  ['Stripe secret key', 'sk_test_' + MIX(24)],
  ['Stripe secret key', 'rk_live_' + MIX(24)],
  ['Stripe webhook secret', 'whsec_' + MIX(32)],
  ['npm access token', 'npm_' + MIX(36)],
  ['PyPI API token', 'pypi-AgEIcHlwaS5vcmc' + MIX(60)],
  ['PyPI API token', 'pypi-AgENdGVzdC5weXBpLm9yZw' + MIX(60)],
  ['Docker Hub access token', 'dckr_pat_' + MIX(27)],
  ['Google API key', 'AIza' + MIX(35)],
  ['OpenAI API key', 'sk-proj-' + MIX(48)],
  ['OpenAI API key', 'sk-' + MIX(48)],
  ['Anthropic API key', 'sk-ant-api03-' + MIX(90)],
  ['SendGrid API key', 'SG.' + MIX(22) + '.' + MIX(43)],
  ['JSON Web Token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlIn0.' + MIX(43)],
  ['Hugging Face token', 'hf_' + F(34, 'FakeTokenAbc')],
  ['HashiCorp Vault token', 'hvs.' + MIX(90)],
  ['DigitalOcean token', 'dop_v1_' + HEX(64)],
  ['Shopify token', 'shpat_' + HEX(32)],
  ['Tailscale key', 'tskey-auth-' + MIX(30)],
  ['Databricks token', 'dapi' + HEX(32)],
  ['New Relic key', 'NRAK-' + F(27, 'FAKE0123')],
  ['Age secret key', 'AGE-SECRET-KEY-1' + F(58, 'FAKE023')],
  ['Groq API key', 'gsk_' + MIX(52)],
  ['Mailgun API key', 'key-' + HEX(32)],
  ['Pulumi access token', 'pul-' + HEX(40)],
  ['PEM private key', '-----BEGIN RSA PRIVATE KEY-----'],
  ['PEM private key', '-----BEGIN OPENSSH PRIVATE KEY-----'],
  ['PEM private key', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----'],
  ['PEM private key', '-----BEGIN PGP PRIVATE KEY BLOCK-----'],
];

const INNER_ROWS: [string, string, string][] = [
    ['Password in URL', 'postgres://user:hunter2@db:5432/app', 'hunter2'],
    ['Password in URL', 'DATABASE_URL=mysql://root:whalehello@db:3306/mysql', 'whalehello'],
    ['Password in URL', 'redis://:s3cr3t@cache:6379/0', 's3cr3t'],
    ['Password in URL', 'git clone https://oauth2:tok3nValue@gitlab.com/x/y.git', 'tok3nValue'],
    ['Password in URL', 'amqp://guest:guest@rabbitmq:5672/', 'guest'],
    ['Password in URL', 'https://${USER}:literalpw@host/x', 'literalpw'],
    ['Password in DSN', 'root:s3cret@tcp(mysql:3306)/db', 's3cret'],
    ['Connection string password', 'Server=db;Database=app;User Id=sa;Password=d0ck3r_Labs!;', 'd0ck3r_Labs!'],
    ['Connection string password', 'Host=pg;Username=app;Pwd=abc123;Database=x', 'abc123'],
    ['Azure storage/service bus key', 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=' + MIX(88) + '==;', MIX(88) + '=='],
    ['Azure storage/service bus key', 'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=R;SharedAccessKey=' + MIX(44) + '=', MIX(44) + '='],
    ['Docker registry auth', '{"auths":{"https://index.docker.io/v1/":{"auth":"ZmFrZTpmYWtlcGFzcw=="}}}', 'ZmFrZTpmYWtlcGFzcw=='],
    ['netrc password', 'echo "machine github.com login bot password s3cretpw" > ~/.netrc', 's3cretpw'],
    ['Grafana token', 'glsa_' + F(32, 'Fake0Tok') + '_' + HEX(8), 'glsa_' + F(32, 'Fake0Tok') + '_' + HEX(8)],
    ['Postman API key', 'PMAK-' + HEX(24) + '-' + HEX(34), 'PMAK-' + HEX(24) + '-' + HEX(34)],
    ['Sentry auth token', 'sntrys_eyJ' + MIX(40), 'sntrys_eyJ' + MIX(40)],
    ['Terraform Cloud token', F(14, 'Fake0') + '.atlasv1.' + MIX(70), F(14, 'Fake0') + '.atlasv1.' + MIX(70)],
    ['Token in URL', 'git clone https://Qm7vT2pX9kLw4ZsR8nYb3HcJfAkEd5Gh6Uy1Wq0@github.com/org/repo.git', 'Qm7vT2pX9kLw4ZsR8nYb3HcJfAkEd5Gh6Uy1Wq0'],
    ['Password in URL query', 'jdbc:mysql://db:3306/app?user=app&password=hunter2', 'hunter2'],
    ['docker login password', 'echo "hunter2pw" | docker login -u bot --password-stdin ghcr.io', 'hunter2pw'],
];

describe('scanText: every known format is found, whatever surrounds it', () => {
  test.each(TOKENS)('%s: %s', (type, token) => {
    for (const [pre, post] of [
      ['', ''],
      ['export TOKEN=', ' && make'],
      ['"', '"'],
      ["--header 'Authorization: Bearer ", "'"],
    ] as const) {
      const text = pre + token + post;
      const found = scanText(text);
      expect(found).toHaveLength(1);
      expect(found[0]).toEqual({ type, start: pre.length, end: pre.length + token.length, text: token });
    }
  });
  test('every format has at least one test row', () => {
    const tested = new Set(TOKENS.map(([t]) => t));
    const untested = FORMATS.map((f) => f.type).filter((t) => !tested.has(t) && !INNER_TYPES.has(t));
    expect(untested).toEqual([]);
  });
});

const INNER_TYPES = new Set(INNER_ROWS.map(([t]) => t));

describe('scanText: formats whose secret is a part of the match', () => {
  const rows = INNER_ROWS;
  test.each(rows)('%s in %s', (type, text, secret) => {
    const found = scanText(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.type).toBe(type);
    expect(found[0]!.text).toBe(secret);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(secret);
  });
});

describe('scanText: not secrets', () => {
  const rows: string[] = [
    '',
    'short',
    'apt-get update && apt-get install -y curl',
    'AKIAIOSFODNN7EXAMPLE', // AWS documentation example (allowlisted)
    'aws configure set aws_access_key_id AKIAI44QH8DHBEXAMPLE',
    'ghp_' + 'x'.repeat(36), // placeholder body
    'glpat-xxxxxxxxxxxxxxxxxxxx',
    'AIzaSy' + 'X'.repeat(33),
    'sk_live_' + '0'.repeat(24),
    'pk_live_' + MIX(24), // Stripe publishable key: public
    'ghp_' + F(20), // too short
    'myghp_' + F(36), // not at a boundary
    'postgres://user:${DB_PASSWORD}@db/app',
    'postgres://user:$DB_PASSWORD@db/app',
    'postgres://user:%DB_PASSWORD%@db/app',
    'postgres://user:{{ .Values.pw }}@db/app',
    'postgres://user@db/app',
    'https://github.com/org/repo.git',
    'ssh://git@github.com/org/repo.git',
    'git@github.com:org/repo.git',
    'docker://ubuntu:22.04@sha256:' + HEX(64),
    'postgres://user:<password>@db/app',
    'postgres://user:***@db/app',
    'http://user:@host/x',
    'Server=db;User Id=sa;Password=${SA_PASSWORD};',
    'AccountKey=${AZURE_KEY}',
    'root:@tcp(mariadb:3306)/db',
    'openssl genrsa -out private.key 2048 && grep "PRIVATE KEY" x',
    'disk-' + MIX(40),
    'task-' + MIX(40),
    'sk-' + 'abcdefghijklmnopqrstuvwxyzabcdefgh', // no digits/uppercase: not a key shape
    'key-value-store-configuration-and-other-words',
    'echo "$PASS" | docker login -u bot --password-stdin',
    'https://' + 'a'.repeat(30) + '@github.com/x', // low-entropy user
    'https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/1', // Sentry DSN public key
    'https://example.com/login?password=${PASS}',
    'https://example.com/?pass=<password>',
  ];
  test.each(rows.map((r) => [r]))('%p', (text) => expect(scanText(text)).toEqual([]));
});

describe('scanText: several secrets in one text', () => {
  test('ordered, non-overlapping, exact offsets', () => {
    const a = 'ghp_' + F(36);
    const b = 'AKIA' + F(16);
    const text = `RUN echo ${a} && curl https://u:pw1234@h/x && export K=${b}`;
    const found = scanText(text);
    expect(found.map((f) => f.type)).toEqual(['GitHub token', 'Password in URL', 'AWS access key id']);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
  test('a heredoc body with a PEM key and an .npmrc line', () => {
    const body = `cat <<EOF > /root/.ssh/id_rsa\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\nEOF\n//registry.npmjs.org/:_authToken=npm_${MIX(36)}\n`;
    const types = scanText(body).map((f) => f.type);
    expect(types).toEqual(['PEM private key', 'npm access token']);
  });
  test('a literal piped into docker login --password-stdin', () => {
    expect(scanText('echo "$PASS" | docker login -u bot --password-stdin')).toEqual([]);
    expect(scanText("printf 'hunter2pw' | docker login --username bot --password-stdin").map((f) => f.text)).toEqual(['hunter2pw']);
  });
});

describe('scanText: speed', () => {
  test('1 MB of Dockerfile-like text scans fast (guards against backtracking)', () => {
    const line = 'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/* # https://example.com/x\n';
    const text = line.repeat(Math.ceil(1_000_000 / line.length));
    const t0 = performance.now();
    expect(scanText(text)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
  test('a long unbroken blob does not backtrack catastrophically', () => {
    const text = '--x ' + 'A+'.repeat(50_000) + ' postgres://' + 'a'.repeat(50_000);
    const t0 = performance.now();
    scanText(text);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('scanAssignments: secret-named literals in RUN lines and heredoc bodies', () => {
  // imported lazily to keep the table above about formats only
  const { scanAssignments } = require('../../src/classify') as typeof import('../../src/classify');
  const rows: [string, [string, string][]][] = [
    ['export DB_PASSWORD=hunter2 && ./run', [['DB_PASSWORD', 'hunter2']]],
    ['DB_PASSWORD="hunter 2" ./migrate', [['DB_PASSWORD', 'hunter 2']]],
    ["echo 'API_KEY=abc123' >> .env", [['API_KEY', 'abc123']]],
    ['password: hunter2\nuser: app\n', [['password', 'hunter2']]],
    ['{"apiKey": "abc123", "name": "x"}', [['apiKey', 'abc123']]],
    ['export DB_PASSWORD=$DB_PASSWORD', []],
    ['DB_PASSWORD=${DB_PASSWORD:?set}', []],
    ['SECRET_KEY_BASE=$(rake secret) bundle exec rake assets:precompile', []],
    ['TOKEN=`cat /run/secrets/token` ./run', []],
    ['DB_PASSWORD=${DB_PASSWORD:-s3cret} ./run', [['DB_PASSWORD', 's3cret']]],
    ['DB_PASSWORD_FILE=/run/secrets/db', []],
    ['MYSQL_ALLOW_EMPTY_PASSWORD=yes', []],
    ['GITHUB_TOKEN=ghp_' + 'FAKE'.repeat(9), []], // a known format: scanText's job
    ['curl --data-urlencode password=x https://x', [['password', 'x']]],
    ['apt-get install -y curl && echo done', []],
    ['http://host:8080/path', []],
    ['--password=hunter2', []], // a flag, scanText's job
  ];
  test.each(rows)('%p', (text, expected) => {
    const found = scanAssignments(text);
    expect(found.map((f) => [f.name, f.text])).toEqual(expected);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
  test('options apply', () => {
    expect(scanAssignments('MY_PIN=1234', { extraWords: ['pin'] }).map((f) => f.name)).toEqual(['MY_PIN']);
  });
});
