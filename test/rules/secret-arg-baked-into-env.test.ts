import rule from '../../rules/secret-arg-baked-into-env';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine\nARG GO_VERSION\nENV APP_GO_VERSION=$GO_VERSION\n',
    'FROM alpine\nENV NPM_TOKEN=$NPM_TOKEN\n',
    'ARG NPM_TOKEN\nFROM alpine\nENV NPM_TOKEN=$NPM_TOKEN\n',
    'FROM alpine AS a\nARG NPM_TOKEN\nFROM alpine AS b\nENV NPM_TOKEN=$NPM_TOKEN\n',
    'FROM alpine\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm npm ci\n',
    { name: 'a public fingerprint default', code: 'FROM alpine\nARG SWIFT_SIGNING_KEY=8A7495662C3CD4AE18D95637FAF6989E1BC16FEA\nENV SWIFT_SIGNING_KEY=$SWIFT_SIGNING_KEY\n' },
  ],
  invalid: [
    { name: 'a secret default is baked too', code: 'FROM alpine\nARG NPM_TOKEN=tok-default-not-real\nENV NPM_TOKEN=$NPM_TOKEN\n', errors: [{ messageId: 'baked', line: 3, column: 15 }] },
    { code: 'FROM alpine\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\n', errors: [{ messageId: 'baked', line: 3, column: 15, endColumn: 25 }] },
    { code: 'FROM alpine\nARG TOKEN\nENV API_TOKEN=${TOKEN}\n', errors: [{ messageId: 'baked', line: 3, column: 15 }] },
    { code: 'FROM alpine\nARG DB_PASSWORD\nENV DSN="postgres://app:${DB_PASSWORD}@db/app"\n', errors: [{ messageId: 'baked', line: 3, column: 10 }] },
    { code: 'ARG NPM_TOKEN\nFROM alpine\nARG NPM_TOKEN\nENV A=1 \\\n    NPM_TOKEN=$NPM_TOKEN\n', errors: [{ messageId: 'baked', line: 5, column: 15 }] },
  ],
});
