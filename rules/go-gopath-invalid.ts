import { defineRule } from '../src/engine/define-rule';
import type { EnvAssignment, FileModel, Report } from '../src/model';
import { isPlainOsImage } from '../src/go/image';
import { isAbsGoPath, splitGoPathList } from '../src/go/paths';
import { valueOrName } from '../src/engine/report-helpers';
import { walkEnv, type EnvVisit } from '../src/facts/stage-env';
import { interpolationOnly, knownValue, setsGoEnv, stageChain, targetWindows } from '../src/facts/stage-context';
import { expand, referencedNames } from '../src/text/expand';

/**
 * The value of `GOPATH=$GOPATH:/x` when GOPATH is certainly unset before it: the stage descends
 * from a plain OS image, and neither ENV, ARG nor an earlier assignment of the same RUN set it.
 */
function valueWithUnsetGopath(model: FileModel, v: EnvVisit): string | null {
  const { a, scope, env } = v;
  if (a.value === null || !scope || model.format !== 'dockerfile' || env.has('GOPATH')) return null;
  if (!referencedNames(a.value).includes('GOPATH')) return null;
  const chain = stageChain(model, scope.name);
  if (!isPlainOsImage(chain[chain.length - 1]?.resolvedImage ?? null)) return null;
  const names = new Set(chain.map((s) => s.name));
  const setBefore = model.assignments.some(
    (b) => b !== a && b.name === 'GOPATH' && b.scope !== undefined && names.has(b.scope) && (b.kind === 'arg' || b.group === a.group) && b.nameLoc.line <= a.nameLoc.line && (b.nameLoc.line < a.nameLoc.line || b.nameLoc.column < a.nameLoc.column),
  );
  if (setBefore) return null;
  const vars = new Map(env);
  vars.set('GOPATH', '');
  const x = expand(a.value, vars);
  return x === null || /[$`]/.test(x) ? null : x;
}

/** `GOPATH=~/go` in a RUN: the shell expands an unquoted `~` after `=` or `:`, so go never sees it. */
function shellExpandsTilde(a: EnvAssignment): boolean {
  return a.kind === 'run' && !(a.raw !== undefined && /["'\\]/.test(a.raw));
}

/**
 * GOPATH entries go rejects at startup: relative (`go`, `./go`, ` /go`), starting with `~` (ENV and
 * compose never expand it), and an empty first element (`:/go`, or `$GOPATH:/x` while GOPATH is
 * unset) that leaves the module cache and the install directory undefined.
 */
export default defineRule({
  id: 'go-gopath-invalid',
  category: 'go-env',
  severity: 'error',
  description: 'GOPATH entry that is relative, starts with ~, or is empty in first place',
  tags: ['go', 'gopath'],
  messages: {
    relative:
      'GOPATH entry "{{entry}}" is relative; every go command exits with "go: GOPATH entry is relative; must be absolute path: "{{entry}}"." Use an absolute path such as /go.',
    tilde:
      'GOPATH entry "{{entry}}" starts with ~, which nothing expands here; go exits with "go: GOPATH entry cannot start with shell metacharacter \'~\': "{{entry}}"". Write the absolute path.',
    emptyFirst:
      'The first GOPATH entry is empty ({{value}}): go takes the module cache and the go install directory from the first entry, so downloads fail with "module cache not found: neither GOMODCACHE nor GOPATH is set". Set GOPATH to an absolute path first.',
  },
  check(model, ctx) {
    walkEnv(model, (v) => {
      const { a, scope } = v;
      if (a.name !== 'GOPATH' || !setsGoEnv(a)) return;
      const value = knownValue(v) ?? valueWithUnsetGopath(model, v);
      if (value === null || value === '') return;
      const windows = targetWindows(scope);
      const entries = splitGoPathList(value, windows);
      const loc = valueOrName(a);
      const reports: Report[] = [];
      if (entries.length > 1 && entries[0] === '') reports.push({ loc, messageId: 'emptyFirst', data: { value: JSON.stringify(value) } });
      // go stops at the first bad entry; report that one.
      for (const entry of entries) {
        if (entry === '') continue;
        if (entry.startsWith('~')) {
          if (shellExpandsTilde(a) || interpolationOnly(model, a)) continue;
          reports.push({ loc, messageId: 'tilde', data: { entry } });
          break;
        } else if (!isAbsGoPath(entry, windows)) {
          reports.push({ loc, messageId: 'relative', data: { entry } });
          break;
        }
      }
      for (const r of reports) ctx.report(r);
    });
  },
});
