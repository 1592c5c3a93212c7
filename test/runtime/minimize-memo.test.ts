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
    const decided = [decide(envOf(0), options)];
    const first = calls() - before; // the four distinct pairs of the first container
    for (let i = 1; i < 30; i++) decided.push(decide(envOf(i), options));
    expect(calls() - before).toBe(first + 2 * perPair); // only REPLICA=1 and REPLICA=2 are new after it
    expect(decided[7]).toEqual({ LOG_LEVEL: 'keep', REPLICA: 'keep', API_TOKEN: 'secret', DATABASE_URL: 'keep' });
    expect(new Set(decided.map((d) => JSON.stringify(d))).size).toBe(1);
    const again = calls();
    decide(envOf(0), { keep: [] }); // another options object: classified afresh
    expect(calls() - again).toBe(first);
  });
});
