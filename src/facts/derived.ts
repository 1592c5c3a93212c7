/**
 * Facts derived from a model (the per-stage environment walk, the go commands of its RUNs),
 * computed once and shared by every rule that asks: a dozen rules walk each file. Keyed by the
 * model object and the function that computes the fact. lintModel forgets a model's facts before
 * it runs the rules, so changes made before that (the link step) are always seen.
 */
const facts = new WeakMap<object, Map<(model: never) => unknown, unknown>>();

export function derived<M extends object, T>(model: M, compute: (model: M) => T): T {
  let m = facts.get(model);
  if (!m) facts.set(model, (m = new Map()));
  if (m.has(compute)) return m.get(compute) as T;
  const value = compute(model);
  m.set(compute, value);
  return value;
}

export function forgetDerived(model: object): void {
  facts.delete(model);
}
