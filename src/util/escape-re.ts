/** `s` with every regular-expression metacharacter escaped, to match it literally inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
