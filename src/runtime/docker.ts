/**
 * The only dockerode importer. dockerode is loaded with require() inside connectEngine(), so
 * nothing but `godock env` ever loads it (and the CLI bundle keeps it external).
 *
 * connectEngine() negotiates the API version like the Go client: GET /version on the
 * unversioned path, then use min(daemon ApiVersion, CLIENT_API_VERSION); refuse a daemon
 * older than MIN_API_VERSION or one whose MinAPIVersion is newer than ours.
 * Every failure becomes an EngineError with one clear line.
 */
import type Dockerode from 'dockerode';
import { Agent } from 'node:https';
import type { Connection, ConnectionOptions } from './connection';
import {
  EngineError,
  type ContainerInspectData,
  type ContainerSummaryData,
  type EngineClient,
  type ImageInspectData,
  type ServiceInspectData,
} from './types';

/** Newest Engine API version godock speaks. */
export const CLIENT_API_VERSION = '1.47';
/** Oldest Engine API version godock accepts (swarm services need 1.24). */
export const MIN_API_VERSION = '1.24';
const REQUEST_TIMEOUT_MS = 60_000;

/** Compares dotted API versions numerically (`1.9` < `1.41`). */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** min(daemon, ours), or an 'api-version' EngineError when the two cannot agree. */
export function negotiateApiVersion(daemon: { ApiVersion?: string; MinAPIVersion?: string }): string {
  const server = daemon.ApiVersion;
  if (!server || !/^\d+\.\d+$/.test(server)) throw new EngineError('api-version', 'the Docker daemon did not report its API version');
  if (daemon.MinAPIVersion && compareApiVersions(daemon.MinAPIVersion, CLIENT_API_VERSION) > 0) {
    throw new EngineError('api-version', `the Docker daemon requires API ${daemon.MinAPIVersion} or newer; godock speaks up to ${CLIENT_API_VERSION}`);
  }
  if (compareApiVersions(server, MIN_API_VERSION) < 0) {
    throw new EngineError('api-version', `the Docker daemon speaks API ${server}; godock needs ${MIN_API_VERSION} or newer`);
  }
  return compareApiVersions(server, CLIENT_API_VERSION) < 0 ? server : CLIENT_API_VERSION;
}

function loadDockerode(): typeof Dockerode {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('dockerode') as typeof Dockerode;
}

/** Maps our options onto dockerode's, overriding every field docker-modem would take from the env. */
export function toDockerodeOptions(o: ConnectionOptions): Dockerode.DockerOptions & Record<string, unknown> {
  const agent = o.insecure && o.protocol === 'https' ? new Agent({ rejectUnauthorized: false, ca: o.ca, cert: o.cert, key: o.key }) : undefined;
  return {
    socketPath: o.socketPath,
    host: o.socketPath ? undefined : o.host,
    port: o.port,
    protocol: o.socketPath ? undefined : o.protocol,
    username: o.username,
    ca: o.ca,
    cert: o.cert,
    key: o.key,
    agent,
    timeout: REQUEST_TIMEOUT_MS,
    ...(o.protocol === 'ssh' ? { sshOptions: o.sshAgent ? { agent: o.sshAgent } : {} } : {}),
  };
}

interface ModemError {
  code?: string;
  statusCode?: number;
  json?: { message?: unknown } | null;
  message?: string;
}

function engineMessage(e: ModemError): string {
  const m = typeof e.json?.message === 'string' ? e.json.message : (e.message ?? 'unknown error');
  return m.split('\n')[0]!.slice(0, 300).trim();
}

/** What a failed call means, in one line. `subject` is e.g. `container "web"`. */
export function mapEngineError(err: unknown, conn: Pick<Connection, 'url'>, subject?: string): EngineError {
  if (err instanceof EngineError) return err;
  const e = (err ?? {}) as ModemError;
  const code = e.code;
  if (code === 'EACCES' || code === 'EPERM') {
    return new EngineError('permission', `permission denied on the Docker socket ${conn.url} (run as root or join the docker group)`);
  }
  if (code && ['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'].includes(code)) {
    return new EngineError('unreachable', `cannot connect to the Docker daemon at ${conn.url} (${code}); is it running?`);
  }
  if (code && /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|EPROTO)/.test(code)) {
    return new EngineError('tls', `TLS handshake with the Docker daemon at ${conn.url} failed (${code})`);
  }
  const msg = engineMessage(e);
  if (e.statusCode === 404) return new EngineError('not-found', subject ? `no such ${subject}` : msg);
  if (e.statusCode === 400 && /api version|client version|too old|too new/i.test(msg)) {
    return new EngineError('api-version', `the Docker daemon refused the API version: ${msg}`);
  }
  if (e.statusCode === 503 && /swarm/i.test(msg)) {
    return new EngineError('not-swarm', `${subject ? `${subject}: ` : ''}this Docker daemon is not a swarm manager`);
  }
  if (!e.statusCode && /timeout/i.test(msg)) {
    return new EngineError('unreachable', `the Docker daemon at ${conn.url} did not answer in time`);
  }
  return new EngineError('engine', `${subject ? `${subject}: ` : ''}Docker Engine error${e.statusCode ? ` (HTTP ${e.statusCode})` : ''}: ${msg}`);
}

export interface ConnectedEngine extends EngineClient {
  apiVersion: string;
}

/** Connects, negotiates the API version and returns the EngineClient used by targets.ts. */
export async function connectEngine(conn: Connection): Promise<ConnectedEngine> {
  const Docker = loadDockerode();
  const make = (version?: string): Dockerode => {
    try {
      return new Docker({ ...toDockerodeOptions(conn.options), ...(version ? { version: `v${version}` } : {}) });
    } catch (e) {
      throw mapEngineError(e, conn);
    }
  };
  let info: { ApiVersion?: string; MinAPIVersion?: string };
  try {
    info = (await make().version()) as typeof info;
  } catch (e) {
    throw mapEngineError(e, conn);
  }
  const apiVersion = negotiateApiVersion(info);
  const docker = make(apiVersion);
  const call = async <T>(subject: string | undefined, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw mapEngineError(e, conn, subject);
    }
  };
  return {
    apiVersion,
    listContainers: (labels) =>
      call(undefined, async () => (await docker.listContainers({ filters: { status: ['running'], ...(labels.length ? { label: labels } : {}) } })) as ContainerSummaryData[]),
    inspectContainer: (id) => call(`container "${id}"`, async () => (await docker.getContainer(id).inspect()) as unknown as ContainerInspectData),
    inspectImage: async (id) => {
      try {
        return (await docker.getImage(id).inspect()) as unknown as ImageInspectData;
      } catch (e) {
        if ((e as ModemError).statusCode === 404) return null;
        throw mapEngineError(e, conn, `image "${id}"`);
      }
    },
    inspectService: (id) => call(`service "${id}"`, async () => (await docker.getService(id).inspect()) as unknown as ServiceInspectData),
  };
}
