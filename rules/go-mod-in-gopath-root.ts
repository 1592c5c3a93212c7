import { defineRule } from '../src/engine/define-rule';
import type { Copy, FileModel } from '../src/model';
import { isAbsGoPath, pathRelation, splitGoPathList } from '../src/go/paths';
import { copyDestination, envAt, instructionsBefore, stageNames } from '../src/facts/stage-context';
import { goInvocations, GO_MODULE_SUBCOMMANDS } from '../src/facts/go-commands';
import { runScripts } from '../src/text/shell';

/** Whether a copy from the build context brings a go.mod along: `.`, `./`, `*`, or go.mod itself. */
function bringsGoMod(c: Copy): boolean {
  return c.from === undefined && c.sources.some((s) => /^(\.\/?|\*|(\.\/)?go\.mod)$/.test(s.path.trim()));
}

/** Whether the destination directory of the copy is `dir` (`COPY . .` in it, `COPY go.mod /go/`, `COPY go.mod /go/go.mod`). */
function landsIn(c: Copy, dir: string, windows: boolean): boolean {
  const dest = copyDestination(c, windows);
  if (dest === null) return false;
  if (pathRelation(dest, dir, windows) === 'equal') return true;
  return /(^|[\\/])go\.mod$/.test(c.dest!.path) && pathRelation(dest, `${dir}/go.mod`, windows) === 'equal';
}

/** The first module-mode go command run in the stage (or a child stage) after `line`, unless GO111MODULE=off. */
function laterGoCommand(model: FileModel, scope: string, line: number): boolean {
  return model.runs.some((r) => {
    const chain = stageNames(model, r.scope);
    if (!chain.includes(scope) || (r.scope === scope && r.loc.line <= line)) return false;
    if (envAt(model, r.scope, r.loc.line).get('GO111MODULE') === 'off') return false;
    return runScripts(r).some((s) => goInvocations(s.text).some((g) => GO_MODULE_SUBCOMMANDS.has(g.sub)));
  });
}

/**
 * go.mod copied into the GOPATH root of the official image (its default WORKDIR /go, so a bare
 * `COPY . .` lands there): go refuses a module at $GOPATH.
 */
export default defineRule({
  id: 'go-mod-in-gopath-root',
  category: 'go-env',
  severity: 'error',
  formats: ['dockerfile'],
  description: 'go.mod copied into the GOPATH root (/go) of the golang image',
  tags: ['go', 'gopath', 'modules'],
  messages: {
    gopathRoot:
      '{{instruction}} puts go.mod into {{gopath}}, the GOPATH root{{implicit}}; go refuses it ("$GOPATH/go.mod exists but should not", newer Go: "go: warning: ignoring go.mod in $GOPATH {{gopath}}" then "go.mod file not found"). Set WORKDIR /src (or /usr/src/app) before copying.',
  },
  check(model, ctx) {
    for (const c of model.copies) {
      const scope = model.scopes.find((s) => s.name === c.scope);
      if (!scope?.golang || !c.dest || !bringsGoMod(c)) continue;
      const gopath = envAt(model, scope.name, c.loc.line).get('GOPATH');
      if (typeof gopath !== 'string' || !gopath) continue;
      const first = splitGoPathList(gopath, scope.windows)[0]!;
      if (!isAbsGoPath(first, scope.windows) || !landsIn(c, first, scope.windows)) continue;
      if (!laterGoCommand(model, scope.name, c.loc.line)) continue;
      const explicitWorkdir = instructionsBefore(model, model.workdirs, scope.name, c.loc.line).length > 0;
      const implicit = !isAbsGoPath(c.dest.path, scope.windows) && !explicitWorkdir ? " (the image's default WORKDIR)" : '';
      ctx.report({ loc: c.dest.loc, messageId: 'gopathRoot', data: { instruction: `${c.instruction} ${c.sources.map((s) => s.path).join(' ')} ${c.dest.path}`, gopath: first, implicit } });
    }
  },
});
