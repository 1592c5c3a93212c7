/** COPY and ADD: sources, destination, `--from`, heredocs and the WORKDIR they resolve against. */
import type { Instruction } from 'dockerfile-ast';
import type { Copy as CopyModel, PathRef } from '../../model';
import { fromRange0, joinSegments, locateInSegments, type Range0 } from '../../text/location';
import { isWord, tokenize } from '../../text/shell';
import { scopeName, type DockerfileState } from './state';
import { heredocsIn, modelHeredocs, parseJsonArgs, segmentsOf, splitFlags } from './text';

export function handleCopy(st: DockerfileState, ins: Instruction, keyword: 'COPY' | 'ADD', viaOnbuild: boolean): void {
  const hs = heredocsIn(st, ins);
  const { flags, rest: segs } = splitFlags(segmentsOf(st, ins, hs));
  const from = flags.get('from')?.[0];
  const joined = joinSegments(segs);
  const json = /^\s*\[/.test(joined) ? parseJsonArgs(joined) : null;
  const fallback = fromRange0(ins.getRange() as Range0);
  const paths: PathRef[] = json
    ? json.map((j) => ({ path: j.value, loc: locateInSegments(segs, j.start, j.end) ?? fallback }))
    : tokenize(joined)
        .filter(isWord)
        .filter((w) => !w.raw.startsWith('<<'))
        .map((w) => ({ path: w.value, loc: locateInSegments(segs, w.start, w.end) ?? fallback }));
  const copy: CopyModel = {
    instruction: keyword,
    scope: scopeName(st),
    sources: paths.slice(0, -1),
    dest: paths.length >= 1 ? paths[paths.length - 1]! : null,
    heredocs: modelHeredocs(st, hs),
    loc: fromRange0(ins.getRange() as Range0),
  };
  const wd = st.stageWorkdir.get(scopeName(st));
  if (wd !== undefined) copy.workdir = wd;
  if (from !== undefined) copy.from = from;
  if (viaOnbuild) copy.viaOnbuild = true;
  st.model.copies.push(copy);
}
