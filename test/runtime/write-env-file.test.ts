import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EnvFileError,
  MAX_LINE_BYTES,
  WriteError,
  checkWritable,
  fileNameFor,
  serializeEnv,
  writeEnvFiles,
  writeFileAtomic,
  type EnvFileFormat,
  type EnvLine,
} from '../../src/runtime/write-env-file';

const L = (name: string, value: string | null): EnvLine => ({ name, value });

describe('serializeEnv: exact output', () => {
  it.each<[string, EnvFileFormat, EnvLine[], string]>([
    ['docker: verbatim, no quoting', 'docker', [L('A', '1'), L('B', ' spaced "q" #h $X \'s\' '), L('C', '')], 'A=1\nB= spaced "q" #h $X \'s\' \nC=\n'],
    ['docker: passthrough is a bare name', 'docker', [L('A', '1'), L('API_KEY', null)], 'A=1\nAPI_KEY\n'],
    ['docker: = inside the value', 'docker', [L('URL', 'a=b=c')], 'URL=a=b=c\n'],
    ['compose: single quotes when safe', 'compose', [L('A', 'a $B #c "d"')], "A='a $B #c \"d\"'\n"],
    ['compose: newline kept inside single quotes', 'compose', [L('A', 'l1\nl2')], "A='l1\nl2'\n"],
    ['compose: double quotes with escapes when a quote is inside', 'compose', [L('A', 'it\'s $HOME \\ "x"\r\n')], 'A="it\'s \\$HOME \\\\ \\"x\\"\\r\\n"\n'],
    ['compose: trailing backslash goes double-quoted', 'dotenv', [L('A', 'c:\\')], 'A="c:\\\\"\n'],
    ['compose: passthrough', 'compose', [L('T', null)], 'T\n'],
    ['json: object, null for passthrough', 'json', [L('A', '1'), L('S', null)], '{\n  "A": "1",\n  "S": null\n}\n'],
  ])('%s', (_t, format, lines, expected) => {
    expect(serializeEnv(lines, format)).toBe(expected);
  });
});

describe('serializeEnv: refusals name the variable, never the value', () => {
  const secret = 'hunter2hunter2';
  it.each<[string, EnvFileFormat, EnvLine, RegExp]>([
    ['newline in docker', 'docker', L('MULTI', `${secret}\nx`), /MULTI.*newline/],
    ['trailing CR in docker', 'docker', L('CR', `${secret}\r`), /CR.*carriage return/],
    ['NUL in docker', 'docker', L('NUL_VAR', `${secret}\0`), /NUL_VAR.*NUL/],
    ['NUL in compose', 'compose', L('NUL_VAR', `${secret}\0`), /NUL_VAR.*NUL/],
    ['NUL in json', 'json', L('NUL_VAR', `${secret}\0`), /NUL_VAR.*NUL/],
    ['64 KiB line in docker', 'docker', L('BIG', secret + 'x'.repeat(MAX_LINE_BYTES)), /BIG.*64 KiB/],
    ['name with a space in docker', 'docker', L('A B', secret), /A B.*whitespace/],
    ['name starting with # in docker', 'docker', L('#A', secret), /#A/],
    ['name compose cannot read', 'compose', L('A$B', secret), /A\$B.*compose/],
  ])('%s', (_t, format, line, msg) => {
    let err: unknown;
    try {
      serializeEnv([L('OK', '1'), line], format);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvFileError);
    expect((err as Error).message).toMatch(msg);
    expect((err as Error).message).not.toContain(secret);
  });

  it('a line just under 64 KiB is accepted', () => {
    const value = 'x'.repeat(MAX_LINE_BYTES - 1 - 2 - 1); // "A=" + value + "\n" = 64 KiB - 1
    expect(serializeEnv([L('A', value)], 'docker')).toHaveLength(MAX_LINE_BYTES - 1);
  });
});

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'godock-write-'));
  });

  it('writes with mode 0600 and leaves no temp file', async () => {
    const p = join(dir, 'out.env');
    await writeFileAtomic(p, 'A=1\n');
    expect(readFileSync(p, 'utf8')).toBe('A=1\n');
    expect(lstatSync(p).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['out.env']);
  });

  it('refuses to overwrite without force, overwrites with force (still 0600)', async () => {
    const p = join(dir, 'out.env');
    writeFileSync(p, 'OLD=1\n', { mode: 0o644 });
    await expect(writeFileAtomic(p, 'A=1\n')).rejects.toThrow(new WriteError(`refusing to overwrite ${p}: it exists (use --force)`));
    expect(readFileSync(p, 'utf8')).toBe('OLD=1\n');
    await writeFileAtomic(p, 'A=2\n', { force: true });
    expect(readFileSync(p, 'utf8')).toBe('A=2\n');
    expect(lstatSync(p).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['out.env']);
  });

  it('refuses a symlink, even with force, and leaves its target alone', async () => {
    const target = join(dir, 'target');
    writeFileSync(target, 'T=1\n');
    const link = join(dir, 'link.env');
    symlinkSync(target, link);
    await expect(writeFileAtomic(link, 'A=1\n', { force: true })).rejects.toThrow(/symbolic link/);
    await expect(writeFileAtomic(join(dir, 'dangling.env'), 'A=1\n')).resolves.toBeUndefined();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangle2.env'));
    await expect(writeFileAtomic(join(dir, 'dangle2.env'), 'A=1\n')).rejects.toThrow(/symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('T=1\n');
  });

  it('refuses a directory and reports a missing parent as a WriteError', async () => {
    await expect(writeFileAtomic(dir, 'A=1\n', { force: true })).rejects.toThrow(/not a regular file/);
    await expect(writeFileAtomic(join(dir, 'no', 'such', 'x.env'), 'A=1\n')).rejects.toThrow(WriteError);
  });

  it('checkWritable throws the same refusals before anything is written', () => {
    const p = join(dir, 'out.env');
    expect(() => checkWritable(p)).not.toThrow();
    writeFileSync(p, 'OLD=1\n');
    expect(() => checkWritable(p)).toThrow(new WriteError(`refusing to overwrite ${p}: it exists (use --force)`));
    expect(() => checkWritable(p, { force: true })).not.toThrow();
    expect(() => checkWritable(dir, { force: true })).toThrow(/not a regular file/);
  });
});

