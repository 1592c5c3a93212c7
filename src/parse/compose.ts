/**
 * Compose adapter: the one parser of compose files (over `yaml`, which src/config-file.ts also
 * uses for .godock.yaml). Parses once (LineCounter positions, `<<` merge keys, unique keys, the
 * compose `!reset` / `!override` tags) and fills the shared model:
 *
 * - `assignments`: `services.*.environment` (kind 'environment') and `services.*.build.args`
 *   (kind 'build-arg'), map and list forms. `KEY:`, `KEY: null`, `- KEY` have value null (passed
 *   from the host). Numbers and booleans keep their source text (`1.0`, `yes`). An entry written
 *   once behind an anchor and received by several services (alias, `<<` merge) is ONE assignment at
 *   the line where it is written; `services` lists every receiving service, `scope` the first.
 *   Entries tagged `!reset` are dropped (compose removes them).
 * - positions: `nameLoc` on the key (or on `KEY` of `- KEY=VALUE`), `valueLoc` on the value's
 *   characters: after `=` for the list form, inside the quotes for quoted scalars (the same
 *   convention as the Dockerfile adapter), the first content line of block scalars.
 * - `scopes`: one per service with its image (`resolvedImage` applies `${VAR:-default}` statically),
 *   golang facts and build context/Dockerfile/target.
 * - `envFiles`: every `env_file` entry (string, list, `{path, required, format}`), resolved against
 *   the compose file's folder, merged per file with the services that use it.
 * - `commands`: each service's `command:`, `entrypoint:` and `healthcheck.test` (string or list),
 *   as text segments at their positions.
 * - `KEY:value` written without the space YAML needs (one key that swallowed its value) is read as
 *   `KEY` = `value`.
 * - `errors`: invalid YAML (parser reason, line, column), a root that is not a mapping, alias bombs.
 *
 * Values are not interpolated: `value` is the decoded YAML scalar; see ./interpolation for what
 * compose fills from the host. Never throws.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Alias,
  type Node,
  type Scalar,
  type ScalarTag,
  type CollectionTag,
  type YAMLMap,
} from 'yaml';
import type { Command, CommandKind, EnvAssignment, EnvFileRef, FileModel, Location, ParseError, Scope, TextSegment } from '../model';
import { golangImage } from '../go/image';
import { redact } from '../classify/redact';
import { emptyModel } from './empty-model';
import { LineIndex } from '../text/location';
import { resolveComposeStatic } from '../text/interpolation';
import { lineSuppressions, type LineComment } from './line-suppressions';

/** Alias expansions allowed when checking the document (a real compose file uses a few hundred at most). */
export const MAX_ALIAS_COUNT = 10_000;
/** Map entries the walker may visit (merge keys can multiply them); bounds the work on hostile input. */
const WALK_BUDGET = 200_000;

export const NOT_A_MAPPING = 'compose file must be a mapping of top-level keys such as services:';
export const ALIAS_BOMB = 'too many YAML alias expansions (possible alias bomb); file not expanded';

const TOP_LEVEL = new Set(['version', 'services', 'networks', 'volumes', 'secrets', 'configs', 'include', 'name', 'models']);
const SERVICE_KEYS = new Set([
  'image', 'build', 'environment', 'env_file', 'command', 'entrypoint', 'ports', 'volumes', 'links',
  'depends_on', 'container_name', 'restart', 'expose', 'labels', 'extends', 'working_dir', 'user',
]);

const COMPOSE_TAGS: (ScalarTag | CollectionTag)[] = ['!reset', '!override'].flatMap((tag) => [
  { tag, resolve: (s: string) => s },
  { tag, collection: 'map' as const, resolve: (c: unknown) => c },
  { tag, collection: 'seq' as const, resolve: (c: unknown) => c },
]) as (ScalarTag | CollectionTag)[];

class BudgetExceeded extends Error {}

interface Entry {
  key: string;
  keyNode: Scalar;
  value: unknown;
  owner: YAMLMap;
}

