/**
 * The `godock env` report holds names, reasons and paths, never a value: a one-character secret
 * does not garble it, `--report json` stays valid JSON, names are shown as names, and control
 * characters from a container's variable names reach the terminal only as visible escapes.
 */
import { PassThrough } from 'node:stream';
import { runEnv } from '../../src/commands/env';
import type { ContainerInspectData, EngineClient } from '../../src/runtime/types';

let env: string[] = [];
jest.mock('../../src/runtime/docker', () => ({
  connectEngine: async (): Promise<EngineClient & { apiVersion: string }> => ({
    apiVersion: '1.41',
    listContainers: async () => [{ Id: 'c1', Names: ['/web'] }],
    inspectContainer: async (): Promise<ContainerInspectData> => ({ Id: 'c1'.padEnd(64, '0'), Name: '/web', Image: 'sha256:img', Config: { Env: env, Tty: false, User: '' } }),
    inspectImage: async () => ({ Id: 'sha256:img', Config: { Env: ['PATH=/bin'] } }),
    inspectService: async () => {
      throw new Error('no services here');
    },
  }),
}));

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

describe('godock env report safety', () => {
  it('a one-character secret masks nothing else; the JSON report stays valid', async () => {
    env = ['DB_PASSWORD=e', 'APP_MODE=release', 'PATH=/bin'];
    const text = await run(['web']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('APP_MODE=release\n');
    expect(text.stderr).toContain('web (container c10000000000) -> stdout: 1 kept, 2 dropped');
    expect(text.stderr).toMatch(/DB_PASSWORD\s+secret: secret name \(password\)/);
    expect(text.stderr).not.toContain('****');
    const json = await run(['web', '--report', 'json']);
    const rep = JSON.parse(json.stderr) as { ok: boolean; targets: { kept: string[]; dropped: { name: string }[] }[] };
    expect(rep.ok).toBe(true);
    expect(rep.targets[0]!.kept).toEqual(['APP_MODE']);
  });

  it('names from the container are shown as names, controls made visible', async () => {
    env = ['GITEA__database__PASSWD=fake-pw-1', 'EVIL\u001b[2J\u001b]0;x\u0007_TOKEN=fake-tok-2', 'OK=1'];
    const r = await run(['web']);
    expect(r.stderr).toMatch(/GITEA__database__PASSWD\s+secret/);
    expect(r.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(r.stderr).toContain('"EVIL\\e[2J\\e]0;x\\x07_TOKEN"');
    expect(r.stderr).not.toMatch(/fake-pw-1|fake-tok-2/);
  });
});
