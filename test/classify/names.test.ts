import { analyzeName, DEFAULT_RUNTIME_SUFFIXES, isSecretName, splitWords } from '../../src/classify';

describe('splitWords', () => {
  const rows: [string, string[]][] = [
    ['MYSQL_ROOT_PASSWORD', ['mysql', 'root', 'password']],
    ['dbPassword', ['db', 'password']],
    ['MYSQLPassword', ['mysql', 'password']],
    ['api-key', ['api', 'key']],
    ['app.secret.key', ['app', 'secret', 'key']],
    ['APIKey', ['api', 'key']],
    ['myAPIKey2', ['my', 'api', 'key', '2']],
    ['OAuthToken', ['oauth', 'token']],
    ['GITEA__database__PASSWD', ['gitea', 'database', 'passwd']],
    ['SHA256', ['sha', '256']],
    ['x', ['x']],
    ['', []],
    ['__', []],
    ['ASPNETCORE_Kestrel__Certificates__Default__Password', ['aspnetcore', 'kestrel', 'certificates', 'default', 'password']],
  ];
  test.each(rows)('%s', (name, words) => expect(splitWords(name)).toEqual(words));
});

/** Names that are secret-like by name alone (isSecretName → true), with the word reported. */
const SECRET_NAMES: [string, string][] = [
  ['PASSWORD', 'password'],
  ['POSTGRES_PASSWORD', 'password'],
  ['MYSQL_ROOT_PASSWORD', 'password'],
  ['MARIADB_ROOT_PASSWORD', 'password'],
  ['MONGO_INITDB_ROOT_PASSWORD', 'password'],
  ['RABBITMQ_DEFAULT_PASS', 'pass'],
  ['DB_PASS', 'pass'],
  ['DBPASS', 'pass'],
  ['PAPERLESS_DBPASS', 'pass'],
  ['LDAP_ROOTPASS', 'pass'],
  ['ADMIN_PASS', 'pass'],
  ['pass', 'pass'],
  ['MYSQLPASSWORD', 'password'],
  ['mysqlpassword', 'password'],
  ['dbPassword', 'password'],
  ['userPassword', 'password'],
  ['DB_PASSWD', 'passwd'],
  ['DATABASE_PASSWD', 'passwd'],
  ['SOME_PSW', 'psw'],
  ['JENKINS_PSW', 'psw'],
  ['ORACLE_PWD', 'pwd'],
  ['MYSQL_PWD', 'pwd'],
  ['DBPWD', 'pwd'],
  ['POSTGRES_PW', 'pw'],
  ['ADMIN_PWORD', 'pword'],
  ['GPG_PASSPHRASE', 'passphrase'],
  ['KEY_PASSPHRASE', 'passphrase'],
  ['SMS_PASSCODE', 'passcode'],
  ['SECRET', 'secret'],
  ['CLIENT_SECRET', 'secret'],
  ['AZURE_CLIENT_SECRET', 'secret'],
  ['SESSION_SECRET', 'secret'],
  ['COOKIE_SECRET', 'secret'],
  ['JWT_SECRET', 'secret'],
  ['WEBHOOK_SECRET', 'secret'],
  ['NEXTAUTH_SECRET', 'secret'],
  ['REGISTRY_HTTP_SECRET', 'secret'],
  ['SECRETS', 'secret'],
  ['clientSecret', 'secret'],
  ['SONAR_AUTH_JWTBASE64HS256SECRET', 'secret'],
  ['TOKEN', 'token'],
  ['GITHUB_TOKEN', 'token'],
  ['GH_TOKEN', 'token'],
  ['NPM_TOKEN', 'token'],
  ['NODE_AUTH_TOKEN', 'token'],
  ['HF_TOKEN', 'token'],
  ['VAULT_TOKEN', 'token'],
  ['AWS_SESSION_TOKEN', 'token'],
  ['ACCESS_TOKEN', 'token'],
  ['REFRESH_TOKEN', 'token'],
  ['CI_JOB_TOKEN', 'token'],
  ['SLACK_BOT_TOKEN', 'token'],
  ['accessToken', 'token'],
  ['AUTHTOKEN', 'token'],
  ['API_TOKENS', 'token'],
  ['CSRF_TOKEN', 'token'],
  ['API_KEY', 'api_key'],
  ['api-key', 'api_key'],
  ['apiKey', 'api_key'],
  ['APIKEY', 'apikey'],
  ['OPENAI_API_KEY', 'api_key'],
  ['GOOGLE_API_KEY', 'api_key'],
  ['SENDGRID_API_KEY', 'api_key'],
  ['API_KEYS', 'api_keys'],
  ['SECRET_KEY', 'secret_key'],
  ['SECRETKEY', 'secretkey'],
  ['DJANGO_SECRET_KEY', 'secret_key'],
  ['SECRET_KEY_BASE', 'secret_key'],
  ['PRIVATE_KEY', 'private_key'],
  ['privateKey', 'private_key'],
  ['SSH_PRIVATE_KEY', 'private_key'],
  ['PRIVATEKEY', 'privatekey'],
  ['ACCESS_KEY', 'access_key'],
  ['MINIO_ACCESS_KEY', 'access_key'],
  ['AWS_SECRET_ACCESS_KEY', 'access_key'],
  ['MASTER_KEY', 'master_key'],
  ['RAILS_MASTER_KEY', 'master_key'],
  ['ENCRYPTION_KEY', 'encryption_key'],
  ['DB_ENCRYPTION_KEY', 'encryption_key'],
  ['SIGNING_KEY', 'signing_key'],
  ['JWT_SIGNING_KEY', 'signing_key'],
  ['DEPLOY_KEY', 'deploy_key'],
  ['LICENSE_KEY', 'license_key'],
  ['NEW_RELIC_LICENSE_KEY', 'license_key'],
  ['APP_KEY', 'app_key'],
  ['SESSION_KEY', 'session_key'],
  ['COOKIE_KEY', 'cookie_key'],
  ['JWT_KEY', 'jwt_key'],
  ['HMAC_KEY', 'hmac_key'],
  ['AUTH_KEY', 'auth_key'],
  ['SECURE_AUTH_KEY', 'auth_key'],
  ['NONCE_KEY', 'nonce_key'],
  ['AZURE_STORAGE_KEY', 'storage_key'],
  ['STORAGE_ACCOUNT_KEY', 'account_key'],
  ['SSH_KEY', 'ssh_key'],
  ['SSHKEY', 'sshkey'],
  ['TLS_KEY', 'tls_key'],
  ['CREDENTIALS', 'credential'],
  ['CREDENTIAL', 'credential'],
  ['AWS_CREDENTIALS', 'credential'],
  ['GIT_CREDENTIALS', 'credential'],
  ['DOCKER_CREDS', 'creds'],
  ['AUTH', 'auth'],
  ['GIT_AUTH', 'auth'],
  ['BASIC_AUTH', 'auth'],
  ['NPM_CONFIG__AUTH', 'auth'],
  ['COMPOSER_AUTH', 'auth'],
  ['NEO4J_AUTH', 'auth'],
  ['REDISCLI_AUTH', 'auth'],
  ['AUTH_SALT', 'salt'],
  ['NONCE_SALT', 'salt'],
  ['SENTRY_DSN', 'dsn'],
  ['DATABASE_DSN', 'dsn'],
  ['DB_CONNECTION_STRING', 'connection_string'],
  ['CONNECTION_STRING', 'connection_string'],
  ['AZURE_STORAGE_CONNECTION_STRING', 'connection_string'],
  ['GITHUB_PAT', 'pat'],
  ['PASSWORD2', 'password'],
  ['API_KEY_1', 'api_key'],
  ['KAFKA_SSL_KEYSTORE_PASSWORD', 'password'],
  ['SE_JAVA_SSL_TRUST_STORE_PASSWORD', 'password'],
  ['RCLONE_CONFIG_MYFTP_PASS', 'pass'],
  ['GITLAB_SECRETS_DB_KEY_BASE', 'secret'],
  ['GITLAB_SECRETS_ENCRYPTED_SETTINGS_KEY_BASE', 'secret'],
  ['PASSWORD_USER_ADMIN', 'password'],
  ['VITE_API_KEY', 'api_key'],
  ['REACT_APP_SECRET', 'secret'],
  ['HTPASSWD', 'htpasswd'],
];

