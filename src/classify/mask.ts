/**
 * Masking: the only way a secret value is ever shown. At most a short prefix (never more than
 * 4 characters, and never more than a quarter of the value) and the length: `ghp_****(40)`.
 * No 8-character slice of the value can survive.
 */
export function mask(value: string): string {
  const len = [...value].length;
  const prefixLen = Math.min(4, Math.floor(len / 4));
  const prefix = [...value].slice(0, prefixLen).join('');
  return `${prefix}****(${len})`;
}
