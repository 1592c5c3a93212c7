/**
 * What `godock env` accepts from a Docker daemon (or anything listening on DOCKER_HOST), through
 * the real dockerode against a fake Engine API on a unix socket (fake-engine.ts engineServer):
 * answers are read up to a limit, malformed answers fail their own target only, and over ssh
 * --timeout bounds the whole call, the SSH handshake included, and the process then exits.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { Server as SshServer, utils as sshUtils } from 'ssh2';
import { runEnv } from '../../src/commands/env';
import { ANSWER_LIMIT_BYTES, BUFFERED_LIMIT_BYTES, connectEngine } from '../../src/runtime/docker';
import { MAX_LISTED_CONTAINERS } from '../../src/runtime/targets';
import { EngineError } from '../../src/runtime/types';
import { endlessAnswer, engineServer, type EngineServer } from './fake-engine';

const ROOT = resolve(__dirname, '..', '..');
const idOf = (name: string): string => Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64);
const IMAGE = { Id: `sha256:${'f'.repeat(64)}`, Config: { Env: ['PATH=/bin', 'LANG=C.UTF-8'] } };
const container = (name: string, env: unknown = ['APP_MODE=production', 'PATH=/bin'], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  Id: idOf(name),
  Name: `/${name}`,
  Image: IMAGE.Id,
  Config: { Env: env, Tty: false, User: '' },
  ...extra,
});
const IMAGES = { [`/images/${IMAGE.Id}/json`]: IMAGE };

/** An answer sent as is: `body` bytes with `status` (and headers). */
const raw =
  (status: number, body: string, headers: Record<string, string | number> = {}) =>
  (_req: unknown, res: import('node:http').ServerResponse): void => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(body);
  };

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const started = Date.now();
  const code = await runEnv(args, { stdout: out, stderr: err, isTTY: false, env: { HOME: '/nonexistent', ...env } });
  return { code, stdout, stderr, ms: Date.now() - started };
}

/** The error lines of a text report, without the socket path. */
const errorLines = (stderr: string, host: string): string[] =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('godock env: '))
    .map((l) => l.slice('godock env: '.length).replace(host, '<engine>'));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'godock-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;
const outDir = (): string => join(dir, `run${++runs}`);

