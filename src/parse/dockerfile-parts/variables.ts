/** ENV, ARG and LABEL: one assignment per name, with exact name and value positions. */
import type { Arg, Instruction, Property } from 'dockerfile-ast';
import type { EnvAssignment } from '../../model';
import { fromRange0, joinSegments, locateInSegments, type Range0 } from '../../text/location';
import { isWord, tokenize } from '../../text/shell';
import { pushAssignment, setVar, type DockerfileState, type Vars } from './state';
import { segmentsOf, sliceRange } from './text';

/** A value written in matching quotes: its location moves inside them. */
const QUOTED = /^(["']).*\1$/s;

/**
 * Docker's quote removal over a one-line value word: `"…"` and `'…'` anywhere in it (`gh"p_"R7s…`
 * is stored as `ghp_R7s…`), the escape character outside single quotes (inside double quotes only
 * before `"`, `$` or itself). `$` references are left as written, for expansion.
 */
export function dockerUnquote(raw: string, escape: string): string {
  let out = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
    } else if (c === escape && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      // Inside double quotes the escape character is literal unless it escapes `"`, `$` or itself.
      if (quote === '"' && next !== '"' && next !== '$' && next !== escape) out += c;
      else {
        out += next;
        i++;
      }
    } else if (c === '"') quote = quote ? null : '"';
    else if (c === "'" && quote === null) quote = "'";
    else out += c;
  }
  return out;
}

/** A value whose quotes sit inside the word, where dockerfile-ast keeps them and Docker does not. */
const INNER_QUOTE = /[^\s"']["']|["'][^\s"']*["'][^\s"']/;

/** The properties of ENV / ARG / LABEL as assignments; `vars` (when given) learns their values. */
export function pushProperties(st: DockerfileState, props: Property[], kind: EnvAssignment['kind'], viaOnbuild: boolean, vars: Vars | null): void {
  st.group++;
  for (const p of props) {
    const name = p.getName();
    if (!name) continue;
    let value = p.getValue();
    const vr = p.getValueRange() as Range0 | null;
    let valueLoc = vr ? fromRange0(vr) : null;
    const rawText = vr ? sliceRange(st.lines, vr) : undefined;
    if (value !== null && rawText !== undefined && !rawText.includes('\n') && INNER_QUOTE.test(rawText)) {
      // Only quote characters may differ: anything else means the raw text is not this value.
      const stored = dockerUnquote(rawText, st.escape);
      if (stored.replace(/["']/g, '') === value.replace(/["']/g, '')) value = stored;
    }
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
