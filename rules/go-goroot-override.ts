import { defineRule } from '../src/engine/define-rule';
import type { FileModel, Scope } from '../src/model';
import { valueOrName } from '../src/engine/report-helpers';
import { walkEnv } from '../src/facts/stage-env';
import { copyDestination, distroGoRootsAt, goRootsAt, knownValue, setsGoEnv, stageNames } from '../src/facts/stage-context';
import { cleanGoPath, pathRelation } from '../src/go/paths';
import { runScripts } from '../src/text/shell';
import { escapeRe } from '../src/util/escape-re';

/**
 * Whether the stage (or its ancestors) puts something at `value` itself: a copy into it, or a RUN
 * that names it (`tar -C /opt -xzf go.tgz` for /opt/go, `mkdir $GOROOT`, `git clone … /opt/go`).
 * Then `value` is a custom toolchain and GOROOT may be needed.
 */
function installsThere(model: FileModel, scope: Scope, value: string): boolean {
  const chain = new Set(stageNames(model, scope.name));
  const clean = cleanGoPath(value, scope.windows);
  const parent = clean.replace(/[\\/][^\\/]*$/, '') || '/';
  for (const c of model.copies) {
    if (!chain.has(c.scope)) continue;
    const d = copyDestination(c, scope.windows);
    if (d === null || d === '/' || /^[a-z]:\\$/i.test(d)) continue;
    if (pathRelation(d, clean, scope.windows) !== null) return true;
    if (c.from !== undefined && pathRelation(clean, d, scope.windows) === 'inside') return true;
  }
  for (const r of model.runs) {
    if (!chain.has(r.scope)) continue;
    // The GOROOT assignments themselves are not evidence of an install.
    const text = runScripts(r)
      .map((x) => x.text)
      .join('\n')
      .replace(/\bGOROOT=\S*/g, '');
    if (text.includes(clean) || /\$\{?GOROOT\b/.test(text) || new RegExp(`-C\\s*${escapeRe(parent)}/?(\\s|$)`).test(text)) return true;
  }
  return false;
}

/**
 * GOROOT set to something other than where this image's Go is installed (error), or to exactly
 * that place (info: redundant, and it pins every go binary to this tree). Stages that install a
 * toolchain of their own at the value (custom toolchains) and stages where the Go install is
 * unknown stay silent.
 */
export default defineRule({
  id: 'go-goroot-override',
  category: 'go-env',
  severity: 'error',
  description: 'GOROOT set by hand, to a directory other than where Go is installed or redundantly',
  tags: ['go', 'goroot'],
  messages: {
    mismatch:
      'GOROOT={{value}} but the Go of this {{where}} is installed at {{actual}}; go fails with "go: cannot find GOROOT directory: {{value}}" (or "compile: version … does not match go tool version"). Remove it: go finds its root from the location of the go binary.',
    redundant:
      'GOROOT={{value}} repeats where Go is already installed; go derives it from the binary, and pinning it makes any other go put first on PATH fail with "compile: version … does not match go tool version". Remove it (use `go env GOROOT` where a tool needs the path).',
  },
  check(model, ctx) {
    walkEnv(model, (v) => {
      const { a, scope } = v;
      if (a.name !== 'GOROOT' || !setsGoEnv(a) || !scope) return;
      const value = knownValue(v);
      if (value === null || value === '') return;
      const dockerfile = model.format === 'dockerfile';
      // A golang stage's Go is the image's; elsewhere, a Go tree copied in from a golang image or stage.
      const copied = scope.goroot ? [scope.goroot] : dockerfile ? goRootsAt(model, scope.name, a.nameLoc.line) : [];
      // No Go tree of an image: Go from the distribution's packages, if a RUN installed it.
      const distro = copied.length === 0 && dockerfile ? distroGoRootsAt(model, scope.name, a.nameLoc.line) : [];
      const roots = copied.length > 0 ? copied : distro;
      if (roots.length === 0) return;
      const where = distro.length > 0 ? 'stage (from distribution packages)' : dockerfile ? 'stage' : 'service';
      if (roots.some((r) => pathRelation(value, r, scope.windows) === 'equal')) {
        ctx.report({ loc: valueOrName(a), messageId: 'redundant', data: { value }, severity: 'info' });
        return;
      }
      if (dockerfile && installsThere(model, scope, value)) return;
      ctx.report({ loc: valueOrName(a), messageId: 'mismatch', data: { value, actual: roots[0]!, where } });
    });
  },
});