describe('writeEnvFiles (many files at once, off the main thread)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'godock-write-many-'));
  });
  const temps = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  it('writes 100 targets in parallel, each complete, 0600, no temp file left', async () => {
    const names = Array.from({ length: 100 }, (_, i) => `t${i}.env`);
    await Promise.all(names.map((n) => writeEnvFiles([{ path: join(dir, n), content: `NAME=${n}\n`.repeat(50) }])));
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    for (const n of names) {
      expect(readFileSync(join(dir, n), 'utf8')).toBe(`NAME=${n}\n`.repeat(50));
      expect(lstatSync(join(dir, n)).mode & 0o777).toBe(0o600);
    }
  });

  it.each<[string, (p: string) => void, boolean, RegExp]>([
    ['an existing file, without force', (p) => writeFileSync(p, 'OLD=1\n'), false, /^refusing to overwrite .*out\.env: it exists \(use --force\)$/],
    ['a symlink, without force', (p) => symlinkSync(join(p, '..', 'nowhere'), p), false, /^refusing to write .*out\.env: it is a symbolic link$/],
    ['a symlink, with force', (p) => symlinkSync(join(p, '..', 'nowhere'), p), true, /^refusing to write .*out\.env: it is a symbolic link$/],
    ['a directory, without force', (p) => mkdirSync(p), false, /^refusing to write .*out\.env: it is not a regular file$/],
    ['a directory, with force', (p) => mkdirSync(p), true, /^refusing to write .*out\.env: it is not a regular file$/],
  ])('refuses %s with the same message as checkWritable, and cleans up', async (_what, make, force, message) => {
    const p = join(dir, 'out.env');
    make(p);
    const err = (await writeEnvFiles([{ path: p, content: 'A=1\n' }], { force }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(WriteError);
    expect(err.message).toMatch(message);
    expect(temps()).toEqual([]);
  });

  it('overwrites a regular file with force', async () => {
    const p = join(dir, 'out.env');
    writeFileSync(p, 'OLD=1\n', { mode: 0o644 });
    await writeEnvFiles([{ path: p, content: 'A=2\n' }], { force: true });
    expect(readFileSync(p, 'utf8')).toBe('A=2\n');
    expect(lstatSync(p).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['out.env']);
  });

  it('two files: the first refusal at the move leaves the next one unwritten', async () => {
    const env = join(dir, 'out.env');
    const secrets = join(dir, 'secrets.env');
    writeFileSync(env, 'OLD=1\n');
    await expect(writeEnvFiles([{ path: env, content: 'A=1\n' }, { path: secrets, content: 'S=1\n' }])).rejects.toThrow(/refusing to overwrite/);
    expect(readdirSync(dir)).toEqual(['out.env']);
    expect(readFileSync(env, 'utf8')).toBe('OLD=1\n');
  });

  it('a missing folder is a WriteError naming the path', async () => {
    const p = join(dir, 'no', 'such', 'x.env');
    await expect(writeEnvFiles([{ path: p, content: 'A=1\n' }])).rejects.toThrow(new WriteError(`cannot write ${p}: ENOENT`));
  });
});

describe('fileNameFor', () => {
  it.each([
    ['web', 'docker', 'web.env'],
    ['/web', 'docker', 'web.env'],
    ['my_stack_web.1.abc', 'json', 'my_stack_web.1.abc.json'],
    ['../../etc/passwd', 'docker', '__.._etc_passwd.env'],
    ['a b:c', 'compose', 'a_b_c.env'],
  ] as const)('%s → %s', (name, format, expected) => expect(fileNameFor(name, format)).toBe(expected));
});
