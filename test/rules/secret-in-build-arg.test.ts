import rule from '../../rules/secret-in-build-arg';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine\nARG NPM_TOKEN\n',
    'FROM alpine\nARG NPM_TOKEN=\n',
    'FROM alpine\nARG GO_VERSION=1.22 NODE_VERSION=20\n',
    'FROM alpine\nARG TOKEN_FILE=/run/secrets/token\n',
    'FROM alpine\nENV DB_PASSWORD=x-not-an-arg-finding\n',
    { filename: 'compose.yaml', code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: ${NPM_TOKEN}\n' },
    { filename: 'compose.yaml', code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        - NPM_TOKEN\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nARG DEPLOY_PASSWORD=s3cr3t-deploy-pass\n',
      errors: [{ messageId: 'argDefault', line: 2, column: 21, endColumn: 39 }],
      secret: 's3cr3t-deploy-pass',
    },
    {
      name: 'several names in one ARG',
      code: 'FROM alpine\nARG USER=app API_KEY="k3y-not-real-0123456789"\n',
      errors: [{ messageId: 'argDefault', line: 2, column: 23 }],
      secret: 'k3y-not-real-0123456789',
    },
    {
      name: 'global ARG before FROM',
      code: 'ARG REGISTRY_PASSWORD=reg-pass-not-real\nFROM alpine\n',
      errors: [{ messageId: 'argDefault', line: 1, column: 23 }],
      secret: 'reg-pass-not-real',
    },
    {
      name: 'compose build.args map',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: tok-not-real-1234567890\n',
      errors: [{ messageId: 'composeArg', line: 6, column: 20 }],
      secret: 'tok-not-real-1234567890',
    },
    {
      name: 'compose build.args list',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        - GITHUB_TOKEN_VALUE=tok-not-real-0987654321\n',
      errors: [{ messageId: 'composeArg', line: 6, column: 30 }],
      secret: 'tok-not-real-0987654321',
    },
  ],
});
