import { minimize, keptOf, secretsOf, splitEnvEntry, type MinimizeOptions } from '../../src/runtime/minimize';
import type { RuntimeEnv } from '../../src/runtime/types';
import container from '../../samples/runtime/container-web.json';
import image from '../../samples/runtime/image-fixture.json';

const GH = `ghp_${'FAKE'.repeat(9)}`; // well-formed, fake

function rt(env: string[], over: Partial<RuntimeEnv> = {}): RuntimeEnv {
  return { env, imageEnv: ['PATH=/usr/bin:/bin', 'LANG=C.UTF-8', 'APP_MODE=production'], tty: false, user: '', ...over };
}

/** name → reason ('keep' when kept). */
function decide(r: RuntimeEnv, o: MinimizeOptions = {}): Record<string, string> {
  return Object.fromEntries(minimize(r, o).map((d) => [d.name, d.kept ? 'keep' : d.reason!]));
}

describe('splitEnvEntry', () => {
  it.each([
    ['A=1', 'A', '1'],
    ['A==b=c', 'A', '=b=c'],
    ['A=', 'A', ''],
    ['A', 'A', null],
  ])('%s', (entry, name, value) => expect(splitEnvEntry(entry)).toEqual({ name, value }));
});

describe('minimize: one rule at a time', () => {
  it.each<[string, string[], Partial<RuntimeEnv>, MinimizeOptions, Record<string, string>]>([
    ['plain settings are kept', ['LOG_LEVEL=debug', 'DATABASE_URL=postgres://db/app'], {}, {}, { LOG_LEVEL: 'keep', DATABASE_URL: 'keep' }],
    ['image default (same name and value) dropped', ['LANG=C.UTF-8'], {}, {}, { LANG: 'image-default' }],
    ['overridden image default kept', ['APP_MODE=staging'], {}, {}, { APP_MODE: 'keep' }],
    ['--keep-image-defaults keeps it', ['LANG=C.UTF-8'], {}, { keepImageDefaults: true }, { LANG: 'keep' }],
    ['no image env: nothing is an image default', ['LANG=C.UTF-8'], { imageEnv: null }, {}, { LANG: 'keep' }],
    ['PATH equal to the image PATH is engine', ['PATH=/usr/bin:/bin'], {}, { keepImageDefaults: true }, { PATH: 'engine' }],
    ['PATH changed by the user is kept', ['PATH=/opt/app/bin:/usr/bin:/bin'], {}, {}, { PATH: 'keep' }],
    ['HOSTNAME always engine', ['HOSTNAME=abc123'], {}, {}, { HOSTNAME: 'engine' }],
    ['TERM with a TTY is engine', ['TERM=xterm'], { tty: true }, {}, { TERM: 'engine' }],
    ['TERM without a TTY is the user\'s', ['TERM=xterm-256color'], { tty: false }, {}, { TERM: 'keep' }],
    ['HOME=/root for root is engine', ['HOME=/root'], { user: '' }, {}, { HOME: 'engine' }],
    ['HOME=/root for uid 0:0 is engine', ['HOME=/root'], { user: '0:0' }, {}, { HOME: 'engine' }],
    ['HOME=/ is engine', ['HOME=/'], { user: 'app' }, {}, { HOME: 'engine' }],
    ['HOME elsewhere is kept', ['HOME=/srv/app'], { user: 'app' }, {}, { HOME: 'keep' }],
    ['entry without = is unset', ['ORPHAN'], {}, {}, { ORPHAN: 'unset' }],
    ['_SECRET suffix is secret', ['SESSION_SECRET=abcdefghijkl'], {}, {}, { SESSION_SECRET: 'secret' }],
    ['_KEY suffix is secret', ['API_KEY=abcdefghijkl'], {}, {}, { API_KEY: 'secret' }],
    ['_TOKEN suffix is secret', ['WORKER_TOKEN=abcdefghijkl'], {}, {}, { WORKER_TOKEN: 'secret' }],
    ['_PASSWORD/_PASSWD/_PWD are secret', ['DB_PASSWORD=x1y2z3w4', 'FTP_PASSWD=x1y2z3w4', 'SMB_PWD=x1y2z3w4'], {}, {}, { DB_PASSWORD: 'secret', FTP_PASSWD: 'secret', SMB_PWD: 'secret' }],
    ['empty secret is still a secret slot', ['API_KEY='], {}, {}, { API_KEY: 'secret' }],
    ['PUBLIC_KEY is exempt', ['PUBLIC_KEY=ssh-ed25519-public'], {}, {}, { PUBLIC_KEY: 'keep' }],
    ['*_FILE is exempt', ['DB_PASSWORD_FILE=/run/secrets/db'], {}, {}, { DB_PASSWORD_FILE: 'keep' }],
    ['*_VERSION is exempt', ['API_KEY_VERSION=3'], {}, {}, { API_KEY_VERSION: 'keep' }],
    ['secret-shaped value under any name', [`GREETING=${GH}`], {}, {}, { GREETING: 'secret' }],
    ['--drop-suffix replaces the suffix list, not lint\'s verdict', ['API_KEY=abcdefghijkl', 'MY_CRED=abcdefghijkl', 'BUILD_PWD=abcdefghijkl'], {}, { suffixes: ['_CRED'] }, { API_KEY: 'secret', MY_CRED: 'secret', BUILD_PWD: 'secret' }],
    ['a suffix lint does not know still drops', ['APP_CRED=plainvalue'], {}, { suffixes: ['_CRED'] }, { APP_CRED: 'secret' }],
    ['--drop glob', ['DEBUG_A=1', 'DEBUG_B=2', 'APP=x'], {}, { drop: ['DEBUG_*'] }, { DEBUG_A: 'drop-glob', DEBUG_B: 'drop-glob', APP: 'keep' }],
    ['--only allowlist', ['APP_A=1', 'OTHER=2'], {}, { only: ['APP_*'] }, { APP_A: 'keep', OTHER: 'not-allowed' }],
    ['--keep wins over --only and --drop', ['OTHER=2'], {}, { only: ['APP_*'], drop: ['OTHER'], keep: ['OTHER'] }, { OTHER: 'keep' }],
    ['--keep wins over image default and engine', ['LANG=C.UTF-8', 'HOSTNAME=h'], {}, { keep: ['LANG', 'HOSTNAME'] }, { LANG: 'keep', HOSTNAME: 'keep' }],
    ['--keep exempts a secret name', ['SORT_KEY=name'], {}, { keep: ['SORT_KEY'] }, { SORT_KEY: 'keep' }],
    ['--keep never keeps a secret-shaped value', [`SORT_KEY=${GH}`], {}, { keep: ['SORT_KEY'] }, { SORT_KEY: 'secret' }],
    ['--only applies before the secret filter', ['API_KEY=abcdefghijkl'], {}, { only: ['APP_*'] }, { API_KEY: 'not-allowed' }],
  ])('%s', (_t, env, over, opts, expected) => {
    expect(decide(rt(env, over), opts)).toEqual(expected);
  });
});

