import { defineRule } from '../src/engine/define-rule';
import { analyzeName, classify } from '../src/classify';
import type { ClassifyOptions } from '../src/classify/types';
import type { EnvAssignment, FileModel, Run } from '../src/model';
import { secretReport } from '../src/engine/report-helpers';

/**
 * A build argument named like a credential gets a literal value: an `ARG` default in a
 * Dockerfile or a compose `build.args` entry. Build arguments are recorded in the image history
 * (`docker history`) of every stage that uses them — also when the value comes from
 * `--build-arg` at build time: a secret-named ARG that a RUN runs with is reported too.
 */
/**
 * The first RUN of the ARG's stage after it, when the ARG is secret-named and has no value in the
 * file (`ARG JDK8_TOKEN`, `ARG NPM_TOKEN=$NPM_TOKEN`): every RUN in its scope records it.
 */
function firstRunWith(model: FileModel, a: EnvAssignment, opts: ClassifyOptions): Run | null {
  if (a.scope === undefined || a.viaOnbuild) return null;
  // With no value to judge, only the name speaks: a deny word or a `*_KEY` head, no exemption.
  const n = analyzeName(a.name, opts);
  if (n.strength === 'none' || n.exemption) return null;
  return model.runs.find((r) => r.scope === a.scope && !r.viaOnbuild && r.loc.line > a.nameLoc.line) ?? null;
}

export default defineRule({
  id: 'secret-in-build-arg',
  category: 'secret',
  severity: 'error',
  description: 'Hardcoded secret as a build argument default',
  aliases: ['SecretsUsedInArgOrEnv', 'DL3064'],
  tags: ['security', 'secrets'],
  messages: {
    argDefault:
      'ARG {{name}} has a hardcoded {{word}} as its default ({{value}}); build args are visible in the image history. Pass secrets with RUN --mount=type=secret,id={{id}} (docker build --secret id={{id}},env={{name}}).',
    usedInRun:
      'ARG {{name}} is a secret build arg with no value in the file, and RUN (line {{line}}) runs with it: the builder records `{{name}}=…` in that step of the image history (docker history shows it), and anything the step writes stays in a layer. Pass it with RUN --mount=type=secret,id={{id}} (docker build --secret id={{id}},env={{name}}) instead.',
    composeArg:
      'build.args {{name}} is a hardcoded {{word}} ({{value}}); build args are visible in the image history. Use compose build `secrets:` and RUN --mount=type=secret in the Dockerfile.',
  },
  check(model, ctx) {
    for (const a of model.assignments) {
      if (a.kind !== 'arg' && a.kind !== 'build-arg') continue;
      const c = classify(a.name, a.value, ctx.classify);
      if (c.secret && c.reason === 'name' && !model.template) {
        ctx.report(secretReport(a, c, a.kind === 'arg' ? 'argDefault' : 'composeArg', { id: a.name.toLowerCase() }));
        continue;
      }
      const run = a.kind === 'arg' && c.valueKind !== 'literal' && c.valueKind !== 'placeholder' ? firstRunWith(model, a, ctx.classify) : null;
      if (run) ctx.report({ loc: a.nameLoc, messageId: 'usedInRun', data: { name: a.name, line: run.loc.line, id: a.name.toLowerCase() }, severity: 'warning' });
    }
  },
});
