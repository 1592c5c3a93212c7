import { inOrder, limiter, mapLimit } from '../../src/runtime/concurrency';

/** A promise and its resolve function. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('limiter', () => {
  it('runs at most `limit` at once, the waiting ones in call order, even when new calls arrive as slots free up', async () => {
    const run = limiter(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const all = gates.map((g, i) =>
      run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await g.promise;
        running--;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    const late = run(async () => 'late'); // arrives while the freed slot is being handed on
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.resolve();
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4]);
    expect(await late).toBe('late');
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('a rejection frees its slot and reaches the caller', async () => {
    const run = limiter(1);
    const failed = run(async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(run(async () => 'next')).resolves.toBe('next');
  });
});

describe('mapLimit and inOrder', () => {
  it('mapLimit keeps the input order', async () => {
    expect(await mapLimit([30, 10, 20], 2, async (ms, i) => new Promise((r) => setTimeout(() => r(`${i}:${ms}`), ms)))).toEqual(['0:30', '1:10', '2:20']);
  });

  it('inOrder releases each item once all before it arrived', () => {
    const out: string[] = [];
    const push = inOrder<string>((x, i) => out.push(`${i}${x}`));
    push(2, 'c');
    push(1, 'b');
    expect(out).toEqual([]);
    push(0, 'a');
    expect(out).toEqual(['0a', '1b', '2c']);
  });
});
