/**
 * The Docker client chunk dist/runtime.js (scripts/build-runtime.mjs): `godock lint` never loads
 * it, and each command loads only its own chunk of dist/; loading it loads neither gRPC/protobufjs nor ssh2; and an ssh:// host still works end to
 * end through the real ssh2, loaded on first use (an in-process SSH server answers
 * `docker system dial-stdio` with a fake Engine API).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server as SshServer, utils as sshUtils } from 'ssh2';
import { cliPath, ROOT } from '../integration/engine';
import unavailable from '../../src/runtime/bundle/unavailable';
import noBuildContext from '../../src/runtime/bundle/no-build-context';
import * as nodeStream from '../../src/runtime/bundle/node-stream';
import * as stream from 'node:stream';
import { Client, loadSsh2 } from '../../src/runtime/bundle/lazy-ssh2';

const HEAVY = /node_modules[\\/](ssh2|cpu-features|@grpc|protobufjs|dockerode|docker-modem)[\\/]/;

/** Runs a script with node in the repository root; returns its stdout parsed as JSON. */
function nodeJson(script: string): unknown {
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`node -e failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('dist/runtime.js', () => {
  beforeAll(() => {
    cliPath(); // builds dist/ when missing
  });

  it('`godock lint` never loads the Docker client chunk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'godock-lint-only-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine\nENV API_TOKEN=ghp_FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE\n');
    const out = nodeJson(`
      const { PassThrough } = require('node:stream');
      const sink = new PassThrough(); sink.resume();
      require('./dist/cli.js').main(['lint', ${JSON.stringify(dir)}], { stdout: sink, stderr: sink, stdin: process.stdin, isTTY: false, env: {}, cwd: ${JSON.stringify(dir)} })
        .then((code) => process.stdout.write(JSON.stringify({ code, modules: Object.keys(require.cache) })));
    `) as { code: number; modules: string[] };
    rmSync(dir, { recursive: true, force: true });
    expect(out.code).toBe(1); // the finding: lint really ran
    expect(out.modules.filter((m) => m.endsWith('runtime.js') || HEAVY.test(m))).toEqual([]);
  });

  it('each command loads only its own chunk: `godock env` parses none of lint, `godock lint` none of env', () => {
    const loaded = (args: string[]) =>
      (
        nodeJson(`
          const { PassThrough } = require('node:stream');
          const sink = new PassThrough(); sink.resume();
          require('./dist/cli.js').main(${JSON.stringify(args)}, { stdout: sink, stderr: sink, stdin: process.stdin, isTTY: false, env: {}, cwd: process.cwd() })
            .then((code) => process.stdout.write(JSON.stringify({ code, modules: Object.keys(require.cache) })));
        `) as { code: number; modules: string[] }
      ).modules
        .filter((m) => m.startsWith(join(ROOT, 'dist')))
        .map((m) => m.slice(ROOT.length + 1))
        .sort();
    expect(loaded(['env', '--help'])).toEqual([join('dist', 'cli.js'), join('dist', 'env-command.js')]);
    expect(loaded(['lint', '--help'])).toEqual([join('dist', 'cli.js'), join('dist', 'lint-command.js')]);
    expect(loaded(['--version'])).toEqual([join('dist', 'cli.js')]);
  });

  it('dist/cli.js requires its command chunks (an import() makes Node scan a whole chunk for exports first)', () => {
    const cli = readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8');
    expect(cli).not.toMatch(/\bimport\("/);
    // lint's chunk is required twice: for `godock lint`, and to describe an internal error safely.
    expect([...new Set(cli.match(/require\("\.\/(\w+)-command\.js"\)/g))].sort()).toEqual(['require("./env-command.js")', 'require("./lint-command.js")', 'require("./rules-command.js")']);
    expect(cli.length).toBeLessThan(8 * 1024); // the dispatcher only: no parser, classifier or rule in it
  });

  it('loads dockerode without gRPC, protobufjs or ssh2 (nothing but itself)', () => {
    const out = nodeJson(`
      const Docker = require('./dist/runtime.js');
      const d = new Docker({ socketPath: '/nonexistent.sock', version: 'v1.41' });
      process.stdout.write(JSON.stringify({ ok: typeof d.getContainer === 'function', modules: Object.keys(require.cache) }));
    `) as { ok: boolean; modules: string[] };
    expect(out.ok).toBe(true);
    expect(out.modules.map((m) => m.slice(ROOT.length))).toEqual([join('/dist', 'runtime.js')]);
  });
});

describe('runtime bundle stubs', () => {
  it('the gRPC/protobuf stand-in can be required and probed, but not used', () => {
    const probe = unavailable as unknown as Record<string | symbol, unknown>;
    expect([probe.__esModule, probe.default, probe.then, probe[Symbol.toPrimitive]]).toEqual([undefined, undefined, undefined, undefined]);
    expect(() => probe.Server).toThrow(`godock's Docker client is built without gRPC/protobuf (BuildKit only); "Server" is not available`);
    expect(() => (probe.loadSync as () => void)()).toThrow(/built without gRPC/);
  });

  it('the build-context stand-in (tar-fs, dockerignore) can be required and probed, but not used', () => {
    const probe = noBuildContext as unknown as Record<string | symbol, unknown>;
    expect([probe.__esModule, probe.default, probe.then]).toEqual([undefined, undefined, undefined]);
    expect(() => probe.pack).toThrow(`godock's Docker client is built without image build contexts (tar-fs, dockerignore); "pack" is not available`);
  });

  it("the readable-stream stand-in is Node's own stream classes", () => {
    expect([nodeStream.Readable, nodeStream.Writable, nodeStream.Duplex, nodeStream.Transform, nodeStream.PassThrough, nodeStream.Stream]).toEqual([
      stream.Readable,
      stream.Writable,
      stream.Duplex,
      stream.Transform,
      stream.PassThrough,
      stream.Stream,
    ]);
    expect([nodeStream.finished, nodeStream.pipeline]).toEqual([stream.finished, stream.pipeline]);
  });

  it('the ssh2 stand-in builds a real ssh2 Client, found through dockerode → docker-modem', () => {
    const real = loadSsh2();
    expect(typeof real.Client).toBe('function');
    const c = new (Client as unknown as new () => object)();
    expect(c).toBeInstanceOf(real.Client);
    expect(typeof (c as { connect?: unknown }).connect).toBe('function');
  });
});

