/** Concurrency helpers for `godock env`: bounded parallelism and in-order release. */

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/**
 * Turns results that arrive in any order (`push(index, item)`) into calls of `fn` in index order:
 * item i is released as soon as items 0…i have all arrived.
 */
export function inOrder<T>(fn: (item: T, index: number) => void): (index: number, item: T) => void {
  const arrived = new Map<number, T>();
  let next = 0;
  return (index, item) => {
    arrived.set(index, item);
    while (arrived.has(next)) {
      const it = arrived.get(next)!;
      arrived.delete(next);
      fn(it, next++);
    }
  };
}

/** Returns `run(fn)`: calls `fn` at once while fewer than `limit` run, else when one ends (in call order). */
export function limiter(limit: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finished call hands its slot straight to the next waiting one.
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      release();
    }
  };
}
