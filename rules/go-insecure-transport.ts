import { defineRule } from '../src/engine/define-rule';
import { INSECURE_FLAG_ERROR, splitGoflags } from '../src/go/flags';
import { broadPatternHost, isLoopbackHost, isTrustedProxy, parseGoproxy, splitList } from '../src/go/modules';
import { goSettings } from '../src/facts/go-settings';
import { locInValue, valueOrName } from '../src/engine/report-helpers';

/**
 * Module downloads over connections anyone on the path can tamper with: GOINSECURE (plain HTTP and
 * unchecked TLS for matching modules), the removed `-insecure` flag in GOFLAGS, and GOPROXY
 * entries that use http:// (loopback and `go.trusted-proxies` excepted). GOPROXY=direct is not
 * reported: it fetches over the VCS's own transport and still checks the checksum database.
 */
export default defineRule({
  id: 'go-insecure-transport',
  category: 'go-env',
  severity: 'warning',
  description: 'Go modules are fetched over plain HTTP or unverified TLS',
  tags: ['go', 'supply-chain', 'security'],
  messages: {
    goinsecure: 'GOINSECURE pattern "{{pattern}}" lets go fetch matching modules over plain HTTP or TLS without certificate checks; fix the server\'s TLS (or add its CA to the image) and remove it.',
    goinsecureBroad: 'GOINSECURE pattern "{{pattern}}" covers every module on {{host}}: go may fetch all of them over plain HTTP or TLS without certificate checks. Remove it.',
    insecureFlag: "GOFLAGS contains {{flag}}, removed in Go 1.17: 'go get' fails with '{{goError}}' and other commands ignore it. Remove it (use GOINSECURE=your.host only if you must).",
    httpProxy: 'GOPROXY entry {{proxy}} uses plain HTTP: anyone on the network path can swap module zips and go.mod files (GOSUMDB catches only versions it knows). Use https://, or list the proxy under go.trusted-proxies in .godock.yaml.',
  },
  check(model, ctx) {
    for (const { a, value } of goSettings(model, ['GOINSECURE', 'GOFLAGS', 'GOPROXY'])) {
      if (a.name === 'GOINSECURE') {
        for (const item of splitList(value)) {
          const host = broadPatternHost(item.text);
          const loc = locInValue(a, item.start, item.end, value);
          if (host) ctx.report({ loc, messageId: 'goinsecureBroad', data: { pattern: item.text, host }, severity: 'error' });
          else ctx.report({ loc, messageId: 'goinsecure', data: { pattern: item.text } });
        }
      } else if (a.name === 'GOFLAGS') {
        for (const w of splitGoflags(value)) {
          if (w.name !== 'insecure') continue;
          ctx.report({ loc: locInValue(a, w.start, w.end, value), messageId: 'insecureFlag', data: { flag: w.text, goError: INSECURE_FLAG_ERROR }, severity: 'error' });
        }
      } else {
        for (const e of parseGoproxy(value)) {
          if (e.scheme !== 'http' || isLoopbackHost(e.host) || isTrustedProxy(e, ctx.trustedProxies)) continue;
          // Show scheme and host only: a proxy URL may carry credentials.
          const loc = a.valueLoc ? locInValue(a, e.start, e.end, value) : valueOrName(a);
          ctx.report({ loc, messageId: 'httpProxy', data: { proxy: `http://${e.host}` }, secrets: [e.text] });
        }
      }
    }
  },
});
