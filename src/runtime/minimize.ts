/**
 * The env minimizer: which variables of a running container a deploy must inject.
 * Pure: RuntimeEnv + options in, one decision per `Config.Env` entry out, in container order.
 *
 * Each entry is decided by the first rule that applies, in this order:
 *
 * | # | rule                                                            | reason         |
 * |---|-----------------------------------------------------------------|----------------|
 * | 1 | no `=` (the engine removes such a variable)                     | `unset`        |
 * | 2 | the same name appears again later (later wins, as in the engine)| `overridden`   |
 * | 3 | `--keep <glob>` matches: kept (only a secret-shaped value still goes to step 8) | – |
 * | 4 | engine-injected: `HOSTNAME`; `TERM` when the target has a TTY;  | `engine`       |
 * |   | `HOME` equal to the runtime default (`/root` for root, `/`);    |                |
 * |   | `PATH` equal to the image's `PATH`                              |                |
 * | 5 | `NAME=VALUE` also in the image's `Config.Env` (unless           | `image-default`|
 * |   | `--keep-image-defaults`)                                        |                |
 * | 6 | `--drop <glob>` matches                                         | `drop-glob`    |
 * | 7 | `--only <glob>` given and none matches                          | `not-allowed`  |
 * | 8 | secret: a secret-shaped value under any name; a pair that lint's  | `secret`       |
 * |   | secret rules report (they run on the pair as an env-file line);  |                |
 * |   | or a name with a secret suffix (`--drop-suffix`, default         |                |
 * |   | `_SECRET _KEY _TOKEN _PASSWORD _PASSWD _PWD`, with the           |                |
 * |   | classifier's exemptions `PUBLIC_KEY`, `*_FILE`, `*_VERSION`…)    |                |
 *
 * The suffix list is the user's floor, not the whole decision: every pair `godock lint` would
 * flag in an env file is dropped too. `--keep` globs are passed to the classifier as allowed
 * names, so they exempt a name from the name-based tests but never hide a value that is a known
 * token format.
 * A `detail` explains each drop with names and suffixes only, never a value.
 */
import { globMatcher } from '../util/glob';
import { classify, isSecretName, DEFAULT_RUNTIME_SUFFIXES } from '../classify';
import type { Classification, ClassifyOptions } from '../classify/types';
import { secretRulesReport } from '../engine/secret-pair';
import { rules as registry } from '../../rules';
import type { RuntimeEnv } from './types';

export type DropReason =
  | 'unset'
  | 'overridden'
  | 'engine'
  | 'image-default'
  | 'drop-glob'
  | 'not-allowed'
  | 'secret';

export interface MinimizeOptions {
  /** Secret name suffixes (`--drop-suffix`); default DEFAULT_RUNTIME_SUFFIXES. */
  suffixes?: readonly string[];
  keep?: readonly string[];
  drop?: readonly string[];
  /** Allowlist; empty or undefined = everything allowed. */
  only?: readonly string[];
  keepImageDefaults?: boolean;
}

export interface EnvDecision {
  name: string;
  /** null for an entry without `=`. */
  value: string | null;
  kept: boolean;
  reason?: DropReason;
  /** Why, in words, with names only. */
  detail?: string;
}

/** Splits `NAME=VALUE` at the first `=`; no `=` gives a null value. */
export function splitEnvEntry(entry: string): { name: string; value: string | null } {
  const eq = entry.indexOf('=');
  return eq < 0 ? { name: entry, value: null } : { name: entry.slice(0, eq), value: entry.slice(eq + 1) };
}

const ROOT_USERS = new Set(['', 'root', '0']);

function isRootUser(user: string): boolean {
  const name = user.split(':')[0] ?? '';
  return ROOT_USERS.has(name);
}

function engineInjected(name: string, value: string, rt: RuntimeEnv, imagePath: string | undefined): string | null {
  switch (name) {
    case 'HOSTNAME':
      return 'set by the engine from the container hostname';
    case 'TERM':
      return rt.tty ? 'set by the engine for a TTY' : null;
    case 'HOME':
      if (value === '/') return 'runtime default for a user without a home';
      return value === '/root' && isRootUser(rt.user) ? 'runtime default for root' : null;
    case 'PATH':
      return imagePath !== undefined && value === imagePath ? "same as the image's PATH" : null;
    default:
      return null;
  }
}

const matchers = new WeakMap<readonly string[], (name: string) => boolean>();
function matches(name: string, globs: readonly string[] | undefined): boolean {
  if (globs === undefined || globs.length === 0) return false;
  let m = matchers.get(globs);
  if (!m) {
    const each = globs.map((g) => globMatcher(g));
    m = (n) => each.some((f) => f(n));
    matchers.set(globs, m);
  }
  return m(name);
}

