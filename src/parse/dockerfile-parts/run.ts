/** RUN: the command's segments, heredocs and mounts, and the assignments of its scripts. */
import type { Instruction } from 'dockerfile-ast';
import type { EnvAssignment, Run as RunModel } from '../../model';
import { fromRange0, joinSegments, locateInSegments, type Range0 } from '../../text/location';
import { findAssignments, runScripts } from '../../text/shell';
import { pushAssignment, scopeName, type DockerfileState } from './state';
import { heredocsIn, modelHeredocs, parseJsonArgs, segmentsOf, splitFlags } from './text';

export function handleRun(st: DockerfileState, ins: Instruction, viaOnbuild: boolean): void {
  const hs = heredocsIn(st, ins);
  const { flags, rest: segments } = splitFlags(segmentsOf(st, ins, hs));
  const joined = joinSegments(segments);
  const exec = /^\s*\[/.test(joined) ? parseJsonArgs(joined) : null;
  const run: RunModel = {
    scope: scopeName(st),
    form: exec ? 'exec' : 'shell',
    segments,
    heredocs: modelHeredocs(st, hs),
    mounts: flags.get('mount') ?? [],
    loc: fromRange0(ins.getRange() as Range0),
  };
  if (viaOnbuild) run.viaOnbuild = true;
  st.model.runs.push(run);
  pushScriptAssignments(st, run, viaOnbuild);
}

/**
 * Shell-form assignments (exec form has no shell, except `sh -c "…"` which is left alone), and
 * those of heredoc scripts (`RUN <<EOF` bodies are shell scripts too).
 */
function pushScriptAssignments(st: DockerfileState, run: RunModel, viaOnbuild: boolean): void {
  for (const { segments: segs, sep, text: script } of runScripts(run)) {
    st.group++;
    for (const a of findAssignments(script)) {
      const nameLoc = locateInSegments(segs, a.nameStart, a.nameEnd, sep);
      if (!nameLoc) continue;
      const valueLoc = a.valueEnd > a.valueStart ? locateInSegments(segs, a.valueStart, a.valueEnd, sep) : null;
      const ea: EnvAssignment = { name: a.name, value: a.value, kind: a.form === 'go-env-w' ? 'go-env-w' : 'run', nameLoc, valueLoc, group: st.group };
      if (a.form !== 'go-env-w') ea.runForm = a.form;
      pushAssignment(st, ea, viaOnbuild, a.raw);
    }
  }
}
