/**
 * Env-file safety of the real `godock env` process against a real engine (issue #7 item 4):
 * a writer SIGKILLed at random points while it writes a large env leaves the old file complete
 * (or the complete new one), never a partial file; a successful run leaves no temp file; files
 * are 0600; a symlink at the output path is never followed; nothing is overwritten without
 * --force (for -o, --output-dir and --secrets-file). Never skips when CI=true.
 */
import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { buildImage, cliPath, docker, dockerCli, ensureEngine, IMAGE, removeImage, ROOT } from './engine';
import { errorLines, expectNoCrash, godockAsync } from './run-cli';

const engine = ensureEngine();
const CI = process.env.CI === 'true';
if (!engine.ok && !CI) {
  // eslint-disable-next-line no-console
  console.warn(`godock env write-safety tests skipped: no Docker Engine could be started (${engine.reason})`);
}
const maybe = engine.ok || CI ? describe : describe.skip;

const LABEL = 'godock-faults';
const BIG = `godock-faults-big-${process.pid}`;
const SMALL = `godock-faults-small-${process.pid}`;
/** 160 variables of 48 KiB: an 7.5 MiB env-file, each line under docker's 64 KiB limit. */
const BIG_ENV = Array.from({ length: 160 }, (_, i) => `VAR_${String(i).padStart(3, '0')}=${String.fromCharCode(97 + (i % 26)).repeat(48 * 1024)}`);
const BIG_FILE = BIG_ENV.map((l) => `${l}\n`).join('');
const SMALL_FILE = 'OLD_ONE=1\nOLD_TWO=two\n';
const SECRET = 'sk_fake_FAKEFAKEFAKEFAKE0000';

/** Starts a container through the docker CLI (dockerode would put a 7 MiB Env in the URL). */
function run(name: string, env: string[], dir: string): void {
  dockerCli(['rm', '-f', name]);
  const file = join(dir, `${name}.input.env`);
  writeFileSync(file, env.map((l) => `${l}\n`).join(''));
  const r = dockerCli(['run', '-d', '--name', name, '--label', `${LABEL}=${process.pid}`, '--network', 'none', '--env-file', file, IMAGE]);
  rmSync(file);
  if (r.status !== 0) throw new Error(`docker run ${name}: ${r.stderr}`);
}

/** Spawns the real CLI and SIGKILLs it after `afterMs`; resolves with how it ended. */
function killedAfter(args: string[], afterMs: number): Promise<{ status: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [cliPath(), ...args], { cwd: ROOT, stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
  return new Promise((resolve) =>
    child.on('exit', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal });
    }),
  );
}

const TEMP = /^\.out\.env\.\d+\.[0-9a-f]+\.tmp$/;

