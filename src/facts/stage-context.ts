/**
 * What is known about a Dockerfile stage at a given line: its ancestry and the stages that use
 * it, its environment, the RUN commands and copies that happened before, and where Go is
 * installed in it. Built on walkEnv; pure functions of the model.
 */
import { derived } from './derived';
import type { Copy, EnvAssignment, FileModel, Scope } from '../model';
import { golangImage } from '../go/image';
import { cleanGoPath, isAbsGoPath, joinGoPath, pathRelation } from '../go/paths';
import { walkEnv, type EnvVisit } from './stage-env';
import { runScripts, simpleCommands } from '../text/shell';

/** The stage and its ancestors (`FROM build AS test` → [test, build]), nearest first. */
export function stageChain(model: FileModel, name: string | undefined): Scope[] {
  const out: Scope[] = [];
  let s = name === undefined ? undefined : model.scopes.find((x) => x.name === name);
  while (s && !out.includes(s)) {
    out.push(s);
    s = s.parent === undefined ? undefined : model.scopes.find((x) => x.name === s!.parent);
  }
  return out;
}

/** The names of a stage and its ancestors (itself first), computed once per file. */
export function stageNames(model: FileModel, name: string | undefined): readonly string[] {
  if (name === undefined) return [];
  const all = derived(model, chainNames);
  return all.get(name) ?? [];
}

function chainNames(model: FileModel): Map<string, readonly string[]> {
  return new Map(model.scopes.map((s) => [s.name, stageChain(model, s.name).map((x) => x.name)] as const));
}

/** The persistent environment (ENV, image defaults, inherited) of a stage just before `line`. */
export function envAt(model: FileModel, scope: string, line: number): ReadonlyMap<string, string | null> {
  const before = { ...model, assignments: model.assignments.filter((a) => a.nameLoc.line < line) };
  return walkEnv(before).get(scope) ?? new Map();
}

/** Whether an instruction of `scope` or of an ancestor happens before `line` in `scope`. */
function before(model: FileModel, scope: string, line: number) {
  const chain = new Set(stageNames(model, scope));
  return (x: { scope: string; loc: { line: number } }) => chain.has(x.scope) && (x.scope !== scope || x.loc.line < line);
}

export interface StageEnv {
  /** Value of a variable for a process started by a RUN at `line` in `scope`: ENV and stage ARGs
   *  (null: set but unknown), then `go env -w` (only for the go command); undefined: not set or empty.
   *  Image defaults are not included (see envAt). */
  at(scope: string, line: number, name: string): string | null | undefined;
}

/** Builds the per-stage value lookup (one walk over the assignments for their expanded values). */
export function stageEnv(model: FileModel): StageEnv {
  const expanded = new Map<EnvAssignment, string | null>();
  walkEnv(model, ({ a, expanded: e }) => expanded.set(a, e));
  return {
    at(scope, line, name) {
      const inEffect = before(model, scope, line);
      let env: string | null | undefined;
      let arg: string | null | undefined;
      let goenv: string | null | undefined;
      for (const a of model.assignments) {
        if (a.name !== name || a.viaOnbuild || a.scope === undefined || !inEffect({ scope: a.scope, loc: a.nameLoc })) continue;
        const v = expanded.get(a) ?? null;
        if (a.kind === 'env') env = v;
        else if (a.kind === 'arg' && a.scope === scope) arg = a.value === null ? (arg ?? null) : v;
        else if (a.kind === 'go-env-w') goenv = v;
      }
      if (env !== undefined) return env === '' ? undefined : env;
      if (arg !== undefined) return arg === '' ? undefined : arg;
      if (goenv !== undefined) return goenv === '' ? undefined : goenv;
      return undefined;
    },
  };
}

/** The instructions (RUN, COPY, WORKDIR, USER) of `scope` or of an ancestor that come before `line` in `scope`, in file order. */
export function instructionsBefore<T extends { scope: string; loc: { line: number } }>(model: FileModel, items: readonly T[], scope: string, line: number): T[] {
  return items.filter(before(model, scope, line));
}

/** The stage a `COPY --from=` value names (by name or index), if it is a stage of this file. */
export function fromStage(model: FileModel, from: string): Scope | undefined {
  const k = from.toLowerCase();
  return model.scopes.find((s) => s.name === k) ?? (/^\d+$/.test(k) ? model.scopes.find((s) => s.index === Number(k)) : undefined);
}

/**
 * Whether a stage is only an intermediate: another stage is built FROM it (also through an
 * `ARG`-built name such as `FROM bin-${VARIANT}`) or copies from it.
 */
export function isIntermediateStage(model: FileModel, name: string): boolean {
  const target = model.scopes.find((s) => s.name === name);
  if (!target) return false;
  const byFrom = model.scopes.some((s) => {
    if (s === target || !s.image) return false;
    const img = s.image.toLowerCase();
    const dollar = img.indexOf('$');
    return dollar < 0 ? img === name : dollar > 0 && name.startsWith(img.slice(0, dollar));
  });
  return byFrom || model.copies.some((c) => c.from !== undefined && fromStage(model, c.from) === target);
}

