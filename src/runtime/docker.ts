/**
 * The only dockerode importer. dockerode is loaded with require() inside connectEngine(), so
 * nothing but `godock env` ever loads it (and the CLI bundle keeps it external).
 *
 * connectEngine() negotiates the API version like the Go client: GET /version on the
 * unversioned path, then use min(daemon ApiVersion, CLIENT_API_VERSION); refuse a daemon
 * older than MIN_API_VERSION or one whose MinAPIVersion is newer than ours.
 * Every call is bounded by a timeout (default DEFAULT_TIMEOUT_MS, `godock env --timeout`): a
 * hung daemon (socket accepted, never answered) becomes a 'timeout' EngineError, and its
 * connections are closed (or, over TLS and ssh, each request aborted) so no socket keeps the
 * process alive (see boundCalls). Over a unix socket or plain http, every call shares one
 * keep-alive agent (plainAgent).
 * Over ssh, the handshake is bounded by the same timeout (ssh2's readyTimeout, which then closes
 * the connection), and godock opens each SSH session's TCP connection itself, never keeping the
 * process up (see ownSshConnections): a host that accepts the connection and never speaks SSH, or
 * never runs `docker system dial-stdio`, does not outlive --timeout.
 * Every answer is read by godock, not docker-modem (see limitAnswers): at most ANSWER_LIMIT_BYTES
 * each and BUFFERED_LIMIT_BYTES for all the answers being read at once, and it must be JSON, so
 * a daemon (or anything listening on DOCKER_HOST) cannot exhaust memory with a huge or endless
 * answer: that call fails with one line and the other targets go on.
 * Every failure becomes an EngineError with one clear line.
 */
import type Dockerode from 'dockerode';
import type { Agent as HttpAgent, IncomingMessage } from 'node:http';
import type { Agent } from 'node:https';
import type { Socket } from 'node:net';
import { addAbortSignal } from 'node:stream';
import { inspect } from 'node:util';
import type { Connection, ConnectionOptions } from './connection';
import { redact } from '../classify/redact';
import { visible } from '../util/safe-text';
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

const API_VERSION = /^\d{1,6}\.\d{1,6}$/;

/**
 * min(daemon, ours), or an 'api-version' EngineError when the two cannot agree. `daemon` is the
 * /version answer as sent: anything but an object with a dotted ApiVersion is "not reported", and
 * a MinAPIVersion that is not one is ignored.
 */
