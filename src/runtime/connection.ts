/**
 * Which Docker Engine to talk to, resolved like the docker CLI (dockerode reads neither
 * contexts nor `DOCKER_TLS_VERIFY` the CLI way; see ../shared/reference/ecosystem.md §2).
 *
 * Precedence (docker/cli `resolveContextName`): `--context` → `--host` → `DOCKER_HOST` →
 * `DOCKER_CONTEXT` → `currentContext` in `<config>/config.json` → the default context.
 * Config dir: `DOCKER_CONFIG` or `~/.docker`. A named context's endpoint is read from
 * `<config>/contexts/meta/<sha256(name)>/meta.json` and its TLS material from
 * `<config>/contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem`.
 * For a host from `--host`/`DOCKER_HOST`: TLS when `DOCKER_TLS_VERIFY` is non-empty (verified)
 * or `DOCKER_TLS` is non-empty (not verified), with certificates from `DOCKER_CERT_PATH` or the
 * config dir. Pure apart from the injected file reader.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EngineError } from './types';
import { mask } from '../classify/mask';
import { visible } from '../util/safe-text';

export const DEFAULT_HOST = 'unix:///var/run/docker.sock';

/** Plain connection options (docker.ts maps them onto dockerode's). */
export interface ConnectionOptions {
  socketPath?: string;
  protocol?: 'http' | 'https' | 'ssh';
  host?: string;
  port?: number;
  username?: string;
  /** SSH agent socket (`SSH_AUTH_SOCK`). */
  sshAgent?: string;
  ca?: string;
  cert?: string;
  key?: string;
  /** TLS without certificate verification (`SkipTLSVerify`, `DOCKER_TLS`). */
  insecure?: boolean;
}

export interface Connection {
  /** The endpoint as a URL, for messages only (`unix:///var/run/docker.sock`; credentials masked, see displayHost). */
  url: string;
  /** Where it was chosen from (`--host`, `DOCKER_HOST`, `context "desktop"`, `default`). */
  source: string;
  options: ConnectionOptions;
}

export interface ConnectionRequest {
  host?: string;
  context?: string;
  env: NodeJS.ProcessEnv;
  /** Reads a file as UTF-8, null when it does not exist. Injected for tests. */
  readFile?: (path: string) => string | null;
}

function defaultReadFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw new EngineError('context', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

export function configDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
}

export function contextId(name: string): string {
  // Required here, not imported: only a named context needs node:crypto (~3 ms to load).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(name).digest('hex');
}

interface Tls {
  ca?: string;
  cert?: string;
  key?: string;
  insecure: boolean;
}

/** Parses a docker host URL (`unix://`, `npipe://`, `tcp://`, `ssh://`, bare `host:port`). */
/**
 * A docker host for messages: the user info of `tcp://user:password@host` is masked (a host may
 * carry credentials), and nothing in it can act on a terminal.
 */
export function displayHost(url: string): string {
  return visible(url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/@]*)@/i, (_, scheme: string, info: string) => `${scheme}${mask(info)}@`));
}

