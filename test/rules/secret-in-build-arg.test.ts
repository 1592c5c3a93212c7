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
    // A secret-named ARG no RUN runs with is recorded nowhere; other names are not secrets.
    'FROM alpine\nRUN apk add curl\nARG NPM_TOKEN\nCOPY . /app\n',
    'FROM alpine AS a\nARG NPM_TOKEN\nFROM alpine AS b\nRUN npm ci\n',
    'FROM alpine\nARG GO_VERSION\nARG TOKEN_FILE\nARG PUBLIC_KEY\nRUN echo ${GO_VERSION}\n',
  ],
  invalid: [
    {
      name: 'a secret ARG with no value, used by a RUN (oracle/docker-images)',
      code: 'FROM oraclelinux:8\nARG JDK8_TOKEN\nRUN curl --header "token:${JDK8_TOKEN}" -o /tmp/jdk.rpm https://example.invalid/jdk.rpm\n',
      errors: [{ messageId: 'usedInRun', line: 2, column: 5, endColumn: 15 }],
    },
    {
      name: 'a license key sed into a config file (laradock)',
      code: 'FROM php:8\nARG NEW_RELIC_KEY\nRUN sed -i "s/REPLACE_ME/${NEW_RELIC_KEY}/" /usr/local/etc/php/conf.d/newrelic.ini\n',
      errors: [{ messageId: 'usedInRun', line: 2, column: 5 }],
    },
    {
      name: 'a reference default is no value either',
      code: 'FROM node:20\nARG NPM_TOKEN=$NPM_TOKEN\nRUN npm ci\n',
      errors: [{ messageId: 'usedInRun', line: 2, column: 5 }],
    },
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
