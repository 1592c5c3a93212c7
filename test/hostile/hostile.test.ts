/**
 * Hostile inputs through the real CLI (`node dist/cli.js lint …`), generated fresh into a temp
 * dir. Each must finish within 10 s with exit 0, 1 or 2, print no stack trace or internal error,
 * and name the file (and the line where one makes sense).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cliBuilt, runCli, stackTraceIn, type CliRun } from './cli';
import { readableDist } from '../helpers/dist';

const NOBODY = 65534;

interface Case {
  name: string;
  /** Writes the input under `dir`; returns the CLI arguments after `lint`. */
  setup(dir: string): string[];
  codes: number[];
  /** Each must match stdout+stderr. */
  mentions?: RegExp[];
  asNobody?: boolean;
  format?: string;
}

function write(dir: string, rel: string, data: string | Uint8Array): void {
  const abs = path.join(dir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, data);
}

function aliasBomb(levels: number, width: number): string {
  const out = ['x-l0: &l0 "lol"'];
  for (let i = 1; i <= levels; i++) out.push(`x-l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
  out.push('services:', '  app:', '    image: alpine', '    environment:', `      BOMB: *l${levels}`, '');
  return out.join('\n');
}

function mergeBomb(levels: number): string {
  const out = ['x-m0: &m0 { A: "1", B: "2" }'];
  for (let i = 1; i <= levels; i++) out.push(`x-m${i}: &m${i} { <<: [${Array.from({ length: 8 }, () => `*m${i - 1}`).join(', ')}], K${i}: v }`);
  out.push('services:', '  app:', '    image: alpine', '    environment:', `      <<: *m${levels}`, '');
  return out.join('\n');
}

function utf16(text: string, be: boolean): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (be) le.swap16();
  return le;
}

const SECRET_DF = 'FROM golang:1.22\nENV API_TOKEN=Zq8mR2vK9xLp4Tn7Wb3c\n';

const CASES: Case[] = [
  {
    name: 'YAML alias bomb (billion laughs) in compose.yaml',
    setup: (d) => (write(d, 'compose.yaml', aliasBomb(9, 9)), ['compose.yaml']),
    codes: [2],
    mentions: [/compose\.yaml/, /alias/i],
  },
  {
    name: 'YAML merge-key bomb in compose.yaml',
    setup: (d) => (write(d, 'compose.yaml', mergeBomb(9)), ['compose.yaml']),
    codes: [0, 1, 2],
    mentions: [/compose\.yaml|no problems|0 problems|^$/m],
  },
  {
    name: '5 MB single-line Dockerfile',
    setup: (d) => (write(d, 'Dockerfile', `FROM alpine RUN echo ${'a'.repeat(5 * 1024 * 1024)}`), ['Dockerfile']),
    codes: [0, 1, 2],
  },
  {
    name: '5 MB single-line ENV value',
    setup: (d) => (write(d, 'Dockerfile', `FROM alpine\nENV BIG=${'ab'.repeat(2.5 * 1024 * 1024)}`), ['Dockerfile']),
    codes: [0, 1, 2],
  },
  {
    name: '5 MB single-line env file',
    setup: (d) => (write(d, '.env', `API_TOKEN=${'x9'.repeat(2.5 * 1024 * 1024)}`), ['.env']),
    codes: [0, 1, 2],
  },
  {
    name: '5 MB single-line compose file (flow style)',
    setup: (d) => (write(d, 'compose.yaml', `{services: {app: {image: alpine, environment: {X: "${'y'.repeat(5 * 1024 * 1024)}"}}}}`), ['compose.yaml']),
    codes: [0, 1, 2],
  },
  {
    name: '50 MB Dockerfile is refused above the 10 MiB limit',
    setup: (d) => (write(d, 'Dockerfile', `FROM alpine\n${'RUN echo 0123456789012345678901234567890123456789\n'.repeat(1_050_000)}`), ['Dockerfile']),
    codes: [2],
    mentions: [/Dockerfile/, /10 MiB/],
  },
  {
    name: '50 MB compose file found by directory discovery is refused',
    setup: (d) => (write(d, 'sub/compose.yaml', `services:\n${'  # padding padding padding padding padding padding padding\n'.repeat(900_000)}`), ['.']),
    codes: [2],
    mentions: [/sub\/compose\.yaml/, /10 MiB/],
  },
  {
    name: 'binary file named Dockerfile',
    setup: (d) => {
      const b = Buffer.alloc(64 * 1024);
      for (let i = 0; i < b.length; i++) b[i] = (i * 7919 + 13) & 0xff;
      write(d, 'Dockerfile', b);
      return ['Dockerfile'];
    },
    codes: [2],
    mentions: [/Dockerfile/, /binary/i],
  },
  {
    name: 'NUL byte on line 3 of an env file',
    setup: (d) => (write(d, '.env', 'A=1\nB=2\nC=\0x\n'), ['.env']),
    codes: [2],
    mentions: [/\.env/, /3:1|line 3/, /NUL|binary/i],
  },
  {
    name: 'NUL bytes in a compose file',
    setup: (d) => (write(d, 'compose.yaml', 'services:\n  app:\n    image: "al\0pine"\n'), ['compose.yaml']),
    codes: [2],
    mentions: [/compose\.yaml/, /NUL|binary/i],
  },
  {
    name: 'invalid UTF-8 on line 3 of a Dockerfile',
    setup: (d) => (write(d, 'Dockerfile', Buffer.concat([Buffer.from('FROM alpine\nENV A=1\nRUN echo '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n')])), ['Dockerfile']),
    codes: [2],
    mentions: [/Dockerfile/, /3:1|line 3/, /UTF-8/],
  },
  {
    name: 'truncated UTF-8 sequence at the end of an env file',
    setup: (d) => (write(d, 'app.env', Buffer.concat([Buffer.from('A=1\nB=caf'), Buffer.from([0xc3])])), ['app.env']),
    codes: [2],
    mentions: [/app\.env/, /2:1|line 2/, /UTF-8/],
  },
  {
    name: 'UTF-16 LE Dockerfile with BOM is decoded and linted',
    setup: (d) => (write(d, 'Dockerfile', utf16(SECRET_DF, false)), ['Dockerfile']),
    codes: [1],
    mentions: [/Dockerfile/, /2:\d+/, /API_TOKEN/],
  },
  {
    name: 'UTF-16 BE env file with BOM is decoded and linted',
    setup: (d) => (write(d, '.env', utf16('API_TOKEN=Zq8mR2vK9xLp4Tn7Wb3c\n', true)), ['.env']),
    codes: [1],
    mentions: [/\.env/, /1:\d+/, /API_TOKEN/],
  },
  {
    name: 'UTF-16 with an odd byte count',
    setup: (d) => (write(d, 'Dockerfile', Buffer.concat([utf16('FROM alpine\n', false), Buffer.from([0x41])])), ['Dockerfile']),
    codes: [0, 1, 2],
  },
  {
    name: 'deeply nested YAML flow sequences (100,000 levels)',
    setup: (d) => (write(d, 'compose.yaml', `services:\n  app:\n    image: alpine\n    x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), ['compose.yaml']),
    codes: [0, 1, 2],
    mentions: [/compose\.yaml|0 problems|no problems|^$/m],
  },
  {
    name: 'deeply nested YAML flow mappings, unclosed',
    setup: (d) => (write(d, 'compose.yaml', `services: ${'{a: '.repeat(50_000)}\n`), ['compose.yaml']),
    codes: [2],
    mentions: [/compose\.yaml/],
  },
  {
    name: 'deeply nested YAML block mappings (2,000 levels)',
    setup: (d) => (write(d, 'compose.yaml', `services:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} v\n`), ['compose.yaml']),
    codes: [0, 1, 2],
  },
  {
    name: 'deeply nested block sequences (20,000 levels)',
    setup: (d) => (write(d, 'docker-compose.yml', `services:\n  app:\n    environment:\n      X: ${'- '.repeat(20_000)}v\n`), ['docker-compose.yml']),
    codes: [0, 1, 2],
  },
  {
    name: '100,000 ENV lines',
    setup: (d) => (write(d, 'Dockerfile', `FROM golang:1.22\n${Array.from({ length: 100_000 }, (_, i) => `ENV VAR_${i}=value_${i}`).join('\n')}\n`), ['Dockerfile']),
    codes: [0, 1],
  },
  {
    name: '100,000 ENV lines with secrets (100,000 findings)',
    setup: (d) => (write(d, 'Dockerfile', `FROM alpine\n${Array.from({ length: 100_000 }, (_, i) => `ENV DB_PASSWORD_${i}=Zq8mR2vK9xLp${i}`).join('\n')}\n`), ['Dockerfile']),
    codes: [1],
    format: 'json',
  },
  {
    name: '100,000 lines in an env file',
    setup: (d) => (write(d, '.env', Array.from({ length: 100_000 }, (_, i) => `VAR_${i}="value ${i}"`).join('\n')), ['.env']),
    codes: [0, 1],
  },
  {
    name: '100,000 line continuations in one RUN',
    setup: (d) => (write(d, 'Dockerfile', `FROM alpine\nRUN ${'echo x \\\n'.repeat(100_000)}true\n`), ['Dockerfile']),
    codes: [0, 1],
  },
  {
    name: '10,000 unterminated heredocs',
    setup: (d) => (write(d, 'Dockerfile', `FROM alpine\n${'RUN <<EOF cat <<EOT\n'.repeat(10_000)}`), ['Dockerfile']),
    codes: [0, 1, 2],
  },
  {
    name: 'symlink loops during directory discovery',
    setup: (d) => {
      mkdirSync(path.join(d, 'proj/sub'), { recursive: true });
      write(d, 'proj/Dockerfile', 'FROM alpine\n');
      symlinkSync('Dockerfile.a', path.join(d, 'proj/Dockerfile.b'));
      symlinkSync('Dockerfile.b', path.join(d, 'proj/Dockerfile.a'));
      symlinkSync('compose.yaml', path.join(d, 'proj/compose.yaml'));
      symlinkSync('..', path.join(d, 'proj/sub/up'));
      symlinkSync(path.join(d, 'proj'), path.join(d, 'proj/sub/root'));
      return ['proj'];
    },
    codes: [0, 2],
    mentions: [/compose\.yaml/, /symbolic link|loop/i],
  },
  {
    name: 'a symlink loop given as an explicit argument',
    setup: (d) => {
      symlinkSync('loop2', path.join(d, 'loop1'));
      symlinkSync('loop1', path.join(d, 'loop2'));
      return ['loop1'];
    },
    codes: [2],
    mentions: [/loop1/, /symbolic links|loop/i],
  },
  {
    name: 'a glob walking into a symlink loop',
    setup: (d) => {
      mkdirSync(path.join(d, 'g'), { recursive: true });
      write(d, 'g/a/Dockerfile', 'FROM alpine\n');
      symlinkSync('..', path.join(d, 'g/a/back'));
      return ['g/**/Dockerfile'];
    },
    codes: [0],
  },
  {
    name: 'unreadable file during discovery (as nobody)',
    asNobody: true,
    setup: (d) => {
      write(d, 'proj/Dockerfile', 'FROM alpine\n');
      write(d, 'proj/svc/Dockerfile', 'FROM alpine\n');
      chmodSync(path.join(d, 'proj/svc/Dockerfile'), 0o000);
      return ['proj'];
    },
    codes: [2],
    mentions: [/proj\/svc\/Dockerfile/, /permission denied/],
  },
  {
    name: 'unreadable directory during discovery (as nobody)',
    asNobody: true,
    setup: (d) => {
      write(d, 'proj/Dockerfile', 'FROM alpine\n');
      write(d, 'proj/locked/Dockerfile', 'FROM alpine\n');
      chmodSync(path.join(d, 'proj/locked'), 0o000);
      return ['proj'];
    },
    codes: [2],
    mentions: [/proj\/locked/, /permission denied/],
  },
  {
    name: 'unreadable explicit file (as nobody)',
    asNobody: true,
    setup: (d) => {
      write(d, 'secret.env', 'A=1\n');
      chmodSync(path.join(d, 'secret.env'), 0o000);
      return ['secret.env'];
    },
    codes: [2],
    mentions: [/secret\.env/, /permission denied/],
  },
  {
    name: 'a directory named like a Dockerfile',
    setup: (d) => (mkdirSync(path.join(d, 'x/Dockerfile'), { recursive: true }), ['x/Dockerfile']),
    codes: [0, 2],
  },
  {
    name: 'a FIFO named like a Dockerfile is not read',
    setup: (d) => {
      const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
      execFileSync('mkfifo', [path.join(d, 'Dockerfile')]);
      return ['Dockerfile'];
    },
    codes: [2],
    mentions: [/Dockerfile/, /regular file/],
  },
  {
    name: 'a 4 GiB (sparse) Dockerfile is refused by its size, without reading it',
    setup: (d) => {
      const { closeSync, ftruncateSync, openSync } = require('node:fs') as typeof import('node:fs');
      const fd = openSync(path.join(d, 'Dockerfile'), 'w');
      ftruncateSync(fd, 4 * 1024 ** 3);
      closeSync(fd);
      return ['Dockerfile'];
    },
    codes: [2],
    mentions: [/Dockerfile/, /larger than 10 MiB \(4294967296 bytes\)/],
  },
  {
    name: 'unreadable nested .godock.yaml (as nobody) is a config error naming it',
    asNobody: true,
    setup: (d) => {
      write(d, 'proj/Dockerfile', 'FROM alpine\n');
      write(d, 'proj/sub/Dockerfile', 'FROM alpine\n');
      write(d, 'proj/sub/.godock.yaml', 'fail-level: error\n');
      chmodSync(path.join(d, 'proj/sub/.godock.yaml'), 0o000);
      return ['proj'];
    },
    codes: [2],
    mentions: [/proj\/sub\/\.godock\.yaml:1: cannot read configuration: permission denied/],
  },
  {
    name: 'nested .godock.yaml with an alias to no anchor',
    setup: (d) => (write(d, 'proj/Dockerfile', 'FROM alpine\n'), write(d, 'proj/sub/Dockerfile', 'FROM alpine\n'), write(d, 'proj/sub/.godock.yaml', 'rules: *nowhere\n'), ['proj']),
    codes: [2],
    mentions: [/proj\/sub\/\.godock\.yaml:1: invalid YAML/],
  },
  {
    name: 'nested .godock.yaml with NUL bytes',
    setup: (d) => (write(d, 'proj/sub/Dockerfile', 'FROM alpine\n'), write(d, 'proj/sub/.godock.yaml', 'fail-level: error\n\0\0\0\n'), ['proj']),
    codes: [2],
    mentions: [/proj\/sub\/\.godock\.yaml:2: not a usable configuration: binary file/],
  },
  {
    name: 'a 4 GiB (sparse) nested .godock.yaml is refused by its size, without reading it',
    setup: (d) => {
      const { closeSync, ftruncateSync, openSync } = require('node:fs') as typeof import('node:fs');
      write(d, 'proj/Dockerfile', 'FROM alpine\n');
      const fd = openSync(path.join(d, 'proj/.godock.yaml'), 'w');
      ftruncateSync(fd, 4 * 1024 ** 3);
      closeSync(fd);
      return ['proj'];
    },
    codes: [2],
    mentions: [/proj\/\.godock\.yaml:1: not a usable configuration: file is larger than 10 MiB \(4294967296 bytes\)/],
  },
  {
    name: 'UTF-16 nested .godock.yaml with a BOM is decoded and applies',
    setup: (d) => (write(d, 'proj/Dockerfile', SECRET_DF), write(d, 'proj/.godock.yaml', utf16('rules:\n  secret-in-env: off\n', false)), ['proj']),
    codes: [0],
  },
];

