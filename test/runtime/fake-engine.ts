/** An in-memory EngineClient over recorded inspect JSON (samples/runtime). */
import container from '../../samples/runtime/container-web.json';
import image from '../../samples/runtime/image-fixture.json';
import service from '../../samples/runtime/service-worker.json';
import { EngineError, type ContainerInspectData, type EngineClient, type ImageInspectData, type ServiceInspectData } from '../../src/runtime/types';

export interface FakeEngine extends EngineClient {
  calls: { images: string[]; containers: string[]; inFlight: number; maxInFlight: number };
  /** Ids listed by listContainers but gone at inspect time. */
  vanish: Set<string>;
}

export const GH_FAKE = container.Config.Env.find((e) => e.startsWith('GITHUB_TOKEN='))!.split('=')[1]!;

export function fakeEngine(extraContainers: ContainerInspectData[] = [], labels: Record<string, string[]> = {}): FakeEngine {
  const containers = new Map<string, ContainerInspectData>();
  const add = (c: ContainerInspectData) => {
    containers.set(c.Id, c);
    if (c.Name) containers.set(c.Name.replace(/^\//, ''), c);
  };
  add(container as ContainerInspectData);
  extraContainers.forEach(add);
  const images = new Map<string, ImageInspectData>([[image.Id, image as ImageInspectData], ['godock-fixture:1', image as ImageInspectData]]);
  const services = new Map<string, ServiceInspectData>([[service.ID, service as ServiceInspectData], [service.Spec.Name, service as ServiceInspectData]]);
  const calls = { images: [] as string[], containers: [] as string[], inFlight: 0, maxInFlight: 0 };
  const vanish = new Set<string>();
  const all = [container as ContainerInspectData, ...extraContainers];
  return {
    calls,
    vanish,
    async listContainers(filter) {
      return all
        .filter((c) => filter.every((l) => (labels[c.Id] ?? []).includes(l) || (labels[c.Id] ?? []).some((x) => x.split('=')[0] === l)))
        .map((c) => ({ Id: c.Id, Names: [c.Name ?? `/${c.Id}`] }));
    },
    async inspectContainer(id) {
      calls.containers.push(id);
      calls.inFlight++;
      calls.maxInFlight = Math.max(calls.maxInFlight, calls.inFlight);
      await new Promise((r) => setTimeout(r, 2));
      calls.inFlight--;
      const c = containers.get(id);
      if (!c || vanish.has(id)) throw new EngineError('not-found', `no such container "${id}"`);
      return c;
    },
    async inspectImage(id) {
      calls.images.push(id);
      return images.get(id) ?? null;
    },
    async inspectService(id) {
      const s = services.get(id);
      if (!s) throw new EngineError('not-found', `no such service "${id}"`);
      return s;
    },
  };
}

/** A copy of the recorded container under another name/id with another env. */
export function clone(name: string, env: string[], imageId = container.Image): ContainerInspectData {
  const id = `${name}`.padEnd(64, '0');
  return { Id: id, Name: `/${name}`, Image: imageId, Config: { Env: env, Tty: false, User: '' } };
}
