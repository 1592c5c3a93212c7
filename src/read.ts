/**
 * Turns file bytes into text or a clear refusal: size limit, binary content, UTF-16 with a BOM
 * (decoded), invalid UTF-8 (refused with the line of the first bad byte). Files (lint-file.ts),
 * stdin and configuration files all go through these checks.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type Decoded = { text: string } | { error: string; line: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The refusal of a file above MAX_FILE_BYTES; without `bytes` (stdin, read only up to the limit) no size is given. */
export function tooLarge(bytes?: number): Decoded {
  const size = bytes === undefined ? '' : ` (${bytes} bytes)`;
  return { error: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB${size}; refusing to lint it`, line: 1 };
}

/**
 * Reads a stream (stdin) through the same checks as a file: the limit (reading stops as soon as
 * more than MAX_FILE_BYTES arrived, and the stream is destroyed, so an endless or huge input is
 * never buffered whole), then decode(). A stream error is a refusal too.
 */
export async function readStream(stream: NodeJS.ReadableStream): Promise<Decoded> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const c of stream) {
      const b = Buffer.isBuffer(c) ? c : Buffer.from(String(c));
      total += b.length;
      if (total > MAX_FILE_BYTES) {
        // Leaving the loop destroys the stream: the rest is never read.
        chunks.length = 0;
        return tooLarge();
      }
      chunks.push(b);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `cannot read: ${code ?? 'error'}`, line: 1 };
  }
  return decode(Buffer.concat(chunks, total));
}

export function decode(buf: Uint8Array): Decoded {
  if (buf.length > MAX_FILE_BYTES) return tooLarge(buf.length);
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const le = buf[0] === 0xff;
    const body = buf.subarray(2);
    const swapped = le ? body : swap16(body);
    return { text: new TextDecoder('utf-16le').decode(swapped) };
  }
  const probe = buf.subarray(0, 8192);
  const nul = probe.indexOf(0);
  if (nul >= 0) return { error: 'binary file (contains NUL bytes); not a Dockerfile, compose or env file', line: lineAt(buf, nul) };
  try {
    return { text: utf8.decode(buf) };
  } catch {
    const bad = firstInvalidUtf8(buf);
    return { error: 'file is not valid UTF-8 text', line: lineAt(buf, bad) };
  }
}

function swap16(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length - (b.length % 2));
  for (let i = 0; i + 1 < b.length; i += 2) {
    out[i] = b[i + 1]!;
    out[i + 1] = b[i]!;
  }
  return out;
}

function lineAt(buf: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 10) line++;
  return line;
}

function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}
