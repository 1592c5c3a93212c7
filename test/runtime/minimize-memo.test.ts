import { minimize, type MinimizeOptions } from '../../src/runtime/minimize';
import type { RuntimeEnv } from '../../src/runtime/types';
import { classify } from '../../src/classify';

jest.mock('../../src/classify', () => {
  const actual = jest.requireActual<typeof import('../../src/classify')>('../../src/classify');
  return { ...actual, classify: jest.fn(actual.classify) };
});

const GH = `ghp_${'FAKE'.repeat(9)}`; // well-formed, fake
const calls = (): number => (classify as jest.Mock).mock.calls.length;

function decide(env: string[], o: MinimizeOptions): Record<string, string> {
  const rt: RuntimeEnv = { env, imageEnv: ['PATH=/bin'], tty: false, user: '' };
  return Object.fromEntries(minimize(rt, o).map((d) => [d.name, d.kept ? 'keep' : d.reason!]));
}

describe('minimize: the classifier runs once per distinct pair and options object', () => {
  it('many containers of one deployment: one classification per distinct NAME=VALUE, the same decisions', () => {
    // One decision classifies the pair for itself and in each of lint's secret rules it runs.
    const start = calls();
    decide(['SOME_NAME=x'], { keep: [] });
    const perPair = calls() - start;
    expect(perPair).toBeGreaterThan(0);
    const options: MinimizeOptions = { keep: [] };
    const envOf = (i: number): string[] => ['LOG_LEVEL=debug', `REPLICA=${i % 3}`, `API_TOKEN=${GH}`, 'DATABASE_URL=postgres://db/app'];
    const before = calls();
    const decided = Array.from({ length: 30 }, (_, i) => decide(envOf(i), options));
    expect(calls() - before).toBe((3 + 3) * perPair); // LOG_LEVEL, API_TOKEN, DATABASE_URL, and REPLICA=0, 1, 2
    expect(decided[7]).toEqual({ LOG_LEVEL: 'keep', REPLICA: 'keep', API_TOKEN: 'secret', DATABASE_URL: 'keep' });
    expect(new Set(decided.map((d) => JSON.stringify(d))).size).toBe(1);
    decide(envOf(0), { keep: [] }); // another options object: classified afresh
    expect(calls() - before).toBe((6 + 4) * perPair);
  });
});
