import { defineRule } from '../src/engine/define-rule';
import { classify } from '../src/classify';
import { secretReport } from '../src/engine/report-helpers';

/**
 * A variable whose name says it holds a credential (password, token, API key, …) is given a
 * literal value in ENV, compose `environment`, or an env file. Known token formats are the job
 * of secret-token-format, so each secret is reported once.
 */
export default defineRule({
  id: 'secret-in-env',
  category: 'secret',
  severity: 'error',
  description: 'Hardcoded secret in an environment variable',
  aliases: ['SecretsUsedInArgOrEnv', 'DL3064', 'DS-0031'],
  tags: ['security', 'secrets'],
  messages: {
    dockerfile:
      'ENV {{name}} holds a hardcoded {{word}} ({{value}}); it is stored in every image layer. Inject it at run time (docker run -e / secrets) or use RUN --mount=type=secret for build steps.',
    compose:
      '{{name}} is given a hardcoded {{word}} ({{value}}) in environment; use a compose `secrets:` entry (mounted at /run/secrets/…) with a {{name}}_FILE variable, or ${{{name}}} from the deploying shell.',
    envFile:
      '{{name}} holds a hardcoded {{word}} ({{value}}) in a committed env file; keep real credentials out of version control (a secret store, compose `secrets:`, or an untracked env file).',
  },
  check(model, ctx) {
    for (const a of model.assignments) {
      if (a.kind !== 'env' && a.kind !== 'environment' && a.kind !== 'env-file') continue;
      const c = classify(a.name, a.value, ctx.classify);
      if (!c.secret || c.reason !== 'name' || model.template) continue; // a template's values are examples
      const messageId = a.kind === 'env' ? 'dockerfile' : a.kind === 'environment' ? 'compose' : 'envFile';
      const r = secretReport(a, c, messageId);
      ctx.report(r);
    }
  },
});
