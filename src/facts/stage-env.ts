/**
 * The effective environment of each Dockerfile stage or compose service, walked in file order:
 * the image's known defaults (official golang image: GOPATH=/go, GOTOOLCHAIN=local, PATH),
 * inherited from parent stages, then ENV (and ARG, for expansion) as written, with static `$VAR`
 * expansion where possible and `null` (unknown) where not. O(n) over the assignments.
 */
import type { EnvAssignment, FileModel, Scope } from '../model';
import { GOLANG_IMAGE_ENV, GOLANG_WINDOWS_IMAGE_ENV } from '../go/image';
import { expand } from '../text/expand';
import { derived } from './derived';

export interface EnvVisit {
  /** The assignment being visited. */
  a: EnvAssignment;
  /** The stage or service it belongs to (for env files: the first golang service that loads it). */
  scope: Scope | undefined;
  /** Persistent environment (ENV / environment / env-file) in effect just before `a`. */
  env: ReadonlyMap<string, string | null>;
  /** `a.value` with `$VAR` references expanded statically against env and build args; null when unknown. */
  expanded: string | null;
}

function imageDefaults(scope: Scope | undefined): Map<string, string | null> {
  const m = new Map<string, string | null>();
  if (!scope?.golang) return m;
  const defaults = scope.windows ? GOLANG_WINDOWS_IMAGE_ENV : GOLANG_IMAGE_ENV;
  for (const [k, v] of Object.entries(defaults)) m.set(k, v);
  return m;
}

function scopeOf(model: FileModel, a: EnvAssignment, byName: Map<string, Scope>): Scope | undefined {
  if (a.scope !== undefined) return byName.get(a.scope);
  if (model.format === 'env-file' && a.services) {
    const services = a.services.map((s) => byName.get(s)).filter((s): s is Scope => !!s);
    return services.find((s) => s.golang) ?? services[0];
  }
  return undefined;
}

interface Step {
  a: EnvAssignment;
  scope: Scope | undefined;
  /** The environment it belongs to: its stage/service, `env:<service>` for env files, '' outside any. */
  key: string;
  expanded: string | null;
}

function envFactory() {
  const envs = new Map<string, Map<string, string | null>>();
  // A stage's environment is created at its first assignment: its parent (earlier in the file)
  // is complete by then.
  const envFor = (key: string, scope: Scope | undefined): Map<string, string | null> => {
    let e = envs.get(key);
    if (!e) {
      const parent = scope?.parent !== undefined ? envs.get(scope.parent) : undefined;
      e = parent ? new Map(parent) : imageDefaults(scope);
      envs.set(key, e);
    }
    return e;
  };
  return { envs, envFor };
}

const PERSISTENT = new Set<EnvAssignment['kind']>(['env', 'environment', 'env-file']);

/** The walk's per-assignment facts (scope, environment, expanded value): expansion is the costly part, done once per model. */
function computeSteps(model: FileModel): Step[] {
  const byName = new Map(model.scopes.map((s) => [s.name, s] as const));
  const { envFor } = envFactory();
  const args = new Map<string, Map<string, string | null>>();
  const steps: Step[] = [];
  for (const a of model.assignments) {
    const scope = scopeOf(model, a, byName);
    const key = a.scope ?? (model.format === 'env-file' ? `env:${scope?.name ?? ''}` : '');
    const env = envFor(key, scope);
    let argMap = args.get(key);
    if (!argMap) args.set(key, (argMap = new Map()));
    const am = argMap;
    // ENV wins over a build arg of the same name (Dockerfile semantics).
    const vars = am.size
      ? ({ has: (k: string) => env.has(k) || am.has(k), get: (k: string) => (env.has(k) ? env.get(k) : am.get(k)) } as ReadonlyMap<string, string | null>)
      : env;
    const expanded = a.value === null ? null : a.kind === 'env-file' || a.kind === 'environment' ? a.value : expand(a.value, vars);
    steps.push({ a, scope, key, expanded });
    if (a.viaOnbuild) continue;
    if (PERSISTENT.has(a.kind)) env.set(a.name, expanded);
    else if (a.kind === 'arg') argMap.set(a.name, a.value === null ? (argMap.get(a.name) ?? null) : expanded);
  }
  return steps;
}

/**
 * Calls `visit` for every assignment in file order with the environment in effect before it.
 * Returns the final persistent environment of every stage/service by name.
 */
export function walkEnv(model: FileModel, visit: (v: EnvVisit) => void = () => undefined): Map<string, ReadonlyMap<string, string | null>> {
  const { envs, envFor } = envFactory();
  for (const { a, scope, key, expanded } of derived(model, computeSteps)) {
    const env = envFor(key, scope);
    visit({ a, scope, env, expanded });
    if (!a.viaOnbuild && PERSISTENT.has(a.kind)) env.set(a.name, expanded);
  }
  for (const s of model.scopes) envFor(s.name, s);
  return envs;
}
