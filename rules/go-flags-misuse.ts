import { defineRule } from '../src/engine/define-rule';
import { BUILD_FLAGS, NESTED_FLAG_LISTS, VALUE_FLAGS, badBoolError, chdirFlagError, isKnownGoFlag, needsValueError, nonFlagError, splitGoflags, unknownFlagError } from '../src/go/flags';
import { goSettings } from '../src/facts/go-settings';
import { GO_BUILDING_SUBCOMMANDS, goCommands } from '../src/facts/go-commands';
import { locInValue } from '../src/engine/report-helpers';

/**
 * GOFLAGS is split on white space (strings.Fields) and each word must be one `-flag[=value]`:
 * quotes are not interpreted, a word without a dash is fatal, a flag no go command knows is fatal,
 * and the second half of `-ldflags=-s -w` silently becomes a flag of its own. Every command that
 * declares a flag then applies the word (SetFromGOFLAGS): a value flag without `=value`, a boolean
 * flag with a value ParseBool rejects, and -C in any form are fatal there. `-mod=mod` lets
 * builds rewrite go.mod/go.sum and resolve missing modules at build time.
 */
export default defineRule({
  id: 'go-flags-misuse',
  category: 'go-env',
  severity: 'error',
  description: 'GOFLAGS is malformed or lets builds rewrite go.mod',
  tags: ['go', 'modules'],
  messages: {
    modModFlag: '`go {{sub}} -mod=mod` lets this build rewrite go.mod/go.sum and resolve missing requirements to whatever version is newest at build time, as GOFLAGS=-mod=mod would. Drop the flag (the default is readonly) or use -mod=vendor, and run go mod tidy in the repository.',
    modMod: 'GOFLAGS -mod=mod lets every build rewrite go.mod/go.sum and resolve missing requirements to whatever version is newest at build time. Keep the default (readonly) or -mod=vendor, and run go mod tidy in the repository.',
    nonFlag: "GOFLAGS word \"{{word}}\" is not a flag: every go command but go env and go bug fails with '{{goError}}'. GOFLAGS is a space-separated list of -flag=value words; values cannot contain spaces.",
    unknownFlag: "GOFLAGS contains {{word}}, which no go command knows: every go command but go env and go bug fails with '{{goError}}'.",
    split: 'GOFLAGS is split on spaces, so "{{word}}" is not part of {{flag}}: it becomes a separate flag that go build ignores or rejects. Pass multi-word {{flag}} on the go command line (or join tool flags with commas where the tool allows it).',
    quotes: 'GOFLAGS does not interpret quotes: "{{word}}" keeps its quote characters and the value is split at the space anyway. Pass flags whose values contain spaces on the go command line.',
    chdirFlag: "GOFLAGS sets -C, which only works as the first flag on the go command line: every go command that has -C (go build, go test, go mod …, even go env) fails with '{{goError}}'. Set the directory with WORKDIR or cd, or run go -C dir build.",
    needsValue: "GOFLAGS word \"{{word}}\" has no value: every go command that has {{flag}} fails with '{{goError}}'. Write {{flag}}=value as one word.",
    badBool: "GOFLAGS sets the boolean flag {{flag}} to \"{{value}}\": every go command that has {{flag}} fails with '{{goError}}'. Write {{flag}} alone or {{flag}}={{allowed}}.",
    repeated: 'GOFLAGS sets {{flag}} twice; only the last one applies, so "{{lost}}" is dropped. Put multi-word {{flag}} on the go command line.',
  },
  check(model, ctx) {
    for (const c of goCommands(model)) {
      if (!GO_BUILDING_SUBCOMMANDS.has(c.sub)) continue;
      // The go command's flags end at the first argument that is not one (packages, then the program's own).
      for (let i = 0; i < c.args.length; i++) {
        const w = c.args[i]!.value;
        if (w === '--' || !w.startsWith('-')) break;
        if (/^--?mod=mod$/.test(w)) {
          const loc = c.locate(c.args[i]!);
          if (loc) ctx.report({ loc, messageId: 'modModFlag', data: { sub: c.sub }, severity: 'warning', plain: ['sub'] });
        } else if (!w.includes('=') && VALUE_FLAGS.has(w.replace(/^--?/, ''))) i++;
      }
    }
    for (const { a, value } of goSettings(model, ['GOFLAGS'])) {
      const words = splitGoflags(value);
      let nested: string | null = null; // the -ldflags-like flag whose value the previous words continue
      const seen = new Map<string, string>(); // nested flag + package pattern → its value
      let quoted = false;
      for (const [i, w] of words.entries()) {
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
        // SetFromGOFLAGS (run by each command that declares the flag): -C always fails; a value
        // flag followed by a non-flag word (`-tags foo`) is the nonFlag report on that word.
        const flag = `-${w.name}`;
        if (w.name === 'C') ctx.report({ loc, messageId: 'chdirFlag', data: { goError: chdirFlagError(w.value) } });
        else if (w.value === null && VALUE_FLAGS.has(w.name) && words[i + 1]?.name !== '') {
          ctx.report({ loc, messageId: 'needsValue', data: { word: w.text, flag, goError: needsValueError(w.name) } });
        } else if (w.value !== null) {
          const goError = badBoolError(w.name, w.value);
          if (goError !== null) ctx.report({ loc, messageId: 'badBool', data: { flag, value: w.value, goError, allowed: w.name === 'buildvcs' ? 'true, false or auto' : 'true or false' }, plain: ['allowed'] });
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
