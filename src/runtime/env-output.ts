/**
 * The output side of `godock env`: each inspected target is minimized (minimize.ts), serialized
 * and written (write-env-file.ts) while the targets after it are still being inspected; the
 * report (report.ts) lists every target in target order, by name: it holds no value to mask.
 *
 * commands/env.ts loads this module only once its first Engine API requests are out, so the
 * classifier and the writers initialize while the daemon answers.
 */
import { join } from 'node:path';
import { limiter } from './concurrency';
import { minimize, type EnvDecision, type MinimizeOptions } from './minimize';
import { formatJsonReport, formatTextReport, reportFor, type TargetReport } from './report';
import type { TargetResult } from './targets';
import type { InspectedTarget } from './types';
import { checkWritable, EnvFileError, fileNameFor, sameFile, serializeEnv, WriteError, writeEnvFiles, type EnvFileFormat, type EnvFileWrite, type EnvLine } from './write-env-file';

/** Targets whose env-files are being written (created, fsynced, moved into place) at once. */
export const WRITE_CONCURRENCY = 64;

export interface OutputOptions {
  /** One file (`-` or absent: stdout); one target only. */
  output?: string;
  /** One file per target, named after it. */
  outputDir?: string;
  format: EnvFileFormat;
  force: boolean;
  secrets: 'drop' | 'passthrough' | 'file';
  secretsFile?: string;
  /** One object for every target (its matchers and classifier options are reused). */
  minimize: MinimizeOptions;
  report: 'text' | 'json';
}

export interface EnvOutput {
  /** Takes each inspection result, in target order; its file(s) are written in the background. */
  add(result: TargetResult): void;
  /** Every report in target order, once all files are written; rejects only on an unexpected error. */
  finish(): Promise<TargetReport[]>;
  /** Waits for the writes under way (each cleans up after itself); never rejects. */
  settle(): Promise<void>;
  /** The report for stderr (text or JSON): names, reasons and paths, never a value. */
  format(reports: readonly TargetReport[]): string;
}

function linesOf(decisions: readonly EnvDecision[], passthrough: boolean): EnvLine[] {
  const lines: EnvLine[] = [];
  for (const d of decisions) {
    if (d.kept) lines.push({ name: d.name, value: d.value });
    else if (passthrough && d.reason === 'secret') lines.push({ name: d.name, value: null });
  }
  return lines;
}

/** Picks a unique file name inside --output-dir for each target, in the order asked. */
function outputPathPicker(dir: string, format: EnvFileFormat): (t: InspectedTarget) => string {
  const used = new Set<string>();
  return (t) => {
    let name = fileNameFor(t.name, format);
    if (used.has(name)) name = fileNameFor(`${t.name}-${t.id.slice(0, 12)}`, format);
    used.add(name);
    return join(dir, name);
  };
}

/** A target minimized and serialized, with the file(s) it still has to write. */
interface Prepared {
  report: TargetReport;
  files: EnvFileWrite[];
  /** The env-file for stdout (`output` '-'), written once its secrets file is (all or nothing). */
  stdout?: string;
  /** The report to give instead when a file cannot be written. */
  failed: (e: WriteError) => TargetReport;
}

/** A target with nothing to write. */
function settled(report: TargetReport): Prepared {
  return { report, files: [], failed: () => report };
}

/** Minimizes one target and decides its file(s) (`output` '-' is stdout). */
function prepareTarget(t: InspectedTarget, output: string, o: OutputOptions): Prepared {
  const decisions = minimize(t.runtime, o.minimize);
  const base = { target: t.name, kind: t.kind, id: t.id, ...(t.imageNote ? { note: t.imageNote } : {}) };
  const failed = (e: EnvFileError | WriteError): TargetReport => ({
    ...reportFor(base, decisions, false),
    error: { code: e instanceof EnvFileError ? 'format' : 'write', message: `${t.name}: ${e.message}` },
  });
  try {
    const content = serializeEnv(linesOf(decisions, o.secrets === 'passthrough'), o.format);
    const secretLines = decisions.filter((d) => d.reason === 'secret').map((d) => ({ name: d.name, value: d.value }));
    const secretContent = o.secretsFile ? serializeEnv(secretLines, o.format) : null;
    if (o.secretsFile) {
      // Two outputs: refuse before writing either (commands/env.ts refuses -o naming the secrets
      // file before inspecting; a file --output-dir picks is only known now).
      if (output !== '-') {
        checkWritable(output, { force: o.force });
        if (sameFile(output, o.secretsFile)) throw new WriteError(`refusing to write ${o.secretsFile}: it is the same file as the env-file ${output}`);
      }
      checkWritable(o.secretsFile, { force: o.force });
    }
    const files: EnvFileWrite[] = [];
    if (output !== '-') files.push({ path: output, content });
    if (o.secretsFile && secretContent !== null) files.push({ path: o.secretsFile, content: secretContent });
    const report = reportFor({ ...base, output, ...(o.secretsFile ? { secretsFile: o.secretsFile } : {}) }, decisions, o.secrets === 'passthrough');
    return { report, files, ...(output === '-' ? { stdout: content } : {}), failed };
  } catch (e) {
    if (!(e instanceof EnvFileError || e instanceof WriteError)) throw e;
    return settled(failed(e));
  }
}

/** Writes a target's files (all or nothing), then its stdout env-file, and gives its report. */
async function writeTarget(p: Prepared, force: boolean, stdout: NodeJS.WritableStream): Promise<TargetReport> {
  try {
    if (p.files.length > 0) await writeEnvFiles(p.files, { force });
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    return p.failed(e);
  }
  if (p.stdout !== undefined) stdout.write(p.stdout);
  return p.report;
}

/** The output of one run: `add` each result in target order, then `finish`. */
export function createEnvOutput(o: OutputOptions, stdout: NodeJS.WritableStream): EnvOutput {
  const pathFor = o.outputDir ? outputPathPicker(o.outputDir, o.format) : null;
  const writeSlot = limiter(WRITE_CONCURRENCY);
  // One per target, in target order; each resolves once its files are written.
  const reports: Promise<TargetReport>[] = [];
  return {
    add(r) {
      const p = r.target
        ? prepareTarget(r.target, pathFor ? pathFor(r.target) : (o.output ?? '-'), o)
        : settled({ target: r.ref.name, kind: r.ref.kind, kept: [], dropped: [], passthrough: [], error: { code: r.error!.code, message: r.error!.message } });
      const written = writeSlot(() => writeTarget(p, o.force, stdout));
      written.catch(() => undefined); // awaited by finish() or settle()
      reports.push(written);
    },
    finish: () => Promise.all(reports),
    settle: async () => {
      await Promise.allSettled(reports);
    },
    format: (done) => (o.report === 'json' ? formatJsonReport(done) : formatTextReport(done)),
  };
}
