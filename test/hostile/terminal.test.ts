/**
 * What the CLI prints cannot act on the terminal or the process around it: control characters
 * from file names and values are shown as escapes, a reader that closes the pipe early ends
 * godock quietly, and a docker host's credentials are never echoed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, runCli, stackTraceIn } from './cli';
import { ensureBuilt } from '../helpers/dist';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'godock-terminal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('terminal safety', () => {
  it('control characters in file names and values are made visible in every human format', () => {
    const sub = mkdtempSync(path.join(dir, 'ctl-'));
    writeFileSync(path.join(sub, 'Dockerfile.\u001b[2Jx'), 'FROM golang:1.22\nENV GO111MODULE="\u001b]0;pwned\u0007off\r"\nENV API_TOKEN=Zr8kQ3mW7vN2pL5x-fake\n');
    for (const format of ['stylish', 'github', 'checkstyle', 'codeclimate', 'json', 'sarif']) {
      const r = runCli(['lint', '.', '-f', format, '--no-color'], { cwd: sub });
      expect(r.status).toBe(1);
      expect({ format, raw: /[\u0000-\u0008\u000b-\u001f\u007f]/.test(r.stdout + r.stderr) }).toEqual({ format, raw: false });
    }
    const stylish = runCli(['lint', '.', '--no-color'], { cwd: sub });
    expect(stylish.stdout).toContain('Dockerfile.\\e[2Jx');
  });

  it('a configuration error names its file safely', () => {
    const sub = mkdtempSync(path.join(dir, 'conf-'));
    const nested = path.join(sub, 'svc\u001b]0;pwned\u0007');
    mkdirSync(nested);
    writeFileSync(path.join(nested, '.godock.yaml'), 'rules: [\n');
    writeFileSync(path.join(nested, 'Dockerfile'), 'FROM alpine\n');
    const r = runCli(['lint', '.', '--no-color'], { cwd: sub });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^godock: svc\\e\]0;pwned\\x07\/\.godock\.yaml:\d+: /);
    expect(r.stderr).not.toMatch(/[\u001b\u0007]/);
  });

  it('closing stdout early is quiet: no EPIPE stack trace', () => {
    const sub = mkdtempSync(path.join(dir, 'pipe-'));
    for (let i = 0; i < 400; i++) writeFileSync(path.join(sub, `${i}.env`), `API_TOKEN_${i}=Zr8kQ3mW7vN2pL5x-fake${i}\n`);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" lint . --no-color | head -1`], { cwd: sub, encoding: 'utf8', timeout: 30_000 });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stackTraceIn(r.stderr)).toBeNull();
    expect(r.stderr).toBe('');
  });

  it("a docker host's credentials are masked in connection errors", () => {
    const r = runCli(['env', 'web', '-H', 'tcp://deploy:Hq7vN2xZ8mK3pR5t@127.0.0.1:1', '--timeout', '2'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^godock env: /);
    expect(r.stderr).toContain('tcp://');
    expect(r.stderr).not.toMatch(/Hq7vN2xZ|deploy:Hq/);
    expect(stackTraceIn(r.stderr)).toBeNull();
  });
});
