/**
 * Fake engines for the runtime tests: an in-memory EngineClient over recorded inspect JSON
 * (samples/runtime), and engineServer(), a fake Engine API on a unix socket for the real client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * A fake Engine API served over HTTP on a unix socket, for the real dockerode client.
 * Answers are looked up by path without the `/v1.xx` prefix and without the query string
 * (`/version`, `/containers/json`, `/containers/web/json`, `/images/<id>/json`, `/services/s`):
 * a value is sent as JSON with status 200, `{ status, json }` as given, a function handles the
 * request itself (streams, hangs…). Anything else is a 404 like the daemon's.
 */
export type EngineAnswer = unknown | { status: number; json: unknown } | ((req: IncomingMessage, res: ServerResponse) => void);

export interface EngineServer {
  /** `unix:///…/engine.sock`, for --host. */
  host: string;
  /** Every request as `METHOD path` (with its version prefix and query). */
  requests: string[];
  close(): Promise<void>;
}

const isStatusAnswer = (a: unknown): a is { status: number; json: unknown } => typeof a === 'object' && a !== null && 'status' in a && 'json' in a && Object.keys(a).length === 2;

export async function engineServer(answers: Record<string, EngineAnswer>): Promise<EngineServer> {
  const dir = mkdtempSync(join(tmpdir(), 'godock-engine-'));
  const socket = join(dir, 'engine.sock');
  const requests: string[] = [];
  const all: Record<string, EngineAnswer> = { '/version': { ApiVersion: '1.41', MinAPIVersion: '1.12' }, ...answers };
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const path = (req.url ?? '').split('?')[0]!.replace(/^\/v\d+\.\d+\//, '/');
    const answer = Object.prototype.hasOwnProperty.call(all, path) ? all[path] : { status: 404, json: { message: `page not found: ${path}` } };
    if (typeof answer === 'function') return (answer as (q: IncomingMessage, s: ServerResponse) => void)(req, res);
    const { status, json } = isStatusAnswer(answer) ? answer : { status: 200, json: answer };
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(json));
  });
  await new Promise<void>((r) => server.listen(socket, r));
  return {
    host: `unix://${socket}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An answer that never ends: `head`, then `chunk` over and over until the client goes away. */
export function endlessAnswer(head = '{"Id":"', status = 200, chunk = 'a'.repeat(64 * 1024)): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.write(head);
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('error', () => undefined);
    pump();
  };
}