describe('answers are read up to a limit', () => {
  it('the documented limits', () => {
    expect([ANSWER_LIMIT_BYTES, BUFFERED_LIMIT_BYTES]).toEqual([64 * 1024 * 1024, 256 * 1024 * 1024]);
  });

  it('an endless container inspect fails that target at 64 MiB; the others are written', async () => {
    const engine = await engineServer({
      '/containers/web/json': container('web'),
      '/containers/big/json': endlessAnswer(),
      '/containers/api/json': container('api', ['SERVICE=api']),
      ...IMAGES,
    });
    try {
      const out = outDir();
      const before = process.memoryUsage().rss;
      const r = await run(['--host', engine.host, '--output-dir', out, 'web', 'big', 'api']);
      expect(r.code).toBe(2);
      expect(errorLines(r.stderr, engine.host)).toEqual(['container "big": the Docker daemon at <engine> sent an answer larger than 64 MiB']);
      expect(readFileSync(join(out, 'web.env'), 'utf8')).toBe('APP_MODE=production\n');
      expect(readFileSync(join(out, 'api.env'), 'utf8')).toBe('SERVICE=api\n');
      expect(existsSync(join(out, 'big.env'))).toBe(false);
      expect(r.ms).toBeLessThan(15_000); // not the 30 s timeout: refused once past the limit
      expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
    } finally {
      await engine.close();
    }
  }, 30_000);

  it('an answer announcing more than the limit (Content-Length) is refused before it is read', async () => {
    const engine = await engineServer({
      '/containers/web/json': container('web'),
      '/containers/huge/json': (_req: unknown, res: import('node:http').ServerResponse) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 300 * 1024 * 1024 });
        res.write('{"Id":"'); // and then nothing: the client must not wait for the rest
      },
      ...IMAGES,
    });
    try {
      const r = await run(['--host', engine.host, '--output-dir', outDir(), 'huge', 'web']);
      expect(r.code).toBe(2);
      expect(errorLines(r.stderr, engine.host)).toEqual(['container "huge": the Docker daemon at <engine> sent an answer larger than 64 MiB']);
      expect(r.stderr).toContain('web (container');
      expect(r.ms).toBeLessThan(5_000);
    } finally {
      await engine.close();
    }
  });

  it('the answers being read at once share a limit, released as each one ends', async () => {
    let aWritten!: () => void;
    const aStarted = new Promise<void>((r) => (aWritten = r));
    let bClosed!: () => void;
    const bDone = new Promise<void>((r) => (bClosed = r));
    const head = (name: string) => `{"Id":"${idOf(name)}","Config":{"Env":["A=1"]},"Pad":"`;
    const engine = await engineServer({
      // 800 bytes, then the end once b has been refused.
      '/containers/a/json': (_req: unknown, res: import('node:http').ServerResponse) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write(head('a').padEnd(800, 'x'));
        aWritten();
        void bDone.then(() => res.end('"}'));
      },
      // 800 bytes while a's 800 are still held: over the 1500 shared.
      '/containers/b/json': (_req: unknown, res: import('node:http').ServerResponse) => {
        res.on('close', bClosed);
        void aStarted.then(() =>
          setTimeout(() => {
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.write(head('b').padEnd(800, 'x'));
          }, 100),
        );
      },
      '/containers/c/json': raw(200, `${head('c').padEnd(900, 'x')}"}`),
    });
    try {
      const conn = { url: engine.host, source: 'test', options: { socketPath: engine.host.slice('unix://'.length) } };
      const client = await connectEngine(conn, { timeoutMs: 5_000, answerLimitBytes: 1_000, bufferedLimitBytes: 1_500 });
      const [a, b] = await Promise.allSettled([client.inspectContainer('a'), client.inspectContainer('b')]);
      expect(a).toEqual({ status: 'fulfilled', value: expect.objectContaining({ Id: idOf('a') }) });
      expect(b).toEqual({ status: 'rejected', reason: new EngineError('engine', `container "b": the Docker daemon at ${engine.host} sent answers larger than 1500 bytes at once`) });
      // Nothing is still counted: 900 bytes pass (they would not beside 800 left over).
      await expect(client.inspectContainer('c')).resolves.toEqual(expect.objectContaining({ Id: idOf('c') }));
      await expect(client.inspectContainer('d')).rejects.toEqual(new EngineError('not-found', 'no such container "d"'));
    } finally {
      await engine.close();
    }
  });

  it.each<[string, (req: unknown, res: import('node:http').ServerResponse) => void, string]>([
    ['a 404', raw(404, '{"message":"No such container: x"}'), 'no such container: x'],
    ['a 500 with a message', raw(500, '{"message":"boom\\nsecond line"}'), 'container "x": Docker Engine error (HTTP 500): boom'],
    ['a 500 that is not JSON', raw(500, 'plain failure'), 'container "x": Docker Engine error (HTTP 500): (HTTP code 500) server error - plain failure'],
    ['an unexpected status', raw(418, '{"message":"teapot"}'), 'container "x": Docker Engine error (HTTP 418): teapot'],
    ['a 500 with an endless body', endlessAnswer('{"message":"', 500) as (req: unknown, res: import('node:http').ServerResponse) => void, 'container "x": the Docker daemon at <engine> sent an answer larger than 64 MiB'],
    ['a 200 that is not JSON', raw(200, '<html>hello</html>'), 'container "x": the Docker daemon at <engine> sent an answer that is not JSON'],
    [
      'a 200 cut short (the connection closed)',
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 100 });
        res.write('{"Id":', () => res.socket?.destroy());
      },
      'container "x": lost the connection to the Docker daemon at <engine> (ECONNRESET); did it stop?',
    ],
    ['a 200 that is valid JSON but not an object', raw(200, '"just text"'), 'container "x": the Docker daemon\'s answer is not a container'],
  ])('%s: one line for that target, the other written', async (_t, answer, line) => {
    const engine = await engineServer({ '/containers/web/json': container('web'), '/containers/x/json': answer, ...IMAGES });
    try {
      const out = outDir();
      const r = await run(['--host', engine.host, '--output-dir', out, 'x', 'web', '--timeout', '5']);
      expect(r.code).toBe(2);
      expect(errorLines(r.stderr, engine.host)).toEqual([line]);
      expect(readFileSync(join(out, 'web.env'), 'utf8')).toBe('APP_MODE=production\n');
    } finally {
      await engine.close();
    }
  }, 30_000);

  it.each<[string, unknown, string | null]>([
    ['null', null, 'the Docker daemon did not report its API version'],
    ['a string', '1.41', 'the Docker daemon did not report its API version'],
    ['a number for ApiVersion', { ApiVersion: 1.41 }, 'the Docker daemon did not report its API version'],
    ['an object for MinAPIVersion (ignored)', { ApiVersion: '1.41', MinAPIVersion: { v: 1 } }, null],
  ])('a /version answer that is %s', async (_t, version, line) => {
    const engine = await engineServer({ '/version': { status: 200, json: version }, '/containers/web/json': container('web'), ...IMAGES });
    try {
      const r = await run(['--host', engine.host, 'web']);
      if (line === null) expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 0, stdout: 'APP_MODE=production\n' });
      else expect({ code: r.code, errors: errorLines(r.stderr, engine.host) }).toEqual({ code: 2, errors: [line] });
    } finally {
      await engine.close();
    }
  });
});

