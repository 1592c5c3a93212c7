import { defineRule } from '../src/engine/define-rule';
import { classify } from '../src/classify';
import { secretReport } from '../src/engine/report-helpers';

/**
 * A value has the shape of a known credential (GitHub/GitLab/Slack/Stripe/npm/PyPI/Docker/Google/
 * OpenAI/Anthropic/SendGrid tokens, AWS keys, JWTs, PEM private keys, Azure connection strings,
 * URLs with a password), whatever the variable is called.
 */
export default defineRule({
  id: 'secret-token-format',
  category: 'secret',
  severity: 'error',
  description: 'Value has the format of a known credential',
  aliases: ['SecretsUsedInArgOrEnv'],
  tags: ['security', 'secrets'],
  messages: {
    published:
      '{{kind}} {{name}} contains the {{published}} ({{value}}): published by its vendor and valid only against the local emulator, so there is nothing to revoke. Make sure no real deployment reads this setting.',
    token:
      '{{kind}} {{name}} contains {{a tokenType}} ({{value}}); revoke it and inject it at run time or through a build secret instead of writing it into the file.',
  },
  check(model, ctx) {
    for (const a of model.assignments) {
      if (a.kind === 'run' || a.kind === 'go-env-w' || a.kind === 'runtime') continue; // secret-in-run covers RUN text
      const c = classify(a.name, a.value, ctx.classify);
      if (!c.secret || c.reason !== 'value') continue;
      if (c.published) {
        ctx.report({ ...secretReport(a, c, 'published', { published: c.published }), severity: 'info', plain: ['kind', 'tokenType', 'word', 'published'] });
        continue;
      }
      ctx.report(secretReport(a, c, 'token'));
    }
  },
});
