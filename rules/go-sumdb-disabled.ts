import { defineRule } from '../src/engine/define-rule';
import { sumdbError } from '../src/go/modules';
import { stageChain, stageEnv, type StageEnv } from '../src/facts/stage-context';
import { goCommands, type GoCommand } from '../src/facts/go-commands';
import { goSettings } from '../src/facts/go-settings';
import { KIND_LABEL, valueOrName } from '../src/engine/report-helpers';
import type { FileModel } from '../src/model';

/** A go command that resolves module versions not pinned by go.sum (the checksum DB's job). */
function fetchesNewModules(c: GoCommand, goflags: string): boolean {
  const words = c.args.map((w) => w.value);
  if (c.sub === 'get') return true;
  if ((c.sub === 'install' || c.sub === 'run') && words.some((w) => !w.startsWith('-') && /@/.test(w))) return true;
  if (c.sub === 'mod' && words.find((w) => !w.startsWith('-')) === 'tidy') return true;
  return words.includes('-mod=mod') || /(^|\s)-mod=mod(\s|$)/.test(c.vars.get('GOFLAGS') ?? goflags);
}

/** The first fetching go command in a stage or any stage built from it. */
function fetchIn(model: FileModel, commands: readonly GoCommand[], env: StageEnv, scope: string): GoCommand | undefined {
  return commands.find(
    (c) => stageChain(model, c.run.scope).some((s) => s.name === scope) && fetchesNewModules(c, env.at(c.run.scope, c.run.loc.line, 'GOFLAGS') ?? ''),
  );
}

/**
 * GOSUMDB: `off` accepts any module content not already in go.sum (and breaks toolchain downloads,
 * which always need the database); any value that is not `off`, a known database, or a
 * `name+hash+key [url]` verifier fails at the first lookup.
 */
export default defineRule({
  id: 'go-sumdb-disabled',
  category: 'go-env',
  severity: 'warning',
  description: 'GOSUMDB turns off or breaks checksum-database verification',
  tags: ['go', 'supply-chain', 'security'],
  messages: {
    off: 'GOSUMDB=off ({{kind}}) accepts module contents that no checksum database has verified whenever a version is not already in go.sum, and toolchain downloads then fail with \'checksum database disabled by GOSUMDB=off\'. Remove it; exempt private modules with GOPRIVATE=your.host/org/*.',
    offFetch: 'GOSUMDB=off ({{kind}}) while this stage runs `{{command}}`, which resolves versions that go.sum does not pin: their contents are accepted unverified. Remove it; exempt private modules with GOPRIVATE=your.host/org/*.',
    invalid: "GOSUMDB={{value}} is not a checksum database (off, sum.golang.org, or name+hash+key [url]): the first module lookup fails with 'verifying module: {{goError}}'. Remove it to use the default.",
  },
  check(model, ctx) {
    const settings = goSettings(model, ['GOSUMDB']);
    if (settings.length === 0) return;
    const commands = model.format === 'dockerfile' ? goCommands(model) : [];
    const env = stageEnv(model);
    for (const { a, value } of settings) {
      const loc = valueOrName(a);
      const kind = KIND_LABEL[a.kind];
      if (value === 'off') {
        const fetch = a.scope !== undefined && model.format === 'dockerfile' ? fetchIn(model, commands, env, a.scope) : undefined;
        if (fetch) {
          const command = [`go ${fetch.sub}`, ...fetch.args.slice(0, 2).map((w) => w.value)].join(' ');
          ctx.report({ loc, messageId: 'offFetch', data: { kind, command }, severity: 'error' });
        } else ctx.report({ loc, messageId: 'off', data: { kind } });
        continue;
      }
      const err = sumdbError(value);
      if (err) ctx.report({ loc, messageId: 'invalid', data: { value, goError: err }, severity: 'error' });
    }
  },
});
