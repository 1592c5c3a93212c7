/** Finding and loading `.godock.yaml`: upward from a directory, and per linted file. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { configLookup, findConfig, loadConfig } from '../src/config-file';
import { ConfigError, DEFAULT_CONFIG } from '../src/engine/config';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'godock-config-'));
  mkdirSync(path.join(root, 'a', 'b', 'c'), { recursive: true });
  mkdirSync(path.join(root, 'a', '.godock.yml')); // a directory named like a configuration does not count
  writeFileSync(path.join(root, '.godock.yaml'), 'rules:\n  secret-in-env: warning\n');
  writeFileSync(path.join(root, 'a', 'b', '.godock.yml'), 'rules:\n  secret-in-env: info\n');
  mkdirSync(path.join(root, 'broken'));
  writeFileSync(path.join(root, 'broken', '.godock.yaml'), 'rules:\n  secret-in-env: loud\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findConfig', () => {
  it.each([
    ['.', '.godock.yaml'],
    ['a', '.godock.yaml'],
    ['a/b', 'a/b/.godock.yml'],
    ['a/b/c', 'a/b/.godock.yml'],
  ])('from %s finds %s', async (dir, want) => {
    expect(await findConfig(path.join(root, dir))).toBe(path.join(root, want));
  });
});

describe('configLookup', () => {
  const severity = (c: typeof DEFAULT_CONFIG) => c.rules['secret-in-env']?.severity;

  it('gives each file the nearest configuration upward from it', async () => {
    const lookup = configLookup((abs) => path.relative(root, abs));
    expect(await lookup(path.join(root, 'Dockerfile'))).toEqual({ file: path.join(root, '.godock.yaml'), config: expect.anything() });
    expect(severity((await lookup(path.join(root, 'a', 'Dockerfile'))).config)).toBe('warning');
    expect(severity((await lookup(path.join(root, 'a', 'b', 'c', 'Dockerfile'))).config)).toBe('info');
  });

  it('uses a configuration it is given instead of reading that file again', async () => {
    const given = await loadConfig(null);
    const lookup = configLookup((abs) => abs, { file: path.join(root, '.godock.yaml'), config: given });
    expect((await lookup(path.join(root, 'a', 'Dockerfile'))).config).toBe(given);
    expect(severity((await lookup(path.join(root, 'a', 'b', 'Dockerfile'))).config)).toBe('info');
  });

  it('rejects with the broken file named as shown, at its line', async () => {
    const lookup = configLookup((abs) => path.relative(root, abs));
    await expect(lookup(path.join(root, 'broken', 'Dockerfile'))).rejects.toThrow(ConfigError);
    await expect(lookup(path.join(root, 'broken', 'Dockerfile'))).rejects.toMatchObject({ file: path.join('broken', '.godock.yaml'), line: 2 });
  });
});