/** Names that are NOT secret-like by name (exemptions and non-words). */
const NON_SECRET_NAMES: string[] = [
  // anchors.md known false positives
  'GPG_KEY', 'GPG_KEYS', 'PUBLIC_KEY', 'JWT_PUBLIC_KEY', 'GITHUB_PUBLIC_TOKEN', 'MAPBOX_PUBLIC_TOKEN',
  'SESSION_SECRET_FILE', 'POSTGRES_PASSWORD_FILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'MYSQL_ROOT_PASSWORD_FILE',
  'AUTH_MODULE_VERSION', 'KMS_KEY_ALIAS', 'KEY_NAME', 'KEY_ALIAS', 'KEY_ENABLED', 'CREDENTIAL_MANAGER',
  'REQUIRE_MFA_AUTH', 'PASSWORD_PROMPT_STRING', 'CHAMBER_KMS_KEY_ALIAS', 'RACKULA_AUTH_MODE', 'AUTH_MODE',
  'AUTH_URL', 'AUTH_GOOGLE_ID', 'SGX_COMMERCIAL_KEY', 'instance_types_file_key', 'GOPRIVATE', 'GONOSUMDB',
  'GONOPROXY', 'GOAUTH', 'TRAVIS_OS_NAME', 'TRAVIS_SUDO', 'FACEBOOK_APP_ID', 'STRIPE_DEVICE_NAME', 'DOCKER_EMAIL',
  'DOCKER_USERNAME', 'REGISTRY_USERNAME', 'username', 'DB_USER', 'SECRETS_DIR', 'MYSQL_ALLOW_EMPTY_PASSWORD',
  'MYSQL_RANDOM_ROOT_PASSWORD', 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD', 'JWT_ACCESS_TOKEN_EXPIRE_MINUTES',
  'PASSWORD_RESET_TOKEN_TTL', 'PASSWORD_MIN_LENGTH', 'MIN_PASSWORD_LENGTH', 'MAX_TOKENS', 'OPENAI_MAX_TOKENS',
  'TOKEN_EXPIRY', 'SESSION_SECRET_TTL', 'ACCESS_TOKEN_LIFETIME', 'TOKEN_TIMEOUT', 'SECRET_SIZE',
  // exemption table
  'API_KEY_PATH', 'SECRET_PATH', 'TOKEN_DIR', 'CREDENTIALS_DIRECTORY', 'TOKEN_URL', 'OAUTH_TOKEN_URL', 'AUTH_URI',
  'SECRET_HOST', 'PASSWORD_PORT', 'TOKEN_ENDPOINT', 'SECRET_VERSION', 'SECRET_NAME', 'TOKEN_ALIAS', 'SECRET_ID',
  'TOKEN_ID', 'AWS_ACCESS_KEY_ID', 'API_KEY_ID', 'KEY_ID', 'SIGNING_KEY_ID', 'TOKEN_ENABLED', 'AUTH_ENABLED',
  'PASSWORD_AUTH_ENABLE', 'SECRET_MODE', 'TOKEN_TYPE', 'AUTH_TYPE', 'API_KEY_HEADER', 'AUTH_HEADER',
  'PASSWORD_PROMPT', 'PASSWORD_POLICY', 'TOKEN_REQUIRED', 'PASSWORD_REQUIRED', 'REQUIRE_CLIENT_AUTH',
  'POSTGRES_HOST_AUTH_METHOD', 'AUTH_METHOD', 'AUTH_PROVIDER', 'TOKEN_PROVIDER', 'TOKEN_ISSUER', 'JWT_AUDIENCE',
  'TOKEN_AUDIENCE', 'TOKEN_SCOPE', 'OAUTH_SCOPES', 'API_ENDPOINT', 'AUTH_REALM', 'REGISTRY_AUTH_HTPASSWD_REALM',
  'REGISTRY_AUTH_HTPASSWD_PATH', 'JWT_ALGORITHM', 'TOKEN_SIGNING_ALG', 'SECRET_CHECKSUM', 'KEY_SHA256',
  'SECRET_HASH', 'PASSWORD_HASH', 'TOKEN_EMAIL', 'AUTH_USER', 'SMTP_USER', 'PASSWORD_USER', 'SECRET_KEY_FILE',
  'MINIO_SECRET_KEY_FILE', 'TOKEN_FILE_MODE', 'MAILCOW_PASS_SCHEME', 'GITHUB_TOKEN_ENV', 'TOKEN_VAR',
  'PASSWORD_STORE_DIR', 'AWS_SHARED_CREDENTIALS_FILE', 'CREDENTIALS_PATH', 'SSH_AUTH_SOCK', 'GIT_ASKPASS',
  'SSH_ASKPASS', 'PWD', 'OLDPWD', 'NEXT_PUBLIC_API_KEY', 'STRIPE_PUBLISHABLE_KEY', 'PUB_KEY', 'PUBKEY_PATH',
  'SKIP_AUTH', 'DISABLE_AUTH', 'ENABLE_PASSWORD_LOGIN', 'ALLOW_ANONYMOUS_AUTH', 'USE_SECRET_MANAGER',
  'GENERATE_SECRET', 'TOKENIZERS_PARALLELISM', 'TOKENIZER_NAME', 'SECRETARY', 'AWS_SECRETSMANAGER_ENDPOINT',
  'ETCD_INITIAL_CLUSTER_TOKEN', 'GITNESS_TOKEN_COOKIE_NAME', 'REGISTRY_AUTH_TOKEN_ISSUER',
  'REGISTRY_AUTH_TOKEN_SERVICE', 'KAFKA_SSL_KEYSTORE_FILENAME', 'KAFKA_SSL_KEYSTORE_LOCATION', 'CORE_PEER_TLS_KEY_FILE',
  // key words that are not secret kinds of keys
  'KEY', 'SORT_KEY', 'PARTITION_KEY', 'CACHE_KEY', 'PRIMARY_KEY', 'PRIMARY_KEY_FIELD', 'KEYBOARD', 'KEYSERVER',
  'PGP_KEYSERVER', 'KEYMAP', 'KEY_VAULT_NAME', 'KEYVAULT_URL', 'NGINX_GPGKEY', 'NGINX_GPGKEYS', 'NGINX_GPGKEY_PATH',
  'WORDPRESS_CLI_GPG_KEY', 'JENKINS_GPG_KEY', 'RABBITMQ_PGP_KEY_ID', 'OPENSSL_PGP_KEY_IDS',
  'CONNECT_KEY_CONVERTER', 'KEY_DIR', 'GO_BUILD_KEY_PATH', 'MONKEY', 'TURNKEY', 'HOTKEY',
  // words that merely contain deny letters
  'PASSENGER_APP_ENV', 'PASSENGER', 'COMPASS', 'BYPASS', 'BYPASS_PROXY', 'MULTIPASS', 'PASSTHROUGH', 'PASSPORT',
  'AUTHOR', 'AUTHORS', 'org.opencontainers.image.authors', 'OAUTH_URL', 'OAUTH', 'OAUTH2_PROXY_PROVIDER',
  'AUTHORITY', 'AUTHENTICATION', 'AUTHORIZATION_SERVER', 'AUTH_SERVER', 'AUTH_BACKEND', 'AUTH_DOMAIN',
  'AUTH_RATELIMIT', 'SALT_MASTER', 'SALTSTACK_VERSION', 'DSN_URL',
  // official images
  'PYTHON_VERSION', 'NODE_VERSION', 'YARN_VERSION', 'JAVA_HOME', 'PHP_INI_DIR', 'GOSU_VERSION', 'PYTHON_SHA256',
  'RUBY_DOWNLOAD_SHA256', 'PHP_SHA256', 'PHP_ASC_URL', 'PHP_URL', 'GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN',
  'PATH', 'LANG', 'PG_MAJOR', 'PG_VERSION', 'PGDATA', 'MYSQL_MAJOR', 'MYSQL_VERSION', 'MONGO_PACKAGE',
  'JSYAML_VERSION', 'REDIS_DOWNLOAD_SHA', 'TOMCAT_SHA512', 'TOMCAT_ASC_URLS', 'HTTPD_SHA256', 'HTTPD_PATCHES',
  'DOCKER_TLS_CERTDIR', 'WORDPRESS_SHA1', 'GHOST_CLI_VERSION', 'OPENSSL_VERSION', 'RABBITMQ_DATA_DIR',
  'ERLANG_INSTALL_PATH_PREFIX', 'CASSANDRA_SHA512', 'JULIA_PATH', 'PYPY_VERSION', 'DRUPAL_MD5',
  'PHP_EXTRA_CONFIGURE_ARGS', 'PHP_CFLAGS', 'GPG_KEYS', 'DEBIAN_FRONTEND', 'TZ', 'HOME',
];