const CONTAINER = {
  Id: 'a'.repeat(64),
  Name: '/web',
  Image: `sha256:${'b'.repeat(64)}`,
  Config: { Env: ['PATH=/bin', 'APP_MODE=production', 'SERVICE=api', 'HOSTNAME=web', 'DB_PASSWORD=FAKEFAKEFAKE'], Tty: false, User: '' },
};
const IMAGE = { Id: CONTAINER.Image, Config: { Env: ['PATH=/bin', 'APP_MODE=production'] } };

describe('godock env over ssh:// (real ssh2, fake engine behind `docker system dial-stdio`)', () => {
  let dir: string;
  let engine: HttpServer;
  let ssh: SshServer;
  let port: number;
  const paths: string[] = [];
  const commands: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'godock-ssh-'));
    const sock = join(dir, 'engine.sock');
    engine = createHttpServer((req, res) => {
      paths.push(req.url ?? '');
      const body = req.url === '/version' ? { ApiVersion: '1.41', MinAPIVersion: '1.12' } : req.url === '/v1.41/containers/web/json' ? CONTAINER : req.url === `/v1.41/images/${IMAGE.Id}/json` ? IMAGE : null;
      res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body ?? { message: 'not found' }));
    });
    await new Promise<void>((r) => engine.listen(sock, r));
    const hostKey = sshUtils.generateKeyPairSync('ed25519').private;
    ssh = new SshServer({ hostKeys: [hostKey] }, (client) => {
      client.on('error', () => undefined);
      client.on('authentication', (ctx) => (ctx.username === 'deploy' ? ctx.accept() : ctx.reject()));
      client.on('ready', () =>
        client.on('session', (accept) =>
          accept().on('exec', (acceptExec, _reject, info) => {
            commands.push(info.command);
            const channel = acceptExec();
            const upstream = connect(sock);
            channel.pipe(upstream).pipe(channel);
            upstream.on('error', () => channel.close());
          }),
        ),
      );
    });
    await new Promise<void>((r) => ssh.listen(0, '127.0.0.1', r));
    port = (ssh.address() as AddressInfo).port;
    cliPath();
  }, 30_000);

  afterAll(async () => {
    await new Promise((r) => ssh.close(r));
    await new Promise((r) => engine.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('negotiates, inspects and writes the trimmed env-file through the SSH tunnel', async () => {
    const child = spawn(process.execPath, [cliPath(), 'env', '--host', `ssh://deploy@127.0.0.1:${port}`, 'web'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((r) => child.on('close', r));
    expect({ status, stdout }).toEqual({ status: 0, stdout: 'SERVICE=api\n' });
    // The report only: no Node warning, no stack trace, never the secret's value.
    expect(stderr.split('\n')[0]).toBe('web (container aaaaaaaaaaaa) -> stdout: 1 kept, 4 dropped');
    expect(stderr).toMatch(/DB_PASSWORD +secret/);
    expect(stderr).not.toMatch(/\(node:\d+\)|Warning|^\s+at /m);
    expect(stderr).not.toContain('FAKEFAKEFAKE');
    expect(commands.every((c) => c === 'docker system dial-stdio')).toBe(true);
    expect(paths).toEqual(['/version', '/v1.41/containers/web/json', `/v1.41/images/${IMAGE.Id}/json`]);
  }, 30_000);
});
