import rule from '../../rules/secret-file-copied';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n',
    'FROM alpine\nCOPY certs/fullchain.pem ca.pem /etc/ssl/\n',
    'FROM alpine\nCOPY nodesource.gpg.key /tmp/\n',
    'FROM alpine\nADD https://example.com/server.key /tmp/\n',
    'FROM alpine AS b\nRUN true\nFROM alpine\nCOPY --from=b /root/.npmrc /root/\n',
    'FROM alpine\nCOPY .env.example /app/\n',
    'FROM jenkins/jenkins\nCOPY jenkins.io-2026.key /war/jenkins-key.pub\n',
    'FROM alpine\nCOPY package.json package-lock.json ./\n',
  ],
  invalid: [
    { code: 'FROM alpine\nCOPY id_rsa /root/.ssh/id_rsa\n', errors: [{ messageId: 'copied', line: 2, column: 6, endColumn: 12 }] },
    { code: 'FROM node:20\nCOPY .npmrc package.json ./\n', errors: [{ messageId: 'copied', line: 2, column: 6 }] },
    { code: 'FROM alpine\nADD --chown=app:app secrets/server.key /etc/ssl/private/\n', errors: [{ messageId: 'copied', line: 2, column: 21 }] },
    { code: 'FROM alpine\nCOPY ["config/.aws/credentials", "/root/.aws/credentials"]\n', errors: [{ messageId: 'copied', line: 2, column: 8 }] },
    { code: 'FROM alpine\nCOPY .env /app/.env\n', errors: [{ messageId: 'copied', line: 2, column: 6 }] },
    { code: 'FROM alpine\nCOPY kubeconfig /root/.kube/config\n', errors: [{ messageId: 'copied', line: 2, column: 6 }] },
    { code: 'FROM alpine\nCOPY a b \\\n     tls-key.pem /x/\n', errors: [{ messageId: 'copied', line: 3, column: 6 }] },
  ],
});

ruleTester(rule, {
  valid: ['FROM centos:7\nADD ./cfg_files/app/.ssh/authorized_keys /tmp/authorized_keys\n'],
  invalid: [{ code: 'FROM centos:7\nADD ./cfg_files/app/.ssh/id_ed25519 /root/.ssh/\n', errors: [{ messageId: 'copied', line: 2, column: 5 }] }],
});

ruleTester(rule, {
  valid: ['FROM node:20\nCOPY package.json yarn.lock .yarnrc.yml ./\n'],
  invalid: [{ code: 'FROM node:20\nCOPY .netrc /root/.netrc\n', errors: [{ messageId: 'copied', line: 2, column: 6 }] }],
});
