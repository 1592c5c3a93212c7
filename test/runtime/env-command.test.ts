import { lstatSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runEnv } from '../../src/commands/env';
import container from '../../samples/runtime/container-web.json';
import { EngineError } from '../../src/runtime/types';
import { clone, fakeEngine, GH_FAKE, type FakeEngine } from './fake-engine';

let engine: FakeEngine | Error;
jest.mock('../../src/runtime/docker', () => ({
  connectEngine: async () => {
    if (engine instanceof Error) throw engine;
    return { apiVersion: '1.41', ...engine, listContainers: engine.listContainers, inspectContainer: engine.inspectContainer, inspectImage: engine.inspectImage, inspectService: engine.inspectService };
  },
}));

const SECRET_VALUES = container.Config.Env.filter((e) => /^(API_KEY|SESSION_SECRET|GITHUB_TOKEN)=/.test(e)).map((e) => e.slice(e.indexOf('=') + 1));

async function run(args: string[], isTTY = false) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await runEnv(args, { stdout: out, stderr: err, isTTY, env: { HOME: '/nonexistent', DOCKER_HOST: 'unix:///fake.sock' } });
  for (const v of [...SECRET_VALUES, GH_FAKE]) {
    expect(stdout).not.toContain(v);
    expect(stderr).not.toContain(v);
  }
  return { code, stdout, stderr };
}

const EXPECTED = [
  'PUBLIC_KEY=ssh-ed25519-public-not-secret',
  'CACHE_URL=https://cdn.example.com',
  'BUILD_VERSION=1.2.3',
  'DB_PASSWORD_FILE=/run/secrets/db',
  'LOG_LEVEL=debug',
  'DATABASE_URL=postgres://db:5432/app',
].join('\n') + '\n';

beforeEach(() => {
  engine = fakeEngine();
});

describe('godock env (fake engine)', () => {
  it('writes the trimmed env-file to stdout and reports names and reasons on stderr', async () => {
    const r = await run(['fx-web']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(EXPECTED);
    expect(r.stderr.startsWith(`fx-web (container ${container.Id.slice(0, 12)}) -> stdout: 6 kept, 6 dropped\n`)).toBe(true);
    expect(r.stderr).toContain('6 kept, 6 dropped');
    expect(r.stderr).toMatch(/API_KEY\s+secret: secret name/);
    expect(r.stderr).toMatch(/GITHUB_TOKEN\s+secret: value looks like/);
    expect(r.stderr).toMatch(/LANG\s+image-default/);
  });

  it('--secrets passthrough writes bare names in place; --report json', async () => {
    const r = await run(['fx-web', '--secrets', 'passthrough', '--report', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => !l.includes('='))).toEqual(['API_KEY', 'SESSION_SECRET', 'GITHUB_TOKEN', '']);
    const rep = JSON.parse(r.stderr);
    expect(rep.ok).toBe(true);
    expect(rep.targets[0].passthrough).toEqual(['API_KEY', 'SESSION_SECRET', 'GITHUB_TOKEN']);
    expect(rep.targets[0].kept).toHaveLength(6);
  });

  it('-o writes 0600, refuses to overwrite, --force replaces; --secrets-file gets the values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'godock-env-'));
    const out = join(dir, 'web.env');
    const sec = join(dir, 'web.secrets.env');
    expect((await run(['fx-web', '-o', out, '--secrets-file', sec])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(EXPECTED);
    expect(lstatSync(out).mode & 0o777).toBe(0o600);
    expect(lstatSync(sec).mode & 0o777).toBe(0o600);
    expect(readFileSync(sec, 'utf8')).toBe(SECRET_VALUES.map((v, i) => `${['API_KEY', 'SESSION_SECRET', 'GITHUB_TOKEN'][i]}=${v}\n`).join(''));
    writeFileSync(out, 'OLD=1\n');
    const again = await run(['fx-web', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`refusing to overwrite ${out}: it exists (use --force)`);
    expect(readFileSync(out, 'utf8')).toBe('OLD=1\n');
    expect((await run(['fx-web', '-o', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(EXPECTED);
  });

  it('--output-dir with --all, a failing target and a value docker format cannot carry', async () => {
    engine = fakeEngine([clone('multi', ['GOOD=1', 'PEM=line1\nline2']), clone('ok', ['A=1'])]);
    const dir = join(mkdtempSync(join(tmpdir(), 'godock-env-')), 'out');
    const r = await run(['--all', 'nope', '--output-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('godock env: no such container: nope');
    expect(r.stderr).toContain('godock env: multi: cannot write PEM in docker format: the value contains a newline');
    expect(readdirSync(dir).sort()).toEqual(['fx-web.env', 'ok.env']);
    expect(readFileSync(join(dir, 'ok.env'), 'utf8')).toBe('A=1\n');
  });

  it('a progress bar only on a TTY with more than a few targets', async () => {
    engine = fakeEngine(Array.from({ length: 5 }, (_, i) => clone(`p${i}`, ['A=1'])));
    const dir = mkdtempSync(join(tmpdir(), 'godock-env-'));
    expect((await run(['--all', '--output-dir', join(dir, 'a')], true)).stderr).toContain('] 6/6 inspecting');
    expect((await run(['--all', '--output-dir', join(dir, 'b')], false)).stderr).not.toContain('inspecting');
  });

  it.each<[string, string[], RegExp]>([
    ['no target', [], /no target/],
    ['unknown flag', ['x', '--nope'], /Unknown option '--nope'/],
    ['bad format', ['x', '--format', 'yaml'], /--format must be one of docker, dotenv, compose, json/],
    ['bad secrets mode', ['x', '--secrets', 'keep'], /--secrets must be drop or passthrough/],
    ['two outputs', ['x', '-o', 'a', '--output-dir', 'b'], /either --output or --output-dir/],
    ['several names without --output-dir', ['a', 'b'], /use --output-dir/],
    ['--all matching several without --output-dir', ['--all'], /2 targets: use --output-dir/],
  ])('usage error: %s → exit 2, one line', async (_t, args, msg) => {
    engine = fakeEngine([clone('other', ['A=1'])]);
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['unreachable', new EngineError('unreachable', 'cannot connect to the Docker daemon at unix:///fake.sock (ENOENT); is it running?')],
    ['permission', new EngineError('permission', 'permission denied on the Docker socket unix:///fake.sock (run as root or join the docker group)')],
    ['api version', new EngineError('api-version', 'the Docker daemon speaks API 1.12; godock needs 1.24 or newer')],
  ])('engine error %s → exit 2 with one line', async (_t, e) => {
    engine = e;
    const r = await run(['fx-web']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`godock env: ${e.message}\n`);
  });

  it('--help documents --report and --format', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--report text\|json/);
    expect(r.stdout).toMatch(/--format <fmt>/);
  });
});
