/**
 * Text from a file, a container or a daemon on its way to a terminal, a log or a workflow runner.
 * Nothing such text carries may act there: control characters (ANSI escapes, `\r`, `\n`, BEL),
 * bidirectional overrides and invisible separators are shown as escapes instead, and a line of
 * output never starts with `::` (a GitHub Actions workflow command).
 */

/** C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, line and paragraph separators, BOM. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` with every unsafe character written as a visible escape (`\e`, `\r`, `\x07`, `\u202e`). */
export function visible(s: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s) ? s.replace(UNSAFE, escapeChar) : s;
}

/** A variable name as written by people: letters, digits, `_`, `.`, `-`, not starting with a digit. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * A variable name for a message. Names are not secrets: a plain name is shown as it is. Anything
 * else (a YAML key that swallowed its value, `KEY:value`; Markdown; controls) is quoted, cut at the
 * first character that may start a value (`:`, `=`, whitespace), and made visible.
 */
export function displayName(name: string): string {
  if (PLAIN_NAME.test(name)) return name;
  const cut = name.search(/[:=\s]/);
  const head = cut < 0 ? name : `${name.slice(0, cut)}…`;
  return `"${visible(head).replace(/"/g, '\\"')}"`;
}

/** Lines of `text` that would start a workflow command get their first `:` escaped. */
export function noWorkflowCommands(text: string): string {
  return text.replace(/^([ \t]*):(?=:)/gm, '$1\\x3a');
}
