/**
 * Dockerfile adapter: the only reader of dockerfile-ast's public API (its internals are reached
 * from ./dockerfile-ast-speedups alone). Turns a Dockerfile into the shared FileModel once, with
 * 1-based positions of every name and value.
 */
import {
  Arg,
  DockerfileParser,
  Env,
  From,
  Instruction,
  Label,
  Onbuild,
  User,
  Workdir,
} from 'dockerfile-ast';
import type { Property } from 'dockerfile-ast';
import { enableSpeedups } from './dockerfile-ast-speedups';
import { golangImage, golangImageStart } from '../classify/go';
import { cleanGoPath, looksWindows } from '../classify/go-paths';
import type {
  Copy as CopyModel,
  EnvAssignment,
  FileModel,
  Heredoc,
  PathRef,
  Run as RunModel,
  Scope,
  Suppression,
  TextSegment,
} from '../model';
import { parsePragma } from './pragma';
import { emptyModel } from './empty-model';
import { expand } from '../text/expand';
import { dropPrefix, fromRange0, joinSegments, locateInSegments, type Range0 } from '../text/location';
import { findAssignments, isWord, runScripts, tokenize } from '../text/shell';

interface HeredocLike {
  getName(): string;
  getContentRange(): Range0 | null;
  getDelimiterRange(): Range0 | null;
  getStartRange(): Range0;
}

/** The heredocs of an instruction; dockerfile-ast throws on some malformed ones, which then count as none. */
function heredocsOf0(ins: unknown): HeredocLike[] {
  try {
    return ((ins as { getHeredocs?: () => unknown[] }).getHeredocs?.() ?? []) as unknown as HeredocLike[];
  } catch {
    return [];
  }
}

