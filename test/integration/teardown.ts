/**
 * jest globalTeardown: sweep what the tests left on the engine (./sweep.ts), then stop the dockerd
 * that scripts/ensure-docker.sh started for this run, if it did: the machine is left as it was
 * found. An engine that was already running is never stopped.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import globalSweep from './sweep';

const STARTED = process.env.GODOCK_DOCKERD_STARTED ?? '/tmp/godock-dockerd.started';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function teardown(): Promise<void> {
  await globalSweep();
  if (!existsSync(STARTED)) return;
  const pid = Number(readFileSync(STARTED, 'utf8').trim());
  rmSync(STARTED, { force: true });
  if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 200));
}
