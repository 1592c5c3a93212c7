import { defineRule } from '../src/engine/define-rule';
import type { EnvAssignment, Location } from '../src/model';
import { scanComposeValue, type InterpolationRef } from '../src/text/interpolation';

/**
 * Variables whose host value is wrong inside a container: the Go toolchain's directories and the
 * search path/home they derive from. `docker compose` substitutes `$NAME` / `${NAME…}` in the
 * compose file from the shell that runs it, so the container receives the host's value.
 */
export const HOST_ONLY_VARS = ['GOPATH', 'GOROOT', 'GOBIN', 'GOCACHE', 'GOMODCACHE', 'GOENV', 'GOTMPDIR', 'PATH', 'HOME'];

/**
 * Where in the file reference `r` of assignment `a` sits: exact when the value is written as-is
 * (plain, or quoted without escapes) on one line, else the whole value.
 */
function refLoc(a: EnvAssignment, r: InterpolationRef): Location {
  const v = a.valueLoc!;
  const raw = a.raw;
  const asIs = raw === undefined || (raw.length === (a.value ?? '').length + 2 && raw.slice(1, -1) === a.value);
  if (!asIs || v.endLine !== v.line) return v;
  return { line: v.line, column: v.column + r.start, endLine: v.line, endColumn: v.column + r.end };
}

export default defineRule({
  id: 'compose-host-interpolation',
  category: 'go-env',
  severity: 'warning',
  formats: ['compose'],
  description: 'Compose value takes a toolchain path variable from the host',
  tags: ['compose', 'go'],
  defaultOptions: { names: HOST_ONLY_VARS },
  messages: {
    hostValue:
      '{{ref}} in {{name}} is filled in from the host shell when docker compose reads the file, so the container gets the host\'s {{ref}}, not its own. Write ${{ref}} to leave it to the container, or write the container path.',
  },
  check(model, ctx) {
    const names = new Set((ctx.options.names as string[] | undefined) ?? HOST_ONLY_VARS);
    for (const a of model.assignments) {
      if ((a.kind !== 'environment' && a.kind !== 'build-arg') || a.value === null || !a.valueLoc) continue;
      for (const r of scanComposeValue(a.value).refs) {
        if (!names.has(r.name)) continue;
        ctx.report({ loc: refLoc(a, r), messageId: 'hostValue', data: { name: a.name, ref: `$${r.name}` } });
      }
    }
  },
});
