import { defineRule } from '../src/engine/define-rule';
import { broadPatternHost, splitList } from '../src/go/modules';
import { goSettings } from '../src/facts/go-settings';
import { locInValue } from '../src/engine/report-helpers';

const EFFECT: Record<string, string> = {
  GOPRIVATE: 'skips both the module proxy and the checksum database',
  GONOSUMDB: 'skips checksum-database verification',
  GONOPROXY: 'bypasses the module proxy (the checksum database still applies)',
};

/**
 * GOPRIVATE / GONOSUMDB / GONOPROXY are comma-separated globs matched against module path
 * prefixes; a pattern that covers a whole public host (`*`, `github.com`, `github.com/*`) exempts
 * every public module under it.
 */
export default defineRule({
  id: 'go-private-too-broad',
  category: 'go-env',
  severity: 'warning',
  description: 'GOPRIVATE, GONOSUMDB or GONOPROXY covers whole public module hosts',
  tags: ['go', 'supply-chain', 'security'],
  messages: {
    broad: '{{name}} pattern "{{pattern}}" matches every module on {{host}}: go {{effect}} for all of them. Scope it to your organisation, e.g. {{example}}.',
  },
  check(model, ctx) {
    for (const { a, value } of goSettings(model, Object.keys(EFFECT))) {
      for (const item of splitList(value)) {
        const host = broadPatternHost(item.text);
        if (!host) continue;
        ctx.report({
          loc: locInValue(a, item.start, item.end, value),
          messageId: 'broad',
          data: { name: a.name, pattern: item.text, host, effect: EFFECT[a.name]!, example: `${host}/your-org/*` },
          severity: a.name === 'GONOPROXY' ? 'info' : 'warning',
        });
      }
    }
  },
});
