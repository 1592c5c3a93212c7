import rule from '../../rules/secret-token-format';
import { lintWith, ruleTester } from '../helpers/rule-tester';

// Obviously fake, well-formed values.
const GH = 'ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000';
const AWS_ID = 'AKIAFAKEFAKEFAKEFAKE';
const GLPAT = 'glpat-FAKEfakeFAKEfake0000';
const SLACK_HOOK = 'https://hooks.slack.com/services/T00000000/B00000000/FAKEfakeFAKEfakeFAKEfake';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlLXVzZXIifQ.ZmFrZS1zaWduYXR1cmUtbm90LXJlYWw';

ruleTester(rule, {
  valid: [
    'FROM alpine\nENV GH_TOKEN=$GH_TOKEN\n',
    'FROM alpine\nENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app\n',
    'FROM alpine\nENV DATABASE_URL=postgres://db:5432/app\n',
    'FROM alpine\nENV PYTHON_SHA256=2f0e1ba0cbbd8d7ed1fd6b4dfb1b3b4d87a3ad1bd5b1e1d2ff1e1f3c1a1b2c3d\n',
    'FROM alpine\nRUN echo ' + GH + '\n', // RUN text is secret-in-run's
    { filename: 'compose.yaml', code: 'services:\n  w:\n    image: w\n    environment:\n      BROKER: amqp://worker:${BROKER_PASSWORD}@rabbitmq:5672/\n' },
  ],
  invalid: [
    { code: `FROM alpine\nENV GH=${GH}\n`, errors: [{ messageId: 'token', line: 2, column: 8, endColumn: 8 + GH.length }], secret: GH },
    { code: `FROM alpine\nLABEL deploy.key="${AWS_ID}"\n`, errors: [{ messageId: 'token', line: 2, column: 19 }], secret: AWS_ID },
    { code: `FROM alpine\nARG CI_HELPER=${GLPAT}\n`, errors: [{ messageId: 'token', line: 2, column: 15 }], secret: GLPAT },
    { code: `FROM alpine\nENV NOTIFY ${SLACK_HOOK}\n`, errors: [{ messageId: 'token', line: 2, column: 12 }], secret: 'FAKEfakeFAKEfakeFAKEfake' },
    { code: `FROM alpine\nENV SESSION=${JWT}\n`, errors: [{ messageId: 'token', line: 2, column: 13 }], secret: JWT },
    {
      name: 'URL with a password, compose',
      filename: 'compose.yaml',
      code: 'services:\n  w:\n    image: w\n    environment:\n      BROKER: amqp://worker:N0tARealPassw0rd@rabbitmq:5672/\n',
      errors: [{ messageId: 'token', line: 5, column: 15 }],
      secret: 'N0tARealPassw0rd',
    },
    {
      name: 'token under a secret name is reported once, here',
      filename: '.env',
      code: `GITHUB_TOKEN=${GH}\n`,
      errors: [{ messageId: 'token', line: 1, column: 14 }],
      secret: GH,
    },
  ],
});

describe('secret-token-format: published emulator keys', () => {
  const AZURITE = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://azurite:10000/devstoreaccount1;';
  it('reports the Azurite key as info, without "revoke it"', () => {
    const [f] = lintWith(rule, `services:\n  app:\n    image: app\n    environment:\n      AZURE_STORAGE: "${AZURITE}"\n`, 'compose.yaml').findings;
    expect(f).toMatchObject({ severity: 'info', messageId: 'published' });
    expect(f!.message).toContain('Azurite emulator account key (devstoreaccount1)');
    expect(f!.message).not.toMatch(/revoke it/);
  });
  it('another account key is an error', () => {
    const other = AZURITE.replace('Eby8vdM02x', 'Qm7vT2pX9k');
    const [f] = lintWith(rule, `services:\n  app:\n    image: app\n    environment:\n      AZURE_STORAGE: "${other}"\n`, 'compose.yaml').findings;
    expect(f).toMatchObject({ severity: 'error', messageId: 'token' });
  });
});

describe('secret-token-format in templates', () => {
  it('a real token format is still reported in .env.example', () => {
    expect(lintWith(rule, `GITHUB_TOKEN=ghp_${'Q7rK2mZx9LwP4vTn8sYb3cHd6jGu1eAoWq5N'}\n`, '.env.example').findings).toHaveLength(1);
  });
});