describe('isSecretName: secret-like names', () => {
  test.each(SECRET_NAMES)('%s → %s', (name, word) => {
    expect(isSecretName(name)).toEqual({ secret: true, word });
  });
});

describe('isSecretName: not secret-like', () => {
  test.each(NON_SECRET_NAMES.map((n) => [n]))('%s', (name) => {
    expect(isSecretName(name).secret).toBe(false);
  });
});

describe('analyzeName: value-dependent exemptions and generic keys', () => {
  const rows: [string, string, string | undefined][] = [
    ['AWS_ACCESS_KEY_ID', 'strong', 'id'],
    ['SECRET_ID', 'strong', 'id'],
    ['MAX_TOKENS', 'strong', 'quantity'],
    ['PASSWORD_RESET_TOKEN_TTL', 'strong', 'quantity'],
    ['PASSWORD_HASH', 'strong', 'digest'],
    ['SECRET_SHA256', 'strong', 'digest'],
    ['GPG_KEY', 'key', 'gpg'],
    ['NODE_GPG_KEYS', 'key', 'gpg'],
    ['SWIFT_SIGNING_KEY', 'strong', 'fingerprint'],
    ['SORT_KEY', 'key', undefined],
    ['KEY', 'key', undefined],
    ['MONGODB_REPLICA_SET_KEY', 'key', undefined],
    ['PASSWORD_FILE', 'strong', 'static'],
    ['GOAUTH', 'none', undefined],
    ['KEY_ID', 'none', undefined],
    ['PYTHON_VERSION', 'none', undefined],
  ];
  test.each(rows)('%s → %s / %s', (name, strength, exemption) => {
    const a = analyzeName(name);
    expect(a.strength).toBe(strength);
    expect(a.exemption).toBe(exemption);
  });
});

