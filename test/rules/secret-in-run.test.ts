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
  ],
});
