import { defineRule } from '../src/engine/define-rule';
import type { FileModel, Scope } from '../src/model';
import { cleanGoPath, isAbsGoPath, joinGoPath, pathRelation } from '../src/go/paths';
import { GOLANG_IMAGE } from '../src/go/image';
import { copyDestination, envAt, goRootsAt, stageNames } from '../src/facts/stage-context';
import { expand } from '../src/text/expand';
import { runScripts } from '../src/text/shell';

/** The Go trees of a stage at a line: GOROOT when set, the image's or copied trees, else /usr/local/go on Linux. */
function goRoots(model: FileModel, scope: Scope, line: number): string[] {
  const roots = goRootsAt(model, scope.name, line);
  const set = model.assignments.some((a) => a.name === 'GOROOT') ? envAt(model, scope.name, line).get('GOROOT') : undefined;
  if (typeof set === 'string' && set && isAbsGoPath(set, scope.windows)) roots.push(set);
  if (roots.length === 0 && !scope.windows) roots.push(GOLANG_IMAGE.linux.goroot);
  return roots;
}

/** Only paths with a `src` segment can be inside GOROOT/src (a cheap filter before the real check). */
const SRC = /(^|[\\/])src([\\/]|$)/i;

/** A stage that builds Go itself (`cd src && ./make.bash`) works in GOROOT/src on purpose. */
function buildsGo(model: FileModel, scope: Scope): boolean {
  const chain = new Set(stageNames(model, scope.name));
  return model.runs.some((r) => chain.has(r.scope) && runScripts(r).some((s) => /\b(make|all|run)\.(bash|bat|rc)\b/.test(s.text)));
}

/**
 * Project sources copied into `$GOROOT/src`, or a WORKDIR there: they live inside the Go
 * distribution, are lost (or shadow the standard library) when the toolchain is upgraded or the
 * base image updated, and go treats them as part of the standard library tree.
 */
export default defineRule({
  id: 'go-source-in-goroot',
  category: 'go-env',
  severity: 'warning',
  formats: ['dockerfile'],
  description: 'Project sources copied into GOROOT/src or a WORKDIR inside it',
  tags: ['go', 'goroot'],
  messages: {
    copy:
      '{{instruction}} puts project files into {{path}}, inside the Go distribution ({{goroot}}/src): they are lost or shadowed on every Go upgrade or base image update, and go treats them as standard library code. Copy them to a directory of their own, e.g. WORKDIR /src.',
    workdir:
      'WORKDIR {{path}} is inside the Go distribution ({{goroot}}/src): whatever is copied here is lost on every Go upgrade or base image update, and go treats it as standard library code. Use a directory of your own, e.g. WORKDIR /src.',
  },
  check(model, ctx) {
    const memo = new Map<string, boolean>();
    const buildsGoMemo = (m: FileModel, s: Scope) => {
      if (!memo.has(s.name)) memo.set(s.name, buildsGo(m, s));
      return memo.get(s.name)!;
    };
    for (const w of model.workdirs) {
      const scope = model.scopes.find((s) => s.name === w.scope);
      if (!scope || w.absolute === undefined || !SRC.test(w.absolute) || buildsGoMemo(model, scope)) continue;
      for (const g of goRoots(model, scope, w.loc.line)) {
        if (pathRelation(w.absolute, joinGoPath(g, 'src', scope.windows), scope.windows) === null) continue;
        ctx.report({ loc: w.loc, messageId: 'workdir', data: { path: w.absolute, goroot: cleanGoPath(g, scope.windows) } });
        break;
      }
    }
    for (const c of model.copies) {
      const scope = model.scopes.find((s) => s.name === c.scope);
      if (!scope || !c.dest || !(SRC.test(c.dest.path) || c.dest.path.includes('$')) || buildsGoMemo(model, scope)) continue;
      // Only destinations written out (a relative one follows a WORKDIR reported above).
      const raw = c.dest.path;
      const expanded = raw.includes('$') ? expand(raw, envAt(model, scope.name, c.loc.line)) : raw;
      if (expanded === null || !isAbsGoPath(expanded, scope.windows)) continue;
      const dest = copyDestination({ ...c, dest: { ...c.dest, path: expanded } }, scope.windows);
      if (dest === null) continue;
      const roots = goRoots(model, scope, c.loc.line);
      // Copying a Go tree (or part of one) from another stage is installing Go, not project code.
      if (c.from !== undefined && c.sources.some((s) => roots.some((g) => pathRelation(s.path, g, scope.windows) !== null) || /[\\/]go([\\/]|$)/.test(s.path))) continue;
      for (const g of roots) {
        if (pathRelation(dest, joinGoPath(g, 'src', scope.windows), scope.windows) === null) continue;
        ctx.report({ loc: c.dest.loc, messageId: 'copy', data: { instruction: c.instruction, path: dest, goroot: cleanGoPath(g, scope.windows) } });
        break;
      }
    }
  },
});
