import rule from '../../rules/secret-file-copied';
import { lintWith, ruleTester } from '../helpers/rule-tester';

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

describe('secret-file-copied: files named by their destination', () => {
  const DF = (line: string) => `FROM alpine:3.20\n${line}\n`;
  it.each([
    ['COPY deploy_key /root/.ssh/id_ed25519', 'an SSH private key', 6],
    ['COPY ssh_keys/. /root/.ssh/', 'an SSH directory', 6],
    ['COPY config.json /root/.docker/config.json', 'Docker registry credentials', 6],
    ['ADD creds /root/.aws/credentials', 'AWS credentials', 5],
    ['COPY gcp-sa-key.json /app/', 'cloud credentials', 6],
    ['COPY my-service-account.json /secrets/', 'cloud credentials', 6],
  ])('%s', (line, what, column) => {
    const r = lintWith(rule, DF(line));
    expect(r.findings.map((f) => [f.loc.line, f.loc.column])).toEqual([[2, column]]);
    expect(r.findings[0]!.message).toContain(`(${what})`);
  });
  it.each([
    'COPY known_hosts /root/.ssh/known_hosts',
    'COPY ssh_config /root/.ssh/config',
    'COPY id_ed25519.pub /root/.ssh/authorized_keys',
    'COPY .env.example .env',
    'COPY app.conf /etc/app/',
    'COPY . /app/',
    'COPY gcp-config.json /app/',
  ])('%s is not a credential', (line) => {
    expect(lintWith(rule, DF(line)).findings).toEqual([]);
  });
});
