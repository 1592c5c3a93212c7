import { defineRule } from '../src/engine/define-rule';
import { broadPatternHosts, splitList } from '../src/go/modules';
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
    everything: '{{name}} pattern "{{pattern}}" matches every module on {{hosts}} and any other host it covers: go {{effect}} for all of them. Scope it to your organisation, e.g. {{example}}.',
  },
  check(model, ctx) {
    for (const { a, value } of goSettings(model, Object.keys(EFFECT))) {
      for (const item of splitList(value)) {
        const hosts = broadPatternHosts(item.text);
        const host = hosts[0];
        if (!host) continue;
        ctx.report({
          loc: locInValue(a, item.start, item.end, value),
          messageId: hosts.length > 1 ? 'everything' : 'broad',
          data: { name: a.name, pattern: item.text, host, hosts: hosts.join(', '), effect: EFFECT[a.name]!, example: `${host}/your-org/*` },
          severity: a.name === 'GONOPROXY' ? 'info' : 'warning',
        });
      }
    }
  },
});
