import { join } from 'node:path';
import { contextId, parseHost, resolveConnection, DEFAULT_HOST } from '../../src/runtime/connection';
import { EngineError } from '../../src/runtime/types';

const CFG = '/home/u/.docker';

function files(map: Record<string, string>): (p: string) => string | null {
  return (p) => (p in map ? map[p]! : null);
}

function meta(name: string, host: string, skip = false): Record<string, string> {
  return {
    [join(CFG, 'contexts', 'meta', contextId(name), 'meta.json')]: JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: skip } } }),
  };
}

const baseEnv = { HOME: '/home/u' };

describe('resolveConnection precedence (docker/cli resolveContextName)', () => {
  const fs = files({
    ...meta('remote', 'tcp://remote.example:2375'),
    ...meta('desk', 'unix:///home/u/.docker/run/docker.sock'),
    [join(CFG, 'config.json')]: JSON.stringify({ currentContext: 'desk' }),
  });
  it.each<[string, { host?: string; context?: string }, NodeJS.ProcessEnv, string, string]>([
    ['--context beats everything', { context: 'remote' }, { DOCKER_HOST: 'tcp://h:1', DOCKER_CONTEXT: 'desk' }, 'tcp://remote.example:2375', 'context "remote" (--context)'],
    ['--host beats env and contexts', { host: 'tcp://flag:2375' }, { DOCKER_HOST: 'tcp://h:1', DOCKER_CONTEXT: 'remote' }, 'tcp://flag:2375', '--host'],
    ['DOCKER_HOST beats DOCKER_CONTEXT', {}, { DOCKER_HOST: 'tcp://h:1', DOCKER_CONTEXT: 'remote' }, 'tcp://h:1', 'DOCKER_HOST'],
    ['DOCKER_CONTEXT beats currentContext', {}, { DOCKER_CONTEXT: 'remote' }, 'tcp://remote.example:2375', 'context "remote" (DOCKER_CONTEXT)'],
    ['currentContext from config.json', {}, {}, 'unix:///home/u/.docker/run/docker.sock', `context "desk" (currentContext in ${join(CFG, 'config.json')})`],
    ['--context default uses DOCKER_HOST', { context: 'default' }, { DOCKER_HOST: 'tcp://h:1' }, 'tcp://h:1', 'DOCKER_HOST'],
  ])('%s', (_t, flags, env, url, source) => {
    const c = resolveConnection({ ...flags, env: { ...baseEnv, ...env }, readFile: fs });
    expect({ url: c.url, source: c.source }).toEqual({ url, source });
  });

  it('no config at all: the default socket', () => {
    const c = resolveConnection({ env: baseEnv, readFile: files({}) });
    expect(c).toEqual({ url: DEFAULT_HOST, source: 'default', options: { socketPath: '/var/run/docker.sock' } });
  });

  it('DOCKER_CONFIG moves the config dir', () => {
    const c = resolveConnection({ env: { DOCKER_CONFIG: '/cfg' }, readFile: files({ '/cfg/config.json': '{"currentContext":"x"}', [join('/cfg/contexts/meta', contextId('x'), 'meta.json')]: '{"Endpoints":{"docker":{"Host":"ssh://me@box"}}}' }) });
    expect(c.options).toEqual({ protocol: 'ssh', host: 'box', port: 22, username: 'me' });
  });

  it.each<[string, Parameters<typeof resolveConnection>[0], RegExp]>([
    ['unknown context', { context: 'nope', env: baseEnv, readFile: files({}) }, /docker context "nope" not found/],
    ['both flags', { context: 'a', host: 'tcp://x', env: baseEnv }, /either --host or --context/],
    ['broken config.json', { env: baseEnv, readFile: files({ [join(CFG, 'config.json')]: '{' }) }, /config.json is not valid JSON/],
    ['TLS verify without certs', { env: { ...baseEnv, DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' }, readFile: files({}) }, /ca.pem does not exist/],
    ['unsupported scheme', { host: 'fd://', env: baseEnv }, /unsupported docker host/],
  ])('error: %s', (_t, req, msg) => {
    expect(() => resolveConnection(req)).toThrow(EngineError);
    expect(() => resolveConnection(req)).toThrow(msg);
  });
});

describe('TLS', () => {
  it('DOCKER_TLS_VERIFY + DOCKER_CERT_PATH give https with the three files', () => {
    const c = resolveConnection({
      env: { ...baseEnv, DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' },
      readFile: files({ '/certs/ca.pem': 'CA', '/certs/cert.pem': 'CERT', '/certs/key.pem': 'KEY' }),
    });
    expect(c.options).toEqual({ protocol: 'https', host: 'h', port: 2376, ca: 'CA', cert: 'CERT', key: 'KEY' });
  });
  it('DOCKER_TLS_VERIFY without DOCKER_CERT_PATH reads the config dir (like the CLI)', () => {
    const c = resolveConnection({
      env: { ...baseEnv, DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: 'yes' },
      readFile: files({ [join(CFG, 'ca.pem')]: 'CA' }),
    });
    expect(c.options).toEqual({ protocol: 'https', host: 'h', port: 2376, ca: 'CA' });
  });
  it('a context with TLS material and SkipTLSVerify', () => {
    const id = contextId('secure');
    const c = resolveConnection({
      context: 'secure',
      env: baseEnv,
      readFile: files({ ...meta('secure', 'tcp://s:2376', true), [join(CFG, 'contexts', 'tls', id, 'docker', 'ca.pem')]: 'CA' }),
    });
    expect(c.options).toEqual({ protocol: 'https', host: 's', port: 2376, ca: 'CA', insecure: true });
  });
});

describe('parseHost', () => {
  it.each<[string, object]>([
    ['unix:///run/user/1000/docker.sock', { socketPath: '/run/user/1000/docker.sock' }],
    ['npipe:////./pipe/docker_engine', { socketPath: '//./pipe/docker_engine' }],
    ['tcp://10.0.0.2:2375', { protocol: 'http', host: '10.0.0.2', port: 2375 }],
    ['10.0.0.2:2375', { protocol: 'http', host: '10.0.0.2', port: 2375 }],
    ['tcp://[::1]:2375', { protocol: 'http', host: '::1', port: 2375 }],
    ['ssh://deploy@build.example:2222', { protocol: 'ssh', host: 'build.example', port: 2222, username: 'deploy', sshAgent: '/tmp/agent.sock' }],
  ])('%s', (url, expected) => {
    expect(parseHost(url, null, { SSH_AUTH_SOCK: '/tmp/agent.sock' })).toEqual(expected);
  });
});
