import { defineRule } from '../src/engine/define-rule';
import { goVersionText, olderThanGo } from '../src/go/image';
import { go111moduleError, go111moduleVerdict } from '../src/go/modules';
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
    offOld:
      'GO111MODULE=off selects GOPATH mode, an ordinary way to build with {{go}} (this image); module mode is the default from Go 1.16 and `go get` stops working in GOPATH mode with Go 1.22. Move to modules before upgrading.',
    redundantOn: 'GO111MODULE=on is redundant: module mode is the default since Go 1.16 and this image has {{go}}. Remove it.',
    auto: 'GO111MODULE=auto builds in GOPATH mode when there is no go.mod and changes nothing when there is one (module mode is the default since Go 1.16; this image has {{go}}). Remove it if the build has a go.mod; otherwise add one (`go mod init`).',
  },
  check(model, ctx) {
    for (const s of goSettings(model, ['GO111MODULE'])) {
      const { a, value } = s;
      const loc = valueOrName(a);
      const verdict = go111moduleVerdict(value, s.version);
      if (verdict === 'invalid') {
        ctx.report({ loc, messageId: 'invalid', data: { value, kind: KIND_LABEL[a.kind], goError: go111moduleError(value) } });
      } else if (verdict === 'off') {
        // Before Go 1.16 GOPATH mode was an ordinary way to build: note it, do not warn.
        if (s.version && olderThanGo(s.version, 16)) ctx.report({ loc, messageId: 'offOld', data: { go: goVersionText(s.version) }, severity: 'info', plain: ['go'] });
        else ctx.report({ loc, messageId: 'off', severity: 'warning' });
      } else if (verdict !== null) {
        ctx.report({ loc, messageId: verdict, data: { go: goVersionText(s.version!) }, severity: 'info', plain: ['go'] });
      }
    }
  },
});
