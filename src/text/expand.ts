/**
 * Static variable expansion with Dockerfile semantics: `$VAR`, `${VAR}`, `${VAR:-word}`,
 * `${VAR-word}`, `${VAR:+word}`, `${VAR+word}`. Returns null when the result depends on a variable
 * whose value is not known statically (so callers stay silent rather than guess).
 * `vars` maps names to values; a name mapped to null is declared without a value (unknown).
 */
export function expand(text: string, vars: ReadonlyMap<string, string | null>, escape = '\\'): string | null {
  if (text.indexOf('$') < 0) return text; // nothing to expand (the common case, and huge values)
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '$' && c !== escape) {
      // Copy the run up to the next `$` or escape character in one slice.
      let j = text.indexOf('$', i);
      if (j < 0) j = text.length;
      const e = escape ? text.indexOf(escape, i) : -1;
      if (e >= 0 && e < j) j = e;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if (c === escape && text[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '{') {
      const close = findClose(text, i + 2);
      if (close < 0) return null;
      const body = text.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+?])(.*))?$/s.exec(body);
      if (!m) return null;
      const [, name, colon, op, word] = m;
      const has = vars.has(name!);
      const val = vars.get(name!);
      if (has && val === null) return null;
      const set = has && (colon ? val !== '' : true);
      let piece: string | null;
      if (!op) piece = has ? (val as string) : null;
      else if (op === '-') piece = set ? (val as string) : expand(word ?? '', vars, escape);
      else if (op === '+') piece = set ? expand(word ?? '', vars, escape) : '';
      else piece = set ? (val as string) : null;
      if (piece === null) return null;
      out += piece;
      i = close + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (!m) {
      out += '$';
      i++;
      continue;
    }
    const name = m[0];
    if (!vars.has(name)) return null;
    const val = vars.get(name);
    if (val === null || val === undefined) return null;
    out += val;
    i += 1 + name.length;
  }
  return out;
}

/** Index of the bracket closing one opened just before `from` (nested pairs skipped); -1 when none. */
export function findClose(text: string, from: number, open = '{', close = '}'): number {
  let depth = 1;
  for (let j = from; j < text.length; j++) {
    if (text[j] === open) depth++;
    else if (text[j] === close && --depth === 0) return j;
  }
  return -1;
}

/** Names referenced by `$VAR` / `${VAR…}` in a text, in order of appearance. */
export function referencedNames(text: string): string[] {
  const out: string[] = [];
  const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push((m[1] ?? m[2])!);
  return out;
}
