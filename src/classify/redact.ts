/**
 * Masking by span: the only way text that may hold a secret is interpolated into output. The
 * spans are found in that one piece of text — the declared secret values where they occur in it
 * (whole, or any 8 characters of them), known token formats, secret-named assignments
 * (`-X main.password=…`), random-looking words —
 * and each is replaced by its mask. Nothing outside the piece is touched: a message's own words,
 * a variable's name and the rest of a report are never searched.
 */
import { mask } from './mask';
import { scanAssignments, scanText } from './index';
import { isHighEntropy } from './values';

export interface Span {
  start: number;
  end: number;
}

/** Replaces each span of `text` (overlapping spans merged) by the mask of the text it covers. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  let i = 0;
  while (i < sorted.length) {
    const start = Math.max(sorted[i]!.start, at);
    let end = sorted[i]!.end;
    while (i + 1 < sorted.length && sorted[i + 1]!.start < end) end = Math.max(end, sorted[++i]!.end);
    i++;
    if (end <= start) continue;
    out += text.slice(at, start) + mask(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

function occurrences(text: string, needle: string, into: Span[]): void {
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) into.push({ start: i, end: i + needle.length });
}

/** The shortest piece of a secret that counts as leaked (the leak tests' criterion). */
const FRAGMENT = 8;

/**
 * Pieces of a secret that the text quotes without the rest: a GOPATH entry cut out of a token, a
 * word split off a password. Every 8-character window of the text found inside the secret is a span.
 */
function fragments(text: string, secret: string, into: Span[]): void {
  if (secret.length < FRAGMENT || text.length < FRAGMENT) return;
  for (let i = 0; i + FRAGMENT <= text.length; i++) {
    if (secret.includes(text.slice(i, i + FRAGMENT))) into.push({ start: i, end: i + FRAGMENT });
  }
}

/** Words that look random (16+ characters of high entropy, not hex, not an UPPER_SNAKE name). */
function randomWords(text: string, into: Span[]): void {
  if (text.length < 16) return;
  const word = /[^\s"'`=:,;|&()<>[\]{}]+/g;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const w = m[0];
    if (w.length < 16 || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(w)) continue;
    const runs = w.match(/[A-Za-z0-9_+-]{16,}/g) ?? [];
    if (runs.some((r) => !/^[0-9a-f]+$/i.test(r) && isHighEntropy(r))) into.push({ start: m.index, end: m.index + w.length });
  }
}

/**
 * The secrets of a whole file, indexed for masking their pieces in any message about the file:
 * every 8-character window of each (of at most MAX_INDEXED of them, so a file of 100,000 secrets
 * stays linear; each report still masks its own declared secrets whole and in pieces).
 */
export class SecretIndex {
  static readonly MAX_INDEXED = 2_000;
  private readonly windows = new Set<string>();
  private readonly whole = new Set<string>();

  constructor(secrets: Iterable<string>) {
    let n = 0;
    for (const s of secrets) {
      if (s.length === 0 || n++ >= SecretIndex.MAX_INDEXED) continue;
      this.whole.add(s);
      for (let i = 0; i + FRAGMENT <= s.length; i++) this.windows.add(s.slice(i, i + FRAGMENT));
    }
  }

  has(text: string): boolean {
    return this.whole.has(text);
  }

  /** Spans of `text` that are pieces (8 characters or more) of an indexed secret. */
  spansIn(text: string, into: Span[]): void {
    if (this.windows.size === 0) return;
    for (let i = 0; i + FRAGMENT <= text.length; i++) if (this.windows.has(text.slice(i, i + FRAGMENT))) into.push({ start: i, end: i + FRAGMENT });
  }
}

const EMPTY_INDEX = new SecretIndex([]);

/**
 * A name with any 8-character piece of a known secret in it masked (a "name" that a broken line
 * made out of a key's body); other names are returned as they are: names are not secrets, and a
 * short value that happens to be part of a name (`MY_SECRET=SECRET`) leaves the name alone.
 */
export function redactName(name: string, secrets: readonly string[], file: SecretIndex = EMPTY_INDEX): string {
  const spans: Span[] = [];
  for (const s of secrets) fragments(name, s, spans);
  file.spansIn(name, spans);
  return maskSpans(name, spans);
}

/**
 * `text` (one piece of file text about to be interpolated) with its secret spans masked. A piece
 * that is itself one of `secrets` is masked whole.
 */
export function redact(text: string, secrets: readonly string[] = [], file: SecretIndex = EMPTY_INDEX): string {
  if (text.length === 0) return text;
  if (secrets.includes(text) || file.has(text)) return mask(text);
  const spans: Span[] = [];
  for (const s of secrets) {
    if (s.length === 0) continue;
    occurrences(text, s, spans);
    fragments(text, s, spans);
  }
  file.spansIn(text, spans);
  for (const t of scanText(text)) spans.push(t);
  for (const a of scanAssignments(text)) spans.push(a);
  randomWords(text, spans);
  return maskSpans(text, spans);
}
