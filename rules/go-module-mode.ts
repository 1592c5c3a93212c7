import { defineRule } from '../src/engine/define-rule';
import { atLeastGo, olderThanGo } from '../src/go/image';
import { GO111MODULE_VALUES, go111moduleError } from '../src/go/modules';
import { goSettings } from '../src/facts/go-settings';
import { KIND_LABEL, valueOrName } from '../src/engine/report-helpers';

/**
 * GO111MODULE: a value other than on/off/auto/'' is fatal for every go command (case-sensitive);
 * `off` selects GOPATH mode, which lost `go get` in Go 1.22 and ignores GOTOOLCHAIN; `on` and
 * `auto` are leftovers once the image is Go 1.16 or newer.
 */
export default defineRule({
  id: 'go-module-mode',
  category: 'go-env',
  severity: 'error',
  description: 'GO111MODULE is invalid, selects GOPATH mode, or is redundant',
  tags: ['go', 'modules'],
  messages: {
    invalid:
      "GO111MODULE={{value}} ({{kind}}) is not a valid setting (on, off, auto or empty; case-sensitive): every go command fails with '{{goError}}'. Remove it (module mode is the default).",
    off: "GO111MODULE=off selects GOPATH mode: 'go get' no longer works there (Go 1.22+), 'go install pkg@version' and 'go mod' fail with 'go: modules disabled by GO111MODULE=off; see 'go help modules'', and GOTOOLCHAIN is ignored. Build in module mode.",
    redundantOn: 'GO111MODULE=on is redundant: module mode is the default since Go 1.16 and this image is newer. Remove it.',
    auto: 'GO111MODULE=auto falls back to GOPATH mode when no go.mod is found; since Go 1.16 the default (unset) is module mode everywhere. Remove it.',
  },
  check(model, ctx) {
    for (const s of goSettings(model, ['GO111MODULE'])) {
      const { a, value } = s;
      const loc = valueOrName(a);
      if (!GO111MODULE_VALUES.has(value)) {
        ctx.report({ loc, messageId: 'invalid', data: { value, kind: KIND_LABEL[a.kind], goError: go111moduleError(value) } });
      } else if (value === 'off') {
        // Before Go 1.16 GOPATH mode was an ordinary way to build: note it, do not warn.
        ctx.report({ loc, messageId: 'off', severity: olderThanGo(s.version, 16) ? 'info' : 'warning' });
      } else if ((value === 'on' || value === 'auto') && atLeastGo(s.version, 16)) {
        ctx.report({ loc, messageId: value === 'on' ? 'redundantOn' : 'auto', severity: 'info' });
      }
    }
  },
});
