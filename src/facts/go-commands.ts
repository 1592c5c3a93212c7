/**
 * The `go` invocations of shell text (a RUN command or a heredoc script) and of a Dockerfile
 * model's RUNs, with their subcommand, arguments, offsets or location, and the variables the same
 * RUN sets for them (`CGO_ENABLED=0 go build`, `export GOARCH=arm64 && go …`,
 * `env GOOS=linux go build`, an earlier `go env -w`). Built on the simple commands of ./shell; it
 * never evaluates anything.
 */
import type { FileModel, Location, Run } from '../model';
import { isGoBinary } from '../go/env';
import { locateInSegments } from '../text/location';
import { derived } from './derived';
import { assignmentOf, DECLARE_COMMANDS, runScripts, simpleCommands, type SimpleCommand, type Word } from '../text/shell';

export interface GoInvocation {
  /** The go command as written: `go`, `/usr/local/go/bin/go`, `xx-go`. */
  tool: string;
  /** The subcommand (`build`, `mod`, `env`, …); '' for a bare `go`. */
  sub: string;
  /** The word of the subcommand; undefined for a bare `go`. */
  subWord?: Word;
  /** Words after the subcommand. */
  args: Word[];
  command: SimpleCommand;
}

/** The go invocation a simple command is (`go build`, `sudo go …`, `go -C dir vet`), or null. */
export function goInvocation(c: SimpleCommand): GoInvocation | null {
  if (!c.head || !isGoBinary(c.head.value)) return null;
  // `go -C dir build`: -C is the one flag before the subcommand that takes a value.
  let i = 0;
  while (i < c.args.length && c.args[i]!.value.startsWith('-')) i += c.args[i]!.value === '-C' ? 2 : 1;
  const g: GoInvocation = { tool: c.head.value, sub: '', args: [], command: c };
  if (i < c.args.length) {
    g.subWord = c.args[i]!;
    g.sub = g.subWord.value;
    g.args = c.args.slice(i + 1);
  }
  return g;
}

/** The `go` commands in a shell text (`go build`, `/usr/local/go/bin/go mod download`, `sudo go …`). */
export function goInvocations(text: string): GoInvocation[] {
  return simpleCommands(text)
    .map(goInvocation)
    .filter((g): g is GoInvocation => g !== null);
}

/** Values of the flag `-name` / `--name` in a word list (`-o x`, `-o=x`). */
export function flagValues(args: readonly Word[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '--') break;
    const m = /^--?([A-Za-z0-9_.-]+)(?:=(.*))?$/s.exec(v);
    if (!m || m[1] !== name) continue;
    if (m[2] !== undefined) out.push(m[2]);
    else if (i + 1 < args.length) out.push(args[++i]!.value);
  }
  return out;
}

/** Subcommands that compile, and so need a writable build cache. */
export const GO_BUILDING_SUBCOMMANDS: ReadonlySet<string> = new Set(['build', 'install', 'run', 'test', 'vet', 'get']);

/** Subcommands that work in module mode and look for go.mod. */
export const GO_MODULE_SUBCOMMANDS: ReadonlySet<string> = new Set(['build', 'install', 'run', 'test', 'vet', 'get', 'generate', 'list', 'mod', 'work']);

/** A go invocation in a RUN of a Dockerfile model. */
export interface GoCommand extends GoInvocation {
  run: Run;
  /** Location of `go <sub>`. */
  loc: Location;
  /** Variables this RUN sets for the command: prefix assignments, then earlier export/bare ones and `go env -w`. */
  vars: ReadonlyMap<string, string>;
  /** Full text of the script the command is in (for searching references). */
  script: string;
  /** Where a word of this command (`args`, `command.words`) is in the file. */
  locate(w: Word): Location | null;
}

/** Every go invocation in the model's shell-form RUNs and heredoc scripts, in file order (computed once per model). */
export function goCommands(model: FileModel): readonly GoCommand[] {
  return derived(model, findGoCommands);
}

function findGoCommands(model: FileModel): GoCommand[] {
  const out: GoCommand[] = [];
  for (const run of model.runs) {
    for (const { segments, sep, text: script } of runScripts(run)) {
      // Variables set earlier in the script: bare and exported assignments, `go env -w`.
      const persistent = new Map<string, string>();
      const setAll = (words: readonly Word[], into: Map<string, string>, keep = false) => {
        for (const w of words) {
          const a = assignmentOf(w);
          if (a && !(keep && into.has(a.name))) into.set(a.name, a.value);
        }
      };
      for (const c of simpleCommands(script)) {
        if (!c.head) {
          if (c.assignments.length === c.words.length) setAll(c.assignments, persistent);
          continue;
        }
        if (DECLARE_COMMANDS.has(c.head.value)) {
          setAll(c.args, persistent);
          continue;
        }
        const g = goInvocation(c);
        if (!g) continue;
        const loc = locateInSegments(segments, c.head.start, (g.subWord ?? c.head).end, sep);
        if (!loc) continue;
        const vars = new Map(persistent);
        setAll(c.assignments, vars);
        out.push({ ...g, run, loc, vars, script, locate: (w) => locateInSegments(segments, w.start, w.end, sep) });
        // `go env -w X=…` holds for the go commands after it (unless the environment sets X).
        if (g.sub === 'env' && g.args.some((w) => w.value === '-w')) setAll(g.args, persistent, true);
      }
    }
  }
  return out;
}
