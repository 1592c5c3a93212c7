import { defineRule } from '../src/engine/define-rule';
import { BUILD_FLAGS, NESTED_FLAG_LISTS, isKnownGoFlag, nonFlagError, splitGoflags, unknownFlagError } from '../src/classify/go-modules';
import { goSettings } from '../src/engine/go-settings';
import { locInValue } from '../src/engine/report-helpers';

/**
 * GOFLAGS is split on white space (strings.Fields) and each word must be one `-flag[=value]`:
 * quotes are not interpreted, a word without a dash is fatal, a flag no go command knows is fatal,
 * and the second half of `-ldflags=-s -w` silently becomes a flag of its own. `-mod=mod` lets
 * builds rewrite go.mod/go.sum and resolve missing modules at build time.
 */
export default defineRule({
  id: 'go-flags-misuse',
  category: 'go-env',
  severity: 'error',
  description: 'GOFLAGS is malformed or lets builds rewrite go.mod',
  tags: ['go', 'modules'],
  messages: {
    modMod: 'GOFLAGS -mod=mod lets every build rewrite go.mod/go.sum and resolve missing requirements to whatever version is newest at build time. Keep the default (readonly) or -mod=vendor, and run go mod tidy in the repository.',
    nonFlag: "GOFLAGS word \"{{word}}\" is not a flag: every go command but go env and go bug fails with '{{goError}}'. GOFLAGS is a space-separated list of -flag=value words; values cannot contain spaces.",
    unknownFlag: "GOFLAGS contains {{word}}, which no go command knows: every go command but go env and go bug fails with '{{goError}}'.",
    split: 'GOFLAGS is split on spaces, so "{{word}}" is not part of {{flag}}: it becomes a separate flag that go build ignores or rejects. Pass multi-word {{flag}} on the go command line (or join tool flags with commas where the tool allows it).',
    quotes: 'GOFLAGS does not interpret quotes: "{{word}}" keeps its quote characters and the value is split at the space anyway. Pass flags whose values contain spaces on the go command line.',
    repeated: 'GOFLAGS sets {{flag}} twice; only the last one applies, so "{{lost}}" is dropped. Put multi-word {{flag}} on the go command line.',
  },
  check(model, ctx) {
    for (const { a, value } of goSettings(model, ['GOFLAGS'])) {
      const words = splitGoflags(value);
      let nested: string | null = null; // the -ldflags-like flag whose value the previous words continue
      const seen = new Map<string, string>(); // nested flag + package pattern → its value
      let quoted = false;
      for (const w of words) {
        const loc = locInValue(a, w.start, w.end, value);
        if (/["']/.test(w.text)) {
          if (!quoted) ctx.report({ loc, messageId: 'quotes', data: { word: w.text } });
          quoted = true;
          continue;
        }
        if (w.name === '' || (nested !== null && !BUILD_FLAGS.has(w.name))) {
          if (nested !== null) ctx.report({ loc, messageId: 'split', data: { word: w.text, flag: `-${nested}` } });
          else ctx.report({ loc, messageId: 'nonFlag', data: { word: w.text, goError: nonFlagError(w.text) } });
          continue;
        }
        nested = null;
        if (w.name === 'insecure') continue; // go-insecure-transport
        if (!isKnownGoFlag(w.name)) {
          ctx.report({ loc, messageId: 'unknownFlag', data: { word: w.text, goError: unknownFlagError(w.name) } });
          continue;
        }
        if (w.name === 'mod' && w.value === 'mod') ctx.report({ loc, messageId: 'modMod', severity: 'warning' });
        if (NESTED_FLAG_LISTS.has(w.name)) {
          nested = w.name;
          const v = w.value ?? '';
          // cmd/go PerPackageFlag: a value not starting with '-' is `pattern=flags`.
          const pattern = !v.startsWith('-') && v.includes('=') ? v.slice(0, v.indexOf('=')) : '';
          const key = `${w.name}\0${pattern}`;
          const before = seen.get(key);
          if (before !== undefined) ctx.report({ loc, messageId: 'repeated', data: { flag: `-${w.name}`, lost: before }, severity: 'warning' });
          seen.set(key, v);
        }
      }
    }
  },
});