const ROOT = process.getuid?.() === 0;

describe('hostile inputs through the CLI', () => {
  let base: string;
  let copy: ReturnType<typeof readableDist> | undefined;
  beforeAll(() => {
    if (!cliBuilt()) throw new Error('dist/cli.js is missing: run `npm run build` first');
    base = mkdtempSync(path.join(tmpdir(), 'godock-hostile-'));
    chmodSync(base, 0o755);
    if (ROOT) copy = readableDist();
  });
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
    copy?.dispose();
  });

  let n = 0;
  for (const c of CASES) {
    it(c.name, () => {
      const dir = path.join(base, String(n++));
      mkdirSync(dir, { recursive: true });
      const args = c.setup(dir);
      // chmod 000 does not stop root: run those cases as nobody (a non-root user needs no switch).
      const uid = c.asNobody && ROOT ? NOBODY : undefined;
      const r: CliRun = runCli(['lint', ...args, '--no-color', ...(c.format ? ['-f', c.format] : [])], { cwd: dir, timeoutMs: 10_000, ...(uid === undefined ? {} : { uid, cli: copy!.cli }) });
      const out = `${r.stdout}\n${r.stderr}`;
      expect({ timedOut: r.timedOut, signal: r.signal }).toEqual({ timedOut: false, signal: null });
      expect(r.ms).toBeLessThan(10_000);
      expect(stackTraceIn(out)).toBeNull();
      expect(out).not.toMatch(/internal error/i);
      expect(c.codes).toContain(r.status);
      for (const m of c.mentions ?? []) expect(out).toMatch(m);
    }, 30_000);
  }
});
