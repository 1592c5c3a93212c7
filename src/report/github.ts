/**
 * `github`: GitHub Actions workflow commands, one annotation per finding:
 *   ::error file=F,line=L,endLine=E,col=C,endColumn=EC,title=T::message
 * info findings become `::notice`. Escaping follows the runner's rules (actions/toolkit
 * command.ts): in the message `%`, CR and LF are percent-encoded; in property values `:` and
 * `,` are too. Columns are only given for single-line ranges (the runner ignores them otherwise).
 * Paths are relative to ctx.cwd (the workspace) with `/` separators, as annotations require.
 * No per-step limit is applied here; the Action chooses which annotations to emit.
 */
import type { Finding, Severity } from '../model';
import type { Formatter } from './types';
import { visible } from '../util/safe-text';
import { relativeTo, sortedErrors, sortedFindings, type FileError } from './flatten';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export const ANNOTATION_LEVEL: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface AnnotationProps {
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

/** One workflow command line (no trailing newline); other control characters are made visible. */
export function command(level: AnnotationLevel, message: string, props: AnnotationProps = {}): string {
  const parts = (Object.entries(props) as [string, string | number | undefined][])
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(safe(String(v)))}`);
  return `::${level}${parts.length ? ` ${parts.join(',')}` : ''}::${escapeData(safe(message))}`;
}

/** Controls made visible, except CR and LF, which the runner's own encoding carries. */
function safe(s: string): string {
  return s.split(/(\r|\n)/).map((part) => (part === '\r' || part === '\n' ? part : visible(part))).join('');
}

function fileFor(file: string, cwd: string): string {
  return relativeTo(cwd, file) ?? file;
}

export function findingAnnotation(f: Finding, cwd: string): string {
  const single = f.loc.endLine === f.loc.line;
  return command(ANNOTATION_LEVEL[f.severity], f.message, {
    file: fileFor(f.file, cwd),
    line: f.loc.line,
    endLine: f.loc.endLine,
    col: single ? f.loc.column : undefined,
    endColumn: single ? f.loc.endColumn : undefined,
    title: `godock ${f.ruleId}`,
  });
}

export function errorAnnotation(e: FileError, cwd: string): string {
  return command('error', e.message, { file: fileFor(e.file, cwd), line: Math.max(1, e.line), col: Math.max(1, e.column), title: 'godock parse error' });
}

export const github: Formatter = (result, ctx) => {
  const lines = [
    ...sortedErrors(result).map((e) => errorAnnotation(e, ctx.cwd)),
    ...sortedFindings(result).map((f) => findingAnnotation(f, ctx.cwd)),
  ];
  return lines.length ? `${lines.join('\n')}\n` : '';
};

/** GitHub keeps at most this many annotations of each level (error, warning, notice) per step. */
export const STEP_ANNOTATION_LIMIT = 10;

/**
 * The annotations a single step may emit: most severe first (file errors, then error, warning and
 * info findings, each in file/line order), at most STEP_ANNOTATION_LIMIT per level; when anything
 * is left out, one notice (taking a notice slot) says how many and where to find them.
 */
export function limitedAnnotations(result: Parameters<Formatter>[0], cwd: string, limit = STEP_ANNOTATION_LIMIT): { lines: string[]; omitted: number } {
  const items: { level: AnnotationLevel; text: string }[] = [
    ...sortedErrors(result).map((e) => ({ level: 'error' as const, text: errorAnnotation(e, cwd) })),
    ...(['error', 'warning', 'info'] as const).flatMap((sev) =>
      sortedFindings(result)
        .filter((f) => f.severity === sev)
        .map((f) => ({ level: ANNOTATION_LEVEL[sev], text: findingAnnotation(f, cwd) })),
    ),
  ];
  const total: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const i of items) total[i.level]++;
  const overflow = total.error > limit || total.warning > limit || total.notice > limit;
  const budget: Record<AnnotationLevel, number> = { error: limit, warning: limit, notice: overflow ? limit - 1 : limit };
  const lines: string[] = [];
  for (const i of items) {
    if (budget[i.level] <= 0) continue;
    budget[i.level]--;
    lines.push(i.text);
  }
  const omitted = items.length - lines.length;
  if (omitted > 0)
    lines.push(
      command(
        'notice',
        `${omitted} more godock ${omitted === 1 ? 'problem is' : 'problems are'} not annotated (GitHub shows at most ${limit} errors, ${limit} warnings and ${limit} notices per step): see the job summary, the step log or the SARIF report.`,
        { title: 'godock: more problems' },
      ),
    );
  return { lines, omitted };
}
