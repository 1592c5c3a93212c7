/** FROM (a new stage: its image, Go facts, inherited variables and WORKDIR), WORKDIR and USER. */
import type { From, User, Workdir } from 'dockerfile-ast';
import type { FileModel, Scope } from '../../model';
import { golangImage, golangImageStart } from '../../go/image';
import { cleanGoPath, looksWindows } from '../../go/paths';
import { expand } from '../../text/expand';
import { fromRange0, type Range0 } from '../../text/location';
import { scopeName, type DockerfileState, type Vars } from './state';

export function handleFrom(st: DockerfileState, ins: From): void {
  st.stage++;
  const named = ins.getBuildStage();
  const name = named ? named.toLowerCase() : String(st.stage);
  const image = ins.getImage();
  const imageRange = ins.getImageRange() as Range0 | null;
  const platform = ins.getPlatformFlag()?.getValue() ?? undefined;
  const parent = image ? st.model.scopes.find((s) => s.name === image.toLowerCase() && image !== '') : undefined;
  const resolved = parent ? null : image ? expand(image, st.globalArgs, st.escape) : null;
  const vars: Vars = new Map();
  let workdir: string | undefined = '/';
  // `golang:${GO_VERSION}` with an unknown version is still golang: resolve the repository alone.
  let info = golangImage(resolved ?? (image ? expand(image.replace(/@.*$/, '').replace(/:[^/:]*$/, ''), st.globalArgs, st.escape) : null));
  if (parent) {
    info = { golang: parent.golang, goroot: parent.goroot, windows: parent.windows };
    for (const [k, v] of st.stageVars.get(parent.name) ?? []) vars.set(k, v);
    workdir = st.stageWorkdir.get(parent.name);
  } else if (info.golang) {
    const start = golangImageStart(info.windows);
    for (const [k, v] of start.vars) vars.set(k, v);
    workdir = start.workdir;
  } else if (resolved === null || resolved.toLowerCase() !== 'scratch') {
    workdir = undefined; // an unknown base image may set its own WORKDIR
  }
  const s: Scope = {
    name,
    index: st.stage,
    image: image || null,
    resolvedImage: parent ? parent.resolvedImage : resolved,
    golang: info.golang,
    goroot: info.goroot,
    windows: info.windows,
    loc: fromRange0(ins.getRange() as Range0),
    imageLoc: imageRange ? fromRange0(imageRange) : null,
  };
  if (parent) s.parent = parent.name;
  if (platform !== undefined) s.platform = platform;
  st.model.scopes.push(s);
  st.scope = s;
  st.stageVars.set(name, vars);
  st.stageWorkdir.set(name, workdir);
}

/** WORKDIR: as written, and absolute when it resolves statically (relative to the previous one). */
export function handleWorkdir(st: DockerfileState, ins: Workdir, vars: Vars | null): void {
  const args = ins.getArguments();
  if (args.length === 0) return;
  const raw = args.map((a) => a.getValue()).join(' ');
  const expanded = vars ? expand(raw, vars, st.escape) : null;
  const prev = st.stageWorkdir.get(scopeName(st));
  let absolute: string | undefined;
  if (expanded !== null) {
    if (expanded.startsWith('/') || looksWindows(expanded)) absolute = cleanGoPath(expanded, null);
    else if (prev !== undefined) absolute = cleanGoPath(`${prev}/${expanded}`, null);
  }
  const first = args[0]!.getRange() as Range0;
  const last = args[args.length - 1]!.getRange() as Range0;
  const w = { scope: scopeName(st), path: raw, loc: fromRange0({ start: first.start, end: last.end }) } as FileModel['workdirs'][number];
  if (absolute !== undefined) w.absolute = absolute;
  st.model.workdirs.push(w);
  st.stageWorkdir.set(scopeName(st), absolute);
}

export function handleUser(st: DockerfileState, ins: User): void {
  const args = ins.getArguments();
  if (!args.length) return;
  const r = ins.getArgumentsRange() as Range0;
  st.model.users.push({ scope: scopeName(st), user: args.map((a) => a.getValue()).join(' '), loc: fromRange0(r) });
}
