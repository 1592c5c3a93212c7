import rule from '../../rules/secret-arg-baked-into-env';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine\nARG GO_VERSION\nENV APP_GO_VERSION=$GO_VERSION\n',
    'FROM alpine\nENV NPM_TOKEN=$NPM_TOKEN\n',
    'ARG NPM_TOKEN\nFROM alpine\nENV NPM_TOKEN=$NPM_TOKEN\n',
    'FROM alpine AS a\nARG NPM_TOKEN\nFROM alpine AS b\nENV NPM_TOKEN=$NPM_TOKEN\n',
    'FROM alpine\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm npm ci\n',
  ],
  invalid: [
    { code: 'FROM alpine\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\n', errors: [{ messageId: 'baked', line: 3, column: 15, endColumn: 25 }] },
    { code: 'FROM alpine\nARG TOKEN\nENV API_TOKEN=${TOKEN}\n', errors: [{ messageId: 'baked', line: 3 }] },
    { code: 'FROM alpine\nARG DB_PASSWORD\nENV DSN="postgres://app:${DB_PASSWORD}@db/app"\n', errors: [{ messageId: 'baked', line: 3 }] },
    { code: 'ARG NPM_TOKEN\nFROM alpine\nARG NPM_TOKEN\nENV A=1 \\\n    NPM_TOKEN=$NPM_TOKEN\n', errors: [{ messageId: 'baked', line: 5, column: 15 }] },
  ],
});