interface Ctx {
  text: string;
  lc: LineIndex;
  anchors: Map<string, Node[]>;
  budget: number;
  groups: Map<Node, number>;
  byNode: Map<Node, EnvAssignment>;
  envFiles: Map<string, EnvFileRef>;
  path: string;
}

export function parseCompose(path: string, text: string): FileModel {
  const model = emptyModel(path, 'compose');
  const lc = new LineIndex(text);
  const ctx: Ctx = {
    text,
    lc,
    anchors: new Map(),
    budget: WALK_BUDGET,
    groups: new Map(),
    byNode: new Map(),
    envFiles: new Map(),
    path,
  };
  try {
    const doc = parseDocument(text, {
      merge: true,
      uniqueKeys: true,
      customTags: COMPOSE_TAGS,
      prettyErrors: false,
      // The library would print its warnings (quoting keys) straight to stderr.
      logLevel: 'error',
    });
    for (const e of doc.errors) model.errors.push(errorAt(lc, yamlReason(e.message), e.pos[0]));
    const root = doc.contents;
    if (root !== null && !isMap(root)) {
      model.errors.push(errorAt(lc, NOT_A_MAPPING, root.range?.[0] ?? 0));
    } else if (root !== null) {
      // toJS only to meet alias bombs and bad merge sources: pointless without an alias or a merge key.
      if (model.errors.length === 0 && (text.includes('*') || text.includes('<<'))) {
        try {
          doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        } catch (e) {
          const msg = (e as Error).message;
          model.errors.push(errorAt(lc, /alias count/i.test(msg) ? ALIAS_BOMB : yamlReason(msg), firstAliasOffset(doc)));
          if (/alias count/i.test(msg)) return finish(model, ctx);
        }
      }
      // Anchors (`&name`) for locating merged values; none without an `&`.
      if (text.includes('&')) {
        visit(doc, {
          Node(_, n) {
            if ((isScalar(n) || isCollection(n)) && n.anchor && n.range) {
              const list = ctx.anchors.get(n.anchor) ?? [];
              list.push(n);
              ctx.anchors.set(n.anchor, list);
            }
          },
        });
      }
      walk(ctx, root, model);
    }
  } catch (e) {
    if (e instanceof BudgetExceeded) model.errors.push({ message: ALIAS_BOMB, line: 1, column: 1 });
    else model.errors.push({ message: `could not read compose file: ${yamlReason((e as Error).message)}`, line: 1, column: 1 });
  }
  return finish(model, ctx);
}

function finish(model: FileModel, ctx: Ctx): FileModel {
  model.assignments = [...ctx.byNode.values()].sort(
    (a, b) => a.nameLoc.line - b.nameLoc.line || a.nameLoc.column - b.nameLoc.column,
  );
  model.envFiles = [...ctx.envFiles.values()];
  model.suppressions = suppressions(ctx.text, model.assignments);
  return model;
}

