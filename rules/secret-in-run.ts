import { defineRule } from '../src/engine/define-rule';
import { classify } from '../src/classify';
import { scanCommand } from '../src/classify/commands';
import { scanAssignments } from '../src/classify/assignments';
import { secretReport } from '../src/engine/report-helpers';
import { joinSegments, locateInSegments, span } from '../src/text/location';
import type { CommandKind, Location, TextSegment } from '../src/model';

/** Where each kind of command is written, in the words of its file. */
const WHERE: Record<CommandKind, string> = {
  cmd: 'CMD',
  entrypoint: 'ENTRYPOINT',
  healthcheck: 'HEALTHCHECK',
  'compose-command': 'command',
  'compose-entrypoint': 'entrypoint',
  'compose-healthcheck': 'healthcheck test',
};

/**
 * Credentials written into a command: token literals, `curl -u user:pass`, `--password …`,
 * `echo "//registry…/:_authToken=…" > .npmrc`, `export API_TOKEN=…`, `echo user:pass | chpasswd`,
 * `htpasswd -b`, `useradd -p`, `redis-server --requirepass`, `redis-cli -a`, NuGet source
 * passwords, secret-named `msiexec` properties (src/classify/commands.ts). Read in RUN commands
 * and heredocs (kept in the image history, files they write stay in the layer), in CMD /
 * ENTRYPOINT / HEALTHCHECK (kept in the image config) and in a compose service's `command`,
 * `entrypoint` and `healthcheck.test` (kept in the committed compose file).
 */
export default defineRule({
  id: 'secret-in-run',
  category: 'secret',
  severity: 'error',
  description: 'Hardcoded credential in a command (RUN, heredoc, CMD, ENTRYPOINT, HEALTHCHECK, compose command)',
  formats: ['dockerfile', 'compose'],
  aliases: ['tally/secrets-in-code'],
  tags: ['security', 'secrets'],
  messages: {
    literal:
      'RUN contains a hardcoded {{tokenType}} ({{value}}); the command is kept in the image history. Use RUN --mount=type=secret,id=… and read the secret from /run/secrets/… (or $VAR with --mount=type=secret,env=VAR).',
    heredoc:
      'A heredoc writes a hardcoded {{tokenType}} ({{value}}) into the build; it stays in the image and its history. Mount the secret with RUN --mount=type=secret,id=… and read it from /run/secrets/… at build or run time.',
    assignment:
      'RUN sets {{name}} to a hardcoded {{word}} ({{value}}); the command is kept in the image history. Use RUN --mount=type=secret,id={{id}},env={{name}} instead.',
    command:
      '{{where}} contains a hardcoded {{tokenType}} ({{value}}); the command is stored in the image config (docker inspect) and history. Give the secret to the container at run time instead: an environment variable or a secret file under /run/secrets/ that the program reads.',
    composeCommand:
      'The {{where}} of service {{service}} contains a hardcoded {{tokenType}} ({{value}}); it is committed with the compose file. Reference a variable instead (${NAME}, from an uncommitted .env or the environment) or use a compose secret.',
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
    const emit = (loc: Location, messageId: string, data: Record<string, string>) => {
      if (overlaps(loc)) return; // already reported (an assignment's value, or an earlier match)
      reported.push(loc);
      // The match types are godock's words (`chpasswd password` must not mask a secret `passwd`),
      // except `value for NAME`, which quotes a name from the file.
      const plain = data.tokenType!.startsWith('value for ') ? ['where'] : ['where', 'tokenType'];
      ctx.report({ loc, messageId, data, secrets: [data.value!], plain });
    };
    /** One command line: the segments joined (continuation lines, exec-form arguments), each
     *  match mapped back to the segment it starts in. */
    const scanLine = (segs: readonly TextSegment[], messageId: string, extra: Record<string, string> = {}) => {
      for (const m of scanCommand(joinSegments(segs), ctx.classify)) {
        const loc = locateInSegments(segs, m.start, m.end);
        if (loc) emit(loc, messageId, { ...extra, tokenType: m.type, value: m.text });
      }
    };
    /** A heredoc body, line by line: commands and, as in a config file, secret-named keys. */
    const scanBody = (h: { segments: readonly TextSegment[] }) => {
      for (const seg of h.segments) {
        for (const m of [...scanCommand(seg.text, ctx.classify), ...scanAssignments(seg.text, classify, ctx.classify)]) {
          const type = 'name' in m ? `value for ${(m as { name: string }).name}` : m.type;
          emit(span(seg.line, seg.column + m.start, m.end - m.start), 'heredoc', { tokenType: type, value: m.text });
        }
      }
    };
    for (const run of model.runs) {
      scanLine(run.segments, 'literal');
      run.heredocs.forEach(scanBody);
    }
    // `COPY <<EOF /app/config.yml` writes its body into the image just the same.
    for (const c of model.copies) c.heredocs.forEach(scanBody);
    // CMD / ENTRYPOINT / HEALTHCHECK (image config) and compose commands (the committed file).
    for (const cmd of model.commands) {
      if (cmd.kind.startsWith('compose-')) scanLine(cmd.segments, 'composeCommand', { where: WHERE[cmd.kind], service: cmd.scope });
      else scanLine(cmd.segments, 'command', { where: WHERE[cmd.kind] });
    }
  },
});
