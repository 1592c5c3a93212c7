/**
 * `godock env` against a real Docker Engine (see scripts/ensure-docker.sh). Spawns the real CLI
 * (dist/cli.js), asserts the files byte for byte, and proves the round trip through
 * `docker run --env-file`. Never skips when CI=true.
 */
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { buildImage, cleanup, docker, dockerCli, ensureEngine, godock, IMAGE, LABEL, runContainer } from './engine';
import { startSecondEngine, type SecondEngine } from './second-engine';

const engine = ensureEngine();
const CI = process.env.CI === 'true';
if (!engine.ok && !CI) {
  // eslint-disable-next-line no-console
  console.warn(`godock env integration tests skipped: no Docker Engine could be started (${engine.reason})`);
}
const maybe = engine.ok || CI ? describe : describe.skip;

const GH = `ghp_${'FAKE'.repeat(9)}`; // fake, well-formed GitHub token
const GH2 = `ghp_${'FAKE'.repeat(8)}0000`;
const SECRETS = ['sk_fake_FAKEFAKEFAKEFAKE0000', 'notarealsecretvalue123', GH, GH2, 'tok_FAKEFAKEFAKEFAKE1234'];

const WEB_ENV = [
  'LOG_LEVEL=debug', // overrides the image default
  'APP_MODE=production', // same as the image default
  'DATABASE_URL=postgres://db:5432/app',
  `API_KEY=${SECRETS[0]}`,
  `SESSION_SECRET=${SECRETS[1]}`,
  `GITHUB_TOKEN=${SECRETS[2]}`,
  'PUBLIC_KEY=ssh-ed25519 AAAAFAKEPUBLICKEY test@example',
  'DB_PASSWORD_FILE=/run/secrets/db_password',
  'CACHE_URL=https://cdn.example.com/a?b=c',
  'BUILD_VERSION=1.2.3',
  `RELEASE_NOTE=${SECRETS[3]}`, // secret-shaped value under a plain name
  'EMPTY=',
  'SPACED= keep  spaces ',
  'HASHED=a#b $HOME "q"',
];
const WEB_FILE = [
  'LOG_LEVEL=debug',
  'DATABASE_URL=postgres://db:5432/app',
  'PUBLIC_KEY=ssh-ed25519 AAAAFAKEPUBLICKEY test@example',
  'DB_PASSWORD_FILE=/run/secrets/db_password',
  'CACHE_URL=https://cdn.example.com/a?b=c',
  'BUILD_VERSION=1.2.3',
  'EMPTY=',
  'SPACED= keep  spaces ',
  'HASHED=a#b $HOME "q"',
].map((l) => `${l}\n`).join('');
const WEB_SECRET_NAMES = ['API_KEY', 'SESSION_SECRET', 'GITHUB_TOKEN', 'RELEASE_NOTE'];

function noSecretsIn(...texts: string[]): void {
  for (const t of texts) for (const s of SECRETS) expect(t).not.toContain(s);
}

/** `env` inside a fresh container started with `--env-file file`, as a sorted list without HOSTNAME/HOME. */
function envOfFreshContainer(file: string, shellEnv: NodeJS.ProcessEnv = {}): string[] {
  const r = dockerCli(['run', '--rm', '--label', `${LABEL}=1`, '--env-file', file, IMAGE, '/bin/busybox', 'env'], shellEnv);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter((l) => l && !/^(HOSTNAME|HOME)=/.test(l)).sort();
}

