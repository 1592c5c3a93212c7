/**
 * The Go settings a file writes, with the value the go command would see: every ENV, stage ARG,
 * RUN-inline assignment, `go env -w`, compose `environment` / `build.args` entry and env-file line
 * for the given names, statically expanded (Dockerfile) or interpolation-free (compose, env files),
 * together with the stage or service it applies to and the Go version of its image.
 */
import type { EnvAssignment, FileModel, Scope } from '../model';
import { goVersionOfImage, type GoVersion } from '../go/image';
import { scanComposeValue } from '../text/interpolation';
import { walkEnv } from './stage-env';

export interface GoSetting {
  a: EnvAssignment;
  scope: Scope | undefined;
  /** The value as the go command sees it; never null (unknown values are not listed). */
  value: string;
  /** Go version of the stage's / service's golang image; null when unknown or not golang-family. */
  version: GoVersion | null;
  /** Persistent environment before this assignment (image defaults, ENV, environment). */
  env: ReadonlyMap<string, string | null>;
}

const COMPOSE_KINDS = new Set(['environment', 'env-file', 'build-arg']);
const KINDS = new Set(['env', 'arg', 'run', 'go-env-w', ...COMPOSE_KINDS]);

/** Settings of `names`, in file order. Values that cannot be known statically are left out. */
export function goSettings(model: FileModel, names: Iterable<string>): GoSetting[] {
  const wanted = new Set(names);
  const out: GoSetting[] = [];
  walkEnv(model, ({ a, scope, env, expanded }) => {
    if (!wanted.has(a.name) || !KINDS.has(a.kind) || a.value === null) return;
    // ARGs before the first FROM only feed FROM lines; they are not in any RUN's environment.
    if (a.kind === 'arg' && model.format === 'dockerfile' && a.scope === undefined) return;
    let value: string | null = expanded;
    if (COMPOSE_KINDS.has(a.kind)) {
      const scan = scanComposeValue(a.value);
      value = scan.refs.length > 0 || scan.error ? null : scan.literal;
    }
    // Command substitution in a RUN is evaluated by the shell: unknown here.
    if ((a.kind === 'run' || a.kind === 'go-env-w') && /\$\(|`/.test(a.raw ?? a.value)) value = null;
    if (value === null) return;
    out.push({ a, scope, value, version: scope?.golang ? goVersionOfImage(scope.resolvedImage) : null, env });
  });
  return out;
}
