import { defineRule } from '../src/engine/define-rule';
import { classify } from '../src/classify';
import { secretReport } from '../src/engine/report-helpers';

/**
 * A build argument named like a credential gets a literal value: an `ARG` default in a
 * Dockerfile or a compose `build.args` entry. Build arguments are recorded in the image history
 * (`docker history`) of every stage that uses them.
 */
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
    composeArg:
      'build.args {{name}} is a hardcoded {{word}} ({{value}}); build args are visible in the image history. Use compose build `secrets:` and RUN --mount=type=secret in the Dockerfile.',
  },
  check(model, ctx) {
    for (const a of model.assignments) {
      if (a.kind !== 'arg' && a.kind !== 'build-arg') continue;
      const c = classify(a.name, a.value, ctx.classify);
      if (!c.secret || c.reason !== 'name' || model.template) continue; // a template's values are examples
      const r = secretReport(a, c, a.kind === 'arg' ? 'argDefault' : 'composeArg', { id: a.name.toLowerCase() });
      ctx.report(r);
    }
  },
});
