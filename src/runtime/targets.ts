/**
 * Targets of `godock env`: container names/ids, `--all` running containers, `--label`
 * filters, and Swarm services; then inspection into RuntimeEnv plain data with bounded
 * concurrency and one image inspect per distinct image.
 *
 * The answers are the daemon's (or whatever listens on DOCKER_HOST): nothing is taken on trust.
 *
 * | sent                                                      | becomes                                    |
 * |-----------------------------------------------------------|--------------------------------------------|
 * | a container list that is not a list                       | an 'engine' error for the run              |
 * | more than MAX_LISTED_CONTAINERS listed                    | an 'engine' error for the run              |
 * | a list entry without a string Id                          | an 'engine' error for that entry's target  |
 * | `Names` not a list of strings                             | the short id as the name                   |
 * | an inspect answer that is not an object, or no string Id  | an 'engine' error for that target          |
 * | no `Config` (container) / `ContainerSpec` (service)       | an 'engine' error for that target          |
 * | `Env` absent or null                                      | no variables                               |
 * | `Env` not a list, or over MAX_ENV_ENTRIES entries         | an 'engine' error for that target          |
 * | `Env` entries that are not strings                        | ignored, with a note in the report         |
 * | `Name`, `Image`, `User` not strings; `Tty` not `true`     | the name asked for, no image, root, no TTY |
 * | an image answer that is not an object, or a non-list Env  | the image's defaults are kept (a note)     |
 * | image `Env` entries that are not strings                  | ignored                                    |
 *
 * (docker.ts has already refused an answer over its size limit or not JSON.)
 */
import { inOrder, mapLimit } from './concurrency';
import { redact } from '../classify/redact';
import { visible } from '../util/safe-text';
import { EngineError, type EngineClient, type ImageInspectData, type InspectedTarget, type TargetRef } from './types';

export { mapLimit };

export interface TargetRequest {
  names: string[];
  all: boolean;
  /** `key` or `key=value`; containers must match every one. */
  labels: string[];
  services: string[];
}

export interface TargetResult {
  ref: TargetRef;
  target?: InspectedTarget;
  error?: EngineError;
}

export const DEFAULT_CONCURRENCY = 16;
/** Containers one run takes from a container list at most (`--all`, `--label`). */
export const MAX_LISTED_CONTAINERS = 10_000;
/**
 * `Env` entries of one target godock reads at most: a process environment is bounded by the
 * kernel's argument space (a few MiB), so a real container stays far below.
 */
export const MAX_ENV_ENTRIES = 100_000;

