/**
 * Masking by span: the only way text that may hold a secret is interpolated into output. The
 * spans are found in that one piece of text — the declared secret values where they occur in it,
 * known token formats, secret-named assignments (`-X main.password=…`), random-looking words —
 * and each is replaced by its mask. Nothing outside the piece is touched: a message's own words,
 * a variable's name and the rest of a report are never searched.
 */
import { mask } from './mask';
import { scanAssignments, scanText } from './index';
import { isHighEntropy } from './values';

interface Span {
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
 * `text` (one piece of file text about to be interpolated) with its secret spans masked. A piece
 * that is itself one of `secrets` is masked whole.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  if (text.length === 0) return text;
  if (secrets.includes(text)) return mask(text);
  const spans: Span[] = [];
  for (const s of secrets) if (s.length > 0) occurrences(text, s, spans);
  for (const t of scanText(text)) spans.push(t);
  for (const a of scanAssignments(text)) spans.push(a);
  randomWords(text, spans);
  return maskSpans(text, spans);
}