describe('minimize: duplicates and order', () => {
  it('keeps container order and lets the later duplicate win', () => {
    const d = minimize(rt(['B=1', 'A=1', 'B=2', 'C=3']));
    expect(d.map((x) => [x.name, x.value, x.kept ? 'keep' : x.reason])).toEqual([
      ['B', '1', 'overridden'],
      ['A', '1', 'keep'],
      ['B', '2', 'keep'],
      ['C', '3', 'keep'],
    ]);
  });

  it('details never contain a value', () => {
    const values = ['abcdefghijkl', GH, 'C.UTF-8', '/usr/bin:/bin'];
    const d = minimize(rt([`API_KEY=${values[0]}`, `X=${GH}`, 'LANG=C.UTF-8', 'PATH=/usr/bin:/bin']));
    for (const x of d) for (const v of values) expect(x.detail ?? '').not.toContain(v);
    expect(d.every((x) => !x.kept && x.detail)).toBe(true);
  });
});

describe('minimize: the recorded container (samples/runtime)', () => {
  const r: RuntimeEnv = {
    env: container.Config.Env,
    imageEnv: image.Config.Env,
    tty: container.Config.Tty,
    user: container.Config.User,
  };
  it('keeps exactly the deploy settings, in container order', () => {
    const d = minimize(r);
    expect(keptOf(d).map((x) => `${x.name}=${x.value}`)).toEqual([
      'PUBLIC_KEY=ssh-ed25519-public-not-secret',
      'CACHE_URL=https://cdn.example.com',
      'BUILD_VERSION=1.2.3',
      'DB_PASSWORD_FILE=/run/secrets/db',
      'LOG_LEVEL=debug',
      'DATABASE_URL=postgres://db:5432/app',
    ]);
    expect(secretsOf(d).map((x) => x.name)).toEqual(['API_KEY', 'SESSION_SECRET', 'GITHUB_TOKEN']);
    expect(Object.fromEntries(d.filter((x) => !x.kept && x.reason !== 'secret').map((x) => [x.name, x.reason]))).toEqual({
      APP_MODE: 'image-default',
      PATH: 'engine',
      LANG: 'image-default',
    });
  });
  it('the image was inspected by id: the container records it', () => {
    expect(container.Image).toBe(image.Id);
  });
});

describe('options objects reused across targets', () => {
  it('each options object keeps its own suffixes, globs and allow-list, however they are interleaved', () => {
    const env = rt(['MY_PWD=x1', 'SERVICE_TOKEN=x2', 'APP_NAME=web', 'FEATURE_X=1']);
    const pwdOnly: MinimizeOptions = { suffixes: ['_PWD'], drop: ['FEATURE_*'] };
    const defaults: MinimizeOptions = { keep: ['SERVICE_*'] };
    const expectPwdOnly = { MY_PWD: 'secret', SERVICE_TOKEN: 'secret', APP_NAME: 'keep', FEATURE_X: 'drop-glob' };
    const expectDefaults = { MY_PWD: 'secret', SERVICE_TOKEN: 'keep', APP_NAME: 'keep', FEATURE_X: 'keep' };
    for (let i = 0; i < 3; i++) {
      expect(decide(env, pwdOnly)).toEqual(expectPwdOnly);
      expect(decide(env, defaults)).toEqual(expectDefaults);
      expect(decide(env)).toEqual({ ...expectDefaults, SERVICE_TOKEN: 'secret' });
    }
  });
});
