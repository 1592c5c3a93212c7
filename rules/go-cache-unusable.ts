import { defineRule } from '../src/engine/define-rule';
import type { FileModel, User } from '../src/model';
import { isAbsGoPath } from '../src/go/paths';
import { valueOrName } from '../src/engine/report-helpers';
import { walkEnv } from '../src/facts/stage-env';
import { envAt, instructionsBefore, interpolationOnly, knownValue, setsGoEnv, targetWindows, stageNames } from '../src/facts/stage-context';
import { goInvocations, GO_BUILDING_SUBCOMMANDS } from '../src/facts/go-commands';
import { runScripts } from '../src/text/shell';
import { escapeRe } from '../src/util/escape-re';

const RELATIVE_ERROR: Readonly<Record<string, string>> = {
  GOCACHE: 'build cache is required, but could not be located: GOCACHE is not an absolute path',
  GOMODCACHE: 'GOMODCACHE entry is relative; must be absolute path',
  GOBIN: 'cannot install, GOBIN must be an absolute path',
  GOTMPDIR: 'GOTMPDIR must be an absolute path',
};

/** The user in effect at `line` of `scope`: its last USER before the line, else the parent stage's. */
function userAt(model: FileModel, scope: string, line: number): User | null {
  return instructionsBefore(model, model.users, scope, line).pop() ?? null;
}

/**
 * The HOME docker gives a user, when it is certainly not writable: `nobody` (/nonexistent), or a
 * numeric uid that no RUN of the stage created (no passwd entry: HOME=/), or a user made by
 * `useradd` without `-m` (its home directory does not exist). Null otherwise.
 */
function unwritableHome(model: FileModel, scope: string, user: string): string | null {
  const name = user.split(':')[0]!.trim();
  if (name === 'nobody' || name === '65534') return '/nonexistent';
  if (name === '0' || name === 'root') return null;
  const chain = new Set(stageNames(model, scope));
  const scripts = model.runs.filter((r) => chain.has(r.scope)).flatMap((r) => runScripts(r).map((s) => s.text));
  if (!/^\d+$/.test(name)) {
    // `useradd app` without -m: HOME=/home/app is never created (Debian's default), unless a RUN makes it.
    const useradd = scripts.map((t) => new RegExp(`\\buseradd\\b[^\\n;&|]*\\s${escapeRe(name)}(\\s|$|[;&|])`).exec(t)?.[0]).find((m) => m !== undefined);
    if (!useradd || /\s(-m|--create-home|-d|--home-dir|-\w*m\w*)\b/.test(useradd)) return null;
    if (scripts.some((t) => t.includes(`/home/${name}`))) return null;
    return `/home/${name}`;
  }
  const created = scripts.some((t) => new RegExp(`(useradd|adduser)[^\\n;&|]*\\s(-u|--uid)[=\\s]*${name}\\b`).test(t));
  return created ? null : '/';
}

/**
 * Build and module caches go cannot use: GOCACHE=off (fatal since Go 1.12), relative
 * GOCACHE/GOMODCACHE/GOBIN/GOTMPDIR, and a non-root USER without a writable home in a golang
 * stage that then compiles with the default cache ($HOME/.cache/go-build).
 */
export default defineRule({
  id: 'go-cache-unusable',
  category: 'go-env',
  severity: 'error',
  description: 'Go build cache, module cache or install directory go cannot use',
  tags: ['go', 'cache'],
  messages: {
    off: 'GOCACHE=off is fatal since Go 1.12: every build fails with "build cache is disabled by GOCACHE=off, but required as of Go 1.12". Point GOCACHE at a writable directory (or a cache mount) instead.',
    relative: '{{name}}={{value}} is not an absolute path; go fails with "{{error}}". Use an absolute directory.',
    homeless:
      'USER {{user}} gets HOME={{home}}, so the default build cache {{home}}/.cache/go-build cannot be created and `go {{sub}}` (line {{line}}) fails with "failed to initialize build cache at {{cacheDir}}: mkdir …: permission denied". Set ENV GOCACHE=/tmp/go-cache (or HOME) or create the user with a home directory.',
  },
  check(model, ctx) {
    walkEnv(model, (v) => {
      const { a, scope } = v;
      if (!setsGoEnv(a) || !(a.name in RELATIVE_ERROR)) return;
      const value = knownValue(v);
      if (value === null || value === '') return;
      if (a.name === 'GOCACHE' && value === 'off') {
        ctx.report({ loc: valueOrName(a), messageId: 'off' });
        return;
      }
      if (value.startsWith('~') && ((a.kind === 'run' && !(a.raw !== undefined && /["'\\]/.test(a.raw))) || interpolationOnly(model, a))) return;
      if (isAbsGoPath(value, targetWindows(scope))) return;
      ctx.report({ loc: valueOrName(a), messageId: 'relative', data: { name: a.name, value, error: RELATIVE_ERROR[a.name]! } });
    });
    if (model.format !== 'dockerfile') return;
    const reported = new Set<User>();
    for (const r of model.runs) {
      const scope = model.scopes.find((s) => s.name === r.scope);
      if (!scope?.golang || scope.windows) continue;
      const user = userAt(model, r.scope, r.loc.line);
      if (!user || reported.has(user)) continue;
      const home = unwritableHome(model, r.scope, user.user);
      if (home === null) continue;
      const env = envAt(model, r.scope, r.loc.line);
      if (['GOCACHE', 'XDG_CACHE_HOME', 'HOME'].some((n) => env.has(n))) continue;
      if (r.mounts.some((m) => /type=cache/.test(m) && /go-build|\.cache/.test(m))) continue;
      const go = runScripts(r)
        .flatMap((s) => goInvocations(s.text))
        .find((g) => GO_BUILDING_SUBCOMMANDS.has(g.sub) && !g.command.assignments.some((w) => /^(GOCACHE|HOME|XDG_CACHE_HOME)=/.test(w.raw)));
      if (!go) continue;
      const text = runScripts(r).map((s) => s.text).join('\n');
      if (/\bexport\s+(GOCACHE|HOME|XDG_CACHE_HOME)=/.test(text)) continue;
      reported.add(user);
      const cacheDir = `${home === '/' ? '' : home}/.cache/go-build`;
      ctx.report({ loc: user.loc, messageId: 'homeless', data: { user: user.user, home, sub: go.sub, line: r.loc.line, cacheDir }, severity: 'warning' });
    }
  },
});
