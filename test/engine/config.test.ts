import { ConfigError, resolveConfig } from '../../src/engine/config';

const known = new Set(['secret-in-env', 'go-module-mode']);

describe('resolveConfig', () => {
  it('resolves a full configuration', () => {
    const c = resolveConfig(
      {
        rules: { 'secret-in-env': { severity: 'warning', options: { x: 1 } }, 'go-module-mode': 'off' },
        secrets: { 'extra-words': ['PIN'], 'extra-suffixes': ['_CERT'], 'allow-names': ['SORT_KEY', 'LEGACY_*'] },
        go: { 'trusted-proxies': ['goproxy.corp.example'] },
        ignore: ['third_party/**'],
        'fail-level': 'error',
      },
      '.godock.yaml',
      known,
    );
    expect(c.rules).toEqual({ 'secret-in-env': { severity: 'warning', options: { x: 1 } }, 'go-module-mode': { severity: 'off' } });
    expect(c.classify).toEqual({ extraWords: ['pin', 'cert'], allowNames: ['SORT_KEY', 'LEGACY_*'] });
    expect(c.trustedProxies).toEqual(['goproxy.corp.example']);
    expect(c.ignore).toEqual(['third_party/**']);
    expect(c.failLevel).toBe('error');
  });

  it.each([
    [{ rulez: {} }, 'rulez: unknown key'],
    [{ rules: { 'no-such-rule': 'off' } }, 'rules.no-such-rule: unknown rule'],
    [{ rules: { 'secret-in-env': 'loud' } }, 'rules.secret-in-env: must be one of'],
    [{ rules: { 'secret-in-env': { level: 'error' } } }, 'rules.secret-in-env.level: unknown key'],
    [{ secrets: { 'extra-words': 'pin' } }, 'secrets.extra-words: must be a list'],
    [{ 'fail-level': 'fatal' }, 'fail-level: must be one of'],
    [['a'], '(root): the configuration must be a mapping'],
  ])('refuses %j', (raw, message) => {
    let err: unknown;
    try {
      resolveConfig(raw, '.godock.yaml', known, { lineOf: (p) => p.length + 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain(message);
    expect((err as ConfigError).file).toBe('.godock.yaml');
  });
});