export function negotiateApiVersion(daemon: unknown): string {
  const info = (typeof daemon === 'object' && daemon !== null ? daemon : {}) as { ApiVersion?: unknown; MinAPIVersion?: unknown };
  const server = info.ApiVersion;
  if (typeof server !== 'string' || !API_VERSION.test(server)) throw new EngineError('api-version', 'the Docker daemon did not report its API version');
  const min = info.MinAPIVersion;
  if (typeof min === 'string' && API_VERSION.test(min) && compareApiVersions(min, CLIENT_API_VERSION) > 0) {
    throw new EngineError('api-version', `the Docker daemon requires API ${min} or newer; godock speaks up to ${CLIENT_API_VERSION}`);
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

/**
 * The https agent for TLS without verification (loaded only then). docker-modem logs every
 * request with util.inspect(options, { showHidden: true, depth: null }), evaluated even when
 * debugging is off: a real agent (its sockets, TLS sessions…) would cost milliseconds per call,
 * so it inspects as one word.
 */
function insecureAgent(o: ConnectionOptions): Agent {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const https = require('node:https') as typeof import('node:https');
  const agent = new https.Agent({ rejectUnauthorized: false, ca: o.ca, cert: o.cert, key: o.key });
  Object.defineProperty(agent, inspect.custom, { value: () => '[https.Agent insecure]' });
  return agent;
}

/**
 * godock's own keep-alive agent for a unix socket or plain http: the version call, the list and
 * every inspect share its connections, and connectEngine() can close them all when the daemon
 * hangs (so no request needs an AbortSignal). No TLS, so no server name (Node would otherwise
 * work one out for each new connection). It inspects as one word (see insecureAgent).
 */
export function plainAgent(): HttpAgent {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const http = require('node:http') as typeof import('node:http');
  const agent = new http.Agent({ keepAlive: true, servername: '' } as import('node:http').AgentOptions);
  Object.defineProperty(agent, inspect.custom, { value: () => '[http.Agent]' });
  return agent;
}

/** docker-modem, as ownSshConnections reaches it. */
export interface SshModem extends DialingModem {
  sshOptions: Record<string, unknown>;
}

/**
 * Makes `modem` open each SSH session over a TCP connection of godock's (ssh2's `sock` option)
 * that does not keep the process up (unref): every call holds its own timer while it waits
 * (boundCalls), and a session left behind by a call that timed out must not hold the process.
 * ssh2's own connection would: after the handshake (bounded by readyTimeout), a session stuck,
 * say, on the exec of `docker system dial-stdio` outlives the aborted request, and nothing can
 * reach it. It is not destroyed either: ssh2 would then fail the pending exec, and docker-modem
 * (lib/ssh.js) goes on to use the stream it did not get, throwing out of an event handler.
 * docker-modem starts one session per request, reading `sshOptions` while dial() runs (over ssh
 * it builds the request synchronously): the connection is made then only, once per dial(); any
 * other read of `sock` gets none (ssh2 then connects by itself, as without this).
 */
export function ownSshConnections(modem: SshModem, host: string, port: number): void {
  let armed = false;
  Object.defineProperty(modem.sshOptions, 'sock', {
    enumerable: true,
    configurable: true,
    get: (): Socket | undefined => {
      if (!armed) return undefined;
      armed = false;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const net = require('node:net') as typeof import('node:net');
      const sock = net.connect({ host, port });
      sock.on('error', () => undefined); // ssh2 listens too and reports it
      sock.unref();
      return sock;
    },
  });
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) => {
    armed = true;
    try {
      dial(options, callback);
    } finally {
      armed = false;
    }
  };
}

/** Connections godock can own an agent for (see plainAgent): a unix socket or plain http. */
export const ownsAgent = (o: ConnectionOptions): boolean => o.socketPath !== undefined || o.protocol === 'http';

/** Maps our options onto dockerode's, overriding every field docker-modem would take from the env. */
export function toDockerodeOptions(o: ConnectionOptions, timeoutMs: number = DEFAULT_TIMEOUT_MS, plain?: HttpAgent): Dockerode.DockerOptions & Record<string, unknown> {
  const agent = o.insecure && o.protocol === 'https' ? insecureAgent(o) : plain;
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
    ...(o.protocol === 'ssh'
      ? // No socket idle timeout over ssh: the "socket" is an ssh2 channel, without setTimeout().
        // readyTimeout bounds the TCP connect, the SSH handshake and the authentication (ssh2's
        // default is 20 s): ssh2 then closes the connection, which nothing else could reach.
        { sshOptions: { ...(o.sshAgent ? { agent: o.sshAgent } : {}), readyTimeout: timeoutMs } }
      : // docker-modem's socket idle timeout: a backstop that destroys a request our own timer
        // (which fires first and gives the clear message) could not abort.
        { timeout: timeoutMs + 1_000 }),
  };
}

interface ModemError {
  code?: string;
  statusCode?: number;
  json?: { message?: unknown } | null;
  message?: string;
  /** ssh2's: 'client-timeout' when the SSH handshake did not finish in readyTimeout. */
  level?: string;
}

/** Bytes of one Engine API answer godock reads at most (an inspect is a few KiB, a list of thousands of containers a few MiB). */
export const ANSWER_LIMIT_BYTES = 64 * 1024 * 1024;
/** Bytes of all the answers being read at once (up to DEFAULT_CONCURRENCY inspects), at most. */
export const BUFFERED_LIMIT_BYTES = 256 * 1024 * 1024;

/** `64 MiB`, or bytes when not a whole number of MiB. */
function byteSize(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}

/** An answer godock refused to read on (mapEngineError words it, with the subject). */
export class AnswerError extends Error {
  constructor(readonly what: string) {
    super(what);
    this.name = 'AnswerError';
  }
}

/** The limits on answers, shared by the clients of one connection (see limitAnswers). */
export interface AnswerBudget {
  answerLimit: number;
  bufferedLimit: number;
  /** Bytes of the answers being read now. */
  buffered: number;
}

export const answerBudget = (answerLimit = ANSWER_LIMIT_BYTES, bufferedLimit = BUFFERED_LIMIT_BYTES): AnswerBudget => ({ answerLimit, bufferedLimit, buffered: 0 });

