/**
 * The Dockerfile adapter's state while it walks the instructions once, in file order. Each
 * instruction family (./variables, ./run, ./copy, ./stage) reads and extends it; nothing else
 * outlives a parse.
 */
import type { EnvAssignment, FileModel, Scope } from '../../model';
import { expand } from '../../text/expand';

export type Vars = Map<string, string | null>;

export interface DockerfileState {
  model: FileModel;
  /** The source lines without terminators. */
  lines: string[];
  escape: string;
  /** Assignments written by one instruction (or one RUN script) share a group. */
  group: number;
  /** Build args declared before the first FROM, usable in FROM lines. */
  globalArgs: Vars;
  /** Index of the current stage; -1 before the first FROM. */
  stage: number;
  scope: Scope | null;
  /** Static environment per stage (ENV + ARG values known so far), for WORKDIR and FROM expansion. */
  stageVars: Map<string, Vars>;
  /** Absolute WORKDIR per stage, when known. */
  stageWorkdir: Map<string, string | undefined>;
}

export function newState(model: FileModel, lines: string[], escape: string): DockerfileState {
  return { model, lines, escape, group: 0, globalArgs: new Map(), stage: -1, scope: null, stageVars: new Map(), stageWorkdir: new Map() };
}

export function scopeName(st: DockerfileState): string {
  return st.scope ? st.scope.name : '';
}

/** Records a variable for static expansion. `ARG X` without a default keeps a global default. */
export function setVar(st: DockerfileState, vars: Vars, name: string, value: string | null, kind: EnvAssignment['kind']): void {
  if (value === null) {
    if (kind === 'arg' && st.globalArgs.has(name) && vars !== st.globalArgs) vars.set(name, st.globalArgs.get(name)!);
    else if (!vars.has(name)) vars.set(name, null);
  } else vars.set(name, expand(value, vars, st.escape) ?? null);
}

/** Adds an assignment of the current stage (and ONBUILD trigger) to the model; `raw` when it differs from the value. */
export function pushAssignment(st: DockerfileState, a: EnvAssignment, viaOnbuild: boolean, raw: string | undefined): void {
  if (st.scope) a.scope = st.scope.name;
  if (viaOnbuild) a.viaOnbuild = true;
  if (raw !== undefined && raw !== a.value) a.raw = raw;
  st.model.assignments.push(a);
}
