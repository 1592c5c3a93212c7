import { AnswerError, boundCalls, compareApiVersions, mapEngineError, negotiateApiVersion, ownsAgent, plainAgent, toDockerodeOptions, CLIENT_API_VERSION } from '../../src/runtime/docker';
import { EngineError } from '../../src/runtime/types';
import { Agent } from 'node:https';
import { inspect } from 'node:util';

let dockerodeLoads = 0;
const versionCalls: unknown[] = [];
/** Every request in order: `version`, `version done`, `list <api> <labels>`, `inspect <api>`. */
const requests: string[] = [];
jest.mock('dockerode', () => {
  dockerodeLoads++;
  return class FakeDocker {
    /** connectEngine() wraps its dial() (limitAnswers, and over ssh ownSshConnections); these fakes answer without it. */
    modem = { dial: () => { throw new Error('FakeDocker answers without docker-modem'); }, sshOptions: {} };
    constructor(readonly opts: { version?: string; host?: string }) {}
    async version() {
      if (this.opts.host === 'handshake-timeout') {
        // What ssh2 reports when readyTimeout (the call's own timeout) ends the SSH handshake.
        throw Object.assign(new Error('Timed out while waiting for handshake'), { level: 'client-timeout' });
      }
      versionCalls.push(this.opts.version);
      requests.push('version');
      await new Promise((r) => setTimeout(r, 5));
      requests.push('version done');
      return { ApiVersion: '1.41', MinAPIVersion: '1.12' };
    }
    async listContainers(o: { filters: { label?: string[] } }) {
      requests.push(`list ${this.opts.version ?? '-'} ${(o.filters.label ?? []).join(',')}`);
      return [{ Id: 'c1', Names: ['/web'] }];
    }
    getContainer() {
      const opts = this.opts;
      return {
        inspect: async () => {
          requests.push(`inspect ${opts.version ?? '-'}`);
          return { Id: 'c1', usedVersion: opts.version };
        },
      };
    }
    getImage() {
      return {
        inspect: async () => {
          throw Object.assign(new Error('(HTTP code 404) no such image'), { statusCode: 404 });
        },
      };
    }
  };
});

describe('dockerode is loaded lazily', () => {
  it('importing docker.ts does not load dockerode; connecting does, with the negotiated version', async () => {
    expect(dockerodeLoads).toBe(0);
    const { connectEngine } = await import('../../src/runtime/docker');
    expect(dockerodeLoads).toBe(0);
    const engine = await connectEngine({ url: 'unix:///x.sock', source: 'test', options: { socketPath: '/x.sock' } });
    expect(dockerodeLoads).toBe(1);
    expect(engine.apiVersion).toBe('1.41');
    expect(versionCalls).toEqual([undefined]); // /version on the unversioned path
    expect(await engine.inspectContainer('c1')).toEqual({ Id: 'c1', usedVersion: 'v1.41' });
    expect(await engine.inspectImage('sha256:gone')).toBeNull();
  });
});

