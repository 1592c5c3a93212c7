/**
 * Targets of `godock env`: container names/ids, `--all` running containers, `--label`
 * filters, and Swarm services; then inspection into RuntimeEnv plain data with bounded
 * concurrency and one image inspect per distinct image.
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

/** Failures that say the daemon itself is unusable, not just this target. */
const DAEMON_DOWN: ReadonlySet<string> = new Set(['unreachable', 'timeout', 'permission', 'tls']);

function displayName(names: string[] | undefined, id: string): string {
  const first = names?.[0];
  return first ? first.replace(/^\//, '') : id.slice(0, 12);
}

/** Expands the request into target references (names first, then listed containers, then services). */
export async function listTargets(client: EngineClient, req: TargetRequest): Promise<TargetRef[]> {
  const refs: TargetRef[] = req.names.map((n) => ({ kind: 'container', name: n, id: n }));
  if (req.all || req.labels.length > 0) {
    const listed = await client.listContainers(req.labels);
    for (const c of listed) refs.push({ kind: 'container', name: displayName(c.Names, c.Id), id: c.Id });
  }
  for (const s of req.services) refs.push({ kind: 'service', name: s, id: s });
  return refs;
}

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
  let c;
  try {
    c = await client.inspectContainer(ref.id);
  } catch (e) {
    if (e instanceof EngineError && e.code === 'not-found') {
      throw listed
        ? new EngineError('gone', `container "${ref.name}" was removed while being inspected`)
        : new EngineError('not-found', `no such container: ${ref.name}`);
    }
    throw e;
  }
  const imageId = c.Image || c.Config?.Image || '';
  const img = imageId ? await image(imageId) : null;
  return {
    kind: 'container',
    name: c.Name ? c.Name.replace(/^\//, '') : ref.name,
    id: c.Id,
    runtime: {
      env: c.Config?.Env ?? [],
      imageEnv: img ? (img.Config?.Env ?? []) : null,
      tty: c.Config?.Tty === true,
      user: c.Config?.User ?? '',
    },
    ...(img ? {} : { imageNote: `image ${imageId ? imageId.slice(0, 19) : '(unknown)'} not found: its defaults were not removed` }),
  };
}

async function inspectService(client: EngineClient, ref: TargetRef, image: (id: string) => Promise<ImageInspectData | null>): Promise<InspectedTarget> {
  let s;
  try {
    s = await client.inspectService(ref.id);
  } catch (e) {
    if (e instanceof EngineError && e.code === 'not-found') throw new EngineError('not-found', `no such service: ${ref.name}`);
    throw e;
  }
  const spec = s.Spec?.TaskTemplate?.ContainerSpec ?? {};
  const imageRef = spec.Image ?? '';
  const img = imageRef ? await image(imageRef) : null;
  return {
    kind: 'service',
    name: s.Spec?.Name ?? ref.name,
    id: s.ID,
    runtime: {
      env: spec.Env ?? [],
      imageEnv: img ? (img.Config?.Env ?? []) : null,
      tty: spec.TTY === true,
      user: spec.User ?? '',
    },
    ...(img ? {} : { imageNote: `image ${imageRef || '(none)'} not present locally: its defaults were not removed` }),
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
