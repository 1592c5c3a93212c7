/**
 * Docker faults against real engines (issue #7 item 5, issue #5 item 6). Each fault must give
 * one clear line per failed target, exit 2, the other targets still written and reported, and
 * no stack trace or unhandled rejection.
 * - the shared engine (scripts/ensure-docker.sh) with 200 running containers: `--all`, bounded
 *   concurrency, timing against one `docker inspect`, containers removed between list and
 *   inspect, the socket used by a non-root user;
 * - a private second dockerd (second-engine.ts) frozen (SIGSTOP) and killed (SIGKILL) mid-run;
 * - a unix socket that accepts and never answers (a hung daemon).
 * A transparent relay (tap-proxy.ts) lets a test act at an exact request of a real run.
 * Never skips when CI=true.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { buildImage, docker, ensureEngine, IMAGE, removeImage } from './engine';
import { errorLines, expectNoCrash, godockAsync } from './run-cli';
import { readableDist } from '../helpers/dist';
import { startSecondEngine, exited, type SecondEngine } from './second-engine';
import { inspectedContainer, startTapProxy } from './tap-proxy';

const engine = ensureEngine();
const CI = process.env.CI === 'true';
if (!engine.ok && !CI) {
  // eslint-disable-next-line no-console
  console.warn(`godock env fault tests skipped: no Docker Engine could be started (${engine.reason})`);
}
const maybe = engine.ok || CI ? describe : describe.skip;

const LABEL = 'godock-faults';
/** This run's containers carry LABEL=RUN, so parallel runs of this file never touch each other's. */
const RUN = String(process.pid);
const PREFIX = `godock-faults-${RUN}`;
const MANY = 200;
const TOKEN = `ghp_${'FAKE'.repeat(9)}`; // fake, well-formed

/** What each fault container gets, and the file godock must write for it. */
const envOf = (name: string): string[] => [`NAME=${name}`, 'LOG_LEVEL=info', `API_TOKEN=${TOKEN}`, 'DATABASE_URL=postgres://db/app'];
const fileOf = (name: string): string => `NAME=${name}\nDATABASE_URL=postgres://db/app\n`;

async function startContainers(d: Dockerode, prefix: string, n: number, parallel: number): Promise<string[]> {
  const names = Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const name = names[next++]!;
      await d.getContainer(name).remove({ force: true }).catch(() => undefined);
      const c = await d.createContainer({ name, Image: IMAGE, Env: envOf(name), Labels: { [LABEL]: RUN }, HostConfig: { NetworkMode: 'none' } });
      await c.start();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return names;
}

const alive = (pid: string): boolean => {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};

/** Removes this run's containers, and those left by runs whose process is gone. */
async function removeLabelled(d: Dockerode): Promise<void> {
  const list = (await d.listContainers({ all: true, filters: { label: [LABEL] } })).filter((c) => {
    const run = c.Labels?.[LABEL] ?? '';
    return run === RUN || !/^\d+$/.test(run) || !alive(run);
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < list.length) await d.getContainer(list[next++]!.Id).remove({ force: true }).catch(() => undefined);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

const made: string[] = [];
const outDir = (tag: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `godock-faults-${tag}-`));
  made.push(dir);
  return dir;
};
const tmpSock = (tag: string): string => join(outDir(tag), `${tag}.sock`);