maybe('godock env against a real Docker Engine', () => {
  let d: Dockerode;
  let dir: string;
  let webEnv: string[];

  beforeAll(async () => {
    if (!engine.ok) throw new Error(`CI=true but no Docker Engine: ${engine.reason}`);
    d = docker();
    await cleanup(d);
    await buildImage(d);
    await runContainer(d, 'godock-it-web', WEB_ENV, { labels: { tier: 'front' } });
    await runContainer(d, 'godock-it-worker', ['QUEUE_URL=amqp://mq:5672', `WORKER_TOKEN=${SECRETS[4]}`, 'TZ=UTC'], { labels: { tier: 'back' }, tty: true });
    webEnv = ((await d.getContainer('godock-it-web').inspect()).Config.Env ?? []) as string[];
    dir = mkdtempSync(join(tmpdir(), 'godock-it-'));
  }, 120_000);

  afterAll(async () => {
    if (d) await cleanup(d);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('writes exactly the deploy variables, 0600, and round-trips through docker run --env-file', () => {
    const out = join(dir, 'web.env');
    const r = godock(['env', 'godock-it-web', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    noSecretsIn(r.stdout, r.stderr);
    for (const n of WEB_SECRET_NAMES) expect(r.stderr).toMatch(new RegExp(`${n}\\s+secret`));
    expect(readFileSync(out, 'utf8')).toBe(WEB_FILE);
    expect(lstatSync(out).mode & 0o777).toBe(0o600);

    // A container started from the same image with only this file has the original env minus the secrets.
    const expected = webEnv.filter((e) => !WEB_SECRET_NAMES.includes(e.split('=')[0]!)).sort();
    expect(envOfFreshContainer(out)).toEqual(expected);
  });

  it('refuses to overwrite without --force, replaces with it', () => {
    const out = join(dir, 'again.env');
    writeFileSync(out, 'OLD=1\n');
    const r = godock(['env', 'godock-it-web', '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`godock env: godock-it-web: refusing to overwrite ${out}: it exists (use --force)\n`);
    expect(readFileSync(out, 'utf8')).toBe('OLD=1\n');
    expect(godock(['env', 'godock-it-web', '-o', out, '--force']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(WEB_FILE);
  });

  it('--secrets passthrough: bare names filled from the deploying shell', () => {
    const r = godock(['env', 'godock-it-web', '--secrets', 'passthrough']);
    expect(r.status).toBe(0);
    noSecretsIn(r.stdout, r.stderr);
    expect(r.stdout.split('\n').filter((l) => l && !l.includes('='))).toEqual(WEB_SECRET_NAMES);
    const out = join(dir, 'pass.env');
    writeFileSync(out, r.stdout);
    const env = envOfFreshContainer(out, { API_KEY: 'from-the-shell', SESSION_SECRET: 'also-from-shell' });
    expect(env).toContain('API_KEY=from-the-shell');
    expect(env).toContain('SESSION_SECRET=also-from-shell');
    expect(env.some((l) => l.startsWith('GITHUB_TOKEN='))).toBe(false); // unset in the shell: omitted
  });

  it('--label selects running containers; --all writes one file per container', () => {
    const byLabel = join(dir, 'label');
    const r = godock(['env', '--label', 'tier=back', '--label', LABEL, '--output-dir', byLabel, '--report', 'json']);
    expect(r.status).toBe(0);
    noSecretsIn(r.stdout, r.stderr);
    expect(readdirSync(byLabel)).toEqual(['godock-it-worker.env']);
    expect(readFileSync(join(byLabel, 'godock-it-worker.env'), 'utf8')).toBe('QUEUE_URL=amqp://mq:5672\n');
    const rep = JSON.parse(r.stderr);
    expect(rep.targets[0].dropped.map((x: { name: string; reason: string }) => `${x.name}:${x.reason}`)).toEqual([
      'WORKER_TOKEN:secret', 'TZ:image-default', 'PATH:engine', 'LANG:image-default', 'APP_MODE:image-default', 'LOG_LEVEL:image-default',
    ]);

    const all = join(dir, 'all');
    const a = godock(['env', '--all', '--output-dir', all]);
    noSecretsIn(a.stdout, a.stderr);
    expect(a.status).toBe(0);
    expect(readdirSync(all)).toEqual(expect.arrayContaining(['godock-it-web.env', 'godock-it-worker.env']));
    expect(readFileSync(join(all, 'godock-it-web.env'), 'utf8')).toBe(WEB_FILE);
    expect(lstatSync(join(all, 'godock-it-worker.env')).mode & 0o777).toBe(0o600);
  });

  it('a missing container fails with one line while the other target is still written', () => {
    const out = join(dir, 'mixed');
    const r = godock(['env', 'godock-it-nope', 'godock-it-worker', '--output-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('godock env:'))).toEqual(['godock env: no such container: godock-it-nope']);
    expect(readdirSync(out)).toEqual(['godock-it-worker.env']);
  });

  it('--format json and --secrets-file', () => {
    const out = join(dir, 'web.json');
    const sec = join(dir, 'web.secrets.env');
    const r = godock(['env', 'godock-it-web', '--format', 'json', '-o', out, '--secrets-file', join(dir, 'web.secrets.json')]);
    expect(r.status).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')))).toEqual(WEB_FILE.trim().split('\n').map((l) => l.split('=')[0]));
    const s = godock(['env', 'godock-it-web', '-o', join(dir, 'web2.env'), '--secrets-file', sec]);
    expect(s.status).toBe(0);
    noSecretsIn(s.stdout, s.stderr);
    expect(readFileSync(sec, 'utf8')).toBe(webEnv.filter((e) => WEB_SECRET_NAMES.includes(e.split('=')[0]!)).map((e) => `${e}\n`).join(''));
    expect(lstatSync(sec).mode & 0o777).toBe(0o600);
  });

  it('a docker context created by the docker CLI is resolved (currentContext in DOCKER_CONFIG)', () => {
    const cfg = mkdtempSync(join(tmpdir(), 'godock-it-cfg-'));
    const env = { DOCKER_CONFIG: cfg, DOCKER_HOST: '', DOCKER_CONTEXT: '' };
    expect(dockerCli(['context', 'create', 'godock-it-ctx', '--docker', 'host=unix:///var/run/docker.sock'], env).status).toBe(0);
    expect(dockerCli(['context', 'use', 'godock-it-ctx'], env).status).toBe(0);
    const r = godock(['env', 'godock-it-worker'], { ...env, HOME: '/nonexistent' });
    expect(r.stderr).not.toContain('godock env:');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('QUEUE_URL=amqp://mq:5672\n');
    const broken = godock(['env', 'godock-it-worker', '--context', 'godock-it-missing'], env);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^godock env: docker context "godock-it-missing" not found/);
  });

  it('an unreachable daemon is one line and exit 2', () => {
    const r = godock(['env', 'godock-it-web', '-H', 'unix:///nonexistent/docker.sock']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('godock env: cannot connect to the Docker daemon at unix:///nonexistent/docker.sock (ENOENT); is it running?\n');
  });
});

/** Swarm mode on the private second engine: the shared engine is never made a Swarm manager. */
maybe('godock env against a Swarm service on a private engine', () => {
  let second: SecondEngine | undefined;

  beforeAll(async () => {
    if (!engine.ok) throw new Error(`CI=true but no Docker Engine: ${engine.reason}`);
    second = await startSecondEngine();
    await buildImage(second.docker);
    const port = 20_000 + (process.pid % 20_000);
    await second.docker.swarmInit({ ListenAddr: `127.0.0.1:${port}`, AdvertiseAddr: `127.0.0.1:${port}` });
    // No replicas: the spec is what godock reads, and no task means no docker_gwbridge on the host.
    await second.docker.createService({
      Name: 'godock-it-svc',
      Labels: { [LABEL]: '1' },
      Mode: { Replicated: { Replicas: 0 } },
      TaskTemplate: { ContainerSpec: { Image: IMAGE, Env: ['LOG_LEVEL=warn', `WORKER_TOKEN=${SECRETS[4]}`, 'QUEUE_URL=amqp://mq:5672', 'TZ=UTC'] } },
    });
  }, 180_000);

  afterAll(async () => {
    await second?.docker.swarmLeave({ force: true }).catch(() => undefined);
    await second?.destroy();
  }, 90_000);

  it('ContainerSpec.Env minus image defaults and secrets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'godock-it-svc-'));
    const out = join(dir, 'svc.env');
    const r = godock(['env', '-H', second!.url, '--service', 'godock-it-svc', '-o', out]);
    noSecretsIn(r.stdout, r.stderr);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('LOG_LEVEL=warn\nQUEUE_URL=amqp://mq:5672\n');
    expect(r.stderr).toMatch(/WORKER_TOKEN\s+secret/);
    const missing = godock(['env', '-H', second!.url, '--service', 'godock-it-nosvc']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('godock env: no such service: godock-it-nosvc\n');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
