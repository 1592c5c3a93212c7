/** ENV, ARG and LABEL: one assignment per name, with exact name and value positions. */
import type { Arg, Instruction, Property } from 'dockerfile-ast';
import type { EnvAssignment } from '../../model';
import { fromRange0, joinSegments, locateInSegments, type Range0 } from '../../text/location';
import { isWord, tokenize } from '../../text/shell';
import { pushAssignment, setVar, type DockerfileState, type Vars } from './state';
import { segmentsOf, sliceRange } from './text';

/** A value written in matching quotes: its location moves inside them. */
const QUOTED = /^(["']).*\1$/s;

/** The properties of ENV / ARG / LABEL as assignments; `vars` (when given) learns their values. */
export function pushProperties(st: DockerfileState, props: Property[], kind: EnvAssignment['kind'], viaOnbuild: boolean, vars: Vars | null): void {
  st.group++;
  for (const p of props) {
    const name = p.getName();
    if (!name) continue;
    const value = p.getValue();
    const vr = p.getValueRange() as Range0 | null;
    let valueLoc = vr ? fromRange0(vr) : null;
    const rawText = vr ? sliceRange(st.lines, vr) : undefined;
    if (valueLoc && rawText && rawText.length >= 2 && QUOTED.test(rawText) && valueLoc.line === valueLoc.endLine) {
      valueLoc = { ...valueLoc, column: valueLoc.column + 1, endColumn: valueLoc.endColumn - 1 };
    }
    const a: EnvAssignment = { name, value, kind, nameLoc: fromRange0(p.getNameRange() as Range0), valueLoc, group: st.group };
    pushAssignment(st, a, viaOnbuild, rawText);
    if (vars && kind !== 'label') setVar(st, vars, name, value, kind);
  }
}

/** `ARG A B=2`: several names, read word by word from the source. */
function pushArgWords(st: DockerfileState, ins: Instruction, viaOnbuild: boolean, vars: Vars | null): void {
  st.group++;
  const segs = segmentsOf(st, ins, []);
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
    if (valueLoc && raw && raw.length >= 2 && QUOTED.test(raw)) valueLoc = { ...valueLoc, column: valueLoc.column + 1, endColumn: valueLoc.endColumn - 1 };
    const a: EnvAssignment = { name, value, kind: 'arg', nameLoc, valueLoc, group: st.group };
    pushAssignment(st, a, viaOnbuild, raw);
    if (vars) setVar(st, vars, name, value, 'arg');
  }
}

export function handleArg(st: DockerfileState, ins: Arg, viaOnbuild: boolean, vars: Vars | null): void {
  const props = ins.getProperties();
  // dockerfile-ast reads `ARG A B=2` as one legacy `ARG A <value>`.
  if (props.length === 1 && props[0]!.getAssignmentOperator() === null && props[0]!.getValue() !== null) pushArgWords(st, ins, viaOnbuild, vars);
  else pushProperties(st, props, 'arg', viaOnbuild, vars);
}