/** Splits text into lines without their terminators (\n or \r\n). */
function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export function parseDockerfile(path: string, input: string): FileModel {
  enableSpeedups();
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const model = emptyModel(path, 'dockerfile');
  const lines = splitLines(text);
  const df = DockerfileParser.parse(text);
  const escape = df.getEscapeCharacter();
  let group = 0;

  // Build args declared before the first FROM, usable in FROM lines.
  const globalArgs = new Map<string, string | null>();
  let stage = -1;
  let scope: Scope | null = null;
  /** Static environment per stage (ENV + ARG values known so far), for WORKDIR and FROM expansion. */
  const stageVars = new Map<string, Map<string, string | null>>();
  const stageWorkdir = new Map<string, string | undefined>();

  const scopeName = () => (scope ? scope.name : '');

  /** Records a variable for static expansion. `ARG X` without a default keeps a global default. */
  const setVar = (vars: Map<string, string | null>, name: string, value: string | null, kind: EnvAssignment['kind']) => {
    if (value === null) {
      if (kind === 'arg' && globalArgs.has(name) && vars !== globalArgs) vars.set(name, globalArgs.get(name)!);
      else if (!vars.has(name)) vars.set(name, null);
    } else vars.set(name, expand(value, vars, escape) ?? null);
  };

  const pushProperties = (
    props: Property[],
    kind: EnvAssignment['kind'],
    viaOnbuild: boolean,
    vars: Map<string, string | null> | null,
  ) => {
    group++;
    for (const p of props) {
      const name = p.getName();
      if (!name) continue;
      const value = p.getValue();
      const vr = p.getValueRange() as Range0 | null;
      let valueLoc = vr ? fromRange0(vr) : null;
      const rawText = vr ? sliceRange(lines, vr) : undefined;
      // Point inside surrounding quotes: the value starts after the quote.
      if (valueLoc && rawText && rawText.length >= 2 && /^(["']).*\1$/s.test(rawText) && valueLoc.line === valueLoc.endLine) {
        valueLoc = { ...valueLoc, column: valueLoc.column + 1, endColumn: valueLoc.endColumn - 1 };
      }
      const a: EnvAssignment = {
        name,
        value,
        kind,
        nameLoc: fromRange0(p.getNameRange() as Range0),
        valueLoc,
        group,
      };
      if (scope) a.scope = scope.name;
      if (viaOnbuild) a.viaOnbuild = true;
      if (rawText !== undefined && rawText !== value) a.raw = rawText;
      model.assignments.push(a);
      if (vars && kind !== 'label') setVar(vars, name, value, kind);
    }
  };

  const pushArgWords = (ins: Instruction, viaOnbuild: boolean, vars: Map<string, string | null> | null) => {
    group++;
    const segs = segmentsOf(ins, []);
    const text = joinSegments(segs);
    for (const t of tokenize(text)) {
      if (!isWord(t)) continue;
      const eq = t.raw.indexOf('=');
      const name = eq < 0 ? t.raw : t.raw.slice(0, eq);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
      const value = eq < 0 ? null : t.value.slice(t.value.indexOf('=') + 1);
      const nameLoc = locateInSegments(segs, t.start, t.start + name.length);
      if (!nameLoc) continue;
      let valueLoc = eq < 0 || t.end - t.start - eq - 1 <= 0 ? null : locateInSegments(segs, t.start + eq + 1, t.end);
      const raw = eq < 0 ? undefined : t.raw.slice(eq + 1);
      if (valueLoc && raw && raw.length >= 2 && /^(["']).*\1$/s.test(raw)) valueLoc = { ...valueLoc, column: valueLoc.column + 1, endColumn: valueLoc.endColumn - 1 };
      const a: EnvAssignment = { name, value, kind: 'arg', nameLoc, valueLoc, group };
      if (scope) a.scope = scope.name;
      if (viaOnbuild) a.viaOnbuild = true;
      if (raw !== undefined && raw !== value) a.raw = raw;
      model.assignments.push(a);
      if (vars) setVar(vars, name, value, 'arg');
    }
  };

  const handleArg = (ins: Arg, viaOnbuild: boolean, vars: Map<string, string | null> | null) => {
    const props = ins.getProperties();
    // `ARG A B=2`: several names, which dockerfile-ast reads as one legacy `ARG A <value>`.
    if (props.length === 1 && props[0]!.getAssignmentOperator() === null && props[0]!.getValue() !== null) pushArgWords(ins, viaOnbuild, vars);
    else pushProperties(props, 'arg', viaOnbuild, vars);
  };

  /**
   * The instruction's arguments as physical-line segments: continuations, embedded comments and
   * heredoc bodies removed. Computed from the source lines (dockerfile-ast re-tokenizes the whole
   * instruction on every argument call, which dominated lint time).
   */
  const segmentsOf = (ins: Instruction, heredocs: HeredocLike[]): TextSegment[] => {
    const r = ins.getRange() as Range0;
    const kw = ins.getInstructionRange() as Range0;
    const skip = new Set<number>();
    for (const h of heredocs) {
      const c = h.getContentRange();
      if (c) for (let l = c.start.line; l <= c.end.line; l++) skip.add(l);
      const d = h.getDelimiterRange();
      if (d) skip.add(d.start.line);
    }
    const segs: TextSegment[] = [];
    for (let l = r.start.line; l <= r.end.line; l++) {
      if (skip.has(l)) continue;
      let t = lines[l] ?? '';
      if (l === r.end.line && r.end.line > r.start.line) t = t.slice(0, r.end.character);
      let col = 0;
      if (l === r.start.line) {
        col = kw.start.line === l ? kw.end.character : 0;
        t = t.slice(col);
      } else if (/^\s*#/.test(t)) continue;
      const lead = t.length - t.trimStart().length;
      col += lead;
      t = t.slice(lead);
      const trimmed = t.replace(/\s+$/, '');
      if (l < r.end.line && trimmed.endsWith(escape)) t = trimmed.slice(0, -1);
      if (t.trim() === '') continue;
      segs.push({ text: t, line: l + 1, column: col + 1 });
    }
    return segs;
  };

  /** Splits leading `--name=value` flags off the segments. */
  const splitFlags = (segs: TextSegment[]): { flags: Map<string, string[]>; rest: TextSegment[] } => {
    const flags = new Map<string, string[]>();
    const joined = joinSegments(segs);
    // A flag word starts with `-`, or with a quote or escape that hides one: skip the tokenizer otherwise.
    if (!/^\s*[-"'\\$]/.test(joined)) return { flags, rest: segs };
    let cut = 0;
    for (const t of tokenize(joined)) {
      if (!isWord(t) || !t.value.startsWith('--')) break;
      const eq = t.value.indexOf('=');
      const name = (eq < 0 ? t.value.slice(2) : t.value.slice(2, eq)).toLowerCase();
      flags.set(name, [...(flags.get(name) ?? []), eq < 0 ? '' : t.value.slice(eq + 1)]);
      cut = t.end;
    }
    return { flags, rest: cut === 0 ? segs : dropPrefix(segs, cut) };
  };

  const heredocsOf = (hs: HeredocLike[]): Heredoc[] =>
    hs.map((h) => {
      const c = h.getContentRange();
      const segs: TextSegment[] = [];
      if (c) for (let l = c.start.line; l <= c.end.line; l++) segs.push({ text: lines[l] ?? '', line: l + 1, column: 1 });
      return { name: h.getName(), segments: segs };
    });

  /** The instruction's source text (to skip costly dockerfile-ast calls that cannot match). */
  const textOf = (ins: Instruction): string => {
    const r = ins.getRange() as Range0;
    return r.start.line === r.end.line ? (lines[r.start.line] ?? '') : lines.slice(r.start.line, r.end.line + 1).join('\n');
  };
  const heredocsIf = (ins: Instruction, text: string): HeredocLike[] => (text.includes('<<') ? heredocsOf0(ins) : []);

  const handleRun = (ins: Instruction, viaOnbuild: boolean) => {
    const text = textOf(ins);
    const hs = heredocsIf(ins, text);
    const { flags, rest: segments } = splitFlags(segmentsOf(ins, hs));
    const joined = joinSegments(segments);
    const exec = /^\s*\[/.test(joined) ? parseJsonArgs(joined) : null;
    const mounts = flags.get('mount') ?? [];
    const run: RunModel = {
      scope: scopeName(),
      form: exec ? 'exec' : 'shell',
      segments,
      heredocs: heredocsOf(hs),
      mounts,
      loc: fromRange0(ins.getRange() as Range0),
    };
    if (viaOnbuild) run.viaOnbuild = true;
    model.runs.push(run);
    // Shell-form assignments (exec form has no shell, except `sh -c "…"` which we leave alone),
    // and the assignments of heredoc scripts (`RUN <<EOF` bodies are shell scripts too).
    for (const { segments: segs, sep, text: script } of runScripts(run)) {
      group++;
      for (const a of findAssignments(script)) {
        const nameLoc = locateInSegments(segs, a.nameStart, a.nameEnd, sep);
        if (!nameLoc) continue;
        const valueLoc = a.valueEnd > a.valueStart ? locateInSegments(segs, a.valueStart, a.valueEnd, sep) : null;
        const ea: EnvAssignment = {
          name: a.name,
          value: a.value,
          kind: a.form === 'go-env-w' ? 'go-env-w' : 'run',
          nameLoc,
          valueLoc,
          group,
        };
        if (a.form !== 'go-env-w') ea.runForm = a.form;
        if (scope) ea.scope = scope.name;
        if (viaOnbuild) ea.viaOnbuild = true;
        if (a.raw !== a.value) ea.raw = a.raw;
        model.assignments.push(ea);
      }
    }
  };

  const handleCopy = (ins: Instruction, keyword: 'COPY' | 'ADD', viaOnbuild: boolean) => {
    const text = textOf(ins);
    const hs = heredocsIf(ins, text);
    const { flags, rest: segs } = splitFlags(segmentsOf(ins, hs));
    const from = flags.get('from')?.[0];
    const joined = joinSegments(segs);
    const json = /^\s*\[/.test(joined) ? parseJsonArgs(joined) : null;
    const fallback = fromRange0(ins.getRange() as Range0);
    let paths: PathRef[];
    if (json) paths = json.map((j) => ({ path: j.value, loc: locateInSegments(segs, j.start, j.end) ?? fallback }));
    else
      paths = tokenize(joined)
        .filter(isWord)
        .filter((w) => !w.raw.startsWith('<<'))
        .map((w) => ({ path: w.value, loc: locateInSegments(segs, w.start, w.end) ?? fallback }));
    const dest = paths.length >= 1 ? paths[paths.length - 1]! : null;
    const sources = paths.slice(0, -1);
    const copy: CopyModel = {
      instruction: keyword,
      scope: scopeName(),
      sources,
      dest,
      heredocs: heredocsOf(hs),
      loc: fromRange0(ins.getRange() as Range0),
    };
    const wd = stageWorkdir.get(scopeName());
    if (wd !== undefined) copy.workdir = wd;
    if (from !== undefined) copy.from = from;
    if (viaOnbuild) copy.viaOnbuild = true;
    model.copies.push(copy);
  };

  const handle = (ins: Instruction, viaOnbuild: boolean) => {
    const vars = stageVars.get(scopeName()) ?? null;
    const keyword = ins.getKeyword();
    if (ins instanceof Env) pushProperties(ins.getProperties(), 'env', viaOnbuild, vars);
    else if (ins instanceof Arg) handleArg(ins, viaOnbuild, viaOnbuild ? null : vars);
    else if (ins instanceof Label) pushProperties(ins.getProperties(), 'label', viaOnbuild, null);
    else if (keyword === 'RUN') handleRun(ins, viaOnbuild);
    else if (keyword === 'COPY' || keyword === 'ADD') handleCopy(ins, keyword, viaOnbuild);
    else if (ins instanceof Workdir && !viaOnbuild) {
      const args = ins.getArguments();
      if (args.length === 0) return;
      const raw = args.map((a) => a.getValue()).join(' ');
      const expanded = vars ? expand(raw, vars, escape) : null;
      const prev = stageWorkdir.get(scopeName());
      let absolute: string | undefined;
      if (expanded !== null) {
        if (expanded.startsWith('/') || looksWindows(expanded)) absolute = cleanGoPath(expanded, null);
        else if (prev !== undefined) absolute = cleanGoPath(`${prev}/${expanded}`, null);
      }
      const first = args[0]!.getRange() as Range0;
      const last = args[args.length - 1]!.getRange() as Range0;
      const w = { scope: scopeName(), path: raw, loc: fromRange0({ start: first.start, end: last.end }) } as FileModel['workdirs'][number];
      if (absolute !== undefined) w.absolute = absolute;
      model.workdirs.push(w);
      stageWorkdir.set(scopeName(), absolute);
    } else if (ins instanceof User && !viaOnbuild) {
      const args = ins.getArguments();
      if (args.length) {
        const r = ins.getArgumentsRange() as Range0;
        model.users.push({ scope: scopeName(), user: args.map((a) => a.getValue()).join(' '), loc: fromRange0(r) });
      }
    } else if (ins instanceof Onbuild && !viaOnbuild) {
      const t = ins.getTriggerInstruction();
      if (t) handle(t, true);
    }
  };

  for (const ins of df.getInstructions()) {
    try {
      handleTop(ins);
    } catch {
      // dockerfile-ast can fail on malformed input; report the instruction instead of crashing.
      const line = (ins.getRange() as Range0 | null)?.start.line ?? 0;
      model.errors.push({ message: 'could not parse this instruction (malformed Dockerfile syntax)', line: line + 1, column: 1 });
    }
  }

  function handleTop(ins: Instruction): void {
    if (ins instanceof From) {
      stage++;
      const named = ins.getBuildStage();
      const name = named ? named.toLowerCase() : String(stage);
      const image = ins.getImage();
      const imageRange = ins.getImageRange() as Range0 | null;
      const platform = ins.getPlatformFlag()?.getValue() ?? undefined;
      const parent = image ? model.scopes.find((s) => s.name === image.toLowerCase() && image !== '') : undefined;
      const resolved = parent ? null : image ? expand(image, globalArgs, escape) : null;
      const vars = new Map<string, string | null>();
      let workdir: string | undefined = '/';
      // `golang:${GO_VERSION}` with an unknown version is still golang: resolve the repository alone.
      let info = golangImage(resolved ?? (image ? expand(image.replace(/@.*$/, '').replace(/:[^/:]*$/, ''), globalArgs, escape) : null));
      if (parent) {
        info = { golang: parent.golang, goroot: parent.goroot, windows: parent.windows };
        for (const [k, v] of stageVars.get(parent.name) ?? []) vars.set(k, v);
        workdir = stageWorkdir.get(parent.name);
      } else if (info.golang) {
        const start = golangImageStart(info.windows);
        for (const [k, v] of start.vars) vars.set(k, v);
        workdir = start.workdir;
      } else if (resolved === null || resolved.toLowerCase() !== 'scratch') {
        workdir = undefined; // an unknown base image may set its own WORKDIR
      }
      const s: Scope = {
        name,
        index: stage,
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
      model.scopes.push(s);
      scope = s;
      stageVars.set(name, vars);
      stageWorkdir.set(name, workdir);
      return;
    }
    if (stage < 0) {
      if (ins instanceof Arg) handleArg(ins, false, globalArgs);
      return;
    }
    handle(ins, false);
  }

  collectSuppressions(df, model.suppressions);
  return model;
}

function collectSuppressions(
  df: ReturnType<typeof DockerfileParser.parse>,
  out: Suppression[],
): void {
  const instructions = df.getInstructions();
  for (const c of df.getComments()) {
    const p = parsePragma(c.getContent());
    if (!p) continue;
    const line0 = (c.getRange() as Range0).start.line;
    let startLine = line0 + 2;
    let endLine = line0 + 2;
    const containing = instructions.find((i) => i.getRange().start.line < line0 && i.getRange().end.line > line0);
    if (containing) {
      endLine = containing.getRange().end.line + 1;
    } else {
      const next = instructions.find((i) => i.getRange().start.line > line0);
      if (next) {
        startLine = next.getRange().start.line + 1;
        endLine = next.getRange().end.line + 1;
      }
    }
    const s: Suppression = { ruleIds: p.ruleIds, startLine, endLine, file: p.file, source: p.source, line: line0 + 1 };
    if (p.reason) s.reason = p.reason;
    out.push(s);
  }
  for (const d of df.getDirectives()) {
    if (d.getName().toLowerCase() !== 'check') continue;
    const p = parsePragma(`check=${d.getValue()}`);
    if (!p) continue;
    const line = (d.getRange() as Range0).start.line + 1;
    out.push({ ruleIds: p.ruleIds, startLine: line, endLine: line, file: true, source: 'buildkit', line });
  }
}

function sliceRange(lines: string[], r: Range0): string {
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  const parts = [(lines[r.start.line] ?? '').slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l] ?? '');
  parts.push((lines[r.end.line] ?? '').slice(0, r.end.character));
  return parts.join('\n');
}

/** Parses the JSON (exec) form `["a", "b"]`, returning each string with its offsets, or null. */
export function parseJsonArgs(text: string): { value: string; start: number; end: number }[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return null;
  let arr: unknown;
  try {
    arr = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (!Array.isArray(arr) || !arr.every((x) => typeof x === 'string')) return null;
  const out: { value: string; start: number; end: number }[] = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ value: JSON.parse(m[0]) as string, start: m.index + 1, end: m.index + m[0].length - 1 });
  }
  return out;
}