maybe('godock env: env-file safety with the real CLI and engine', () => {
  let d: Dockerode;
  let dir: string;

  beforeAll(async () => {
    if (!engine.ok) throw new Error(`CI=true but no Docker Engine: ${engine.reason}`);
    d = docker();
    await buildImage(d);
    const input = mkdtempSync(join(tmpdir(), 'godock-faults-input-'));
    run(BIG, BIG_ENV, input);
    run(SMALL, ['OLD_ONE=1', 'OLD_TWO=two', `API_KEY=${SECRET}`], input);
    rmSync(input, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'godock-faults-write-'));
  }, 120_000);

  afterAll(async () => {
    if (d) await Promise.all([BIG, SMALL].map((n) => d.getContainer(n).remove({ force: true }).catch(() => undefined)));
    if (d) await removeImage(d);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('SIGKILL at random points never leaves a partial file: always the complete old or the complete new one', async () => {
    const out = join(dir, 'out.env');
    const args = ['env', BIG, '-o', out, '--force'];
    // How long a full run takes here: kills are spread over that whole span.
    writeFileSync(out, SMALL_FILE, { mode: 0o600 });
    const full = await godockAsync(args);
    expectNoCrash(full);
    expect(full.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(BIG_FILE);
    expect(readdirSync(dir)).toEqual(['out.env']); // a successful run leaves no temp file

    const outcomes = { old: 0, new: 0 };
    const span = full.ms;
    for (let i = 0; i < 24; i++) {
      writeFileSync(out, SMALL_FILE, { mode: 0o600 });
      chmodSync(out, 0o600);
      // Mostly near the end of a run, where the file is written (connecting and inspecting come first).
      const at = Math.round(span * (i % 4 === 0 ? 0.3 + Math.random() * 0.4 : 0.7 + Math.random() * 0.4));
      await killedAfter(args, at);
      const content = readFileSync(out, 'utf8');
      expect(content === SMALL_FILE || content === BIG_FILE).toBe(true);
      outcomes[content === SMALL_FILE ? 'old' : 'new']++;
      expect(lstatSync(out).mode & 0o777).toBe(0o600);
      // A writer killed mid-way may leave its temp file, but only as 0600 and never at the output path.
      for (const f of readdirSync(dir).filter((x) => x !== 'out.env')) {
        expect(f).toMatch(TEMP);
        expect(lstatSync(join(dir, f)).mode & 0o777).toBe(0o600);
      }
    }
    // eslint-disable-next-line no-console
    const strays = readdirSync(dir).filter((x) => TEMP.test(x)).length;
    console.log(`SIGKILL during godock env -o (${(BIG_FILE.length / 1048576).toFixed(1)} MiB): ${outcomes.old} left the old file, ${outcomes.new} the new one, 0 partial; ${strays} killed mid-write (temp file left)`);
    expect(outcomes.old).toBeGreaterThan(0);

    // A successful run afterwards adds no temp file of its own.
    const before = readdirSync(dir).sort();
    const again = await godockAsync(args);
    expect(again.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(BIG_FILE);
    expect(readdirSync(dir).sort()).toEqual(before);
  }, 150_000);

  it('a symlink at the output path is never followed, even with --force (-o, --output-dir, --secrets-file)', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n', { mode: 0o644 });
    const link = join(dir, 'link.env');
    symlinkSync(victim, link);
    const r = await godockAsync(['env', SMALL, '-o', link, '--force']);
    expectNoCrash(r);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`godock env: ${SMALL}: refusing to write ${link}: it is a symbolic link\n`);

    const sec = await godockAsync(['env', SMALL, '-o', join(dir, 'small.env'), '--secrets-file', link, '--force']);
    expect(sec.status).toBe(2);
    expect(sec.stderr).toBe(`godock env: ${SMALL}: refusing to write ${link}: it is a symbolic link\n`);
    expect(sec.stderr).not.toContain(SECRET);
    expect(readdirSync(dir)).not.toContain('small.env'); // checked before anything is written

    const od = join(dir, 'od');
    const r2 = await godockAsync(['env', SMALL, BIG, '--output-dir', od]);
    expect(r2.status).toBe(0);
    rmSync(join(od, `${SMALL}.env`));
    symlinkSync(victim, join(od, `${SMALL}.env`));
    const r3 = await godockAsync(['env', SMALL, BIG, '--output-dir', od, '--force']);
    expectNoCrash(r3);
    expect(r3.status).toBe(2);
    expect(errorLines(r3.stderr)).toEqual([`godock env: ${SMALL}: refusing to write ${join(od, `${SMALL}.env`)}: it is a symbolic link`]);
    expect(readFileSync(join(od, `${BIG}.env`), 'utf8')).toBe(BIG_FILE); // the other target is still written
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(victim).mode & 0o777).toBe(0o644);
  }, 60_000);

  it('no overwrite without --force for --output-dir and --secrets-file; new files are 0600 whatever the umask', async () => {
    const od = join(dir, 'od2');
    const first = await godockAsync(['env', SMALL, '--output-dir', od]);
    expect(first.status).toBe(0);
    const file = join(od, `${SMALL}.env`);
    expect(readFileSync(file, 'utf8')).toBe(SMALL_FILE);
    expect(lstatSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'KEEP=me\n');
    const again = await godockAsync(['env', SMALL, '--output-dir', od]);
    expect(again.status).toBe(2);
    expect(errorLines(again.stderr)).toEqual([`godock env: ${SMALL}: refusing to overwrite ${file}: it exists (use --force)`]);
    expect(readFileSync(file, 'utf8')).toBe('KEEP=me\n');

    const sec = join(dir, 'small.secrets.env');
    writeFileSync(sec, 'KEEP=secret-file\n');
    const s = await godockAsync(['env', SMALL, '-o', join(dir, 'small2.env'), '--secrets-file', sec]);
    expect(s.status).toBe(2);
    expect(s.stderr).toBe(`godock env: ${SMALL}: refusing to overwrite ${sec}: it exists (use --force)\n`);
    expect(readFileSync(sec, 'utf8')).toBe('KEEP=secret-file\n');
    expect(readdirSync(dir)).not.toContain('small2.env');

    // A permissive umask does not loosen the mode.
    const u = await godockAsync(['env', SMALL, '-o', join(dir, 'umask.env'), '--secrets-file', join(dir, 'umask.secrets.env')], { prefix: ['sh', '-c', 'umask 000 && exec "$@"', 'sh'] });
    expect(u.status).toBe(0);
    expect(lstatSync(join(dir, 'umask.env')).mode & 0o777).toBe(0o600);
    expect(lstatSync(join(dir, 'umask.secrets.env')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'umask.secrets.env'), 'utf8')).toBe(`API_KEY=${SECRET}\n`);
  }, 60_000);
});
