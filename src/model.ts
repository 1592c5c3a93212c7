/**
 * The shared model: plain data produced once per file by the adapters in src/parse and read
 * by every rule. Types only, no logic. All positions are 1-based; `endColumn` is exclusive
 * (SARIF's convention), so a one-character token at column 5 has endColumn 6.
 */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

export type Category = 'secret' | 'go-env' | 'compose';

export type FileFormat = 'dockerfile' | 'compose' | 'env-file';

export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Where an assignment comes from.
 * - env / arg / label: Dockerfile ENV, ARG, LABEL
 * - run: an assignment inside a RUN command (`export GOPATH=…`, `GOFLAGS=… go build`)
 * - go-env-w: `go env -w NAME=VALUE` inside a RUN command
 * - build-arg: compose `build.args`
 * - environment: compose `services.*.environment`
 * - env-file: a line of an env file (KEY=VALUE)
 * - runtime: a variable of a running container (godock env)
 */
export type AssignmentKind =
  | 'env'
  | 'arg'
  | 'label'
  | 'run'
  | 'go-env-w'
  | 'build-arg'
  | 'environment'
  | 'env-file'
  | 'runtime';

export interface EnvAssignment {
  name: string;
  /** Value after unquoting/unescaping; null when declared without a value (`ARG X`, compose `- X`, `X:`). */
  value: string | null;
  kind: AssignmentKind;
  /** Stage name (or index as a string) for Dockerfiles; service name for compose; undefined for plain env files. */
  scope?: string;
  /** Services that receive this assignment (compose anchors / env files shared by several services). */
  services?: string[];
  nameLoc: Location;
  valueLoc: Location | null;
  /** Assignments written by the same instruction / YAML mapping / RUN command share this id. */
  group: number;
  /** Set for assignments that come from an ONBUILD trigger. */
  viaOnbuild?: boolean;
  /** The value as written in the file (quotes and escapes kept), when it differs from `value`. */
  raw?: string;
  /** For kind 'run': `export X=…`, a prefix assignment for one command (`X=… cmd`), or a bare
   *  shell assignment (`X=…` alone). */
  runForm?: 'export' | 'prefix' | 'bare';
}

/** A stage of a Dockerfile or a service of a compose file. */
export interface Scope {
  name: string;
  index: number;
  /** Image reference as written (`golang:${GO_VERSION}`), null when unknown (compose build without image). */
  image: string | null;
  /** Image reference after static ARG substitution; null when it cannot be resolved. */
  resolvedImage: string | null;
  /** Name of the stage this one is built FROM, when it is built from another stage. */
  parent?: string;
  /** `--platform` value as written. */
  platform?: string;
  /** True when the stage or service runs a golang-family image (resolved through parents). */
  golang: boolean;
  /** Where that image installs Go (`/usr/local/go`, `C:\Program Files\Go`); null when not golang-family. */
  goroot: string | null;
  /** True for Windows images (nanoserver/windowsservercore tags). */
  windows: boolean;
  loc: Location;
  imageLoc: Location | null;
  /** Compose only: the Dockerfile a service is built from (path relative to the compose file's folder). */
  build?: { context: string; dockerfile: string; target?: string; loc: Location };
}

export interface PathRef {
  path: string;
  loc: Location;
}

export interface Copy {
  instruction: 'COPY' | 'ADD';
  scope: string;
  sources: PathRef[];
  dest: PathRef | null;
  /** `--from=` value (stage name, index or image). */
  from?: string;
  /** Sources that are heredocs (`COPY <<EOF /x`) carry their body here instead of a path. */
  heredocs: Heredoc[];
  /** Absolute working directory at this instruction (undefined when it cannot be known). */
  workdir?: string;
  loc: Location;
  viaOnbuild?: boolean;
}

export interface Workdir {
  scope: string;
  path: string;
  /** Resolved against earlier WORKDIRs, with static variable expansion; undefined when unknown. */
  absolute?: string;
  loc: Location;
}

/** One physical line of text with where it starts, so rules can map a match back to a position. */
export interface TextSegment {
  text: string;
  line: number;
  column: number;
}

export interface Heredoc {
  name: string;
  /** Body lines, each with its own position. */
  segments: TextSegment[];
}

