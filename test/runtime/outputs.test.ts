/**
 * `godock env` outputs that must not destroy one another: --secrets-file naming the env-file (by
 * any spelling, a symlink or a hard link) is a usage error before anything is inspected; a
 * target's env-file and secrets file are written all or nothing; bad --keep/--drop/--only globs
 * are usage errors.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { runEnv } from '../../src/commands/env';
import { sameFile, WriteError, writeEnvFiles } from '../../src/runtime/write-env-file';
import * as atomic from '../../src/util/atomic-write';
import { MAX_GLOB_LENGTH } from '../../src/util/glob';
import { fakeEngine, type FakeEngine } from './fake-engine';

let engine: FakeEngine;
jest.mock('../../src/runtime/docker', () => ({
  connectEngine: async () => ({ apiVersion: '1.41', ...engine }),
}));

jest.mock('../../src/util/atomic-write', () => {
  const actual = jest.requireActual('../../src/util/atomic-write');
  return { ...actual, commitWrite: jest.fn(actual.commitWrite) };
});
const commitWrite = atomic.commitWrite as jest.MockedFunction<typeof atomic.commitWrite>;
const realCommit = jest.requireActual<typeof atomic>('../../src/util/atomic-write').commitWrite;

async function run(args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await runEnv(args, { stdout: out, stderr: err, isTTY: false, env: { HOME: '/nonexistent', DOCKER_HOST: 'unix:///fake.sock' } });
  return { code, stdout, stderr };
}

let dir: string;
beforeEach(() => {
  engine = fakeEngine();
  dir = mkdtempSync(join(tmpdir(), 'godock-outputs-'));
  commitWrite.mockClear();
  commitWrite.mockImplementation(realCommit);
});

const OLD = 'OLD=1\n';
const temps = (d: string): string[] => readdirSync(d).filter((f) => f.endsWith('.tmp'));

describe('--secrets-file naming the env-file', () => {
  it.each<[string, (d: string) => { out: string; sec: string; existing?: string }]>([
    ['the same path', (d) => ({ out: join(d, 'a.env'), sec: join(d, 'a.env') })],
    ['./a.env and a.env', (d) => ({ out: `${join(d, '.')}/./a.env`, sec: join(d, 'a.env') })],
    ['a relative and an absolute spelling', (d) => ({ out: relative(process.cwd(), join(d, 'a.env')), sec: join(d, 'a.env') })],
    ['sub/../a.env', (d) => ({ out: join(d, 'a.env'), sec: `${d}/sub/../a.env` })],
    [
      'a folder through a symlink (the file not there yet)',
      (d) => {
        symlinkSync(d, join(d, 'via'));
        return { out: join(d, 'via', 'a.env'), sec: join(d, 'a.env') };
      },
    ],
    [
      'a symlink to the env-file',
      (d) => {
        writeFileSync(join(d, 'a.env'), OLD);
        symlinkSync(join(d, 'a.env'), join(d, 'link.env'));
        return { out: join(d, 'a.env'), sec: join(d, 'link.env'), existing: join(d, 'a.env') };
      },
    ],
    [
      'a hard link to the env-file',
      (d) => {
        writeFileSync(join(d, 'a.env'), OLD);
        linkSync(join(d, 'a.env'), join(d, 'hard.env'));
        return { out: join(d, 'hard.env'), sec: join(d, 'a.env'), existing: join(d, 'a.env') };
      },
    ],
  ])('%s: usage error before inspecting anything, nothing written', async (_t, make) => {
    const { out, sec, existing } = make(dir);
    const r = await run(['fx-web', '-o', out, '--secrets-file', sec, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^godock env: --secrets-file .* is the same file as --output .*; give the secrets their own file \(see godock env --help\)\n$/);
    expect(engine.calls.containers).toEqual([]);
    if (existing) expect(readFileSync(existing, 'utf8')).toBe(OLD);
    else expect(existsSync(join(dir, 'a.env'))).toBe(false);
    expect(temps(dir)).toEqual([]);
  });

  it('--secrets-file - is a usage error', async () => {
    const r = await run(['fx-web', '--secrets-file', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--secrets-file needs a file name/);
    expect(engine.calls.containers).toEqual([]);
  });

  it('--output-dir: the file it picks for the target being the secrets file fails the target, writes neither', async () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'fx-web.env'), OLD);
    const r = await run(['fx-web', '--output-dir', out, '--secrets-file', join(out, 'fx-web.env'), '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fx-web: refusing to write .*fx-web\.env: it is the same file as the env-file/);
    expect(readFileSync(join(out, 'fx-web.env'), 'utf8')).toBe(OLD);
    expect(readdirSync(out)).toEqual(['fx-web.env']);
  });

  it('different files are still written', async () => {
    const r = await run(['fx-web', '-o', join(dir, 'a.env'), '--secrets-file', join(dir, 'a.secrets.env')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'a.secrets.env'), 'utf8')).toMatch(/^API_KEY=/);
    expect(sameFile(join(dir, 'a.env'), join(dir, 'a.secrets.env'))).toBe(false);
  });
});

describe('a target\'s two outputs are all or nothing', () => {
  it('stdout env-file with a secrets file in a missing folder: stdout gets nothing', async () => {
    const r = await run(['fx-web', '--secrets-file', join(dir, 'no', 'such', 's.env')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot write .*s\.env: ENOENT/);
  });

  it('-o with a secrets file in a missing folder: the env-file is not written', async () => {
    const r = await run(['fx-web', '-o', join(dir, 'a.env'), '--secrets-file', join(dir, 'no', 's.env')]);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('-o with a secrets file that is a folder: the env-file is not written', async () => {
    mkdirSync(join(dir, 's.env'));
    const r = await run(['fx-web', '-o', join(dir, 'a.env'), '--secrets-file', join(dir, 's.env'), '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a regular file/);
    expect(readdirSync(dir)).toEqual(['s.env']);
  });

  it('writeEnvFiles: the second path existing (no force) refuses before the first is written', async () => {
    writeFileSync(join(dir, 's.env'), OLD);
    const err = await writeEnvFiles([{ path: join(dir, 'a.env'), content: 'A=1\n' }, { path: join(dir, 's.env'), content: 'S=1\n' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteError);
    expect((err as Error).message).toMatch(/refusing to overwrite .*s\.env/);
    expect(readdirSync(dir)).toEqual(['s.env']);
    expect(readFileSync(join(dir, 's.env'), 'utf8')).toBe(OLD);
  });

  it('writeEnvFiles: two paths for one file are refused before anything is written', async () => {
    const err = await writeEnvFiles([{ path: join(dir, 'a.env'), content: 'A=1\n' }, { path: `${dir}/./a.env`, content: 'S=1\n' }], { force: true }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/it is the same file as/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['replaced files (force) are put back', true],
    ['new files are removed', false],
  ])('the second move failing undoes the first: %s', async (_t, force) => {
    const a = join(dir, 'a.env');
    const s = join(dir, 's.env');
    if (force) {
      writeFileSync(a, OLD);
      writeFileSync(s, 'OLD_S=1\n');
    }
    commitWrite.mockImplementationOnce(realCommit).mockImplementationOnce(async (staged) => {
      atomic.discardWrite(staged);
      throw new WriteError(`cannot write ${staged.path}: EIO`);
    });
    await expect(writeEnvFiles([{ path: a, content: 'A=1\n' }, { path: s, content: 'S=1\n' }], { force })).rejects.toThrow(`cannot write ${s}: EIO`);
    expect(commitWrite).toHaveBeenCalledTimes(2);
    if (force) {
      expect(readFileSync(a, 'utf8')).toBe(OLD);
      expect(readFileSync(s, 'utf8')).toBe('OLD_S=1\n');
      expect(readdirSync(dir).sort()).toEqual(['a.env', 's.env']);
    } else expect(readdirSync(dir)).toEqual([]);
  });

  it('force over existing files: both replaced, no kept copy left behind', async () => {
    const a = join(dir, 'a.env');
    const s = join(dir, 's.env');
    writeFileSync(a, OLD);
    writeFileSync(s, OLD);
    await writeEnvFiles([{ path: a, content: 'A=1\n' }, { path: s, content: 'S=1\n' }], { force: true });
    expect([readFileSync(a, 'utf8'), readFileSync(s, 'utf8')]).toEqual(['A=1\n', 'S=1\n']);
    expect(readdirSync(dir).sort()).toEqual(['a.env', 's.env']);
  });
});

describe('--keep / --drop / --only globs', () => {
  it.each<[string, string, ...string[]]>([
    ['--keep', 'empty', ''],
    ['--drop', 'empty', ''],
    ['--only', 'empty', ''],
    ['--keep', 'blank', '   '],
    ['--only', '70,000 characters', 'x'.repeat(70_000)],
    ['--drop', 'longer than src/util/glob.ts takes', `A${'*B'.repeat(MAX_GLOB_LENGTH)}`],
    ['--keep', 'too long, after a good one', 'APP_*', '--keep', 'K'.repeat(MAX_GLOB_LENGTH + 1)],
  ])('%s (%s) is a usage error, not an internal one', async (flag, _what, ...globArgs) => {
    const r = await run(['fx-web', flag, ...globArgs]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^godock env: ${flag}[ :]`));
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(engine.calls.containers).toEqual([]);
  });
});