/** What docker-modem's dial() takes, as far as godock cares. */
interface DialOptions {
  path: string;
  options?: Record<string, unknown>;
  abortSignal?: AbortSignal;
  statusCodes?: Record<number, boolean | string>;
  isStream?: boolean;
  hijack?: boolean;
  openStdin?: boolean;
}
type DialCallback = (err: unknown, data?: unknown) => void;
export interface DialingModem {
  dial(options: DialOptions, callback: DialCallback): void;
}

/** Tells docker-modem that every status is expected: it then hands over the response unread (see limitAnswers). */
const EVERY_STATUS: Record<number, boolean> = new Proxy({}, { get: () => true });

/** Reads a response to its end, refusing it past the budget; never leaves it open on failure. */
function readAnswer(res: IncomingMessage, budget: AnswerBudget, signal: AbortSignal | undefined): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: unknown, body?: Buffer): void => {
      if (done) return;
      done = true;
      budget.buffered -= size;
      if (err) {
        chunks.length = 0;
        res.destroy();
        reject(err);
      } else resolve(body!);
    };
    const tooLarge = (): AnswerError => new AnswerError(`an answer larger than ${byteSize(budget.answerLimit)}`);
    res.on('error', (e) => finish(e));
    res.on('close', () => finish(Object.assign(new Error('the connection closed in the middle of an answer'), { code: 'ECONNRESET' })));
    res.on('end', () => finish(null, Buffer.concat(chunks, size)));
    res.on('data', (chunk: Buffer) => {
      if (done) return;
      if (size + chunk.length > budget.answerLimit) return finish(tooLarge());
      if (budget.buffered + chunk.length > budget.bufferedLimit) return finish(new AnswerError(`answers larger than ${byteSize(budget.bufferedLimit)} at once`));
      size += chunk.length;
      budget.buffered += chunk.length;
      chunks.push(chunk);
    });
    if (Number(res.headers['content-length']) > budget.answerLimit) finish(tooLarge());
    else if (signal) addAbortSignal(signal, res);
  });
}

/** docker-modem's outcome of a read answer: its error for an unexpected status, the JSON otherwise. */
function settleAnswer(status: number, body: Buffer, expected: Record<number, boolean | string>): [unknown, unknown] {
  const text = body.toString('utf8');
  let json: unknown;
  let isJson = true;
  try {
    json = JSON.parse(text);
  } catch {
    isJson = false;
  }
  if (expected[status] !== true) {
    const cause = (isJson && typeof json === 'object' && json !== null ? json : {}) as { message?: unknown; error?: unknown };
    const why = typeof cause.message === 'string' ? cause.message : typeof cause.error === 'string' ? cause.error : text.slice(0, 1000);
    const reason = expected[status];
    const err = Object.assign(new Error(`(HTTP code ${status}) ${typeof reason === 'string' ? reason : 'unexpected'} - ${why} `), {
      reason,
      statusCode: status,
      json: isJson ? json : null,
    });
    return [err, null];
  }
  // Every answer godock asks for is JSON (docker-modem would hand over the raw bytes).
  if (!isJson) return [new AnswerError('an answer that is not JSON'), null];
  return [null, json];
}

/**
 * Makes `modem` read every answer itself, within `budget`. docker-modem buffers a whole answer,
 * however large or endless, before parsing it; asked for a stream (every status "expected"), it
 * hands the response over unread, on every transport (socket, http, TLS, ssh). The answer is
 * then read here, up to the limits, and settled as docker-modem would have (same errors, same
 * JSON), so dockerode's calls work unchanged. The AbortSignal of a call is passed on to the
 * response too (docker-modem does so for the answers it reads itself), also for the calls whose
 * dockerode method does not forward it (image inspect: given in its options).
 */
export function limitAnswers(modem: DialingModem, budget: AnswerBudget): void {
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) => {
    if (options.isStream || options.hijack || options.openStdin) return dial(options, callback); // godock opens no stream
    // Read before docker-modem deletes it from the options (it would reach the query string).
    const signal = options.abortSignal ?? (options.options?.abortSignal as AbortSignal | undefined);
    const expected = options.statusCodes ?? {};
    dial({ ...options, ...(signal ? { abortSignal: signal } : {}), isStream: true, statusCodes: EVERY_STATUS }, (err, res) => {
      if (err) return callback(err);
      const response = res as IncomingMessage;
      readAnswer(response, budget, signal).then(
        (body) => {
          const [e, value] = settleAnswer(response.statusCode ?? 0, body, expected);
          callback(e, value);
        },
        (e: unknown) => callback(e),
      );
    });
  };
}