export function parseHost(url: string, tls: Tls | null, env: NodeJS.ProcessEnv): ConnectionOptions {
  if (url.startsWith('unix://') || url.startsWith('npipe://')) {
    const socketPath = url.slice(url.indexOf('://') + 3);
    if (!socketPath) throw new EngineError('context', `invalid docker host "${displayHost(url)}": no socket path`);
    return { socketPath };
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `tcp://${url}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new EngineError('context', `invalid docker host "${displayHost(url)}"`);
  }
  const scheme = u.protocol.slice(0, -1);
  if (scheme === 'ssh') {
    return {
      protocol: 'ssh',
      host: u.hostname,
      port: u.port ? Number(u.port) : 22,
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(env.SSH_AUTH_SOCK ? { sshAgent: env.SSH_AUTH_SOCK } : {}),
    };
  }
  if (scheme !== 'tcp' && scheme !== 'http' && scheme !== 'https') {
    throw new EngineError('context', `unsupported docker host "${displayHost(url)}" (use unix://, tcp://, ssh:// or npipe://)`);
  }
  if (!u.hostname) throw new EngineError('context', `invalid docker host "${displayHost(url)}": no host name`);
  const secure = tls !== null || scheme === 'https';
  return {
    protocol: secure ? 'https' : 'http',
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 2376 : 2375,
    ...(tls?.ca !== undefined ? { ca: tls.ca } : {}),
    ...(tls?.cert !== undefined ? { cert: tls.cert } : {}),
    ...(tls?.key !== undefined ? { key: tls.key } : {}),
    ...(tls?.insecure ? { insecure: true } : {}),
  };
}

function readTlsDir(dir: string, read: (p: string) => string | null): Omit<Tls, 'insecure'> {
  const ca = read(join(dir, 'ca.pem'));
  const cert = read(join(dir, 'cert.pem'));
  const key = read(join(dir, 'key.pem'));
  return { ...(ca !== null ? { ca } : {}), ...(cert !== null ? { cert } : {}), ...(key !== null ? { key } : {}) };
}

function envTls(env: NodeJS.ProcessEnv, read: (p: string) => string | null): Tls | null {
  const verify = !!env.DOCKER_TLS_VERIFY;
  if (!verify && !env.DOCKER_TLS) return null;
  const dir = env.DOCKER_CERT_PATH || configDir(env);
  const files = readTlsDir(dir, read);
  if (verify && files.ca === undefined) {
    throw new EngineError('tls', `DOCKER_TLS_VERIFY is set but ${join(dir, 'ca.pem')} does not exist (set DOCKER_CERT_PATH)`);
  }
  return { ...files, insecure: !verify };
}

function currentContextName(env: NodeJS.ProcessEnv, read: (p: string) => string | null): { name: string; source: string } {
  if (env.DOCKER_CONTEXT) return { name: env.DOCKER_CONTEXT, source: 'DOCKER_CONTEXT' };
  const path = join(configDir(env), 'config.json');
  const text = read(path);
  if (text === null) return { name: 'default', source: 'default' };
  let cfg: unknown;
  try {
    cfg = JSON.parse(text);
  } catch {
    throw new EngineError('context', `${path} is not valid JSON`);
  }
  const name = (cfg as { currentContext?: unknown } | null)?.currentContext;
  return typeof name === 'string' && name !== '' ? { name, source: `currentContext in ${path}` } : { name: 'default', source: 'default' };
}

function namedContext(name: string, source: string, env: NodeJS.ProcessEnv, read: (p: string) => string | null): Connection {
  const id = contextId(name);
  const metaPath = join(configDir(env), 'contexts', 'meta', id, 'meta.json');
  const text = read(metaPath);
  if (text === null) throw new EngineError('context', `docker context "${name}" not found (no ${metaPath})`);
  let meta: { Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } };
  try {
    meta = JSON.parse(text);
  } catch {
    throw new EngineError('context', `${metaPath} is not valid JSON`);
  }
  const endpoint = meta.Endpoints?.docker;
  if (!endpoint || typeof endpoint.Host !== 'string' || endpoint.Host === '') {
    throw new EngineError('context', `docker context "${name}" has no docker endpoint`);
  }
  const files = readTlsDir(join(configDir(env), 'contexts', 'tls', id, 'docker'), read);
  const hasTls = files.ca !== undefined || files.cert !== undefined || endpoint.SkipTLSVerify === true;
  const tls: Tls | null = hasTls ? { ...files, insecure: endpoint.SkipTLSVerify === true } : null;
  return { url: displayHost(endpoint.Host), source: `context "${name}" (${source})`, options: parseHost(endpoint.Host, tls, env) };
}

/** Resolves the engine endpoint like the docker CLI does. Throws EngineError with one clear line. */
export function resolveConnection(req: ConnectionRequest): Connection {
  const read = req.readFile ?? defaultReadFile;
  const env = req.env;
  if (req.host && req.context) throw new EngineError('context', 'use either --host or --context, not both');
  if (req.context && req.context !== 'default') return namedContext(req.context, '--context', env, read);
  const fromHost = (url: string, source: string): Connection => ({ url: displayHost(url), source, options: parseHost(url, url.startsWith('unix://') || url.startsWith('npipe://') ? null : envTls(env, read), env) });
  if (req.host) return fromHost(req.host, '--host');
  if (req.context === 'default') return fromHost(env.DOCKER_HOST || DEFAULT_HOST, env.DOCKER_HOST ? 'DOCKER_HOST' : 'default');
  if (env.DOCKER_HOST) return fromHost(env.DOCKER_HOST, 'DOCKER_HOST');
  const current = currentContextName(env, read);
  if (current.name !== 'default') return namedContext(current.name, current.source, env, read);
  return fromHost(DEFAULT_HOST, 'default');
}
