/**
 * jest globalSetup and globalTeardown: when a Docker Engine answers, remove whatever godock's
 * tests left on it — containers, services, images, networks and volumes labelled by a test
 * (`godock-it`, `godock-faults`). Before the run this cleans up after an interrupted one; after
 * it, it is a last guard behind each suite's own afterAll. Never starts an engine, never fails
 * the run: with no engine there is nothing to sweep.
 */
import type Dockerode from 'dockerode';

export const TEST_LABELS = ['godock-it', 'godock-faults'];

export async function sweep(d: Dockerode): Promise<void> {
  const filters = (label: string) => ({ label: [label] });
  for (const label of TEST_LABELS) {
    const containers = await d.listContainers({ all: true, filters: filters(label) }).catch(() => []);
    await Promise.all(containers.map((c) => d.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
    const services = await d.listServices({ filters: filters(label) }).catch(() => []);
    await Promise.all(services.map((s) => d.getService(s.ID).remove().catch(() => undefined)));
    const images = await d.listImages({ filters: filters(label) }).catch(() => []);
    for (const i of images) await d.getImage(i.Id).remove({ force: true }).catch(() => undefined);
    const networks = await d.listNetworks({ filters: filters(label) }).catch(() => []);
    await Promise.all(networks.map((n) => d.getNetwork(n.Id).remove().catch(() => undefined)));
    const volumes = (await d.listVolumes({ filters: filters(label) }).catch(() => ({ Volumes: [] }))).Volumes ?? [];
    await Promise.all(volumes.map((v) => d.getVolume(v.Name).remove({ force: true }).catch(() => undefined)));
  }
}

export default async function globalSweep(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Docker = require('dockerode') as typeof Dockerode;
  const d = new Docker({ timeout: 3000 });
  if (!(await d.ping().then(() => true, () => false))) return;
  await sweep(d);
}
