import { defineRule } from '../src/engine/define-rule';
import { classify } from '../src/classify';
import { scanCommand } from '../src/classify/commands';
import { scanAssignments } from '../src/classify/assignments';
import { secretReport } from '../src/engine/report-helpers';
import { span } from '../src/text/location';
import type { Location, TextSegment } from '../src/model';

/**
 * Credentials written into a RUN command or a RUN heredoc: token literals, `curl -u user:pass`,
 * `--password …`, `echo "//registry…/:_authToken=…" > .npmrc`, `export API_TOKEN=…`. The command
 * text is stored in the image history, and files it writes stay in the layer.
 */
export default defineRule({
  id: 'secret-in-run',
  category: 'secret',
  severity: 'error',
  description: 'Hardcoded credential in a RUN command or heredoc',
  formats: ['dockerfile'],
  aliases: ['tally/secrets-in-code'],
  tags: ['security', 'secrets'],
  messages: {
    literal:
      'RUN contains a hardcoded {{tokenType}} ({{value}}); the command is kept in the image history. Use RUN --mount=type=secret,id=… and read the secret from /run/secrets/… (or $VAR with --mount=type=secret,env=VAR).',
    heredoc:
      'A heredoc writes a hardcoded {{tokenType}} ({{value}}) into the build; it stays in the image and its history. Mount the secret with RUN --mount=type=secret,id=… and read it from /run/secrets/… at build or run time.',
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
      reported.push(r.loc);
      ctx.report(r);
    }
    const scan = (seg: TextSegment, heredoc: boolean) => {
      const matches = heredoc ? [...scanCommand(seg.text), ...scanAssignments(seg.text, classify, ctx.classify)] : scanCommand(seg.text);
      for (const m of matches) {
        const loc = span(seg.line, seg.column + m.start, m.end - m.start);
        if (overlaps(loc)) continue; // already reported (an assignment's value, or an earlier match)
        reported.push(loc);
        const type = 'name' in m ? `value for ${(m as { name: string }).name}` : m.type;
        ctx.report({ loc, messageId: heredoc ? 'heredoc' : 'literal', data: { tokenType: type, value: m.text }, secrets: [m.text] });
      }
    };
    for (const run of model.runs) {
      for (const seg of run.segments) scan(seg, false);
      for (const h of run.heredocs) for (const seg of h.segments) scan(seg, true);
    }
    // `COPY <<EOF /app/config.yml` writes its body into the image just the same.
    for (const c of model.copies) for (const h of c.heredocs) for (const seg of h.segments) scan(seg, true);
  },
});