/** Absolute destination of a copy (relative destinations resolve against the WORKDIR); null when unknown. */
export function copyDestination(c: Copy, windows: boolean): string | null {
  if (!c.dest) return null;
  const p = c.dest.path;
  if (p.includes('$')) return null;
  if (isAbsGoPath(p, windows)) return cleanGoPath(p, windows);
  return c.workdir === undefined ? null : joinGoPath(c.workdir, p, windows);
}

/** Distribution packages of Go and where each puts its GOROOT (Debian/Ubuntu, Alpine, Fedora/RHEL). */
const DISTRO_GO: readonly { managers: readonly string[]; package: RegExp; root: (pkg: string) => string }[] = [
  { managers: ['apt-get', 'apt'], package: /^golang(?:-go)?$/, root: () => '/usr/lib/go' },
  { managers: ['apt-get', 'apt'], package: /^golang-(1\.\d+)(?:-go)?$/, root: (pkg) => `/usr/lib/go-${/^golang-(1\.\d+)/.exec(pkg)![1]}` },
  { managers: ['apk'], package: /^go$/, root: () => '/usr/lib/go' },
  { managers: ['dnf', 'yum', 'microdnf', 'tdnf'], package: /^golang(?:-bin)?$/, root: () => '/usr/lib/golang' },
];

/**
 * Where Go installed from distribution packages lives in a stage before `line`
 * (`apt-get install golang-go` → /usr/lib/go, `apt-get install golang-1.21-go` → /usr/lib/go-1.21,
 * `apk add go` → /usr/lib/go, `dnf install golang` → /usr/lib/golang).
 */
export function distroGoRootsAt(model: FileModel, scope: string, line: number): string[] {
  const roots = new Set<string>();
  for (const run of instructionsBefore(model, model.runs, scope, line)) {
    for (const { text } of runScripts(run)) {
      for (const c of simpleCommands(text)) {
        const manager = c.head?.value.replace(/^.*\//, '');
        if (!manager || !c.args.some((w) => w.value === 'install' || w.value === 'add')) continue;
        for (const w of c.args) {
          const pkg = w.value.replace(/[=:].*$/, '');
          const d = DISTRO_GO.find((x) => x.managers.includes(manager) && x.package.test(pkg));
          if (d) roots.add(d.root(pkg));
        }
      }
    }
  }
  return [...roots];
}

/**
 * Where Go toolchains are installed in a stage before `line`: the golang image's GOROOT, and the
 * destinations of copies of a whole Go tree from a golang-family image or stage
 * (`COPY --from=golang:1.22 /usr/local/go /usr/local/go`, `COPY --from=build /usr/local/ /usr/local/`).
 */
export function goRootsAt(model: FileModel, scope: string, line: number, depth = 0): string[] {
  const chain = stageChain(model, scope);
  const roots: string[] = [];
  const root = chain[chain.length - 1];
  if (root?.goroot) roots.push(root.goroot);
  if (depth > 8) return roots;
  const windows = chain[0]?.windows ?? false;
  for (const c of instructionsBefore(model, model.copies, scope, line)) {
    if (c.from === undefined) continue;
    const src = fromStage(model, c.from);
    const sourceRoots = src ? goRootsAt(model, src.name, Infinity, depth + 1) : golangImage(c.from).goroot ? [golangImage(c.from).goroot!] : [];
    const dest = copyDestination(c, windows);
    if (dest === null) continue;
    for (const s of c.sources) {
      for (const g of sourceRoots) {
        const rel = pathRelation(g, s.path, src?.windows ?? windows);
        if (rel === 'equal') roots.push(dest);
        else if (rel === 'inside') {
          const tail = cleanGoPath(g, windows).slice(cleanGoPath(s.path, windows).length).replace(/^[\\/]+/, '');
          roots.push(joinGoPath(dest, tail, windows));
        }
      }
    }
  }
  return [...new Set(roots)];
}

const GO_ENV_KINDS: ReadonlySet<EnvAssignment['kind']> = new Set(['env', 'arg', 'run', 'go-env-w', 'environment', 'env-file']);

/**
 * Whether an assignment sets a variable in the go command's environment: ENV, a stage ARG, a RUN
 * assignment or `go env -w`, compose `environment` or an env file; not LABEL, compose build args,
 * or an ARG before the first FROM (which only feeds FROM lines).
 */
export function setsGoEnv(a: EnvAssignment): boolean {
  return GO_ENV_KINDS.has(a.kind) && !(a.kind === 'arg' && a.scope === undefined);
}

/**
 * The statically known value of a visited assignment for value checks, or null to stay silent:
 * unknown expansions, command substitutions, and compose/env-file values that compose would
 * interpolate from the host.
 */
export function knownValue(v: EnvVisit): string | null {
  const x = v.expanded;
  if (x === null || /[$`]/.test(x)) return null;
  return x;
}

/** The OS a scope targets for path checks: known for golang images, else null (unknown). */
export function targetWindows(scope: Scope | undefined): boolean | null {
  if (!scope) return null;
  return scope.golang || scope.windows ? scope.windows : null;
}

/**
 * A project `.env` that no compose `env_file` loads only feeds compose's own interpolation
 * (`${GOPATH}` in volume paths, where compose expands `~`), not a container's environment.
 */
export function interpolationOnly(model: FileModel, a: EnvAssignment): boolean {
  return a.kind === 'env-file' && !a.services?.length && /(^|[\\/])\.env$/.test(model.path);
}