describe('suffix mode (runtime --drop-suffix)', () => {
  const opts = { suffixes: [...DEFAULT_RUNTIME_SUFFIXES] };
  test('default suffix list', () => {
    expect(DEFAULT_RUNTIME_SUFFIXES).toEqual(['_SECRET', '_KEY', '_TOKEN', '_PASSWORD', '_PASSWD', '_PWD']);
  });
  const secret: [string, string][] = [
    ['DB_PASSWORD', '_PASSWORD'],
    ['app_secret', '_SECRET'],
    ['SORT_KEY', '_KEY'],
    ['GITHUB_TOKEN', '_TOKEN'],
    ['ROOT_PASSWD', '_PASSWD'],
    ['ORACLE_PWD', '_PWD'],
  ];
  test.each(secret)('%s matches %s', (name, word) => expect(isSecretName(name, opts)).toEqual({ secret: true, word }));
  const notSecret = [
    'PASSWORD', // nothing before the suffix
    'DB_PASS', // not in the suffix list
    'PASSWORD_FILE',
    'SECRET_KEY_FILE',
    'PUBLIC_KEY',
    'GITHUB_PUBLIC_TOKEN',
    'GPG_KEY',
    'MYSQL_ALLOW_EMPTY_PASSWORD',
    'MYSQL_RANDOM_ROOT_PASSWORD',
    'GOPRIVATE',
    'TOKEN_URL',
    'PATH',
  ];
  test.each(notSecret.map((n) => [n]))('%s', (name) => expect(isSecretName(name, opts).secret).toBe(false));
  test('custom suffixes replace the word list', () => {
    expect(isSecretName('TLS_CERT', { suffixes: ['_CERT'] })).toEqual({ secret: true, word: '_CERT' });
    expect(isSecretName('DB_PASSWORD', { suffixes: ['_CERT'] }).secret).toBe(false);
  });
});

