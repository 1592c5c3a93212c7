import { classify } from '../../src/classify';
import { F, MIX } from '../helpers/text';

/** [name, value, expected]: 'name' = secret by name; a token type = secret by value; false = not secret. */
type Row = [string, string | null, string | false];

const SECRET_BY_NAME: Row[] = [
  // hardcoded development credentials are credentials
  ['POSTGRES_PASSWORD', 'postgres', 'name'],
  ['POSTGRES_PASSWORD', 'password', 'name'],
  ['MYSQL_ROOT_PASSWORD', 'root', 'name'],
  ['MYSQL_ROOT_PASSWORD', 'example', 'name'],
  ['MYSQL_PASSWORD', 'secret', 'name'],
  ['MARIADB_ROOT_PASSWORD', 'admin', 'name'],
  ['MONGO_INITDB_ROOT_PASSWORD', 'test', 'name'],
  ['RABBITMQ_DEFAULT_PASS', 'guest', 'name'],
  ['KEYSTORE_PASSWORD', 'changeit', 'name'],
  ['DB_PASSWORD', '123456', 'name'],
  ['DB_PASSWORD', '2', 'name'],
  ['DB_PASS', 'hunter2', 'name'],
  ['DBPASS', 'hunter2', 'name'],
  ['MYSQLPASSWORD', 'hunter2', 'name'],
  ['dbPassword', 'hunter2', 'name'],
  ['api-key', 'abc123', 'name'],
  ['SOME_PSW', 'hunter2', 'name'],
  ['DB_PASSWD', 'gitea', 'name'],
  ['ORACLE_PWD', 'Admin123', 'name'],
  ['POSTGRES_PW', 'changeit', 'name'],
  ['GIT_AUTH', 'user:token123', 'name'],
  ['BASIC_AUTH', 'admin:admin', 'name'],
  ['NEO4J_AUTH', 'neo4j/password', 'name'],
  ['REDISCLI_AUTH', 'thingsboard', 'name'],
  ['COMPOSER_AUTH', '{"github-oauth":{"github.com":"abc123"}}', 'name'],
  ['DEPLOY_KEY', 'abc123def', 'name'],
  ['AWS_CREDENTIALS', 'abc:def', 'name'],
  ['GIT_CREDENTIALS', 'https-user-token', 'name'],
  ['SECRET_KEY', 'dev', 'name'],
  ['DJANGO_SECRET_KEY', 'django-insecure-abc', 'name'],
  ['SECRET_KEY_BASE', 'yYrECL4qbNwleYInGJYvVnSkwJuSQJ4ijPTx5tirGUXrbznF', 'name'],
  ['RAILS_MASTER_KEY', 'abc123def', 'name'],
  ['APP_KEY', 'base64:' + MIX(44), 'name'],
  ['ENCRYPTION_KEY', 'my-encryption-key', 'name'],
  ['SIGNING_KEY', 'my-signing-key', 'name'],
  ['LICENSE_KEY', 'lgNvGyhnUKpa5PJi', 'name'],
  ['JWT_SECRET', 'fiber', 'name'],
  ['SESSION_SECRET', 'keyboard cat', 'name'],
  ['COOKIE_SECRET', 'abc', 'name'],
  ['CLIENT_SECRET', 'abc', 'name'],
  ['MINIO_SECRET_KEY', 'minioadmin', 'name'],
  ['PUSHER_APP_SECRET', 'f3e2d1c0b9a8f7e6d5c4', 'name'],
  ['APP_ACCESS_KEY', 'Hq7vN2xZ8mK3pR5tfake', 'name'],
  ['DB_PASSWORD', 'postgres', 'name'],
  ['SECRET_KEY', 'long-random-value-7f3a9c', 'name'],
  ['AUTH_SALT', 'salty', 'name'],
  ['WORDPRESS_AUTH_KEY', 'a long phrase', 'name'],
  ['GITHUB_TOKEN', 'abc', 'name'],
  ['API_TOKEN', 'apitest', 'name'],
  ['VAULT_TOKEN', 'root', 'name'],
  ['PASSWORD', '${PASSWORD:-s3cret}', 'name'],
  ['MYSQL_ROOT_PASSWORD', '${ROOT_PW:-secret123}', 'name'],
  ['NEO4J_AUTH', '${NEO4J_USERNAME-neo4j}/${NEO4J_PASSWORD-password}', 'name'],
  ['PASSWORD', 'pre${SUFFIX}', 'name'],
  ['MONGODB_REPLICA_SET_KEY', 'Qm7vT2pX9kLw4ZsR8nYb3HcJ', 'name'],
  ['NONCE_KEY', 'Qm7vT2pX9kLw4ZsR8nYb3HcJ', 'name'],
  ['KEY', 'Qm7vT2pX9kLw4ZsR8nYb3HcJ', 'name'],
  ['SORT_KEY', 'Qm7vT2pX9kLw4ZsR8nYb3HcJ', 'name'],
  ['GPG_KEY', 'Qm7vT2pX9kLw4ZsR8nYb3HcJ', 'name'],
  ['SECRET_HASH', 'plain-text-not-a-hash', 'name'],
  ['MAX_TOKENS', 'Qm7vT2pX9kLw4ZsR8nYb3HcJ', 'name'],
  ['SWIFT_SIGNING_KEY', 'not-a-fingerprint', 'name'],
  ['ACCESS_TOKEN', 'Bearer-abc', 'name'],
  ['WEBHOOK_SECRET', 'https://example.com/hook?token=abc123', 'name'],
  ['CONNECTION_STRING', 'Server=db;User Id=sa;Password=d0ck3r_Labs!;', 'Connection string password'],
];