/** The daemon's own words, made safe: it may echo a value (`invalid env: DB_PASSWORD=…`). */
function engineMessage(e: ModemError): string {
  const m = typeof e.json?.message === 'string' ? e.json.message : (e.message ?? 'unknown error');
  return visible(redact(m.split('\n')[0]!.slice(0, 300).trim()));
}

/** What a failed call means, in one line. `subject` is e.g. `container "web"`. */
export function mapEngineError(err: unknown, conn: Pick<Connection, 'url'>, subject?: string): EngineError {
  if (err instanceof EngineError) return err;
  if (err instanceof AnswerError) return new EngineError('engine', `${subject ? `${subject}: ` : ''}the Docker daemon at ${conn.url} sent ${err.what}`);
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

/** The 'timeout' EngineError of a call that did not settle in `timeoutMs`. */
export function timeoutError(url: string, timeoutMs: number): EngineError {
  return new EngineError('timeout', `the Docker daemon at ${url} did not answer within ${seconds(timeoutMs)} (see --timeout)`);
}

/** One Engine API call, given an AbortSignal to pass on when the calls are bounded with signals. */
export type EngineCall<T> = (signal: AbortSignal | undefined) => Promise<T>;

/**
 * Bounds Engine API calls by `timeoutMs` each: a call that does not settle in time rejects with
 * a 'timeout' EngineError (its late answer or error is ignored, never left unhandled).
 * With `closeAll` (godock owns the agent), a timed-out request is not aborted by itself: once
 * every call still waiting has timed out, `closeAll` closes the connections, hung ones included,
 * so nothing keeps the process alive. Without it, each call gets an AbortSignal that aborts
 * its request on time-out (dockerode forwards it for the calls that support it).
 */
export function boundCalls(timeoutMs: number, url: string, closeAll?: () => void): <T>(fn: EngineCall<T>) => Promise<T> {
  let waiting = 0; // calls neither settled nor timed out
  let timedOut = false;
  return <T>(fn: EngineCall<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let ac: AbortController | undefined;
      if (!closeAll) {
        ac = new AbortController();
        // docker-modem util.inspect()s each request's options, signal included (see insecureAgent).
        Object.defineProperty(ac.signal, inspect.custom, { value: () => '[AbortSignal]' });
      }
      let open = true;
      const close = (): void => {
        open = false;
        waiting--;
        if (timedOut && waiting === 0) closeAll?.();
      };
      waiting++;
      const timer = setTimeout(() => {
        if (!open) return;
        timedOut = true;
        reject(timeoutError(url, timeoutMs));
        ac?.abort();
        close();
      }, timeoutMs);
      const settle = (then: () => void): void => {
        if (!open) return;
        clearTimeout(timer);
        close();
        then();
      };
      let work: Promise<T>;
      try {
        work = fn(ac?.signal);
      } catch (e) {
        work = Promise.reject(e);
      }
      work.then(
        (v) => settle(() => resolve(v)),
        (e: unknown) => settle(() => reject(e)),
      );
    });
}

export interface ConnectOptions {
  /** Bound on each API call in milliseconds (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
  /**
   * An API version to use without negotiating (`DOCKER_API_VERSION`, as the docker CLI does):
   * no GET /version. Must be between MIN_API_VERSION and CLIENT_API_VERSION.
   */
  apiVersion?: string;
  /**
   * Labels of a container list the caller will ask for first (`[]` for every running container).
   * It is requested on the unversioned path while the version is negotiated, saving a round trip;
   * listContainers() with the same labels then answers from it.
   */
  prefetchContainers?: readonly string[];
  /** Bytes of one answer read at most (default ANSWER_LIMIT_BYTES). */
  answerLimitBytes?: number;
  /** Bytes of all the answers being read at once, at most (default BUFFERED_LIMIT_BYTES). */
  bufferedLimitBytes?: number;
}

/** A pinned version (DOCKER_API_VERSION) godock can use, or an 'api-version' EngineError. */
export function pinnedApiVersion(version: string): string {
  const v = version.replace(/^v/, '');
  if (!/^\d+\.\d+$/.test(v)) throw new EngineError('api-version', `DOCKER_API_VERSION "${version}" is not an API version like ${CLIENT_API_VERSION}`);
  if (compareApiVersions(v, MIN_API_VERSION) < 0 || compareApiVersions(v, CLIENT_API_VERSION) > 0) {
    throw new EngineError('api-version', `DOCKER_API_VERSION ${v} is outside the API versions godock speaks (${MIN_API_VERSION} to ${CLIENT_API_VERSION})`);
  }
  return v;
}