function walk(ctx: Ctx, root: YAMLMap, model: FileModel): void {
  const top = entries(ctx, root);
  const servicesEntry = top.find((e) => e.key === 'services');
  let services: Entry[];
  if (servicesEntry) {
    services = entries(ctx, servicesEntry.value);
  } else {
    // Compose file format v1: services at the top level.
    services = top.filter((e) => {
      if (TOP_LEVEL.has(e.key) || e.key.startsWith('x-')) return false;
      const v = deref(ctx, e.value);
      return isMap(v) && entries(ctx, v).some((s) => SERVICE_KEYS.has(s.key));
    });
  }
  services.forEach((svc, index) => {
    const body = deref(ctx, svc.value);
    if (!isMap(body)) return;
    const name = svc.key;
    const fields = new Map(entries(ctx, body).map((e) => [e.key, e]));
    const image = scalarText(deref(ctx, fields.get('image')?.value));
    const imageNode = deref(ctx, fields.get('image')?.value);
    const resolvedImage = image === null ? null : resolveComposeStatic(image);
    const go = golangImage(resolvedImage);
    const scope: Scope = {
      name,
      index,
      image,
      resolvedImage,
      golang: go.golang,
      goroot: go.goroot,
      windows: go.windows,
      loc: contentLoc(ctx, svc.keyNode),
      imageLoc: image !== null && isScalar(imageNode) ? contentLoc(ctx, imageNode) : null,
    };
    const platform = scalarText(deref(ctx, fields.get('platform')?.value));
    if (platform !== null) scope.platform = platform;
    const buildEntry = fields.get('build');
    const build = deref(ctx, buildEntry?.value);
    if (buildEntry && build) {
      const loc = contentLoc(ctx, buildEntry.keyNode);
      if (isScalar(build)) {
        const context = scalarText(build);
        if (context !== null) scope.build = { context: staticText(context), dockerfile: 'Dockerfile', loc };
      } else if (isMap(build)) {
        const b = new Map(entries(ctx, build).map((e) => [e.key, e]));
        const context = scalarText(deref(ctx, b.get('context')?.value));
        const dockerfile = scalarText(deref(ctx, b.get('dockerfile')?.value));
        const target = scalarText(deref(ctx, b.get('target')?.value));
        scope.build = {
          context: context === null ? '.' : staticText(context),
          dockerfile: dockerfile === null ? 'Dockerfile' : staticText(dockerfile),
          loc,
        };
        if (target !== null) scope.build.target = staticText(target);
        collectEnv(ctx, b.get('args')?.value, 'build-arg', name);
      }
    }
    model.scopes.push(scope);
    collectEnv(ctx, fields.get('environment')?.value, 'environment', name);
    collectEnvFiles(ctx, fields.get('env_file')?.value, name);
    collectCommands(ctx, fields, name, model);
  });
}

// ---------------------------------------------------------------------------------------------
// YAML helpers: aliases, merge keys, scalar text and positions

function resolveAlias(ctx: Ctx, a: Alias): Node | null {
  const at = a.range?.[0] ?? Number.MAX_SAFE_INTEGER;
  let found: Node | null = null;
  for (const n of ctx.anchors.get(a.source) ?? []) if ((n.range?.[0] ?? 0) < at) found = n;
  return found;
}

function deref(ctx: Ctx, n: unknown): Node | null {
  let cur = n;
  for (let hops = 0; isAlias(cur) && hops < 32; hops++) cur = resolveAlias(ctx, cur);
  return isScalar(cur) || isCollection(cur) ? (cur as Node) : null;
}

function isMergeKey(k: unknown): boolean {
  return isScalar(k) && (typeof k.value === 'symbol' || (k.value === '<<' && k.type === 'PLAIN'));
}

function spend(ctx: Ctx): void {
  if (--ctx.budget < 0) throw new BudgetExceeded();
}

/**
 * The effective entries of a mapping: its own keys first (first occurrence wins), then keys from
 * `<<` merge sources that it does not define (earlier sources win), as YAML merge keys specify.
 */
function entries(ctx: Ctx, node: unknown, depth = 0): Entry[] {
  const m = deref(ctx, node);
  if (!isMap(m) || depth > 32) return [];
  const own: Entry[] = [];
  const merged: Entry[] = [];
  for (const p of m.items) {
    spend(ctx);
    if (isMergeKey(p.key)) {
      const v = deref(ctx, p.value);
      for (const src of isSeq(v) ? v.items : [v]) merged.push(...entries(ctx, src, depth + 1));
      continue;
    }
    const k = deref(ctx, p.key);
    if (!isScalar(k)) continue;
    const key = scalarText(k);
    if (key === null) continue;
    own.push({ key, keyNode: k, value: p.value, owner: m as YAMLMap });
  }
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const e of [...own, ...merged]) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    out.push(e);
  }
  return out;
}

/** The scalar's text: strings decoded, numbers/booleans as written, null for null. */
function scalarText(n: Node | null): string | null {
  if (!isScalar(n) || n.value === null || n.value === undefined) return null;
  if (typeof n.value === 'string') return n.value;
  return n.source ?? String(n.value);
}

function staticText(s: string): string {
  return resolveComposeStatic(s) ?? s;
}