describe('fewer round trips', () => {
  beforeEach(() => requests.splice(0));

  it('the container list goes out with /version (unversioned) and is answered once from it', async () => {
    const { connectEngine } = await import('../../src/runtime/docker');
    const engine = await connectEngine({ url: 'unix:///x.sock', source: 'test', options: { socketPath: '/x.sock' } }, { prefetchContainers: ['app=1'] });
    expect(requests).toEqual(['list - app=1', 'version', 'version done']);
    expect(await engine.listContainers(['app=1'])).toEqual([{ Id: 'c1', Names: ['/web'] }]);
    expect(await engine.listContainers(['other'])).toHaveLength(1);
    expect(await engine.listContainers(['app=1'])).toHaveLength(1);
    expect(requests.slice(3)).toEqual(['list v1.41 other', 'list v1.41 app=1']);
  });

  it.each([
    ['1.41', '1.41'],
    ['v1.40', '1.40'],
    ['1.24', '1.24'],
  ])('DOCKER_API_VERSION=%s is used as is, without /version', async (pin, used) => {
    const { connectEngine } = await import('../../src/runtime/docker');
    const engine = await connectEngine({ url: 'unix:///x.sock', source: 'test', options: { socketPath: '/x.sock' } }, { apiVersion: pin, prefetchContainers: [] });
    expect(engine.apiVersion).toBe(used);
    await engine.inspectContainer('c1');
    await engine.listContainers([]);
    expect(requests).toEqual([`inspect v${used}`, `list v${used} `]);
  });

  it.each([
    ['1.9', /outside the API versions godock speaks \(1\.24 to 1\.47\)/],
    ['9.99', /outside/],
    ['latest', /is not an API version like 1\.47/],
  ])('DOCKER_API_VERSION=%s is refused with one line', async (pin, msg) => {
    const { connectEngine } = await import('../../src/runtime/docker');
    const err = await connectEngine({ url: 'unix:///x.sock', source: 'test', options: { socketPath: '/x.sock' } }, { apiVersion: pin }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('api-version');
    expect((err as EngineError).message).toMatch(msg);
    expect(requests).toEqual([]);
  });
});

describe('over ssh', () => {
  it('an SSH handshake that ssh2 gave up on (readyTimeout) is the usual timeout line', async () => {
    const { connectEngine } = await import('../../src/runtime/docker');
    const err = await connectEngine({ url: 'ssh://u@box', source: 'test', options: { protocol: 'ssh', host: 'handshake-timeout', port: 22 } }, { timeoutMs: 1_000 }).catch((e: unknown) => e);
    expect(err).toEqual(new EngineError('timeout', 'the Docker daemon at ssh://u@box did not answer within 1s (see --timeout)'));
  });
});

describe('API version negotiation', () => {
  it.each<[string, unknown, string | RegExp]>([
    ['older daemon: use its version', { ApiVersion: '1.41', MinAPIVersion: '1.12' }, '1.41'],
    ['newer daemon: use ours', { ApiVersion: '1.52', MinAPIVersion: '1.40' }, CLIENT_API_VERSION],
    ['1.9 < 1.24 numerically', { ApiVersion: '1.9' }, /speaks API 1\.9; godock needs 1\.24/],
    ['daemon minimum above ours', { ApiVersion: '2.3', MinAPIVersion: '2.0' }, /requires API 2\.0 or newer/],
    ['no version', {}, /did not report/],
    ['not an object', null, /did not report/],
    ['a string', '1.41', /did not report/],
    ['a number for ApiVersion', { ApiVersion: 1.41 }, /did not report/],
    ['an absurd ApiVersion', { ApiVersion: `1.${'1'.repeat(400)}` }, /did not report/],
    ['a MinAPIVersion that is not a version: ignored', { ApiVersion: '1.41', MinAPIVersion: { v: 9 } }, '1.41'],
  ])('%s', (_t, info, expected) => {
    if (typeof expected === 'string') expect(negotiateApiVersion(info)).toBe(expected);
    else expect(() => negotiateApiVersion(info)).toThrow(expected);
  });
  it('compareApiVersions', () => {
    expect([compareApiVersions('1.9', '1.24'), compareApiVersions('1.41', '1.41'), compareApiVersions('1.47', '1.40')]).toEqual([-1, 0, 1]);
  });
});

describe('mapEngineError: one clear line per failure', () => {
  const conn = { url: 'unix:///var/run/docker.sock' };
  it.each<[string, unknown, string | undefined, string, RegExp]>([
    ['socket missing', { code: 'ENOENT', message: 'connect ENOENT /var/run/docker.sock' }, undefined, 'unreachable', /^cannot connect to the Docker daemon at unix:\/\/\/var\/run\/docker\.sock \(ENOENT\)/],
    ['refused', { code: 'ECONNREFUSED' }, undefined, 'unreachable', /ECONNREFUSED/],
    ['permission', { code: 'EACCES' }, undefined, 'permission', /^permission denied on the Docker socket/],
    ['404', { statusCode: 404, json: { message: 'No such container: web' } }, 'container "web"', 'not-found', /^no such container "web"$/],
    ['API version refused', { statusCode: 400, json: { message: 'client version 1.12 is too old. Minimum supported API version is 1.24' } }, undefined, 'api-version', /refused the API version: client version 1\.12 is too old/],
    ['not a swarm manager', { statusCode: 503, json: { message: 'This node is not a swarm manager.' } }, 'service "s"', 'not-swarm', /not a swarm manager/],
    ['other', { statusCode: 500, json: { message: 'boom\nsecond line' } }, 'container "x"', 'engine', /^container "x": Docker Engine error \(HTTP 500\): boom$/],
    ['TLS', { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, undefined, 'tls', /TLS handshake/],
    ['answer too large', new AnswerError('an answer larger than 64 MiB'), 'container "big"', 'engine', /^container "big": the Docker daemon at unix:\/\/\/var\/run\/docker\.sock sent an answer larger than 64 MiB$/],
    ['answer not JSON', new AnswerError('an answer that is not JSON'), undefined, 'engine', /^the Docker daemon at unix:\/\/\/var\/run\/docker\.sock sent an answer that is not JSON$/],
  ])('%s', (_t, err, subject, code, msg) => {
    const e = mapEngineError(err, conn, subject);
    expect(e).toBeInstanceOf(EngineError);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(msg);
    expect(e.message).not.toContain('\n');
  });
});

describe('toDockerodeOptions', () => {
  it('a socket overrides every TCP field docker-modem would take from DOCKER_HOST', () => {
    const o = toDockerodeOptions({ socketPath: '/s.sock' });
    expect(o).toEqual(expect.objectContaining({ socketPath: '/s.sock', host: undefined, protocol: undefined, ca: undefined }));
    expect(Object.prototype.hasOwnProperty.call(o, 'host')).toBe(true);
  });
  it('TLS without verification: an https agent that util.inspect (docker-modem logs every request with it) sees as one word', () => {
    const o = toDockerodeOptions({ protocol: 'https', host: 'h', port: 2376, insecure: true });
    expect(o.agent).toBeInstanceOf(Agent);
    expect((o.agent as Agent).options.rejectUnauthorized).toBe(false);
    expect(inspect({ agent: o.agent }, { showHidden: true, depth: null })).toBe('{ agent: [https.Agent insecure] }');
    expect(toDockerodeOptions({ protocol: 'https', host: 'h', port: 2376 }).agent).toBeUndefined();
  });
  it('ssh carries the agent, the timeout as the handshake bound, and no socket timeout (an ssh2 channel has no setTimeout)', () => {
    const o = toDockerodeOptions({ protocol: 'ssh', host: 'h', port: 22, username: 'u', sshAgent: '/a' });
    expect(o).toEqual(expect.objectContaining({ protocol: 'ssh', host: 'h', port: 22, username: 'u', sshOptions: { agent: '/a', readyTimeout: 30_000 } }));
    expect(o.timeout).toBeUndefined();
    expect(toDockerodeOptions({ protocol: 'ssh', host: 'h', port: 22 }, 1_500).sshOptions).toEqual({ readyTimeout: 1_500 });
    expect(toDockerodeOptions({ socketPath: '/s.sock' }, 5_000).timeout).toBe(6_000);
  });
});

describe('boundCalls', () => {
  const URL = 'unix:///var/run/docker.sock';
  const never = (): Promise<never> => new Promise<never>(() => undefined);
  const TIMEOUT = 'the Docker daemon at unix:///var/run/docker.sock did not answer within 0.02s (see --timeout)';

  it('with its own agent: no AbortSignal; the connections close once every waiting call has timed out', async () => {
    let closed = 0;
    const bounded = boundCalls(20, URL, () => closed++);
    const signals: unknown[] = [];
    let answer!: (v: string) => void;
    const quick = bounded((s) => (signals.push(s), new Promise<string>((r) => (answer = r))));
    const hung1 = bounded((s) => (signals.push(s), never()));
    const hung2 = bounded((s) => (signals.push(s), never()));
    expect(signals).toEqual([undefined, undefined, undefined]);
    answer('ok');
    await expect(quick).resolves.toBe('ok');
    await expect(hung1).rejects.toEqual(new EngineError('timeout', TIMEOUT));
    await expect(hung2).rejects.toEqual(new EngineError('timeout', TIMEOUT));
    expect(closed).toBe(1);
  });

  it('without: each call gets a signal that aborts on time-out (and inspects as one word); late answers are ignored', async () => {
    const bounded = boundCalls(20, URL);
    let signal: AbortSignal | undefined;
    let late!: (v: string) => void;
    const call = bounded((s) => ((signal = s), new Promise<string>((r) => (late = r))));
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(inspect({ signal }, { showHidden: true, depth: null })).toBe('{ signal: [AbortSignal] }');
    await expect(call).rejects.toEqual(new EngineError('timeout', TIMEOUT));
    expect(signal!.aborted).toBe(true);
    late('too late'); // settles nothing, throws nothing
  });

  it('a failing call (sync or async) rejects with its own error and its timer is cleared', async () => {
    let closed = 0;
    const bounded = boundCalls(20, URL, () => closed++);
    await expect(bounded(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(
      bounded(() => {
        throw new Error('thrown');
      }),
    ).rejects.toThrow('thrown');
    await new Promise((r) => setTimeout(r, 40));
    expect(closed).toBe(0);
  });
});

describe('plainAgent', () => {
  it('keeps connections alive, asks for no TLS server name and inspects as one word; only for a socket or plain http', () => {
    const a = plainAgent();
    expect((a as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
    expect((a as unknown as { options: { servername?: string } }).options.servername).toBe('');
    expect(inspect({ agent: a }, { showHidden: true, depth: null })).toBe('{ agent: [http.Agent] }');
    a.destroy();
    expect([ownsAgent({ socketPath: '/s.sock' }), ownsAgent({ protocol: 'http', host: 'h', port: 2375 }), ownsAgent({ protocol: 'https', host: 'h', port: 2376 }), ownsAgent({ protocol: 'ssh', host: 'h', port: 22 })]).toEqual([true, true, false, false]);
    expect(toDockerodeOptions({ socketPath: '/s.sock' }, 5_000, a).agent).toBe(a);
  });
});
