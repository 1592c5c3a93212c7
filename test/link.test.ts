/** Linking follows the paths compose really reads: `env_file:` with `${VAR:-default}` is linked and its secrets reported. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lintPaths } from '../src/lint';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'godock-link-'));
  mkdirSync(path.join(dir, 'deploy', 'config'), { recursive: true });
  writeFileSync(path.join(dir, 'deploy', 'compose.yaml'), 'services:\n  app:\n    image: alpine\n    env_file:\n      - ${CONF_DIR:-config}/app.vars\n');
  writeFileSync(path.join(dir, 'deploy', 'config', 'app.vars'), 'DB_PASSWORD=Hq7vN2xZ8mK3pR5t-fake\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('env_file links', () => {
  it.each([['.'], ['deploy'], ['deploy/compose.yaml']])('an interpolation default is followed (linting %s)', async (input) => {
    const r = await lintPaths([input], { cwd: dir });
    const f = r.files.find((x) => x.file.endsWith('app.vars'));
    expect(f?.file).toBe('deploy/config/app.vars');
    expect(f?.findings.map((x) => [x.ruleId, x.loc.line])).toEqual([['secret-in-env', 1]]);
  });

  it('from another working directory', async () => {
    const r = await lintPaths(['compose.yaml'], { cwd: path.join(dir, 'deploy') });
    expect(r.files.map((f) => f.file).sort()).toEqual(['compose.yaml', 'config/app.vars']);
  });
});