/** Resolves once every thread of the process is stopped (SIGSTOP is asynchronous). */
async function stopped(pid: number): Promise<void> {
  const allStopped = (): boolean =>
    readdirSync(`/proc/${pid}/task`).every((t) => {
      try {
        return /^\S+ \(.*\) [Tt] /s.test(readFileSync(`/proc/${pid}/task/${t}/stat`, 'latin1'));
      } catch {
        return true; // thread gone
      }
    });
  for (let i = 0; i < 1000 && !allStopped(); i++) await new Promise((r) => setTimeout(r, 2));
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

maybe('godock env: Docker faults on real engines', () => {
  beforeAll(() => {
    if (!engine.ok) throw new Error(`CI=true but no Docker Engine: ${engine.reason}`);
  });

  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  describe(`the shared engine with ${MANY} running containers`, () => {
    let d: Dockerode;
    let names: string[];

    beforeAll(async () => {
      d = docker();
      await removeLabelled(d);
      await buildImage(d);
      names = await startContainers(d, PREFIX, MANY, 8);
    }, 150_000);

    afterAll(async () => {
      if (d) await removeLabelled(d);
      if (d) await removeImage(d);
    }, 120_000);

    it(`--all over ${MANY} containers: every one written exactly, at most 16 requests in flight, timed against docker inspect`, async () => {
      const sock = tmpSock('tap');
      const tap = await startTapProxy(sock, '/var/run/docker.sock', () => undefined);
      const dir = outDir('all');
      const r = await godockAsync(['env', '--all', '--output-dir', dir, '-H', tap.url]);
      await tap.close();
      expectNoCrash(r);
      expect(r.stderr).not.toContain(TOKEN);
      const files = new Set(readdirSync(dir));
      for (const n of names) {
        expect(files.has(`${n}.env`)).toBe(true);
        expect(readFileSync(join(dir, `${n}.env`), 'utf8')).toBe(fileOf(n));
      }
      // Containers of other test runs on the shared engine may vanish meanwhile; ours may not fail.
      expect(errorLines(r.stderr).filter((l) => l.includes(PREFIX))).toEqual([]);
      const inspects = tap.requests.filter((q) => inspectedContainer(q.path));
      expect(inspects.length).toBeGreaterThanOrEqual(MANY);
      expect(tap.requests.filter((q) => /\/images\/.+\/json/.test(q.path))).toHaveLength(new Set(tap.requests.filter((q) => /\/images\//.test(q.path)).map((q) => q.path)).size);
      expect(tap.maxInFlight()).toBeGreaterThan(1);
      expect(tap.maxInFlight()).toBeLessThanOrEqual(16);

      // Timing straight on the socket: godock --all (files included) vs one docker inspect of them.
      const dockerMs: number[] = [];
      const godockMs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const ins = spawnSync('sh', ['-c', 'docker inspect $(docker ps -q) >/dev/null'], { encoding: 'utf8' });
        dockerMs.push(performance.now() - t);
        expect(ins.status).toBe(0);
        const g = await godockAsync(['env', '--all', '--output-dir', outDir(`time${i}`)]);
        godockMs.push(g.ms);
        expectNoCrash(g);
      }
      const ratio = median(godockMs) / median(dockerMs);
      // eslint-disable-next-line no-console
      console.log(`godock env --all over ${MANY}+ containers: ${median(godockMs).toFixed(0)} ms; docker inspect $(docker ps -q): ${median(dockerMs).toFixed(0)} ms; ratio ${ratio.toFixed(2)}`);
      expect(median(godockMs)).toBeLessThan(10_000);
    }, 90_000);

    it('containers removed between list and inspect: one line each, exit 2, all the others written', async () => {
      const victims = names.slice(0, 5);
      let removal: Promise<void> | undefined;
      const sock = tmpSock('tap');
      // Hold the first inspect until the victims are really gone: the list was already answered.
      const tap = await startTapProxy(sock, '/var/run/docker.sock', (req) => {
        if (!inspectedContainer(req.path)) return;
        removal ??= Promise.all(victims.map((v) => d.getContainer(v).remove({ force: true }))).then(() => undefined, () => undefined);
        return removal;
      });
      const dir = outDir('gone');
      const r = await godockAsync(['env', '--all', '--output-dir', dir, '-H', tap.url]);
      await tap.close();
      expectNoCrash(r);
      expect(removal).toBeDefined();
      expect(r.status).toBe(2);
      for (const v of victims) expect(await d.getContainer(v).inspect().then(() => 'there', () => 'gone')).toBe('gone');
      const ours = errorLines(r.stderr).filter((l) => l.includes(PREFIX));
      expect(ours.sort()).toEqual(victims.map((v) => `godock env: container "${v}" was removed while being inspected`));
      for (const l of errorLines(r.stderr)) expect(l).toMatch(/^godock env: container "[^"]+" was removed while being inspected$/);
      const files = new Set(readdirSync(dir));
      for (const n of names) expect(files.has(`${n}.env`)).toBe(!victims.includes(n));
      // The JSON report says the same for scripts.
      const again = await godockAsync(['env', ...victims.slice(0, 1), names[10]!, '--output-dir', outDir('gone2'), '--report', 'json']);
      expectNoCrash(again);
      expect(again.status).toBe(2);
      const rep = JSON.parse(again.stderr) as { ok: boolean; targets: { target: string; error?: { code: string } }[] };
      expect(rep.ok).toBe(false);
      expect(rep.targets.map((t) => [t.target, t.error?.code ?? 'ok'])).toEqual([[victims[0], 'not-found'], [names[10], 'ok']]);
    }, 60_000);

    it('the Docker socket without permission (a non-root user): one line, exit 2', async () => {
      const dir = outDir('perm');
      chownSync(dir, 65534, 65534);
      const env = { HOME: '/nonexistent', DOCKER_HOST: '', DOCKER_CONTEXT: '', DOCKER_CONFIG: '' };
      const prefix = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
      const copy = readableDist();
      try {
        for (const args of [['--all', '--output-dir', dir], [names[0]!, names[1]!, '--output-dir', dir], [names[0]!]]) {
          const r = await godockAsync(['env', ...args], { env, prefix, cli: copy.cli });
          expectNoCrash(r);
          expect(r.status).toBe(2);
          expect(r.stdout).toBe('');
          expect(r.stderr).toBe('godock env: permission denied on the Docker socket unix:///var/run/docker.sock (run as root or join the docker group)\n');
        }
      } finally {
        copy.dispose();
      }
      expect(readdirSync(dir)).toEqual([]);
    }, 60_000);
  });

  describe('a private second dockerd frozen and killed mid-run', () => {
    const N = 40;
    const AT = 20; // act when the 20th container inspect reaches the daemon
    let second: SecondEngine | undefined;
    let names: string[];

    beforeAll(async () => {
      second = await startSecondEngine();
      await buildImage(second.docker);
      names = await startContainers(second.docker, `${PREFIX}-2nd`, N, 4);
    }, 120_000);

    afterAll(async () => {
      await second?.destroy();
    }, 90_000);

    /**
     * With at most 16 workers, the AT-th inspect starts only after AT-16 targets finished; the
     * daemon is stopped before the AT-th inspect is forwarded, so it and every later one fail.
     */
    const minWritten = AT - 16;
    const minFailed = N - AT + 1;

    function checkPartial(dir: string, stderr: string, line: RegExp): void {
      const files = new Set(readdirSync(dir));
      const failed = errorLines(stderr);
      for (const l of failed) expect(l).toMatch(line);
      expect(files.size).toBeGreaterThanOrEqual(minWritten);
      expect(failed.length).toBeGreaterThanOrEqual(minFailed);
      // Every target is accounted for: written (exactly) or reported by name.
      for (const n of names) {
        if (files.has(`${n}.env`)) expect(readFileSync(join(dir, `${n}.env`), 'utf8')).toBe(fileOf(n));
        else expect(failed.filter((l) => l.includes(`container "${n}"`))).toHaveLength(1);
      }
      expect(files.size + failed.length).toBe(N);
    }

    it('a daemon that hangs mid-run (SIGSTOP): in-flight calls time out, the rest fail fast, the finished ones are written', async () => {
      const s = second!;
      let seen = 0;
      let gate: Promise<void> | undefined;
      // From the AT-th inspect on, every request waits until the daemon is really frozen.
      const tap = await startTapProxy(join(s.dir, 'tap-hang.sock'), s.socket, async (req) => {
        if (inspectedContainer(req.path) && ++seen === AT) {
          s.process().kill('SIGSTOP');
          gate = stopped(s.process().pid!);
        }
        await gate;
      });
      const dir = outDir('hang');
      try {
        const r = await godockAsync(['env', '--all', '--output-dir', dir, '-H', tap.url, '--timeout', '1']);
        expectNoCrash(r);
        expect(r.status).toBe(2);
        expect(seen).toBeGreaterThanOrEqual(AT);
        checkPartial(dir, r.stderr, /^godock env: container "godock-faults-\d+-2nd-\d+"(:| not inspected:) the Docker daemon at unix:\/\/\S+tap-hang\.sock did not answer within 1s \(see --timeout\)$/);
        // One timeout for the calls in flight, not one per remaining target.
        expect(r.ms).toBeLessThan(5_000);
      } finally {
        s.process().kill('SIGCONT');
        await tap.close();
      }
    }, 60_000);

    it('a daemon killed mid-run (SIGKILL): one line per lost target, exit 2, the finished ones are written; then a dead socket', async () => {
      const s = second!;
      let seen = 0;
      let gate: Promise<void> | undefined;
      const tap = await startTapProxy(join(s.dir, 'tap-kill.sock'), s.socket, async (req) => {
        if (inspectedContainer(req.path) && ++seen === AT) {
          s.process().kill('SIGKILL');
          gate = exited(s.process());
        }
        await gate;
      });
      const dir = outDir('kill');
      const r = await godockAsync(['env', '--all', '--output-dir', dir, '-H', tap.url]);
      await tap.close();
      expectNoCrash(r);
      expect(r.status).toBe(2);
      expect(s.process().signalCode).toBe('SIGKILL');
      checkPartial(dir, r.stderr, /^godock env: container "godock-faults-\d+-2nd-\d+"(:| not inspected:) (lost the connection to the Docker daemon at unix:\/\/\S+ \((ECONNRESET|EPIPE)\); did it stop\?|cannot connect to the Docker daemon at unix:\/\/\S+ \((ECONNREFUSED|ENOENT)\); is it running\?)$/);

      // Straight on the dead daemon's socket (left behind by SIGKILL): one line for the run.
      const dead = await godockAsync(['env', '--all', '--output-dir', outDir('dead'), '-H', s.url]);
      expectNoCrash(dead);
      expect(dead.status).toBe(2);
      expect(dead.stderr).toBe(`godock env: cannot connect to the Docker daemon at ${s.url} (${existsSync(s.socket) ? 'ECONNREFUSED' : 'ENOENT'}); is it running?\n`);
    }, 60_000);
  });

  describe('a hung daemon: a socket that accepts and never answers', () => {
    let server: Server;
    let sock: string;
    const held: import('node:net').Socket[] = [];

    beforeAll(async () => {
      sock = tmpSock('hung');
      server = createServer((c) => void held.push(c));
      await new Promise<void>((res) => server.listen(sock, () => res()));
    });

    afterAll(async () => {
      for (const c of held) c.destroy();
      await new Promise<void>((res) => server.close(() => res()));
    });

    it.each([
      ['--all', ['--all', '--output-dir', 'DIR'], '1'],
      ['a named container', ['godock-faults-none'], '1.5'],
      ['a service', ['--service', 'web'], '0.5'],
    ])('%s: one timeout line, exit 2, within the timeout', async (_t, args, timeout) => {
      const dir = outDir('hung');
      const r = await godockAsync(['env', ...args.map((a) => (a === 'DIR' ? dir : a)), '-H', `unix://${sock}`, '--timeout', timeout]);
      expectNoCrash(r);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`godock env: the Docker daemon at unix://${sock} did not answer within ${timeout}s (see --timeout)\n`);
      expect(r.ms).toBeGreaterThanOrEqual(Number(timeout) * 1000);
      expect(r.ms).toBeLessThan(Number(timeout) * 1000 + 3_000);
    });

    it('--timeout is validated and documented', async () => {
      const bad = await godockAsync(['env', '--all', '--timeout', 'soon']);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toBe('godock env: --timeout needs a number of seconds between 0 and 86400, got "soon" (see godock env --help)\n');
      const help = await godockAsync(['env', '--help']);
      expect(help.stdout).toMatch(/--timeout <seconds>\s+give up on an Engine API call after this long \(default 30\)/);
    });
  });
});
