import { defineRule } from '../src/engine/define-rule';
import { classify } from '../src/classify';
import { scanCommand } from '../src/classify/commands';
import { secretReport } from '../src/engine/report-helpers';
import { span } from '../src/parse/location';
import type { Location } from '../src/model';

/**
 * Credentials written into a RUN command or a RUN heredoc: token literals, `curl -u user:pass`,
 * `--password …`, `echo "//registry…/:_authToken=…" > .npmrc`, `export API_TOKEN=…`. The command
 * text is stored in the image history, and files it writes stay in the layer.
 */
export default defineRule({
  id: 'secret-in-run',
  category: 'secret',
  severity: 'error',
  description: 'Hardcoded credential in a RUN command',
  formats: ['dockerfile'],
  aliases: ['tally/secrets-in-code'],
  tags: ['security', 'secrets'],
  messages: {
    literal:
      'RUN contains a hardcoded {{tokenType}} ({{value}}); the command is kept in the image history. Use RUN --mount=type=secret,id=… and read the secret from /run/secrets/… (or $VAR with --mount=type=secret,env=VAR).',
    assignment:
      'RUN sets {{name}} to a hardcoded {{word}} ({{value}}); the command is kept in the image history. Use RUN --mount=type=secret,id={{id}},env={{name}} instead.',
  },
  check(model, ctx) {
    const reported: Location[] = [];
    const overlaps = (l: Location) => reported.some((r) => r.line === l.line && l.column < r.endColumn && l.endColumn > r.column);
    for (const a of model.assignments) {
      if (a.kind !== 'run') continue;
      const c = classify(a.name, a.value, ctx.classify);
      if (!c.secret) continue;
      const r = c.reason === 'value' ? secretReport(a, c, 'literal') : secretReport(a, c, 'assignment', { id: a.name.toLowerCase() });
      r.data = { ...r.data, value: c.secretText ?? a.value ?? '' };
      reported.push(r.loc);
      ctx.report(r);
    }
    for (const run of model.runs) {
      const lines = [...run.segments, ...run.heredocs.flatMap((h) => h.segments)];
      for (const seg of lines) {
        for (const m of scanCommand(seg.text)) {
          const loc = span(seg.line, seg.column + m.start, m.end - m.start);
          if (overlaps(loc)) continue; // the value of an assignment reported above
          ctx.report({ loc, messageId: 'literal', data: { tokenType: m.type, value: m.text }, secrets: [m.text] });
        }
      }
    }
  },
});