/** Failures that say the daemon itself is unusable, not just this target. */
const DAEMON_DOWN: ReadonlySet<string> = new Set(['unreachable', 'timeout', 'permission', 'tls']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringOr = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

function displayName(names: unknown, id: string): string {
  const first: unknown = Array.isArray(names) ? names[0] : undefined;
  return typeof first === 'string' && first.replace(/^\//, '') !== '' ? first.replace(/^\//, '') : id.slice(0, 12);
}

/** Expands the request into target references (names first, then listed containers, then services). */
export async function listTargets(client: EngineClient, req: TargetRequest): Promise<TargetRef[]> {
  const refs: TargetRef[] = req.names.map((n) => ({ kind: 'container', name: n, id: n }));
  if (req.all || req.labels.length > 0) {
    const listed: unknown = await client.listContainers(req.labels);
    if (!Array.isArray(listed)) throw new EngineError('engine', 'the Docker daemon sent a container list that is not a list');
    if (listed.length > MAX_LISTED_CONTAINERS) {
      throw new EngineError('engine', `the Docker daemon listed ${listed.length} running containers; godock env takes at most ${MAX_LISTED_CONTAINERS} at once (narrow them with --label)`);
    }
    listed.forEach((c: unknown, i) => {
      const id = isRecord(c) ? c.Id : undefined;
      if (typeof id === 'string' && id !== '') refs.push({ kind: 'container', name: displayName((c as Record<string, unknown>).Names, id), id });
      else refs.push({ kind: 'container', name: `(list entry ${i + 1})`, id: '', invalid: `container list entry ${i + 1}: the Docker daemon sent no container Id` });
    });
  }
  for (const s of req.services) refs.push({ kind: 'service', name: s, id: s });
  return refs;
}

/** The strings of an `Env` list (absent or null: none); a non-list, or one too long, fails the target. */
function envStrings(value: unknown, subject: string, field: string): { env: string[]; ignored: number } {
  if (value === undefined || value === null) return { env: [], ignored: 0 };
  if (!Array.isArray(value)) throw new EngineError('engine', `${subject}: the Docker daemon sent a ${field} that is not a list`);
  if (value.length > MAX_ENV_ENTRIES) throw new EngineError('engine', `${subject}: the Docker daemon sent ${value.length} ${field} entries; godock reads at most ${MAX_ENV_ENTRIES}`);
  const env = value.filter((e): e is string => typeof e === 'string');
  return { env, ignored: value.length - env.length };
}

const ignoredNote = (n: number, field: string): string | undefined =>
  n === 0 ? undefined : n === 1 ? `1 ${field} entry is not a string: ignored` : `${n} ${field} entries are not strings: ignored`;

/** An image reference from the daemon, short enough for a note. */
const shortRef = (ref: string): string => (ref.length > 100 ? `${ref.slice(0, 99)}…` : ref);

/** The image's `Env`, or why its defaults stay (then `env` is null). */
function imageEnv(img: unknown): { env: string[] | null; problem?: string } {
  if (!isRecord(img)) return { env: null, problem: 'is not an image' };
  const value = isRecord(img.Config) ? img.Config.Env : undefined;
  if (value !== undefined && value !== null && !Array.isArray(value)) return { env: null, problem: 'has a Config.Env that is not a list' };
  const env = Array.isArray(value) ? value.filter((e): e is string => typeof e === 'string') : [];
  return env.length > MAX_ENV_ENTRIES ? { env: null, problem: `has more than ${MAX_ENV_ENTRIES} Config.Env entries` } : { env };
}

/** The answer as an object and its string id, or an 'engine' error for the target. */
function checkedAnswer(answer: unknown, idKey: 'Id' | 'ID', subject: string, what: string): { fields: Record<string, unknown>; id: string } {
  if (!isRecord(answer)) throw new EngineError('engine', `${subject}: the Docker daemon's answer is not a ${what}`);
  const id = answer[idKey];
  if (typeof id !== 'string' || id === '') throw new EngineError('engine', `${subject}: the Docker daemon's answer has no ${what} ${idKey}`);
  return { fields: answer, id };
}

const joinNotes = (...notes: (string | undefined)[]): string | undefined => notes.filter((n) => n).join('; ') || undefined;

/** Caches one image inspect per distinct image id/reference. */
function imageCache(client: EngineClient): (id: string) => Promise<ImageInspectData | null> {
  const cache = new Map<string, Promise<ImageInspectData | null>>();
  return (id) => {
    let p = cache.get(id);
    if (!p) {
      p = client.inspectImage(id);
      cache.set(id, p);
    }
    return p;
  };
}

async function inspectContainer(client: EngineClient, ref: TargetRef, image: (id: string) => Promise<ImageInspectData | null>, listed: boolean): Promise<InspectedTarget> {
  let answer: unknown;
  try {
    answer = await client.inspectContainer(ref.id);
  } catch (e) {
    if (e instanceof EngineError && e.code === 'not-found') {
      throw listed
        ? new EngineError('gone', `container "${ref.name}" was removed while being inspected`)
        : new EngineError('not-found', `no such container: ${ref.name}`);
    }
    throw e;
  }
  const subject = `container "${ref.name}"`;
  const { fields: c, id } = checkedAnswer(answer, 'Id', subject, 'container');
  if (!isRecord(c.Config)) throw new EngineError('engine', `${subject}: the Docker daemon's answer has no Config`);
  const config = c.Config;
  const { env, ignored } = envStrings(config.Env, subject, 'Config.Env');
  const imageId = stringOr(c.Image, '') || stringOr(config.Image, '');
  const img = imageId ? await image(imageId) : null;
  const fromImage = img == null ? null : imageEnv(img);
  const name = typeof c.Name === 'string' ? c.Name.replace(/^\//, '') : '';
  const shownImage = imageId ? imageId.slice(0, 19) : '(unknown)';
  const note = joinNotes(
    img == null ? `image ${shownImage} not found: its defaults were not removed` : fromImage?.problem ? `the answer for image ${shownImage} ${fromImage.problem}: its defaults were not removed` : undefined,
    ignoredNote(ignored, 'Config.Env'),
  );
  return {
    kind: 'container',
    name: name || ref.name,
    id,
    runtime: {
      env,
      imageEnv: fromImage?.env ?? null,
      tty: config.Tty === true,
      user: stringOr(config.User, ''),
    },
    ...(note ? { imageNote: note } : {}),
  };
}

async function inspectService(client: EngineClient, ref: TargetRef, image: (id: string) => Promise<ImageInspectData | null>): Promise<InspectedTarget> {
  let answer: unknown;
  try {
    answer = await client.inspectService(ref.id);
  } catch (e) {
    if (e instanceof EngineError && e.code === 'not-found') throw new EngineError('not-found', `no such service: ${ref.name}`);
    throw e;
  }
  const subject = `service "${ref.name}"`;
  const { fields: s, id } = checkedAnswer(answer, 'ID', subject, 'service');
  const specOf = isRecord(s.Spec) ? s.Spec : {};
  const template = isRecord(specOf.TaskTemplate) ? specOf.TaskTemplate : {};
  // A plugin service (TaskTemplate.PluginSpec) has no container, so no environment to write.
  if (!isRecord(template.ContainerSpec)) throw new EngineError('engine', `${subject}: the Docker daemon's answer has no ContainerSpec (not a container service?)`);
  const spec = template.ContainerSpec;
  const { env, ignored } = envStrings(spec.Env, subject, 'ContainerSpec.Env');
  const imageRef = stringOr(spec.Image, '');
  const img = imageRef ? await image(imageRef) : null;
  const fromImage = img == null ? null : imageEnv(img);
  const note = joinNotes(
    img == null ? `image ${shortRef(imageRef) || '(none)'} not present locally: its defaults were not removed` : fromImage?.problem ? `the answer for image ${shortRef(imageRef)} ${fromImage.problem}: its defaults were not removed` : undefined,
    ignoredNote(ignored, 'ContainerSpec.Env'),
  );
  return {
    kind: 'service',
    name: stringOr(specOf.Name, '') || ref.name,
    id,
    runtime: {
      env,
      imageEnv: fromImage?.env ?? null,
      tty: spec.TTY === true,
      user: stringOr(spec.User, ''),
    },
    ...(note ? { imageNote: note } : {}),
  };
}

export interface InspectOptions {
  concurrency?: number;
  /** Called after each target finishes (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called with each result of the returned list, in the same order, as soon as it and all the
   * targets before it are done (so the caller can start writing while the rest is inspected).
   */
  onResult?: (result: TargetResult) => void;
}

/**
 * Inspects every target; a failing target carries its EngineError and the others go on.
 * Targets that resolve to the same container/service id are reported once.
 */
export async function inspectTargets(client: EngineClient, refs: readonly TargetRef[], req: Pick<TargetRequest, 'names'>, options: InspectOptions = {}): Promise<TargetResult[]> {
  const image = imageCache(client);
  const named = new Set(req.names);
  let done = 0;
  // Once the daemon is gone (unreachable, hung, forbidden), the targets not started yet fail
  // at once with the same reason instead of each waiting for its own connect or timeout.
  let daemonDown: EngineError | undefined;
  const inspectOne = async (ref: TargetRef, i: number): Promise<TargetResult> => {
    const subject = `${ref.kind} "${ref.name}"`;
    try {
      if (ref.invalid) return { ref, error: new EngineError('engine', ref.invalid) };
      if (daemonDown) return { ref, error: new EngineError(daemonDown.code, `${subject} not inspected: ${daemonDown.message}`) };
      const listed = ref.kind === 'container' && !(i < req.names.length && named.has(ref.id));
      const target = ref.kind === 'service' ? await inspectService(client, ref, image) : await inspectContainer(client, ref, image, listed);
      return { ref, target };
    } catch (e) {
      if (!(e instanceof EngineError)) return { ref, error: new EngineError('engine', `${subject}: ${visible(redact((e as Error)?.message ?? String(e)))}`) };
      if (!DAEMON_DOWN.has(e.code)) return { ref, error: e };
      daemonDown ??= e;
      return { ref, error: new EngineError(e.code, `${subject}: ${e.message}`) };
    }
  };
  const seen = new Set<string>();
  const unique: TargetResult[] = [];
  // In target order: drop a repeat of an id already reported, hand the rest to the caller.
  const release = inOrder<TargetResult>((r) => {
    if (r.target) {
      const key = `${r.target.kind}:${r.target.id}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    unique.push(r);
    options.onResult?.(r);
  });
  await mapLimit(refs, options.concurrency ?? DEFAULT_CONCURRENCY, async (ref, i): Promise<void> => {
    const result = await inspectOne(ref, i);
    done++;
    options.onProgress?.(done, refs.length);
    release(i, result);
  });
  return unique;
}
