/** Small builders the test tables share: fake secret values, file texts, locations. */
import type { Location } from '../../src/model';

/** An obviously fake value of length `n` made of `unit` repeated, so that no real token appears in the source. */
export const F = (n: number, unit = 'FAKE'): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
/** A fake value mixing letters and digits. */
export const MIX = (n: number): string => F(n, 'Fake0Tok3nX9');
/** A fake lower-case hex value. */
export const HEX = (n: number): string => F(n, 'fa4e0b1c2d3');

/** A file text from its lines, newline-terminated. */
export const lines = (...ls: string[]): string => ls.join('\n') + '\n';

/** A location; the end line defaults to the start line. */
export const L = (line: number, column: number, endColumn: number, endLine = line): Location => ({ line, column, endLine, endColumn });
