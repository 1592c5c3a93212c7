import { defineRule } from '../src/engine/define-rule';
import type { EnvAssignment, Location } from '../src/model';
import { isGoVar } from '../src/go/env';
import { walkEnv } from '../src/facts/stage-env';

/** `$NAME` / `${NAME…}` references in an ENV value as written, with offsets (escaped `\$` skipped). */
function references(text: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const re = /\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}?|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1] ?? m[2];
    if (name) out.push({ name, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The location of characters [start, end) of the value as written; the whole value when it spans lines. */
function locIn(a: EnvAssignment, start: number, end: number): Location {
  const v = a.valueLoc!;
  if (v.line !== v.endLine) return v;
  const quoted = a.raw !== undefined && /^["']/.test(a.raw) ? 1 : 0;
  return { line: v.line, column: v.column + start - quoted, endLine: v.line, endColumn: v.column + end - quoted };
}

/**
 * One ENV instruction that both sets a Go variable and references it in another key
 * (`ENV GOPATH=/x PATH=$GOPATH/bin:$PATH`): Docker expands every reference of an ENV with the
 * values from before the instruction, so the reference sees the old value (or nothing).
 */
export default defineRule({
  id: 'go-env-self-reference',
  category: 'go-env',
  severity: 'error',
  formats: ['dockerfile'],
  description: 'One ENV sets a Go variable and references it, getting the old value',
  tags: ['go', 'env'],
  messages: {
    stale:
      '${{name}} in {{key}} expands to the value from before this ENV ({{before}}), not to {{value}} set in the same instruction; split it into two ENV instructions.',
    sameValue:
      '${{name}} in {{key}} expands to the value from before this ENV, which happens to equal {{value}}; split it into two ENV instructions so it keeps working when the value changes.',
  },
  check(model, ctx) {
    // Candidates first (one pass), so the environment is only read for the few ENVs that need it.
    const groups = new Map<number, EnvAssignment[]>();
    for (const a of model.assignments) {
      if (a.kind !== 'env' || a.viaOnbuild) continue;
      const list = groups.get(a.group);
      if (list) list.push(a);
      else groups.set(a.group, [a]);
    }
    const hits: { g: number; b: EnvAssignment; r: { name: string; start: number; end: number }; setter: EnvAssignment }[] = [];
    for (const [g, list] of groups) {
      if (list.length < 2) continue;
      for (const b of list) {
        if (!b.valueLoc) continue;
        for (const r of references(b.raw ?? b.value ?? '')) {
          const setter = list.find((a) => a !== b && a.name === r.name);
          if (setter && isGoVar(r.name)) hits.push({ g, b, r, setter });
        }
      }
    }
    if (hits.length === 0) return;
    const wanted = new Set(hits.map((h) => h.g));
    const envBefore = new Map<number, ReadonlyMap<string, string | null>>();
    const expanded = new Map<EnvAssignment, string | null>();
    walkEnv(model, ({ a, env, expanded: x }) => {
      if (a.kind !== 'env' || !wanted.has(a.group)) return;
      if (!envBefore.has(a.group)) envBefore.set(a.group, new Map(env));
      expanded.set(a, x);
    });
    for (const { g, b, r, setter } of hits) {
      const before = envBefore.get(g)?.get(r.name);
      const now = expanded.get(setter) ?? setter.value ?? '';
      const same = typeof before === 'string' && before === now;
      ctx.report({
        loc: locIn(b, r.start, r.end),
        messageId: same ? 'sameValue' : 'stale',
        data: { name: r.name, key: b.name, value: now, before: before === undefined ? 'unset, so empty' : before === null ? 'unknown here' : before || 'empty' },
        ...(same ? { severity: 'info' as const } : {}),
      });
    }
  },
});
