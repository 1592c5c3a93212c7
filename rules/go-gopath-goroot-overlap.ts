import { defineRule } from '../src/engine/define-rule';
import { GOLANG_IMAGE } from '../src/go/image';
import { cleanGoPath, isAbsGoPath, pathRelation, splitGoPathList } from '../src/go/paths';
import { valueOrName } from '../src/engine/report-helpers';
import { walkEnv } from '../src/facts/stage-env';
import { knownValue, setsGoEnv, targetWindows } from '../src/facts/stage-context';

/**
 * GOPATH equal to GOROOT (go warns and puts the module cache and installed tools inside the Go
 * tree) or inside it (the workspace is wiped with the toolchain on every upgrade, and go install
 * writes into the distribution). GOROOT is the one set in the stage, else the image's.
 */
/** A GOPATH to suggest: the golang image's own unless that overlaps this GOROOT too. */
function outsideOf(goroot: string, windows: boolean | null): string {
  const candidates = windows ? [GOLANG_IMAGE.windows.gopath, 'C:\\gopath'] : [GOLANG_IMAGE.linux.gopath, '/root/go', '/opt/gopath'];
  return candidates.find((c) => pathRelation(c, goroot, windows) === null && pathRelation(goroot, c, windows) === null) ?? candidates[candidates.length - 1]!;
}

export default defineRule({
  id: 'go-gopath-goroot-overlap',
  category: 'go-env',
  severity: 'warning',
  description: 'GOPATH is the Go installation directory or lies inside it',
  tags: ['go', 'gopath', 'goroot'],
  messages: {
    equal:
      'GOPATH {{entry}} is GOROOT: go prints "warning: GOPATH set to GOROOT ({{entry}}) has no effect", and the module cache and go install output land in {{goroot}}/pkg/mod and {{goroot}}/bin, inside the toolchain. Use a separate directory such as {{suggestion}}.',
    inside:
      'GOPATH {{entry}} lies inside GOROOT ({{goroot}}): downloaded modules and installed tools are mixed into the Go distribution and lost when it is replaced. Use a directory outside it such as {{suggestion}}.',
    gorootIsGopath:
      'GOROOT {{goroot}} is the GOPATH set earlier: go prints "warning: GOPATH set to GOROOT ({{goroot}}) has no effect" and looks for its standard library in the module workspace. Point GOROOT at the Go installation (`go env GOROOT` prints it), or leave it unset.',
  },
  check(model, ctx) {
    walkEnv(model, (v) => {
      const { a, scope, env } = v;
      if (!setsGoEnv(a)) return;
      if (a.name === 'GOROOT' && !scope?.golang) {
        // GOROOT set to a GOPATH set earlier (outside golang images, where go-goroot-override speaks).
        const gopath = env.get('GOPATH');
        const value = knownValue(v);
        if (typeof gopath === 'string' && gopath && value && pathRelation(gopath, value, targetWindows(scope)) === 'equal')
          ctx.report({ loc: valueOrName(a), messageId: 'gorootIsGopath', data: { goroot: cleanGoPath(value, targetWindows(scope)) } });
        return;
      }
      if (a.name !== 'GOPATH') return;
      const value = knownValue(v);
      if (value === null || value === '') return;
      const envRoot = env.get('GOROOT');
      const sameGroup = model.assignments.find((b) => b.group === a.group && b.name === 'GOROOT' && b.kind === a.kind && b.scope === a.scope);
      const goroot = (sameGroup?.value && !sameGroup.value.includes('$') ? sameGroup.value : null) ?? (typeof envRoot === 'string' && envRoot ? envRoot : null) ?? scope?.goroot ?? null;
      if (!goroot) return;
      const windows = targetWindows(scope);
      for (const entry of splitGoPathList(value, windows)) {
        if (!entry || !isAbsGoPath(entry, windows)) continue;
        const rel = pathRelation(entry, goroot, windows);
        if (rel === null) continue;
        ctx.report({ loc: valueOrName(a), messageId: rel, data: { entry, goroot: cleanGoPath(goroot, windows), suggestion: outsideOf(goroot, windows) } });
      }
    });
  },
});
