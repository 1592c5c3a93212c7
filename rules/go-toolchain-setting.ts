import { defineRule } from '../src/engine/define-rule';
import { olderThanGo } from '../src/go/image';
import { parseToolchain, sameGoAsImage } from '../src/go/toolchain';
import { goSettings } from '../src/facts/go-settings';
import { valueOrName } from '../src/engine/report-helpers';

/**
 * GOTOOLCHAIN (Go 1.21+): a value the go command cannot parse is fatal; in the official golang
 * image (which pins GOTOOLCHAIN=local) a value that lets go pick another toolchain makes the build
 * download and run a Go the image does not contain.
 */
export default defineRule({
  id: 'go-toolchain-setting',
  category: 'go-env',
  severity: 'warning',
  description: 'GOTOOLCHAIN is invalid or lets go download another toolchain',
  tags: ['go', 'toolchain', 'supply-chain'],
  messages: {
    invalid: "GOTOOLCHAIN={{value}} is not a valid setting: every go command fails with '{{goError}}'. Use local, auto, path, go1.N[.P], optionally with +auto or +path.",
    auto: 'GOTOOLCHAIN={{value}} lets go download and run a newer toolchain whenever go.mod asks for one, so the build no longer uses this image\'s Go (the image pins GOTOOLCHAIN=local) and needs network access and the checksum database. Bump the FROM tag instead.',
    pinned: 'GOTOOLCHAIN={{value}} makes every go command download and run {{value}} instead of the Go this image ships ({{image}}). Use a golang:{{version}} image instead.',
    empty: 'An empty GOTOOLCHAIN falls back to the default in $GOROOT/go.env (auto), undoing the image\'s GOTOOLCHAIN=local: go may download another toolchain at build time. Remove the line.',
  },
  check(model, ctx) {
    for (const s of goSettings(model, ['GOTOOLCHAIN'])) {
      const { a, value, scope, version } = s;
      if (olderThanGo(version, 21)) continue; // Go before 1.21 does not read GOTOOLCHAIN
      const loc = valueOrName(a);
      if (value !== '') {
        const t = parseToolchain(value);
        if (!t.ok) {
          ctx.report({ loc, messageId: 'invalid', data: { value, goError: t.error }, severity: 'error' });
          continue;
        }
      }
      // Weakening only matters where the image pins local: the official Linux image. A RUN-inline
      // setting is scoped to one command (deliberate tool installs); `go env -w` loses to the
      // image's ENV GOTOOLCHAIN=local.
      if (!scope?.golang || scope.windows || a.kind === 'run' || a.kind === 'go-env-w') continue;
      if (value === '') {
        ctx.report({ loc, messageId: 'empty' });
        continue;
      }
      const t = parseToolchain(value);
      if (!t.ok) continue;
      if (t.mode === 'auto') ctx.report({ loc, messageId: 'auto', data: { value } });
      else if (t.mode === '' && t.version !== null && version !== null && sameGoAsImage(t.version, version) === false) {
        ctx.report({ loc, messageId: 'pinned', data: { value, image: scope.resolvedImage ?? scope.image ?? 'golang', version: t.version } });
      }
    }
  },
});