describe('options', () => {
  test('extraWords add whole words, compounds and sequences', () => {
    expect(isSecretName('MY_CERT', { extraWords: ['cert'] })).toEqual({ secret: true, word: 'cert' });
    expect(isSecretName('SIGNINGPIN', { extraWords: ['signingpin'] })).toEqual({ secret: true, word: 'signingpin' });
    expect(isSecretName('ROOTPINCODE', { extraWords: ['pincode'] })).toEqual({ secret: true, word: 'pincode' });
    expect(isSecretName('DB_LOGIN_PIN', { extraWords: ['login-pin'] })).toEqual({ secret: true, word: 'login_pin' });
    expect(isSecretName('MY_CERT').secret).toBe(false);
    expect(isSecretName('MY_CERT_FILE', { extraWords: ['cert'] }).secret).toBe(false);
  });
  test('allowNames: exact (case-insensitive) and globs', () => {
    const opts = { allowNames: ['MY_PASSWORD', 'TEST_*', '*_DUMMY_TOKEN'] };
    expect(isSecretName('my_password', opts).secret).toBe(false);
    expect(isSecretName('TEST_API_KEY', opts).secret).toBe(false);
    expect(isSecretName('CI_DUMMY_TOKEN', opts).secret).toBe(false);
    expect(isSecretName('OTHER_PASSWORD', opts).secret).toBe(true);
  });
});