/** Offsets of a scalar's characters: inside quotes, the content lines of block scalars. */
function contentRange(ctx: Ctx, s: Scalar): [number, number] {
  const [a, b] = s.range ?? [0, 0];
  const t = ctx.text;
  switch (s.type) {
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE':
      return [a + 1, Math.max(a + 1, b - 1)];
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const nl = t.indexOf('\n', a);
      if (nl < 0 || nl >= b) return [b, b];
      let start = nl + 1;
      while (start < b && /\s/.test(t[start]!)) start++;
      let end = b;
      while (end > start && /\s/.test(t[end - 1]!)) end--;
      return [start, end];
    }
    default:
      return [a, b];
  }
}

function contentLoc(ctx: Ctx, s: Scalar): Location {
  const [a, b] = contentRange(ctx, s);
  return ctx.lc.loc(a, b);
}

/**
 * The parser's reason without the source text it quotes (`Unexpected scalar token in YAML
 * stream: "<the line>"`): that text may be a secret. Token-shaped text left over is masked too.
 */
export function yamlReason(message: string): string {
  const first = message.split('\n')[0] ?? '';
  // The library's own sentence ends where it starts quoting (`: "…"`, `\Uq7Zr…`, `[ a, b ]`).
  const reason = first
    .replace(/:\s.*$/s, '')
    .replace(/ at line \d+, column \d+$/, '')
    .replace(/[^A-Za-z0-9 ,.'()\]}-].*$/s, '')
    .trim();
  return redact(reason || 'invalid YAML');
}

function errorAt(lc: LineIndex, message: string, offset: number): ParseError {
  const p = lc.linePos(offset);
  return { message, line: p.line, column: p.col };
}

function firstAliasOffset(doc: ReturnType<typeof parseDocument>): number {
  let at = 0;
  visit(doc, {
    Alias(_, a) {
      at = a.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return at;
}

// ---------------------------------------------------------------------------------------------
// environment / build.args

function groupOf(ctx: Ctx, owner: Node): number {
  let g = ctx.groups.get(owner);
  if (g === undefined) {
    g = ctx.groups.size;
    ctx.groups.set(owner, g);
  }
  return g;
}

function isReset(n: Node | null): boolean {
  return n !== null && n.tag === '!reset';
}

function record(ctx: Ctx, node: Node, service: string, make: () => EnvAssignment | null): void {
  const known = ctx.byNode.get(node);
  if (known) {
    if (!known.services!.includes(service)) known.services!.push(service);
    return;
  }
  const a = make();
  if (a) ctx.byNode.set(node, a);
}

function collectEnv(ctx: Ctx, node: unknown, kind: 'environment' | 'build-arg', service: string): void {
  const n = deref(ctx, node);
  if (n === null || isReset(n)) return;
  if (isMap(n)) {
    for (const e of entries(ctx, n)) {
      const v = e.value === null ? null : deref(ctx, e.value);
      if (isReset(v) || (v !== null && !isScalar(v))) continue;
      record(ctx, e.keyNode, service, () => {
        const typo = missingSpace(ctx, e.keyNode, kind, service, groupOf(ctx, e.owner));
        if (typo) return typo;
        const value = scalarText(v);
        const a: EnvAssignment = {
          name: e.key,
          value,
          kind,
          scope: service,
          services: [service],
          nameLoc: contentLoc(ctx, e.keyNode),
          valueLoc: value === null || !isScalar(v) ? null : contentLoc(ctx, v),
          group: groupOf(ctx, e.owner),
        };
        if (isScalar(v) && value !== null && v.range) {
          const raw = ctx.text.slice(v.range[0], v.range[1]);
          if (raw !== value) a.raw = raw;
        }
        return a;
      });
    }
    return;
  }
  if (isScalar(n)) {
    // `environment: KEY:value` / `KEY=value` on one line: compose refuses it, and it still holds the value.
    record(ctx, n, service, () => missingSpace(ctx, n, kind, service, groupOf(ctx, n)) ?? splitAtEquals(ctx, n, kind, service, groupOf(ctx, n)));
    return;
  }
  if (!isSeq(n)) return;
  for (const item of n.items) {
    spend(ctx);
    const s = deref(ctx, item);
    if (!isScalar(s) || isReset(s)) continue;
    const text = scalarText(s);
    if (text === null || text === '') continue;
    record(ctx, s, service, () => splitAtEquals(ctx, s, kind, service, groupOf(ctx, n)));
  }
}

/**
 * `KEY:value` written without the space YAML needs after the colon: the line is one key (or one
 * string), and the variable's value sits inside it. Read as `KEY` = `value`, so the secret rules
 * see it and no name ever carries it.
 */
function missingSpace(ctx: Ctx, key: Scalar, kind: 'environment' | 'build-arg', service: string, group: number): EnvAssignment | null {
  const text = scalarText(key);
  const m = text === null ? null : /^([A-Za-z_][A-Za-z0-9_.-]*):(\S+)/.exec(text);
  if (!m) return null;
  const [cs, ce] = contentRange(ctx, key);
  const raw = ctx.text.slice(cs, ce);
  if (!raw.startsWith(`${m[1]}:${m[2]}`)) return null;
  const at = cs + m[1]!.length + 1;
  return {
    name: m[1]!,
    value: m[2]!,
    kind,
    scope: service,
    services: [service],
    nameLoc: ctx.lc.loc(cs, cs + m[1]!.length),
    valueLoc: ctx.lc.loc(at, at + m[2]!.length),
    group,
  };
}

/** A list item (or a lone string) `NAME=value`; `NAME` alone has no value. */
function splitAtEquals(ctx: Ctx, s: Scalar, kind: 'environment' | 'build-arg', service: string, group: number): EnvAssignment | null {
  const text = scalarText(s);
  if (text === null || text === '') return null;
  const [cs, ce] = contentRange(ctx, s);
  const rawContent = ctx.text.slice(cs, ce);
  const eq = text.indexOf('=');
  const rawEq = rawContent.indexOf('=');
  const a: EnvAssignment = {
    name: eq < 0 ? text : text.slice(0, eq),
    value: eq < 0 ? null : text.slice(eq + 1),
    kind,
    scope: service,
    services: [service],
    nameLoc: ctx.lc.loc(cs, rawEq < 0 ? ce : cs + rawEq),
    valueLoc: eq < 0 || rawEq < 0 ? null : ctx.lc.loc(cs + rawEq + 1, ce),
    group,
  };
  if (eq >= 0 && rawEq >= 0) {
    const rawValue = rawContent.slice(rawEq + 1);
    if (rawValue !== a.value) a.raw = rawValue;
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// env_file

function dirOf(p: string): string {
  const s = p.replace(/\\/g, '/');
  const i = s.lastIndexOf('/');
  return i < 0 ? '' : s.slice(0, i + 1);
}

function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg !== '..' || !abs) out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/') || '.';
}

/** A path from `env_file`, resolved against the compose file's folder (posix separators). */
export function resolveEnvFilePath(composePath: string, p: string): string {
  const s = p.replace(/\\/g, '/');
  if (s.startsWith('/') || /^[A-Za-z]:\//.test(s)) return /^[A-Za-z]:\//.test(s) ? s : normalize(s);
  return normalize(dirOf(composePath) + s);
}

function collectEnvFiles(ctx: Ctx, node: unknown, service: string): void {
  const n = deref(ctx, node);
  if (n === null || isReset(n)) return;
  for (const item of isSeq(n) ? n.items : [n]) {
    spend(ctx);
    const d = deref(ctx, item);
    let pathNode: Node | null = d;
    let required = true;
    let format: 'dotenv' | 'raw' = 'dotenv';
    if (isMap(d)) {
      const f = new Map(entries(ctx, d).map((e) => [e.key, e]));
      pathNode = deref(ctx, f.get('path')?.value);
      const req = deref(ctx, f.get('required')?.value);
      if (isScalar(req) && (req.value === false || req.value === 'false')) required = false;
      if (scalarText(deref(ctx, f.get('format')?.value)) === 'raw') format = 'raw';
    }
    const written = scalarText(pathNode);
    if (written === null || !isScalar(pathNode)) continue;
    const resolved = resolveEnvFilePath(ctx.path, staticText(written));
    const key = `${format}\0${resolved}`;
    const known = ctx.envFiles.get(key);
    if (known) {
      if (!known.services.includes(service)) known.services.push(service);
      known.required ||= required;
      continue;
    }
    ctx.envFiles.set(key, { path: written, resolved, required, format, services: [service], loc: contentLoc(ctx, pathNode) });
  }
}

// ---------------------------------------------------------------------------------------------
// command / entrypoint / healthcheck.test

/**
 * A service's `command`, `entrypoint` and `healthcheck.test` as Commands: a string is shell form,
 * one segment per source line of its content; a list is exec form, one segment per item (the
 * `CMD` / `CMD-SHELL` / `NONE` that opens a healthcheck list is not one). Segments hold the
 * source text (quotes' content as written), so columns are exact. One written behind an anchor
 * and shared by several services is one Command listing every service.
 */
function collectCommands(ctx: Ctx, fields: Map<string, Entry>, service: string, model: FileModel): void {
  const hc = deref(ctx, fields.get('healthcheck')?.value);
  const test = isMap(hc) && !isReset(hc) ? entries(ctx, hc).find((e) => e.key === 'test')?.value : undefined;
  const sources: [CommandKind, unknown][] = [
    ['compose-command', fields.get('command')?.value],
    ['compose-entrypoint', fields.get('entrypoint')?.value],
    ['compose-healthcheck', test],
  ];
  for (const [kind, node] of sources) {
    const n = deref(ctx, node);
    if (n === null || isReset(n) || !n.range) continue;
    const loc = isScalar(n) ? contentLoc(ctx, n) : ctx.lc.loc(n.range[0], n.range[1]);
    const known = model.commands.find((c) => c.kind === kind && c.loc.line === loc.line && c.loc.column === loc.column);
    if (known) {
      if (!known.services!.includes(service)) known.services!.push(service);
      continue;
    }
    let segments: TextSegment[];
    let form: Command['form'];
    if (isScalar(n)) {
      if (scalarText(n) === null) continue;
      form = 'shell';
      segments = scalarSegments(ctx, n);
    } else if (isSeq(n)) {
      form = 'exec';
      const items = n.items.map((i) => deref(ctx, i));
      const first = items[0];
      const skip = kind === 'compose-healthcheck' && isScalar(first) && /^(?:CMD|CMD-SHELL|NONE)$/.test(scalarText(first) ?? '') ? 1 : 0;
      segments = [];
      for (const item of items.slice(skip)) {
        spend(ctx);
        if (isScalar(item) && scalarText(item) !== null) segments.push(...scalarSegments(ctx, item));
      }
    } else continue;
    if (segments.length === 0) continue;
    model.commands.push({ kind, scope: service, form, segments, loc, services: [service] });
  }
}

/** A scalar's content as it is written, one segment per source line (leading blanks dropped). */
function scalarSegments(ctx: Ctx, s: Scalar): TextSegment[] {
  const [a, b] = contentRange(ctx, s);
  const out: TextSegment[] = [];
  let at = a;
  for (const line of ctx.text.slice(a, b).split('\n')) {
    const text = line.replace(/\r$/, '');
    const lead = text.length - text.trimStart().length;
    if (text.trim() !== '') {
      const p = ctx.lc.linePos(at + lead);
      out.push({ text: text.slice(lead).trimEnd(), line: p.line, column: p.col });
    }
    at += line.length + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// suppressions

function suppressions(text: string, assignments: readonly EnvAssignment[]): ReturnType<typeof lineSuppressions> {
  const comments: LineComment[] = [];
  const content: number[] = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\s*#(.*)$/.exec(l.replace(/\r$/, ''));
    if (m) comments.push({ line: i + 1, text: m[1]! });
    else if (l.trim() !== '') content.push(i + 1);
  });
  const ends = new Map<number, number>();
  for (const a of assignments) {
    const end = Math.max(a.nameLoc.endLine, a.valueLoc?.endLine ?? 0);
    ends.set(a.nameLoc.line, Math.max(ends.get(a.nameLoc.line) ?? 0, end));
  }
  return lineSuppressions(comments, content, (l) => ends.get(l) ?? l);
}
