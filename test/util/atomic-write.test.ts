import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atomicWrite, checkWritable, commitWrite, discardWrite, stageWrite, WriteError } from '../../src/util/atomic-write';

// The module object itself (an `import * as` namespace is a copy that spies would not reach).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('node:fs') as typeof import('node:fs');
const fails = (code: string) => () => {
  throw Object.assign(new Error(code), { code });
};

describe('atomicWrite (the one atomic writer)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'godock-atomic-'));
  });
  afterEach(() => jest.restoreAllMocks());

  it.each<[string, number | undefined, number, number]>([
    ['default mode under umask 022', undefined, 0o022, 0o644],
    ['default mode under umask 077 (fchmod wins)', undefined, 0o077, 0o644],
    ['0600 under umask 0277', 0o600, 0o277, 0o600],
  ])('%s', async (_t, mode, umask, expected) => {
    const old = process.umask(umask);
    try {
      await atomicWrite(join(dir, 'f'), 'x', mode === undefined ? {} : { mode });
    } finally {
      process.umask(old);
    }
    expect(lstatSync(join(dir, 'f')).mode & 0o777).toBe(expected);
  });

  it('overwrites by default, refuses with overwrite: false, and leaves no temp file', async () => {
    const p = join(dir, 'report.sarif');
    writeFileSync(p, 'old');
    await atomicWrite(p, 'new');
    expect(readFileSync(p, 'utf8')).toBe('new');
    await expect(atomicWrite(p, 'newer', { overwrite: false })).rejects.toThrow(new WriteError(`refusing to overwrite ${p}: it exists (use --force)`));
    expect(readFileSync(p, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.sarif']);
  });

  it('never writes through a symlink, dangling or not, whatever the options', async () => {
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'keep');
    symlinkSync(victim, join(dir, 'l1'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'l2'));
    for (const overwrite of [true, false]) {
      await expect(atomicWrite(join(dir, 'l1'), 'x', { overwrite })).rejects.toThrow(/refusing to write .*l1: it is a symbolic link/);
      await expect(atomicWrite(join(dir, 'l2'), 'x', { overwrite })).rejects.toThrow(/symbolic link/);
    }
    expect(() => checkWritable(join(dir, 'l2'))).toThrow(WriteError);
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(readdirSync(dir).sort()).toEqual(['l1', 'l2', 'victim']);
  });

  it('a link() that loses the race to a new file refuses and removes its temp file', async () => {
    const p = join(dir, 'out.env');
    jest.spyOn(nodeFs, 'linkSync').mockImplementationOnce(() => {
      writeFileSync(p, 'theirs');
      throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    });
    await expect(atomicWrite(p, 'ours', { overwrite: false })).rejects.toThrow(/refusing to overwrite/);
    expect(readFileSync(p, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['out.env']);
  });

  it('a file system without hard links falls back to rename', async () => {
    const p = join(dir, 'out.env');
    jest.spyOn(nodeFs, 'linkSync').mockImplementationOnce(fails('EPERM'));
    await atomicWrite(p, 'ours', { overwrite: false });
    expect(readFileSync(p, 'utf8')).toBe('ours');
    expect(readdirSync(dir)).toEqual(['out.env']);
  });

  it('a failing rename is a WriteError naming the path (never the content) and cleans the temp file', async () => {
    const p = join(dir, 'out.env');
    jest.spyOn(nodeFs, 'renameSync').mockImplementationOnce(fails('EIO'));
    const err = await atomicWrite(p, 'SECRET_VALUE').catch((e: unknown) => e);
    expect(err).toEqual(new WriteError(`cannot write ${p}: EIO`));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes many files in parallel, each complete', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `f${i}.env`);
    await Promise.all(names.map((n) => atomicWrite(join(dir, n), `${n}\n`.repeat(1000), { mode: 0o600, overwrite: false })));
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    for (const n of names) expect(readFileSync(join(dir, n), 'utf8')).toBe(`${n}\n`.repeat(1000));
  });

  it('stage then commit: nothing at the target until the commit, a temp file (with the mode) meanwhile', async () => {
    const p = join(dir, 'out.env');
    const staged = stageWrite(p, 'A=1\n', { mode: 0o600, overwrite: false });
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^\.out\.env\.\d+\.[0-9a-f]+\.tmp$/)]);
    expect(lstatSync(staged.tmp).mode & 0o777).toBe(0o600);
    await commitWrite(staged);
    expect(readdirSync(dir)).toEqual(['out.env']);
    expect(readFileSync(p, 'utf8')).toBe('A=1\n');
  });

  it('a staged write is refused at commit when a file or symlink appeared meanwhile, and discard cleans up', async () => {
    const p = join(dir, 'out.env');
    const noOverwrite = stageWrite(p, 'ours');
    const overwrite = stageWrite(join(dir, 'link.env'), 'ours', { overwrite: true });
    const dropped = stageWrite(join(dir, 'dropped.env'), 'ours');
    writeFileSync(p, 'theirs');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'link.env'));
    await expect(commitWrite({ ...noOverwrite, overwrite: false })).rejects.toThrow(/refusing to overwrite/);
    await expect(commitWrite(overwrite)).rejects.toThrow(/symbolic link/);
    discardWrite(dropped);
    expect(readFileSync(p, 'utf8')).toBe('theirs');
    expect(readdirSync(dir).sort()).toEqual(['link.env', 'out.env']);
  });

  it('a failing fsync is a WriteError and leaves nothing behind', async () => {
    const p = join(dir, 'out.env');
    jest.spyOn(nodeFs, 'fsync').mockImplementationOnce(((_fd: number, cb: (e: Error) => void) => cb(Object.assign(new Error('EIO'), { code: 'EIO' }))) as typeof nodeFs.fsync);
    await expect(atomicWrite(p, 'x')).rejects.toThrow(new WriteError(`cannot write ${p}: EIO`));
    expect(readdirSync(dir)).toEqual([]);
  });
});
