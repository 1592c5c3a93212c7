import { defineRule } from '../src/engine/define-rule';
import { golangImage } from '../src/go/image';
import { cleanGoPath, joinGoPath, pathRelation } from '../src/go/paths';
import { walkEnv } from '../src/facts/stage-env';
import type { FileModel } from '../src/model';
import { copyDestination, fromStage, goRootsAt, stageChain } from '../src/facts/stage-context';
import { goInvocations } from '../src/facts/go-commands';
import { runScripts } from '../src/text/shell';

const BINARY = /^(.*?)[\\/]bin(?:[\\/](?:go(?:\.exe)?|\*))?[\\/]?$/;

/**
 * The Go tree whose `bin/go` (or whole `bin` directory) `path` names, or null: a root of the
 * source stage/image, a `$GOROOT` reference, or a directory named `go` other than the GOPATH `/go`.
 */
function binaryRoot(path: string, sourceRoots: string[]): string | null {
  const m = BINARY.exec(path.trim());
  if (!m) return null;
  const root = m[1]!;
  if (/^\$\{?GOROOT\}?$/.test(root)) return root;
  if (sourceRoots.some((r) => pathRelation(root, r, null) === 'equal')) return root;
  const clean = cleanGoPath(root, null);
  if (/[\\/]go$/i.test(clean) && clean !== '/go' && !/^[a-z]:\\go$/i.test(clean)) return clean;
  return null;
}

/** Whether a RUN of the stage (or a child stage) after `line` invokes go. */
function runsGoLater(model: FileModel, scope: string, line: number): boolean {
  return model.runs.some(
    (r) =>
      stageChain(model, r.scope).some((s) => s.name === scope) &&
      (r.scope !== scope || r.loc.line > line) &&
      runScripts(r).some((x) => goInvocations(x.text).length > 0),
  );
}

/**
 * `COPY --from=golang… /usr/local/go/bin/go /usr/bin/go`: a go binary outside its tree cannot find
 * GOROOT (release binaries are trimmed), so every go command fails. Fine when the binary lands in
 * the bin directory of a Go tree also copied into the stage, or GOROOT names such a tree.
 */
export default defineRule({
  id: 'go-binary-without-goroot',
  category: 'go-env',
  severity: 'error',
  formats: ['dockerfile'],
  description: 'Only the go binary is copied, without the Go tree it needs',
  tags: ['go', 'goroot'],
  messages: {
    binaryOnly:
      "Copying only {{source}} to {{dest}} breaks GOROOT discovery: go fails with \"go: cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set\". Copy the whole {{root}} tree and put {{root}}/bin on PATH (or symlink the binary).",
  },
  check(model, ctx) {
    let finalEnv: ReturnType<typeof walkEnv> | null = null;
    for (const c of model.copies) {
      if (c.from === undefined) continue;
      const scope = model.scopes.find((s) => s.name === c.scope);
      if (!scope || scope.golang) continue;
      const src = fromStage(model, c.from);
      const img = golangImage(c.from);
      const sourceRoots = src ? goRootsAt(model, src.name, Infinity) : img.goroot ? [img.goroot] : [];
      for (const s of c.sources) {
        const root = binaryRoot(s.path, sourceRoots);
        if (root === null) continue;
        // A whole bin directory usually carries tools built into it (GOBIN); only the go binary matters when go runs here.
        if (!/[\\/]go(\.exe)?$/.test(s.path.trim()) && !runsGoLater(model, scope.name, c.loc.line)) continue;
        const dest = copyDestination(c, scope.windows);
        if (dest === null) continue;
        const trees = goRootsAt(model, scope.name, Infinity);
        if (trees.some((t) => pathRelation(dest, joinGoPath(t, 'bin', scope.windows), scope.windows) !== null)) continue;
        finalEnv ??= walkEnv(model);
        const goroot = finalEnv.get(scope.name)?.get('GOROOT');
        if (goroot && trees.some((t) => pathRelation(goroot, t, scope.windows) === 'equal')) continue;
        ctx.report({ loc: s.loc, messageId: 'binaryOnly', data: { source: s.path, dest, root } });
      }
    }
  },
});
