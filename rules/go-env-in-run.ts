import { defineRule } from '../src/engine/define-rule';
import type { EnvAssignment, FileModel, Run, TextSegment } from '../src/model';
import { walkEnv } from '../src/facts/stage-env';
import { stageChain } from '../src/facts/stage-context';
import { isPlainOsImage } from '../src/go/image';
import { goInvocations } from '../src/facts/go-commands';
import { runScripts, simpleCommands } from '../src/text/shell';

/** Commands that cannot run go, so an assignment followed only by them still dies unused. */
const INERT = new Set([
  'echo', 'printf', 'true', ':', 'set', 'unset', 'export', 'readonly', 'declare', 'typeset', 'local',
  'mkdir', 'chmod', 'chown', 'ls', 'cat', 'rm', 'cp', 'mv', 'ln', 'touch', 'cd', 'pwd', 'which', 'env', 'printenv',
]);

function isGoName(a: EnvAssignment): boolean {
  if (/^C?GO/.test(a.name)) return true;
  return a.name === 'PATH' && /go\/bin|\$\{?GO(PATH|ROOT|BIN)\b/.test(a.value ?? '');
}

/** The stage descends from the golang image or a plain OS image, so its environment is fully known. */
function knownBase(model: FileModel, scope: string | undefined): boolean {
  const chain = stageChain(model, scope);
  const root = chain[chain.length - 1];
  return !!root && (root.golang || isPlainOsImage(root.resolvedImage));
}

/** The script of a RUN that holds the assignment, and the assignment's offset in it. */
function locate(model: FileModel, a: EnvAssignment): { text: string; offset: number } | null {
  const runs: Run[] = model.runs.filter((r) => r.scope === (a.scope ?? '') && r.loc.line <= a.nameLoc.line && a.nameLoc.line <= r.loc.endLine);
  for (const r of runs) {
    for (const { segments, sep, text } of runScripts(r)) {
      const off = offsetIn(segments, sep, a.nameLoc.line, a.nameLoc.column);
      if (off !== null) return { text, offset: off };
    }
  }
  return null;
}

function offsetIn(segments: readonly TextSegment[], sep: string, line: number, column: number): number | null {
  let offset = 0;
  for (const s of segments) {
    if (s.line === line && column >= s.column && column <= s.column + s.text.length) return offset + column - s.column;
    offset += s.text.length + sep.length;
  }
  return null;
}

/**
 * `RUN export GOPATH=/x` or a bare `RUN GOFLAGS=-mod=vendor` with nothing after it that could use
 * it: the variable dies with the RUN's shell. And a bare (unexported) assignment of a variable
 * that is not already in the environment is not seen by the go command later in the same RUN.
 * Prefix assignments (`CGO_ENABLED=0 go build`) are the right form and are not reported.
 */
export default defineRule({
  id: 'go-env-in-run',
  category: 'go-env',
  severity: 'warning',
  formats: ['dockerfile'],
  description: 'Go variable set in a RUN shell, where it does not persist',
  tags: ['go', 'env'],
  messages: {
    dies:
      '{{name}} set in this RUN only lives until the RUN ends, and nothing after it in this RUN uses it; later instructions do not see it. Use ENV {{name}}=… (or put it in front of the go command: {{name}}=… go build).',
    notExported:
      '{{name}}=… here is a plain shell variable (not exported), so the go command later in this RUN does not see it. Write `export {{name}}=…` or put it in front of the command ({{name}}=… go …), or use ENV.',
  },
  check(model, ctx) {
    walkEnv(model, ({ a, env }) => {
      if (a.kind !== 'run' || (a.runForm !== 'export' && a.runForm !== 'bare') || !isGoName(a)) return;
      const where = locate(model, a);
      if (!where) return;
      const commands = simpleCommands(where.text);
      const after = commands.filter((c) => c.start > where.offset);
      const consumers = after.filter((c) => c.head && !INERT.has(c.head.value));
      if (consumers.length === 0) {
        ctx.report({ loc: a.nameLoc, messageId: 'dies', data: { name: a.name } });
        return;
      }
      // Whether the variable is already exported is only known when the base image is.
      if (a.runForm !== 'bare' || env.has(a.name) || !knownBase(model, a.scope)) return;
      const exportedLater = after.some((c) => c.head && ['export', 'declare', 'typeset'].includes(c.head.value) && c.args.some((w) => w.value === a.name || w.value.startsWith(`${a.name}=`)));
      const allExport = /\bset\s+-[a-z]*a/.test(where.text);
      const rest = where.text.slice(where.offset);
      if (exportedLater || allExport || goInvocations(rest).length === 0) return;
      ctx.report({ loc: a.nameLoc, messageId: 'notExported', data: { name: a.name } });
    });
  },
});
