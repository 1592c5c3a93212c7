/**
 * The only dockerode importer. dockerode is loaded with require() inside connectEngine(), so
 * nothing but `godock env` ever loads it (and the CLI bundle keeps it external).
 *
 * connectEngine() negotiates the API version like the Go client: GET /version on the
 * unversioned path, then use min(daemon ApiVersion, CLIENT_API_VERSION); refuse a daemon
 * older than MIN_API_VERSION or one whose MinAPIVersion is newer than ours.
 * Every call is bounded by a timeout (default DEFAULT_TIMEOUT_MS, `godock env --timeout`): a
 * hung daemon (socket accepted, never answered) becomes a 'timeout' EngineError and the request
 * is aborted so no socket keeps the process alive.
 * Every failure becomes an EngineError with one clear line.
 */
import type Dockerode from 'dockerode';
import { Agent } from 'node:https';
import type { Connection, ConnectionOptions } from './connection';
import {
  DEFAULT_TIMEOUT_MS,
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
export function toDockerodeOptions(o: ConnectionOptions, timeoutMs: number = DEFAULT_TIMEOUT_MS): Dockerode.DockerOptions & Record<string, unknown> {
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
    // docker-modem's socket idle timeout: a backstop that destroys a request our own timer
    // (which fires first and gives the clear message) could not abort.
    timeout: timeoutMs + 1_000,
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
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return new EngineError('unreachable', `lost the connection to the Docker daemon at ${conn.url} (${code}); did it stop?`);
  }
  if (code && ['ENOENT', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) {
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

/** Seconds for messages: `1.5s`, `30s`. */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}

/**
 * Runs one Engine API call bounded by `timeoutMs`: the signal aborts the request (dockerode
 * forwards it for the calls that support it), and the race settles the call even when the
 * request ignores the signal. The loser's rejection is swallowed, never left unhandled.
 */
export async function withTimeout<T>(timeoutMs: number, url: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new EngineError('timeout', `the Docker daemon at ${url} did not answer within ${seconds(timeoutMs)} (see --timeout)`));
      ac.abort();
    }, timeoutMs);
  });
  const work = fn(ac.signal);
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ConnectOptions {
  /** Bound on each API call in milliseconds (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Connects, negotiates the API version and returns the EngineClient used by targets.ts. */
export async function connectEngine(conn: Connection, options: ConnectOptions = {}): Promise<ConnectedEngine> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const Docker = loadDockerode();
  const make = (version?: string): Dockerode => {
    try {
      return new Docker({ ...toDockerodeOptions(conn.options, timeoutMs), ...(version ? { version: `v${version}` } : {}) });
    } catch (e) {
      throw mapEngineError(e, conn);
    }
  };
  const call = async <T>(subject: string | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    try {
      return await withTimeout(timeoutMs, conn.url, fn);
    } catch (e) {
      throw mapEngineError(e, conn, subject);
    }
  };
  const unversioned = make();
  // dockerode's version() takes options (abortSignal) at run time; its typings omit them.
  const version = unversioned.version as unknown as (this: Dockerode, opts: { abortSignal: AbortSignal }) => Promise<{ ApiVersion?: string; MinAPIVersion?: string }>;
  const info = await call(undefined, (abortSignal) => version.call(unversioned, { abortSignal }));
  const apiVersion = negotiateApiVersion(info);
  const docker = make(apiVersion);
  return {
    apiVersion,
    listContainers: (labels) =>
      call(undefined, async (abortSignal) => (await docker.listContainers({ abortSignal, filters: { status: ['running'], ...(labels.length ? { label: labels } : {}) } })) as ContainerSummaryData[]),
    inspectContainer: (id) => call(`container "${id}"`, async (abortSignal) => (await docker.getContainer(id).inspect({ abortSignal })) as unknown as ContainerInspectData),
    inspectImage: (id) =>
      call(`image "${id}"`, async () => {
        try {
          return (await docker.getImage(id).inspect()) as unknown as ImageInspectData;
        } catch (e) {
          if ((e as ModemError).statusCode === 404) return null;
          throw e;
        }
      }),
    inspectService: (id) => call(`service "${id}"`, async (abortSignal) => (await docker.getService(id).inspect({ abortSignal })) as unknown as ServiceInspectData),
  };
}
