/**
 * `go …` invocations inside Dockerfile RUN commands (shell form and heredoc scripts), with the
 * variables set for them by the same RUN (`CGO_ENABLED=0 go build`, `export GOARCH=arm64 && go …`,
 * `env GOOS=linux go build`), and the stage environment in effect at that RUN (ENV, stage ARG,
 * `go env -w`, inherited from parent stages).
 */
import type { FileModel, Location, Run, Scope } from '../model';
import { joinSegments, locateInSegments } from '../parse/location';
import { isWord, tokenize, type Word } from '../parse/shell';
import { walkEnv } from './stage-env';

export interface GoCommand {
  run: Run;
  /** The go wrapper as written: `go`, `/usr/local/go/bin/go`, `xx-go`. */
  tool: string;
  /** Subcommand (`build`, `install`, `mod`, `env`, …); '' when none. */
  sub: string;
  /** Words after the subcommand. */
  args: Word[];
  /** Location of `go <sub>`. */
  loc: Location;
  /** Variables this RUN sets for the command: prefix assignments, then earlier export/bare ones. */
  vars: ReadonlyMap<string, string>;
  /** Full text of the script the command is in (for searching references). */
  script: string;
}

const SHELL_WRAPPERS = new Set(['sudo', 'time', 'exec', 'nice', 'nohup', 'command']);
const DECLARE = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);
const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;

function assignmentOf(w: Word): [string, string] | null {
  const m = ASSIGN.exec(w.raw);
  if (!m) return null;
  return [m[1]!, w.value.slice(w.value.indexOf('=') + 1)];
}

/** Every go invocation in the model's shell-form RUNs and heredoc scripts, in file order. */
export function goCommands(model: FileModel): GoCommand[] {
  const out: GoCommand[] = [];
  for (const run of model.runs) {
    const scripts: [typeof run.segments, string][] = run.form === 'shell' ? [[run.segments, ' ']] : [];
    for (const h of run.heredocs) scripts.push([h.segments, '\n']);
    for (const [segs, sep] of scripts) {
      const text = joinSegments(segs, sep);
      const persistent = new Map<string, string>();
      let words: Word[] = [];
      const flush = () => {
        if (words.length) analyse(words, run, segs, sep, text, persistent, out);
        words = [];
      };
      for (const t of tokenize(text)) {
        if (isWord(t)) words.push(t);
        else flush();
      }
      flush();
    }
  }
  return out;
}

function analyse(words: Word[], run: Run, segs: Run['segments'], sep: string, text: string, persistent: Map<string, string>, out: GoCommand[]): void {
  const prefix = new Map<string, string>();
  let i = 0;
  for (; i < words.length; i++) {
    const a = assignmentOf(words[i]!);
    if (!a) break;
    prefix.set(a[0], a[1]);
  }
  if (i === words.length) {
    for (const [k, v] of prefix) persistent.set(k, v);
    return;
  }
  if (DECLARE.has(words[i]!.value)) {
    for (const w of words.slice(i + 1)) {
      const a = assignmentOf(w);
      if (a) persistent.set(a[0], a[1]);
    }
    return;
  }
  // `env A=1 go build`, `sudo go build`, `time go build`
  while (i < words.length) {
    const head = words[i]!.value;
    if (head === 'env') {
      i++;
      while (i < words.length && (words[i]!.value.startsWith('-') || assignmentOf(words[i]!))) {
        const a = assignmentOf(words[i]!);
        if (a) prefix.set(a[0], a[1]);
        i++;
      }
    } else if (SHELL_WRAPPERS.has(head)) i++;
    else break;
  }
  const head = words[i];
  if (!head || !(head.value === 'go' || head.value.endsWith('/go') || head.value === 'xx-go')) return;
  const subWord = words[i + 1];
  const sub = subWord && !subWord.value.startsWith('-') ? subWord.value : '';
  const endWord = sub ? subWord! : head;
  const loc = locateInSegments(segs, head.start, endWord.end, sep);
  if (!loc) return;
  const vars = new Map(persistent);
  for (const [k, v] of prefix) vars.set(k, v);
  const args = words.slice(sub ? i + 2 : i + 1);
  out.push({ run, tool: head.value, sub, args, loc, vars, script: text });
  // `go env -w X=…` holds for the go commands after it (unless the environment sets X).
  if (sub === 'env' && args.some((w) => w.value === '-w')) {
    for (const w of args) {
      const a = assignmentOf(w);
      if (a && !persistent.has(a[0])) persistent.set(a[0], a[1]);
    }
  }
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

/** The scope and its ancestors (built FROM another stage), nearest first. */
export function scopeChain(model: FileModel, name: string): Scope[] {
  const byName = new Map(model.scopes.map((s) => [s.name, s] as const));
  const out: Scope[] = [];
  for (let s = byName.get(name); s && !out.includes(s); s = s.parent !== undefined ? byName.get(s.parent) : undefined) out.push(s);
  return out;
}

/** Resolves a `COPY --from=` value (stage name or index) to a stage of the model. */
export function stageByRef(model: FileModel, ref: string): Scope | undefined {
  const r = ref.toLowerCase();
  return model.scopes.find((s) => s.name === r) ?? (/^\d+$/.test(r) ? model.scopes.find((s) => s.index === Number(r)) : undefined);
}

export interface StageEnv {
  /** Value of a variable for a process started by a RUN at `line` in `scope`: ENV and stage ARGs
   *  (null: set but unknown), then `go env -w` (only for the go command); undefined: not set. */
  at(scope: string, line: number, name: string): string | null | undefined;
}

/** Builds the per-stage environment lookup (one walk over the assignments). */
export function stageEnv(model: FileModel): StageEnv {
  const expanded = new Map<object, string | null>();
  walkEnv(model, ({ a, expanded: e }) => expanded.set(a, e));
  return {
    at(scope, line, name) {
      const chain = scopeChain(model, scope).map((s) => s.name);
      let env: string | null | undefined;
      let arg: string | null | undefined;
      let goenv: string | null | undefined;
      for (const a of model.assignments) {
        if (a.name !== name || a.viaOnbuild || a.scope === undefined || !chain.includes(a.scope)) continue;
        const own = a.scope === scope;
        if (own && a.nameLoc.line >= line) continue;
        const v = expanded.get(a) ?? null;
        if (a.kind === 'env') env = v;
        else if (a.kind === 'arg' && own) arg = a.value === null ? (arg ?? null) : v;
        else if (a.kind === 'go-env-w') goenv = v;
      }
      if (env !== undefined) return env === '' ? undefined : env;
      if (arg !== undefined) return arg === '' ? undefined : arg;
      if (goenv !== undefined) return goenv === '' ? undefined : goenv;
      return undefined;
    },
  };
}

/**
 * Whether a stage is only an intermediate: another stage is built FROM it (also through an
 * `ARG`-built name such as `FROM bin-${VARIANT}`) or copies from it.
 */
export function isIntermediateStage(model: FileModel, name: string): boolean {
  const target = model.scopes.find((s) => s.name === name);
  if (!target) return false;
  const byFrom = model.scopes.some((s) => {
    if (s === target || !s.image) return false;
    const img = s.image.toLowerCase();
    const dollar = img.indexOf('$');
    return dollar < 0 ? img === name : dollar > 0 && name.startsWith(img.slice(0, dollar));
  });
  return byFrom || model.copies.some((c) => c.from !== undefined && stageByRef(model, c.from) === target);
}