describe('malformed answers fail their own target only (or are read safely)', () => {
  const bad = 'sha256:bad';
  const answers: Record<string, unknown> = {
    'null-answer': null,
    'list-answer': [container('list-answer')],
    'text-answer': 'a container',
    'no-id': { ...container('no-id'), Id: undefined },
    'number-id': { ...container('number-id'), Id: 42 },
    'no-config': { ...container('no-config'), Config: undefined },
    'text-config': { ...container('text-config'), Config: 'APP_MODE=production' },
    'text-env': container('text-env', 'APP_MODE=production'),
    'object-env': container('object-env', { APP_MODE: 'production' }),
    'too-many-env': container('too-many-env', Array.from({ length: 100_001 }, (_, i) => `V${i}=1`)),
    'mixed-env': container('mixed-env', ['APP_MODE=production', null, 7, { A: 1 }, ['B=2'], true, 'PATH=/bin']),
    'null-env': container('null-env', null),
    'odd-fields': { ...container('odd-fields', ['APP_MODE=production']), Name: 5, Image: { id: IMAGE.Id }, Config: { Env: ['APP_MODE=production', 'HOME=/root'], User: 7, Tty: 'yes', Image: 9 } },
    'bad-image': container('bad-image', ['APP_MODE=production', 'PATH=/bin'], { Image: bad }),
    'text-image-env': container('text-image-env', ['APP_MODE=production', 'PATH=/bin'], { Image: 'sha256:text-env' }),
  };
  const expected: Record<string, string> = {
    'null-answer': 'error: container "null-answer": the Docker daemon\'s answer is not a container',
    'list-answer': 'error: container "list-answer": the Docker daemon\'s answer is not a container',
    'text-answer': 'error: container "text-answer": the Docker daemon\'s answer is not a container',
    'no-id': 'error: container "no-id": the Docker daemon\'s answer has no container Id',
    'number-id': 'error: container "number-id": the Docker daemon\'s answer has no container Id',
    'no-config': 'error: container "no-config": the Docker daemon\'s answer has no Config',
    'text-config': 'error: container "text-config": the Docker daemon\'s answer has no Config',
    'text-env': 'error: container "text-env": the Docker daemon sent a Config.Env that is not a list',
    'object-env': 'error: container "object-env": the Docker daemon sent a Config.Env that is not a list',
    'too-many-env': 'error: container "too-many-env": the Docker daemon sent 100001 Config.Env entries; godock reads at most 100000',
    'mixed-env': 'APP_MODE=production\n| note: 5 Config.Env entries are not strings: ignored',
    'null-env': '',
    // No image to compare with: HOME=/root is the root user's default, dropped as engine-injected.
    'odd-fields': 'APP_MODE=production\n| note: image (unknown) not found: its defaults were not removed',
    'bad-image': 'APP_MODE=production\nPATH=/bin\n| note: the answer for image sha256:bad is not an image: its defaults were not removed',
    'text-image-env': 'APP_MODE=production\nPATH=/bin\n| note: the answer for image sha256:text-env has a Config.Env that is not a list: its defaults were not removed',
  };

  it('every target is reported, the good ones written, exit 2', async () => {
    const engine = await engineServer({
      '/containers/web/json': container('web'),
      ...Object.fromEntries(Object.entries(answers).map(([n, a]) => [`/containers/${n}/json`, { status: 200, json: a }])),
      ...IMAGES,
      [`/images/${bad}/json`]: { status: 200, json: [] },
      '/images/sha256:text-env/json': { Id: 'sha256:text-env', Config: { Env: 'PATH=/bin' } },
    });
    try {
      const out = outDir();
      const names = ['web', ...Object.keys(answers)];
      const r = await run(['--host', engine.host, '--output-dir', out, '--report', 'json', ...names]);
      expect(r.code).toBe(2);
      const report = JSON.parse(r.stderr) as { targets: { target: string; note?: string; error?: { code: string; message: string } }[] };
      expect(report.targets.map((t) => t.target)).toEqual(names);
      const outcome = (t: (typeof report.targets)[number]): string => {
        if (t.error) return `error: ${t.error.message}`;
        const file = readFileSync(join(out, `${t.target}.env`), 'utf8');
        return `${file}${t.note ? `| note: ${t.note}` : ''}`;
      };
      expect(Object.fromEntries(report.targets.map((t) => [t.target, outcome(t)]))).toEqual({ web: 'APP_MODE=production\n', ...expected });
      expect(report.targets.filter((t) => t.error).every((t) => t.error!.code === 'engine')).toBe(true);
    } finally {
      await engine.close();
    }
  }, 30_000);

  it('container lists: not a list, too long, entries without an Id', async () => {
    const listed = [{ Id: idOf('web'), Names: ['/web'] }, { Names: ['/ghost'] }, 5, { Id: idOf('api'), Names: 'api' }, { Id: idOf('svc'), Names: [7] }];
    const cases: [unknown, number, string[]][] = [
      [{ Id: idOf('web') }, 2, ['the Docker daemon sent a container list that is not a list']],
      [Array.from({ length: MAX_LISTED_CONTAINERS + 1 }, (_, i) => ({ Id: `${i}`.padStart(64, '0') })), 2, [`the Docker daemon listed ${MAX_LISTED_CONTAINERS + 1} running containers; godock env takes at most ${MAX_LISTED_CONTAINERS} at once (narrow them with --label)`]],
      [listed, 2, ['container list entry 2: the Docker daemon sent no container Id', 'container list entry 3: the Docker daemon sent no container Id']],
    ];
    for (const [list, code, lines] of cases) {
      const engine = await engineServer({
        '/containers/json': { status: 200, json: list },
        [`/containers/${idOf('web')}/json`]: container('web'),
        [`/containers/${idOf('api')}/json`]: container('api', ['SERVICE=api']),
        [`/containers/${idOf('svc')}/json`]: { ...container('svc', ['SERVICE=svc']), Name: undefined },
        ...IMAGES,
      });
      try {
        const out = outDir();
        const r = await run(['--host', engine.host, '--all', '--output-dir', out]);
        expect({ code: r.code, errors: errorLines(r.stderr, engine.host) }).toEqual({ code, errors: lines });
        if (list === listed) {
          // The inspect's Name wins; without one, Names that are not a list of strings: the short id.
          expect([readFileSync(join(out, 'web.env'), 'utf8'), readFileSync(join(out, 'api.env'), 'utf8'), readFileSync(join(out, `${idOf('svc').slice(0, 12)}.env`), 'utf8')]).toEqual([
            'APP_MODE=production\n',
            'SERVICE=api\n',
            'SERVICE=svc\n',
          ]);
        }
      } finally {
        await engine.close();
      }
    }
  }, 60_000);
});