export interface Run {
  scope: string;
  form: 'shell' | 'exec';
  /** The command as physical-line segments (continuations and embedded comments removed). */
  segments: TextSegment[];
  heredocs: Heredoc[];
  /** `--mount=type=secret,…` and similar flags, as written. */
  mounts: string[];
  loc: Location;
  viaOnbuild?: boolean;
}

/**
 * Where a command line other than a RUN is kept:
 * - cmd / entrypoint / healthcheck: Dockerfile CMD, ENTRYPOINT and HEALTHCHECK CMD (stored in the
 *   image config, `docker inspect`, and in the image history)
 * - compose-command / compose-entrypoint / compose-healthcheck: a compose service's `command`,
 *   `entrypoint` and `healthcheck.test` (kept in the committed compose file)
 */
export type CommandKind = 'cmd' | 'entrypoint' | 'healthcheck' | 'compose-command' | 'compose-entrypoint' | 'compose-healthcheck';

/**
 * A command line that is not a RUN (see CommandKind), for rules that read its text.
 * Shell form (a string): one segment per physical line, as for RUN. Exec form (a JSON array or
 * a YAML list): one segment per argument, its text as written between the quotes (escapes kept,
 * so columns stay exact); the command is the segments joined with a space. The `CMD` /
 * `CMD-SHELL` / `NONE` word that opens a compose healthcheck list is not a segment.
 */
export interface Command {
  kind: CommandKind;
  /** Stage name for Dockerfiles; the (first) service name for compose. */
  scope: string;
  form: 'shell' | 'exec';
  segments: TextSegment[];
  /** The instruction (Dockerfile) or the value of the key (compose). */
  loc: Location;
  /** Compose only: every service that runs this command (one written behind an anchor and shared). */
  services?: string[];
  /** Set for a CMD / ENTRYPOINT / HEALTHCHECK that is an ONBUILD trigger. */
  viaOnbuild?: boolean;
}

export interface User {
  scope: string;
  user: string;
  loc: Location;
}

/** A reference from a compose file to an env file. */
export interface EnvFileRef {
  /** Path as written. */
  path: string;
  /** Path resolved against the compose file's directory (posix separators). */
  resolved: string;
  required: boolean;
  format: 'dotenv' | 'raw';
  services: string[];
  loc: Location;
}

export interface Suppression {
  /** Rule ids or aliases (hadolint codes, BuildKit check names); '*' for all rules. */
  ruleIds: string[] | '*';
  /** Lines the suppression covers (inclusive); ignored when `file` is true. */
  startLine: number;
  endLine: number;
  file: boolean;
  source: 'godock' | 'hadolint' | 'buildkit';
  reason?: string;
  /** Line of the pragma itself. */
  line: number;
}

export interface ParseError {
  message: string;
  line: number;
  column: number;
}

export interface FileModel {
  /** Path as it should be reported (relative to the searched directory or as given). */
  path: string;
  format: FileFormat;
  assignments: EnvAssignment[];
  scopes: Scope[];
  copies: Copy[];
  workdirs: Workdir[];
  runs: Run[];
  /** CMD, ENTRYPOINT, HEALTHCHECK and compose `command` / `entrypoint` / `healthcheck.test` (see Command). */
  commands: Command[];
  users: User[];
  envFiles: EnvFileRef[];
  suppressions: Suppression[];
  /** Fatal problems: the file could not be (fully) parsed. Findings may still be present. */
  errors: ParseError[];
  /** The file names itself a template (`.env.example`, `compose.sample.yaml`, `example.env`):
   *  its values are examples to replace, so secrets by name alone are not reported there. */
  template?: true;
}

/** What a rule reports; the engine adds severity, category, file and the rendered, masked message. */
export interface Report {
  loc: Location;
  messageId: string;
  data?: Record<string, string | number>;
  /** Raw secret values that must never appear in any output. The engine masks them. */
  secrets?: string[];
  /** Severity of this finding when it differs from the rule's default (a configured severity wins). */
  severity?: Severity;
  /** Data keys that hold godock's own vocabulary (`word: 'password'`), never text from the file:
   *  they are not masked even when a secret happens to equal them. */
  plain?: string[];
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  file: string;
  loc: Location;
  messageId: string;
  /** Rendered message; secrets already masked. */
  message: string;
}

export interface FileResult {
  file: string;
  format: FileFormat | null;
  findings: Finding[];
  errors: ParseError[];
}

export interface LintResult {
  files: FileResult[];
}
