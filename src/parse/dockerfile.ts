/**
 * Dockerfile adapter: the only reader of dockerfile-ast's public API (its internals are reached
 * from ./dockerfile-ast-speedups alone). Turns a Dockerfile into the shared FileModel once, with
 * 1-based positions of every name and value.
 */
import { Arg, DockerfileParser, Env, From, Instruction, Label, Onbuild, User, Workdir } from 'dockerfile-ast';
import type { FileModel, Suppression } from '../model';
import { type Range0 } from '../text/location';
import { enableSpeedups } from './dockerfile-ast-speedups';
import { emptyModel } from './empty-model';
import { parsePragma } from './pragma';
import { handleCommand, isCommandKeyword } from './dockerfile-parts/commands';
import { handleCopy } from './dockerfile-parts/copy';
import { handleRun } from './dockerfile-parts/run';
import { handleFrom, handleUser, handleWorkdir } from './dockerfile-parts/stage';
import { newState, scopeName, type DockerfileState } from './dockerfile-parts/state';
import { splitLines } from './dockerfile-parts/text';
import { handleArg, pushProperties } from './dockerfile-parts/variables';

export { parseJsonArgs } from './dockerfile-parts/text';

/**
 * Parses a Dockerfile into the shared model: one walk over dockerfile-ast's instructions in file
 * order, each handed to its family (./dockerfile-parts: stage, variables, run, copy, commands),
 * which reads and extends the walk's state. A malformed instruction is reported, never thrown.
 */
export function parseDockerfile(path: string, input: string): FileModel {
  enableSpeedups();
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const df = DockerfileParser.parse(text);
  const st = newState(emptyModel(path, 'dockerfile'), splitLines(text), df.getEscapeCharacter());
  for (const ins of df.getInstructions()) {
    try {
      handleTop(st, ins);
    } catch {
      // dockerfile-ast can fail on malformed input; report the instruction instead of crashing.
      const line = (ins.getRange() as Range0 | null)?.start.line ?? 0;
      st.model.errors.push({ message: 'could not parse this instruction (malformed Dockerfile syntax)', line: line + 1, column: 1 });
    }
  }
  collectSuppressions(df, st.model.suppressions);
  return st.model;
}

/** FROM starts a stage; before the first one only ARG counts (global build args). */
function handleTop(st: DockerfileState, ins: Instruction): void {
  if (ins instanceof From) handleFrom(st, ins);
  else if (st.stage < 0) {
    if (ins instanceof Arg) handleArg(st, ins, false, st.globalArgs);
  } else handle(st, ins, false);
}

/** One instruction of a stage, or the trigger of an ONBUILD (`viaOnbuild`). */
function handle(st: DockerfileState, ins: Instruction, viaOnbuild: boolean): void {
  const vars = st.stageVars.get(scopeName(st)) ?? null;
  const keyword = ins.getKeyword();
  if (ins instanceof Env) pushProperties(st, ins.getProperties(), 'env', viaOnbuild, vars);
  else if (ins instanceof Arg) handleArg(st, ins, viaOnbuild, viaOnbuild ? null : vars);
  else if (ins instanceof Label) pushProperties(st, ins.getProperties(), 'label', viaOnbuild, null);
  else if (keyword === 'RUN') handleRun(st, ins, viaOnbuild);
  else if (keyword === 'COPY' || keyword === 'ADD') handleCopy(st, ins, keyword, viaOnbuild);
  else if (isCommandKeyword(keyword)) handleCommand(st, ins, keyword, viaOnbuild);
  else if (ins instanceof Workdir && !viaOnbuild) handleWorkdir(st, ins, vars);
  else if (ins instanceof User && !viaOnbuild) handleUser(st, ins);
  else if (ins instanceof Onbuild && !viaOnbuild) {
    const t = ins.getTriggerInstruction();
    if (t) handle(st, t, true);
  }
}

function collectSuppressions(
  df: ReturnType<typeof DockerfileParser.parse>,
  out: Suppression[],
): void {
  const instructions = df.getInstructions();
  for (const c of df.getComments()) {
    const p = parsePragma(c.getContent());
    // `# check=…` is a BuildKit parser directive: it counts only in the directive block at the top
    // of the file (getDirectives, below); further down it is a plain comment.
    if (!p || p.source === 'buildkit') continue;
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