describe('--timeout bounds an ssh:// call, the SSH handshake included', () => {
  /** A TCP listener that accepts and never says a word; `closed` once the client has gone. */
  let silent: Server;
  let silentPort: number;
  const accepted: Socket[] = [];
  /** An SSH server that authenticates anyone and never answers the exec of `docker system dial-stdio`. */
  let ssh: SshServer;
  let sshPort: number;
  const sessions: { closed: boolean }[] = [];

  beforeAll(async () => {
    silent = createServer((s) => {
      accepted.push(s);
      s.on('error', () => undefined);
      s.resume(); // so that the client's FIN is seen
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    silentPort = (silent.address() as { port: number }).port;
    // ECDSA: ssh2's ed25519 keys fail to parse about once in a hundred.
    const hostKey = sshUtils.generateKeyPairSync('ecdsa', { bits: 256 }).private;
    ssh = new SshServer({ hostKeys: [hostKey] }, (client) => {
      const state = { closed: false };
      sessions.push(state);
      client.on('close', () => (state.closed = true));
      client.on('error', () => undefined);
      client.on('authentication', (ctx) => ctx.accept());
      client.on('ready', () => client.on('session', (accept) => accept().on('exec', () => undefined)));
    });
    await new Promise<void>((r) => ssh.listen(0, '127.0.0.1', r));
    sshPort = (ssh.address() as { port: number }).port;
  });

  afterAll(async () => {
    accepted.forEach((s) => s.destroy());
    await new Promise((r) => silent.close(r));
    await new Promise((r) => ssh.close(r));
  });

  const TIMEOUT_LINE = (port: number) => `godock env: the Docker daemon at ssh://****(1)@127.0.0.1:${port} did not answer within 1s (see --timeout)\n`;
  const SLACK_MS = 2_500;

  it('a host that accepts TCP and never speaks SSH: the usual timeout line in about 1 s, and the connection is closed', async () => {
    const before = accepted.length;
    const r = await run(['--host', `ssh://u@127.0.0.1:${silentPort}`, '--timeout', '1', 'web']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: TIMEOUT_LINE(silentPort) });
    expect(r.ms).toBeGreaterThanOrEqual(950);
    expect(r.ms).toBeLessThan(1_000 + SLACK_MS);
    expect(accepted.length).toBeGreaterThan(before);
    const mine = accepted.slice(before);
    const t0 = Date.now();
    while (!mine.every((s) => s.closed) && Date.now() - t0 < SLACK_MS) await new Promise((res) => setTimeout(res, 20));
    expect(mine.every((s) => s.closed)).toBe(true); // ssh2 gave up the handshake (it waited 20 s)
  }, 15_000);

  describe('`godock env` in a process of its own exits in about 1 s', () => {
    let bundle: string;
    beforeAll(() => {
      // src/commands/env.ts as the CLI runs it (dockerode, docker-modem, ssh2 from node_modules).
      bundle = join(dir, 'env-main.js');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const esbuild = require('esbuild') as typeof import('esbuild');
      esbuild.buildSync({
        stdin: {
          contents: `const { runEnv } = require(${JSON.stringify(join(ROOT, 'src', 'commands', 'env.ts'))});
runEnv(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, isTTY: false, env: process.env }).then((code) => { process.exitCode = code; });`,
          resolveDir: ROOT,
          loader: 'js',
        },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile: bundle,
        external: ['dockerode', 'ssh2', 'cpu-features'],
        loader: { '.md': 'text' },
        logLevel: 'silent',
      });
      writeFileSync(join(dir, 'package.json'), '{}');
    });

    const runProcess = (port: number): Promise<{ status: number | null; stderr: string; ms: number }> =>
      new Promise((done) => {
        const started = Date.now();
        const child = spawn(process.execPath, [bundle, '--host', `ssh://u@127.0.0.1:${port}`, '--timeout', '1', 'web'], {
          env: { PATH: process.env.PATH, HOME: '/nonexistent', NODE_PATH: join(ROOT, 'node_modules') },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.on('close', (status) => {
          clearTimeout(kill);
          done({ status, stderr, ms: Date.now() - started });
        });
      });

    it('against a host that never speaks SSH (it took 20 s: ssh2 waited for the handshake)', async () => {
      const r = await runProcess(silentPort);
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 2, stderr: TIMEOUT_LINE(silentPort) });
      expect(r.ms).toBeLessThan(1_000 + SLACK_MS);
    }, 40_000);

    it('against an SSH server that never answers the exec of `docker system dial-stdio`', async () => {
      const r = await runProcess(sshPort);
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 2, stderr: TIMEOUT_LINE(sshPort) });
      expect(r.ms).toBeLessThan(1_000 + SLACK_MS);
      expect(sessions.length).toBeGreaterThan(0); // it did get as far as the exec
    }, 40_000);
  });
});
