/**
 * One discovered file through read → parse → (for Dockerfiles) rules. Pure apart from reading the
 * file, and free of anything thread-bound, so the lint pool's worker threads run it too.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { FileFormat, FileModel, FileResult, Scope } from './model';
import type { Discovered } from './discover';
import { decode, MAX_FILE_BYTES, tooLarge } from './read';
import { parseFile, sniffFormat } from './parse';
import { lintModel } from './engine/run';
import type { ResolvedConfig } from './engine/config';
import type { Rule } from './engine/define-rule';

/**
 * What one file becomes: a read error; a linted file, of which only its stages or services are
 * kept (a compose service built from a Dockerfile looks up its stages); or a model that waits for
 * the link step (see waitsForLink).
 */
export type FileOutcome =
  | { kind: 'unread'; result: FileResult }
  | { kind: 'linted'; result: FileResult; format: FileFormat; scopes: Scope[] }
  | { kind: 'parsed'; model: FileModel };

export function processFile(f: Discovered, rules: readonly Rule[], config: ResolvedConfig): FileOutcome {
  const read = readText(f.abs);
  if ('error' in read) {
    return { kind: 'unread', result: { file: f.display, format: f.format, findings: [], errors: [{ message: read.error, line: read.line, column: 1 }] } };
  }
  const model = parseFile(f.display, read.text, f.format ?? sniffFormat(read.text));
  if (!waitsForLink(model)) return { kind: 'linted', result: runRules(model, rules, config), format: model.format, scopes: model.scopes };
  return { kind: 'parsed', model };
}

/**
 * Whether linking can still change the model (lintPaths' link step): env files learn the services
 * that load them; compose services built from a Dockerfile learn whether it is golang. Linking
 * never changes a Dockerfile, nor a compose file without env files or built services: those are
 * linted at once, so their models need not be kept.
 */
function waitsForLink(model: FileModel): boolean {
  if (model.format === 'env-file') return true;
  if (model.format !== 'compose') return false;
  return model.envFiles.length > 0 || model.scopes.some((s) => s.build !== undefined && !s.golang);
}

/** A broken file (a Jinja template, say) can yield hundreds of parser errors; the first ones tell. */
export const MAX_ERRORS_PER_FILE = 10;

export function runRules(model: FileModel, rules: readonly Rule[], config: ResolvedConfig): FileResult {
  const { findings, errors } = lintModel(model, rules, config);
  let all = [...model.errors, ...errors];
  if (all.length > MAX_ERRORS_PER_FILE) {
    const next = all[MAX_ERRORS_PER_FILE]!;
    all = [...all.slice(0, MAX_ERRORS_PER_FILE), { message: `${all.length - MAX_ERRORS_PER_FILE} more errors in this file`, line: next.line, column: next.column }];
  }
  return { file: model.path, format: model.format, findings, errors: all };
}

export function readText(abs: string): { text: string } | { error: string; line: number } {
  let fd: number | undefined;
  try {
    // Non-blocking: opening a FIFO must not wait for a writer; fstat then says what it is.
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return { error: 'not a regular file', line: 1 };
    if (st.size > MAX_FILE_BYTES) return tooLarge(st.size);
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    for (let r = 1; n < buf.length && r > 0; n += r) r = readSync(fd, buf, n, buf.length - n, null);
    return decode(buf.subarray(0, n));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'EACCES' || code === 'EPERM' ? 'cannot read: permission denied' : code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? 'error'}`, line: 1 };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads and parses a file the link step found (an env file or Dockerfile no input named); null when unreadable. */
export function parseLinkedFile(abs: string, display: string, format: FileFormat, envFormat: 'dotenv' | 'raw' = 'dotenv'): FileModel | null {
  const read = readText(abs);
  return 'error' in read ? null : parseFile(display, read.text, format, envFormat);
}
