import { defineRule } from '../src/engine/define-rule';
import { valueOrName } from '../src/engine/report-helpers';
import { walkEnv } from '../src/facts/stage-env';
import { stageChain, stageNames } from '../src/facts/stage-context';
import { goVersionOfImage } from '../src/go/image';
import { go111moduleVerdict } from '../src/go/modules';

/** Keys whose per-user override silently changes what toolchain runs or what is verified. */
const RISKY = new Set(['GOROOT', 'GOSUMDB', 'GOFLAGS', 'GOTOOLCHAIN', 'GO111MODULE', 'GONOSUMDB', 'GOPRIVATE', 'GOINSECURE']);

/** `0`, `root`, `root:root` and `0:0` are the same user. */
function userName(u: string): string {
  const name = u.split(':')[0]!.trim();
  return name === '0' ? 'root' : name;
}

/**
 * `RUN go env -w NAME=VALUE` writes $HOME/.config/go/env of the user running the build: an ENV
 * or `docker run -e` of the same name silently wins, another USER does not see it, and a
 * GOROOT/GOSUMDB/GOFLAGS written there is hidden from anyone reading the Dockerfile's ENV.
 */
export default defineRule({
  id: 'go-env-write',
  category: 'go-env',
  severity: 'info',
  formats: ['dockerfile'],
  description: 'go env -w in a Dockerfile persists per user and is overridden by ENV',
  tags: ['go', 'env'],
  messages: {
    write:
      'go env -w {{name}} writes $HOME/.config/go/env for the build user only; ENV or `docker run -e {{name}}` silently override it and other users do not see it. Prefer ENV {{name}}=….',
    risky:
      'go env -w {{name}} hides a {{name}} setting in the build user\'s $HOME/.config/go/env, out of sight of ENV and `go env` readers of the Dockerfile, and only for that user. Use ENV {{name}}=… so it is visible and applies to every user.',
    overridden:
      'go env -w {{name}} has no effect: ENV {{name}} is set in this stage and the OS environment wins (go prints "warning: go env -w {{name}}=... does not override conflicting OS environment variable"). Change the ENV instead.',
    overriddenByImage:
      'go env -w {{name}} has no effect: the golang image sets {{name}}={{value}} in the environment, and the OS environment wins (go prints "warning: go env -w {{name}}=... does not override conflicting OS environment variable"). Write ENV {{name}}=… instead.',
    otherUser:
      'go env -w {{name}} writes the go/env file of the current user, but USER {{user}} (line {{line}}) runs later commands with another HOME, where this setting does not exist. Use ENV {{name}}=….',
  },
  check(model, ctx) {
    walkEnv(model, ({ a, env, scope, expanded }) => {
      if (a.kind !== 'go-env-w') return;
      // A GO111MODULE value that go-module-mode reports is the mistake itself: removing the line fixes both.
      const version = scope?.golang ? goVersionOfImage(scope.resolvedImage) : null;
      if (a.name === 'GO111MODULE' && expanded !== null && go111moduleVerdict(expanded, version) !== null) return;
      const loc = valueOrName(a);
      const fromEnv = env.get(a.name);
      if (fromEnv !== undefined && fromEnv !== '') {
        const chain = stageNames(model, a.scope);
        const byEnv = model.assignments.some((b) => b.kind === 'env' && b.name === a.name && b.nameLoc.line < a.nameLoc.line && b.scope !== undefined && chain.includes(b.scope));
        if (byEnv) ctx.report({ loc, messageId: 'overridden', data: { name: a.name }, severity: 'warning' });
        else ctx.report({ loc, messageId: 'overriddenByImage', data: { name: a.name, value: fromEnv ?? '' }, severity: 'warning' });
        return;
      }
      const laterEnv = model.assignments.some(
        (b) => b.kind === 'env' && b.name === a.name && b.value !== '' && b.nameLoc.line > a.nameLoc.line && b.scope !== undefined && stageChain(model, b.scope).some((s) => s.name === a.scope),
      );
      if (laterEnv) {
        ctx.report({ loc, messageId: 'overridden', data: { name: a.name }, severity: 'warning' });
        return;
      }
      const inChain = (scope: string) => stageChain(model, scope).some((s) => s.name === a.scope);
      const current = userName([...model.users].reverse().find((u) => u.loc.line < a.nameLoc.line && stageChain(model, a.scope).some((s) => s.name === u.scope))?.user ?? 'root');
      const user = model.users.find((u) => u.loc.line > a.nameLoc.line && inChain(u.scope) && userName(u.user) !== current);
      if (user) {
        ctx.report({ loc, messageId: 'otherUser', data: { name: a.name, user: user.user, line: user.loc.line }, severity: 'warning' });
        return;
      }
      if (RISKY.has(a.name)) ctx.report({ loc, messageId: 'risky', data: { name: a.name }, severity: 'warning' });
      else ctx.report({ loc, messageId: 'write', data: { name: a.name } });
    });
  },
});