/** The classifier options of one run: lint's (with `--keep` as allowed names) and the suffix filter's. */
interface RunOptions {
  lint: ClassifyOptions;
  suffix: ClassifyOptions;
}

/**
 * The classifier options for one MinimizeOptions object, built once: the classifier caches its
 * name analysis per options object, so every target of a run shares one analysis per name.
 */
const classifyOptionsOf = (() => {
  const built = new WeakMap<MinimizeOptions, RunOptions>();
  return (options: MinimizeOptions): RunOptions => {
    let c = built.get(options);
    if (!c) {
      const allow = options.keep && options.keep.length > 0 ? { allowNames: [...options.keep] } : {};
      c = { lint: allow, suffix: { suffixes: [...(options.suffixes ?? DEFAULT_RUNTIME_SUFFIXES)], ...allow } };
      built.set(options, c);
    }
    return c;
  };
})();

interface PairFacts {
  /** lint's classification of the pair. */
  c: Classification;
  /** lint's secret rules report the pair. */
  linted: boolean;
}

/**
 * The lint view of a pair, remembered by name and value: containers of one image or one
 * deployment repeat most of their entries, and the value scan is the costly part of a decision.
 */
const pairMemo = new WeakMap<ClassifyOptions, Map<string, PairFacts>>();
function pairFacts(name: string, value: string, options: ClassifyOptions): PairFacts {
  let memo = pairMemo.get(options);
  if (!memo) pairMemo.set(options, (memo = new Map()));
  const key = `${name}=${value}`;
  let f = memo.get(key);
  if (!f) memo.set(key, (f = { c: classify(name, value, options), linted: secretRulesReport(name, value, registry, options) !== null }));
  return f;
}

const NO_OPTIONS: MinimizeOptions = {};

/**
 * Decides every entry of `rt.env`; see the table at the top of this file. Pass the same options
 * object for every target of a run (its classifier options and glob matchers are reused).
 */
export function minimize(rt: RuntimeEnv, options: MinimizeOptions = NO_OPTIONS): EnvDecision[] {
  const imageEntries = new Set(rt.imageEnv ?? []);
  let imagePath: string | undefined;
  for (const e of rt.imageEnv ?? []) {
    const { name, value } = splitEnvEntry(e);
    if (name === 'PATH' && value !== null) imagePath = value;
  }
  const parsed = rt.env.map(splitEnvEntry);
  const lastIndex = new Map<string, number>();
  parsed.forEach((p, i) => lastIndex.set(p.name, i));
  const classifyOptions = classifyOptionsOf(options);

  return parsed.map(({ name, value }, i): EnvDecision => {
    const drop = (reason: DropReason, detail: string): EnvDecision => ({ name, value, kept: false, reason, detail });
    if (value === null) return drop('unset', 'no "=": the engine removes it');
    if (lastIndex.get(name) !== i) return drop('overridden', 'set again later in the same env');
    const keepGlob = matches(name, options.keep);
    if (!keepGlob) {
      const injected = engineInjected(name, value, rt, imagePath);
      if (injected !== null) return drop('engine', injected);
      if (!options.keepImageDefaults && imageEntries.has(`${name}=${value}`)) {
        return drop('image-default', 'the image sets the same value');
      }
      if (matches(name, options.drop)) return drop('drop-glob', 'matched --drop');
      if (options.only && options.only.length > 0 && !matches(name, options.only)) {
        return drop('not-allowed', 'not matched by --only');
      }
    }
    const { c, linted } = pairFacts(name, value, classifyOptions.lint);
    if (c.secret && c.reason === 'value') {
      return drop('secret', `value looks like a ${c.tokenType ?? 'known secret format'}`);
    }
    if (!keepGlob) {
      const bySuffix = isSecretName(name, classifyOptions.suffix);
      if (linted || bySuffix.secret) {
        const word = c.nameWord ?? bySuffix.word;
        return drop('secret', word ? `secret name (${word})` : 'secret name');
      }
    }
    return { name, value, kept: true };
  });
}

/** The decisions that end up in the env-file. */
export function keptOf(decisions: readonly EnvDecision[]): EnvDecision[] {
  return decisions.filter((d) => d.kept);
}

/** The dropped secrets (what `--secrets passthrough` / `--secrets-file` act on). */
export function secretsOf(decisions: readonly EnvDecision[]): EnvDecision[] {
  return decisions.filter((d) => d.reason === 'secret');
}
