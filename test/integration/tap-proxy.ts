/**
 * A transparent unix-socket relay in front of a real Docker daemon. It forwards bytes both
 * ways untouched and only watches the HTTP request lines going to the daemon, so a test can
 * act at an exact point of a real run (remove containers right after the list, kill or freeze
 * the daemon at the Nth inspect) and count how many requests were in flight at once.
 * Not a mock: every answer comes from the real engine.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { rmSync } from 'node:fs';

export interface TapRequest {
  method: string;
  path: string;
}

export interface TapProxy {
  url: string;
  requests: TapRequest[];
  /** Highest number of requests sent and not yet answered at the same time. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/**
 * `onRequest` runs before a request is forwarded; while its promise is pending, that
 * connection's bytes wait (the request is held, the others go on).
 */
export async function startTapProxy(socketPath: string, upstream: string, onRequest: (req: TapRequest, index: number) => void | Promise<void>): Promise<TapProxy> {
  rmSync(socketPath, { force: true });
  const requests: TapRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let max = 0;
  const server: Server = createServer((client) => {
    sockets.add(client);
    const daemon = createConnection(upstream);
    sockets.add(daemon);
    let pending = 0;
    const done = (): void => {
      inFlight -= pending;
      pending = 0;
      client.destroy();
      daemon.destroy();
    };
    daemon.on('error', done);
    client.on('error', done);
    daemon.on('close', done);
    client.on('close', done);
    let chain = Promise.resolve();
    client.on('data', (chunk) => {
      client.pause();
      chain = chain.catch(done).then(async () => {
        for (const m of chunk.toString('latin1').matchAll(/(?:^|\r\n)(GET|POST|HEAD|PUT|DELETE) (\S+) HTTP\/1\.[01]\r\n/g)) {
          const req = { method: m[1]!, path: m[2]! };
          requests.push(req);
          await onRequest(req, requests.length - 1);
          pending++;
          inFlight++;
          max = Math.max(max, inFlight);
        }
        if (!daemon.destroyed) daemon.write(chunk);
        client.resume();
      });
      chain.catch(done); // a failing hook drops this connection, it never hangs it
    });
    daemon.on('data', (chunk) => {
      // One response per request on this connection: count the status lines.
      const answered = chunk.toString('latin1').match(/(?:^|\r\n)HTTP\/1\.[01] \d{3} /g)?.length ?? 0;
      const n = Math.min(answered, pending);
      pending -= n;
      inFlight -= n;
      client.write(chunk);
    });
  });
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(socketPath, () => res());
  });
  return {
    url: `unix://${socketPath}`,
    requests,
    maxInFlight: () => max,
    close: () =>
      new Promise<void>((res) => {
        for (const s of sockets) s.destroy();
        server.close(() => res());
      }),
  };
}

/** `/v1.41/containers/<id>/json` → `<id>`; null for any other path. */
export function inspectedContainer(path: string): string | null {
  return /^(?:\/v[\d.]+)?\/containers\/([^/?]+)\/json(?:\?|$)/.exec(path)?.[1] ?? null;
}