const SECRET_BY_VALUE: Row[] = [
  ['AWS_ACCESS_KEY_ID', 'AKIA' + F(16), 'AWS access key id'],
  ['X', 'AKIA' + F(16), 'AWS access key id'],
  ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEFAKEKY', 'AWS secret access key'],
  ['aws_secret_access_key', 'Qm7vT2pX9kLw4ZsR8nYb3HcJ/fAkE+k9Lm2Pq7Rs', 'AWS secret access key'],
  ['AWS_ACCESS_KEY_ID', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEFAKEKY', 'AWS secret access key'],
  ['GITHUB_TOKEN', 'ghp_' + F(36), 'GitHub token'],
  ['SOMETHING', 'ghp_' + F(36), 'GitHub token'],
  ['GITHUB_TOKEN_FILE', 'ghp_' + F(36), 'GitHub token'], // exempt name, but the value is a token
  ['PUBLIC_KEY', '-----BEGIN RSA PRIVATE KEY-----', 'PEM private key'],
  ['GH_PAT', 'github_pat_' + MIX(22) + '_' + MIX(59), 'GitHub fine-grained personal access token'],
  ['GITLAB', 'glpat-' + MIX(20), 'GitLab token'],
  ['SLACK', 'xoxb-' + MIX(30), 'Slack token'],
  ['SLACK_WEBHOOK_URL', 'https://hooks.slack.com/services/T0FAKE000/B0FAKE000/' + MIX(24), 'Slack webhook URL'],
  ['STRIPE_KEY', 'sk_live_' + MIX(24), 'Stripe secret key'],
  ['STRIPE_TEST_KEY', 'sk_test_' + MIX(24), 'Stripe secret key'],
  ['NPM_CONFIG_TOKEN', 'npm_' + MIX(36), 'npm access token'],
  ['TWINE_PASSWORD', 'pypi-AgEIcHlwaS5vcmc' + MIX(60), 'PyPI API token'],
  ['DOCKERHUB', 'dckr_pat_' + MIX(27), 'Docker Hub access token'],
  ['MAPS', 'AIza' + MIX(35), 'Google API key'],
  ['OPENAI_API_KEY', 'sk-proj-' + MIX(48), 'OpenAI API key'],
  ['ANTHROPIC_API_KEY', 'sk-ant-api03-' + MIX(90), 'Anthropic API key'],
  ['SENDGRID', 'SG.' + MIX(22) + '.' + MIX(43), 'SendGrid API key'],
  ['SUPABASE_ANON', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlIn0.' + MIX(43), 'JSON Web Token'],
  ['AZURE_STORAGE_CONNECTION_STRING', 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=' + MIX(88) + '==', 'Azure storage/service bus key'],
  ['DATABASE_URL', 'postgres://app:hunter2@db:5432/app', 'Password in URL'],
  ['DATABASE_URL', '${DATABASE_URL:-postgres://app:hunter2@db/app}', 'Password in URL'],
  ['REDIS_URL', 'redis://:s3cr3t@cache:6379', 'Password in URL'],
  ['BROKER', 'amqp://guest:guest@rabbitmq:5672/', 'Password in URL'],
  ['DSN', 'mysql://root:secret@tcp(mysqld:3306)/mysql', 'Password in URL'],
  ['DB_DSN', 'root:s3cret@tcp(mariadb:3306)/x', 'Password in DSN'],
  ['TOKEN', '${TOKEN:-ghp_' + F(36) + '}', 'GitHub token'],
  ['ENV_BLOB', '$(echo ghp_' + F(36) + ')', 'GitHub token'],
  ['DOCKER_AUTH_CONFIG', '{"auths":{"r.example.com":{"auth":"ZmFrZTpmYWtlcGFzcw=="}}}', 'Docker registry auth'],
];

const NOT_SECRET: Row[] = [
  // values that are not literals
  ['POSTGRES_PASSWORD', null, false],
  ['POSTGRES_PASSWORD', '', false],
  ['POSTGRES_PASSWORD', '$POSTGRES_PASSWORD', false],
  ['POSTGRES_PASSWORD', '${POSTGRES_PASSWORD}', false],
  ['POSTGRES_PASSWORD', '${POSTGRES_PASSWORD:?set it}', false],
  ['POSTGRES_PASSWORD', '${POSTGRES_PASSWORD?set it}', false],
  ['DB_PASSWORD', '%DB_PASSWORD%', false],
  ['DB_PASSWORD', '{{ .Values.db.password }}', false],
  ['GITHUB_TOKEN', '${{ secrets.GITHUB_TOKEN }}', false],
  ['DB_PASSWORD', '$(cat /run/secrets/db_password)', false],
  ['TOKEN', '$TOKEN', false],
  // placeholders
  ['DB_PASSWORD', 'changeme', false],
  ['DB_PASSWORD', 'CHANGEME', false],
  ['DB_PASSWORD', 'change_me', false],
  ['API_TOKEN', '<token>', false],
  ['API_TOKEN', 'your-token-here', false],
  ['API_KEY', 'xxxxxxxxxxxx', false],
  ['API_KEY', '***', false],
  ['API_KEY', '...', false],
  ['SECRET', 'null', false],
  ['SECRET', 'none', false],
  ['VULTR_API_KEY', 'fake', false],
  ['RUNNERS_AUTH_TOKEN', 'changeRunnerAuthToken', false],
  ['GITHUB_TOKEN', 'ghp_' + 'x'.repeat(36), false],
  ['STRIPE_SECRET_KEY', 'sk_live_xxxxxxxxxxxxxxxx', false],
  ['GOOGLE_API_KEY', 'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', false],
  ['API_KEY', 'sk-...', false],
  // paths, URLs, toggles, quantities
  ['DB_PASSWORD', '/run/secrets/db_password', false],
  ['GOOGLE_APPLICATION_CREDENTIALS', '/secrets/gcp.json', false],
  ['SSL_KEY', '/etc/ssl/private/server.key', false],
  ['xpack.security.http.ssl.key', 'certs/elasticsearch-key.pem', false],
  ['SA_PASSWORD_PATH', 'C:\\ProgramData\\Docker\\secrets\\sa-password', false],
  ['RESET_OS_PASSWORD', 'resetOSPassword.sh', false],
  ['MYSQL_ALLOW_EMPTY_PASSWORD', 'yes', false],
  ['MYSQL_ALLOW_EMPTY_PASSWORD', 'anything', false],
  ['MYSQL_RANDOM_ROOT_PASSWORD', 'yes', false],
  ['TOKEN_ENABLED', 'true', false],
  ['AUTH', 'true', false],
  ['PASSWORD_AUTH', 'false', false],
  ['JWT_ACCESS_TOKEN_EXPIRE_MINUTES', '30', false],
  ['PASSWORD_RESET_TOKEN_TTL', '900', false],
  ['PASSWORD_MIN_LENGTH', '12', false],
  ['MAX_TOKENS', '4096', false],
  ['ACCESS_TOKEN_LIFETIME', '15m', false],
  ['SESSION_SECRET_MAX_AGE', '7d', false],
  ['TOKEN_EXPIRY', 'never', false],
  ['OIDC_TOKEN_URL', 'https://idp.example.com/oauth/token', false],
  ['AUTH_URL', 'https://auth.example.com', false],
  ['TOKEN', 'https://example.com/token', false],
  ['SENTRY_DSN', 'https://key0123@o1.ingest.sentry.io/1', false],
  ['DSN', 'memory', false],
  ['PHOTOPRISM_TEST_DSN', '.test.db', false],
  ['DB_DSN', 'root:@tcp(mariadb:3306)/x', false],
  ['DSN', 'cockroach://root@cockroachd:26257/defaultdb?sslmode=disable', false],
  ['DATABASE_URL', 'postgres://app:${DB_PASSWORD}@db/app', false],
  ['DATABASE_URL', 'postgres://app@db/app', false],
  ['DB_CONNECTION_STRING', 'postgres://user:${PW}@${HOST}/db?sslmode=disable', false],
  ['DB_CONNECTION_STRING', 'Host=${H};Username=u;Password=${P};Database=d', false],
  ['CONNECTION_STRING', '${DC_ORCL_HOST}:${DC_ORCL_PORT}/${DC_ORCL_PDB}', false],
  ['CONNECTION_STRING', '${CONNECTION_STRING:-OamDB:1521/orclpdb1.localdomain}', false],
  ['KAFKA_SSL_KEY_CREDENTIALS', 'kafka_ssl_key_creds', false],
  ['KAFKA_SSL_TRUSTSTORE_CREDENTIALS', 'broker_truststore_creds', false],
  ['REGISTRY_AUTH', 'htpasswd', false],
  ['KAFKA_SSL_CLIENT_AUTH', 'required', false],
  ['STRATEGIES_ACCESS_TOKEN', 'jwt', false],
  ['POSTGRES_HOST_AUTH_METHOD', 'trust', false],
  ['COMPOSER_AUTH', '{}', false],
  ['MAILCOW_PASS_SCHEME', '${MAILCOW_PASS_SCHEME:-BLF-CRYPT}', false],
  ['ETCD_INITIAL_CLUSTER_TOKEN', 'etcd-cluster-1', false],
  // anchors.md false positives of peers
  ['GPG_KEY', 'A035C8C19219BA821ECEA86B64E628F8D684696D', false],
  ['GPG_KEYS', 'B9AE9905FFD7803F25714661B63B535A4C206CA9 C4F0DFFF4E8C1A8236409D08E73BC641CC11F4C8', false],
  ['GPG_KEY', '7169 605F 62C7 5160 55E4  1BA7 A821 E680 E5FA 6305', false],
  ['NODE_GPG_KEYS', '4ED778F539E3634C779C87C6D7062848A1AB005C', false],
  ['key', 'B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8', false],
  ['SWIFT_SIGNING_KEY', 'A62AE125BBBFBB96A6E042EC925CC1CCED3D1561', false],
  ['RABBITMQ_PGP_KEY_ID', '0x0A9AF2115F4687BD29803A206B73A36E6026DFCA', false],
  ['PUBLIC_KEY', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFakeFake', false],
  ['GITHUB_PUBLIC_TOKEN', 'abc123', false],
  ['STRIPE_PUBLISHABLE_KEY', 'pk_live_' + MIX(24), false],
  ['SESSION_SECRET_FILE', '/run/secrets/session', false],
  ['POSTGRES_PASSWORD_FILE', '/run/secrets/db-password', false],
  ['AWS_WEB_IDENTITY_TOKEN_FILE', '/var/run/secrets/eks.amazonaws.com/serviceaccount/token', false],
  ['AUTH_MODULE_VERSION', '1.2.3', false],
  ['KMS_KEY_ALIAS', 'alias/my-key', false],
  ['KEY_NAME', 'my-key', false],
  ['KEY_ALIAS', 'prod', false],
  ['KEY_ENABLED', 'true', false],
  ['CREDENTIAL_MANAGER', 'manager-core', false],
  ['REQUIRE_MFA_AUTH', 'true', false],
  ['PASSWORD_PROMPT_STRING', 'Password:', false],
  ['RACKULA_AUTH_MODE', 'none', false],
  ['AUTH_GOOGLE_ID', '1234567890-abcdefg.apps.googleusercontent.com', false],
  ['SGX_COMMERCIAL_KEY', '/opt/sgx/key.pem', false],
  ['instance_types_file_key', 'instance_types', false],
  ['GOPRIVATE', 'github.com/myorg/*', false],
  ['GONOSUMDB', 'github.com/myorg/*', false],
  ['GONOPROXY', 'github.com/myorg/*', false],
  ['GOAUTH', 'netrc', false],
  ['TRAVIS_OS_NAME', 'linux', false],
  ['TRAVIS_SUDO', 'true', false],
  ['FACEBOOK_APP_ID', '1234567890', false],
  ['STRIPE_DEVICE_NAME', 'reader-1', false],
  ['DOCKER_EMAIL', 'me@example.com', false],
  ['DOCKER_USERNAME', 'bot', false],
  ['SECRETS_DIR', '/run/secrets', false],
  ['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE', false], // AWS documentation example
  ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', false],
  ['SECRET_ID', 'db-credentials', false],
  ['KEY_ID', 'abc123', false],
  ['SECRET_CHECKSUM', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', false],
  ['PASSWORD_HASH', '$2y$10$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234', false],
  // generic keys with low entropy
  ['SORT_KEY', 'created_at', false],
  ['CACHE_KEY', 'v1', false],
  ['PRIMARY_KEY_FIELD', 'id', false],
  ['KEY', 'value', false],
  ['PARTITION_KEY', '/tenantId', false],
  ['CONNECT_KEY_CONVERTER', 'org.apache.kafka.connect.json.JsonConverter', false],
  // official images (docker-library)
  ['PYTHON_VERSION', '3.12.1', false],
  ['PYTHON_SHA256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', false],
  ['NODE_VERSION', '20.11.0', false],
  ['YARN_VERSION', '1.22.19', false],
  ['JAVA_HOME', '/opt/java/openjdk', false],
  ['PHP_INI_DIR', '/usr/local/etc/php', false],
  ['GOSU_VERSION', '1.17', false],
  ['GOLANG_VERSION', '1.22.0', false],
  ['GOPATH', '/go', false],
  ['PATH', '/usr/local/go/bin:$PATH', false],
  ['RUBY_DOWNLOAD_SHA256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', false],
  ['WORDPRESS_SHA1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', false],
  ['TOMCAT_SHA512', 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e', false],
  ['PG_SHA256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', false],
  ['DOCKER_TLS_CERTDIR', '/certs', false],
  ['PHP_ASC_URL', 'https://www.php.net/distributions/php-8.3.0.tar.xz.asc', false],
  ['GPG_KEYS', '1198C0117593497A5EC5C199286AF1F9897469DC 49D9AF6BC72A80D6691719C8AA23F5BE9C7097D4', false],
  ['PHP_CFLAGS', '-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64', false],
  ['org.opencontainers.image.authors', 'The Prometheus Authors', false],
  // non-secret names with random-looking values
  ['BUILD_ID', 'Qm7vT2pX9kLw4ZsR8nYb3HcJ', false],
  ['COMMIT_SHA', '2671d40f658f595f49cd585db8e522cc955d916e', false],
  ['REQUEST_ID', '9d8351a0-ca01-4556-9c37-85eb634869b9', false],
  // Access key ids of S3-style storage are user names (MinIO's root user); the secret half is reported.
  ['MINIO_ACCESS_KEY', 'minioadmin', false],
  ['MINIO_ACCESS_KEY', 'cortex', false],
  ['AWS_ACCESS_KEY', 'sentry', false],
  ['S3_ACCESS_KEY_ID', 'loki', false],
  // Public by design: shown to every browser or client.
  ['STRIPE_KEY', 'pk_live_51H8xYzABCdefGHIjklMNOpqrSTUvwxYZ0123456789', false],
  ['POSTHOG_KEY', 'phc_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdefGH', false],
  ['PUSHER_APP_KEY', 'a1b2c3d4e5f6a7b8c9d0', false],
  ['VITE_PUSHER_APP_KEY', 'f3e2d1c0b9a8f7e6d5c4', false],
  ['GOOGLE_OAUTH_CLIENT', '1234567890-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com', false],
  // Template fillers, one documented list (src/classify/values.ts).
  ['NPM_TOKEN', '00000000-0000-0000-0000-000000000000', false],
  ['GITLAB_SECRETS_DB_KEY_BASE', 'long-and-random-alphanumeric-string', false],
  ['SECRET_KEY', 'insecure', false],
  ['SENDGRID_API_KEY', 'SG.xxxxxxxxxxxxxxxxxxxxxx.yyyyyyyyyyyyyyyyyyyyyyyyyy', false],
  ['API_TOKEN', 'aaaaaaaaaaaaaaaa', false],
  ['JWT_SECRET', 'some-secure-random-string', false],
];

function check([name, value, expected]: Row): void {
  const c = classify(name, value);
  if (expected === false) {
    expect(c.secret).toBe(false);
    expect(c.reason).toBeNull();
  } else if (expected === 'name') {
    expect(c).toMatchObject({ secret: true, reason: 'name' });
    expect(c.tokenType).toBeUndefined();
    expect(c.secretText).toBeTruthy();
    expect(value).toContain(c.secretText!);
  } else {
    expect(c).toMatchObject({ secret: true, reason: 'value', tokenType: expected });
    expect(value).toContain(c.secretText!);
  }
}

describe('classify: secret by name (literal value under a secret-like name)', () => {
  test.each(SECRET_BY_NAME)('%s=%p', (...row) => check(row));
});
describe('classify: secret by value (known formats, whatever the name)', () => {
  test.each(SECRET_BY_VALUE)('%s=%p → %s', (...row) => check(row));
});
describe('classify: not secret', () => {
  test.each(NOT_SECRET)('%s=%p', (...row) => check(row));
});

describe('classify: result fields', () => {
  test('secret by name reports the word, kind and the literal to mask', () => {
    expect(classify('DB_PASSWORD', '${DB_PASSWORD:-s3cret}')).toEqual({
      secret: true,
      reason: 'name',
      secretName: true,
      nameWord: 'password',
      valueKind: 'literal',
      secretText: 's3cret',
      goVar: false,
    });
  });
  test('several literal parts: the whole value is the text to mask', () => {
    expect(classify('DB_PASSWORD', 'ab${X}cd').secretText).toBe('ab${X}cd');
  });
  test('value reason wins and carries the token text', () => {
    const token = 'ghp_' + F(36);
    const c = classify('GITHUB_TOKEN', `prefix ${token}`);
    expect(c).toMatchObject({ secret: true, reason: 'value', tokenType: 'GitHub token', secretText: token, secretName: true });
  });
  test('a URL password: only the password is the secret text', () => {
    expect(classify('DATABASE_URL', 'postgres://u:hunter2@db/x').secretText).toBe('hunter2');
  });
  test('reference: secretName without secret', () => {
    expect(classify('DB_PASSWORD', '$DB_PASSWORD')).toEqual({
      secret: false,
      reason: null,
      secretName: true,
      nameWord: 'password',
      valueKind: 'reference',
      goVar: false,
    });
  });
  test('goVar', () => {
    expect(classify('GOPRIVATE', 'github.com/x/*')).toMatchObject({ goVar: true, secret: false, secretName: false });
    expect(classify('GOFLAGS', '-mod=vendor').goVar).toBe(true);
    expect(classify('GOOGLE_API_KEY', 'x').goVar).toBe(false);
  });
  test('a Go variable with a token in its value is still a secret', () => {
    expect(classify('GOAUTH', 'git https://x:ghp_' + F(36) + '@github.com')).toMatchObject({ secret: true, reason: 'value' });
  });
});

describe('classify: options', () => {
  test('allowNames never secret by name, but known formats still count', () => {
    const opts = { allowNames: ['TEST_*'] };
    expect(classify('TEST_PASSWORD', 'hunter2', opts).secret).toBe(false);
    expect(classify('TEST_TOKEN', 'ghp_' + F(36), opts)).toMatchObject({ secret: true, reason: 'value' });
  });
  test('extraWords', () => {
    expect(classify('SIGNING_PIN', '1234', { extraWords: ['pin'] })).toMatchObject({ secret: true, nameWord: 'pin' });
    expect(classify('SIGNING_PIN', '1234').secret).toBe(false);
  });
  test('suffix mode (runtime minimizer)', () => {
    const opts = { suffixes: ['_SECRET', '_KEY', '_TOKEN', '_PASSWORD', '_PASSWD', '_PWD'] };
    expect(classify('APP_SECRET', 'x1', opts)).toMatchObject({ secret: true, reason: 'name', nameWord: '_SECRET' });
    expect(classify('DB_PASS', 'hunter2', opts)).toMatchObject({ secret: false, secretName: false });
    expect(classify('GPG_KEY', 'A035C8C19219BA821ECEA86B64E628F8D684696D', opts).secret).toBe(false);
    expect(classify('PUBLIC_KEY', 'abc', opts).secret).toBe(false);
    expect(classify('SOME', 'ghp_' + F(36), opts)).toMatchObject({ secret: true, reason: 'value' });
  });
});

describe('classify: no catastrophic backtracking (speed itself is measured by npm run bench)', () => {
  test('a huge value does not backtrack', () => {
    const t0 = performance.now();
    classify('CONNECTION_STRING', 'a=b'.repeat(30_000));
    classify('PASSWORD', 'your' + 'A'.repeat(100_000) + '!');
    classify('KEY', 'a.'.repeat(50_000));
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
