import { defineRule } from '../src/engine/define-rule';
import type { EnvAssignment, FileModel } from '../src/model';
import { golangTagVersion, goVersionsAgree } from '../src/go/image';
import { goNameNoop } from '../src/go/names';
import { valueOrName } from '../src/engine/report-helpers';
import { walkEnv } from '../src/facts/stage-env';
import { stageChain } from '../src/facts/stage-context';
import { referencedNames } from '../src/text/expand';
import { joinSegments } from '../src/text/location';
import { runScripts } from '../src/text/shell';

// RUN assignments are left out: a prefix or export feeds whatever command follows (make, scripts), which may read it.
const KINDS = new Set<EnvAssignment['kind']>(['env', 'go-env-w', 'environment', 'env-file']);

/** Every shell text of the file (RUN commands, heredocs) plus every value as written, for "is it used?". */
function usedNames(model: FileModel): Set<string> {
  const texts: string[] = [];
  for (const r of model.runs) for (const s of runScripts(r)) texts.push(s.text);
  for (const r of model.runs) if (r.form === 'exec') texts.push(joinSegments(r.segments));
  for (const a of model.assignments) texts.push(a.raw ?? a.value ?? '');
  for (const c of model.copies) texts.push(...c.sources.map((s) => s.path), c.dest?.path ?? '');
  for (const w of model.workdirs) texts.push(w.path);
  for (const s of model.scopes) texts.push(s.image ?? '');
  const out = new Set<string>();
  for (const t of texts) for (const n of referencedNames(t)) out.add(n);
  return out;
}

/**
 * Settings that look like Go configuration but change nothing: names cmd/go does not know
 * (`GONOSUMCHECK`, near-misses such as `GO_PATH`/`GOFALGS`, the wrong case on Linux),
 * `GOROOT_FINAL` (no effect since Go 1.23, never on an installed toolchain), and a
 * `GOLANG_VERSION` that disagrees with the golang image tag (it is informational only).
 * Names the file itself reads (`$GO_ARCH` in a RUN) are project variables and are left alone.
 */
export default defineRule({
  id: 'go-noop-setting',
  category: 'go-env',
  severity: 'warning',
  description: 'Go-looking setting that the go command ignores',
  tags: ['go', 'env'],
  messages: {
    unknown:
      '{{name}} is not a go command variable and has no effect ("go env -w" rejects it with "go: unknown go command variable {{name}}"). Did you mean {{meant}}?',
    wrongCase:
      '{{name}} is not {{meant}}: environment names are case-sensitive on Linux, so go never reads it. Write {{meant}}.',
    gorootFinal:
      'GOROOT_FINAL has no effect since Go 1.23 and never changed where an installed toolchain looks for its root; remove it (symlink the go binary if it lives elsewhere).',
    golangVersion:
      'GOLANG_VERSION={{value}} does not change the Go in this image ({{tag}} from the FROM tag); nothing reads it. Change the FROM tag instead.',
  },
  check(model, ctx) {
    let used: Set<string> | null = null;
    const buildsGo = (scope: string | undefined) =>
      scope !== undefined &&
      model.runs.some((r) => stageChain(model, scope).some((s) => s.name === r.scope) && runScripts(r).some((s) => /\bmake\.(bash|bat|rc)\b/.test(s.text)));
    walkEnv(model, (v) => {
      const { a, scope } = v;
      if (!KINDS.has(a.kind)) return;
      const loc = a.nameLoc;
      if (a.name === 'GOROOT_FINAL') {
        if (!buildsGo(a.scope)) ctx.report({ loc, messageId: 'gorootFinal', severity: 'info' });
        return;
      }
      if (a.name === 'GOLANG_VERSION') {
        const tag = scope?.golang ? golangTagVersion(scope.resolvedImage) : null;
        const value = v.expanded;
        if (tag && value && !/[$`]/.test(value) && /^\d/.test(value.replace(/^go/, '')) && !goVersionsAgree(value, tag))
          ctx.report({ loc: valueOrName(a), messageId: 'golangVersion', data: { value, tag }, severity: 'info' });
        return;
      }
      const noop = goNameNoop(a.name, scope?.windows ?? false);
      if (!noop) return;
      used ??= usedNames(model);
      if (noop.kind !== 'curated' && used.has(a.name)) return;
      ctx.report({ loc, messageId: noop.kind === 'case' ? 'wrongCase' : 'unknown', data: { name: a.name, meant: noop.meant } });
    });
  },
});