/** dockerode call options carrying `signal`, if any (no key at all otherwise: it would reach the query string). */
const aborting = (signal: AbortSignal | undefined): { abortSignal?: AbortSignal } => (signal ? { abortSignal: signal } : {});

const sameLabels = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((l, i) => l === b[i]);

/** Connects, negotiates the API version and returns the EngineClient used by targets.ts. */
export async function connectEngine(conn: Connection, options: ConnectOptions = {}): Promise<ConnectedEngine> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pinned = options.apiVersion ? pinnedApiVersion(options.apiVersion) : undefined;
  const Docker = loadDockerode();
  // docker-modem resolves each path against "ssh:host:port", which Node's url.parse flags with a
  // DEP0170 warning on stderr; over ssh that warning says nothing to a godock user.
  if (conn.options.protocol === 'ssh') process.noDeprecation = true;
  const agent = ownsAgent(conn.options) ? plainAgent() : undefined;
  const bounded = boundCalls(timeoutMs, conn.url, agent ? () => agent.destroy() : undefined);
  const budget = answerBudget(options.answerLimitBytes, options.bufferedLimitBytes);
  const make = (version?: string): Dockerode => {
    let client: Dockerode;
    try {
      client = new Docker({ ...toDockerodeOptions(conn.options, timeoutMs, agent), ...(version ? { version: `v${version}` } : {}) });
    } catch (e) {
      throw mapEngineError(e, conn);
    }
    limitAnswers(client.modem as unknown as DialingModem, budget);
    if (conn.options.protocol === 'ssh') ownSshConnections(client.modem as unknown as SshModem, conn.options.host ?? '', conn.options.port ?? 22);
    return client;
  };
  const call = async <T>(subject: string | undefined, fn: EngineCall<T>): Promise<T> => {
    try {
      return await bounded(fn);
    } catch (e) {
      // The SSH handshake timed out (readyTimeout is the call's own timeout): the same message.
      if ((e as ModemError | null)?.level === 'client-timeout') throw timeoutError(conn.url, timeoutMs);
      throw mapEngineError(e, conn, subject);
    }
  };
  const list = (client: Dockerode, labels: readonly string[]): Promise<ContainerSummaryData[]> =>
    call(undefined, async (signal) => (await client.listContainers({ ...aborting(signal), filters: { status: ['running'], ...(labels.length ? { label: [...labels] } : {}) } })) as ContainerSummaryData[]);

  let apiVersion: string;
  let prefetched: Promise<ContainerSummaryData[]> | undefined;
  if (pinned) apiVersion = pinned;
  else {
    const unversioned = make();
    if (options.prefetchContainers) {
      prefetched = list(unversioned, options.prefetchContainers);
      prefetched.catch(() => undefined); // used (and its error reported) only after negotiation
    }
    // dockerode's version() takes options (abortSignal) at run time; its typings omit them.
    const version = unversioned.version as unknown as (this: Dockerode, opts: { abortSignal?: AbortSignal }) => Promise<unknown>;
    const info = await call(undefined, (signal) => version.call(unversioned, aborting(signal)));
    apiVersion = negotiateApiVersion(info);
  }
  const docker = make(apiVersion);
  return {
    apiVersion,
    listContainers: (labels) => {
      if (prefetched && options.prefetchContainers && sameLabels(labels, options.prefetchContainers)) {
        const answer = prefetched;
        prefetched = undefined; // once: a later list asks again
        return answer;
      }
      return list(docker, labels);
    },
    inspectContainer: (id) => call(`container "${id}"`, async (signal) => (await docker.getContainer(id).inspect(aborting(signal))) as unknown as ContainerInspectData),
    inspectImage: (id) =>
      call(`image "${id}"`, async (signal) => {
        try {
          // dockerode's image inspect does not forward a signal; limitAnswers takes it from the options.
          return (await docker.getImage(id).inspect(aborting(signal) as Dockerode.ImageInspectOptions)) as unknown as ImageInspectData;
        } catch (e) {
          if ((e as ModemError).statusCode === 404) return null;
          throw e;
        }
      }),
    inspectService: (id) => call(`service "${id}"`, async (signal) => (await docker.getService(id).inspect(aborting(signal))) as unknown as ServiceInspectData),
  };
}
