import { inOrder } from '../../src/runtime/concurrency';
import { inspectTargets, listTargets, mapLimit } from '../../src/runtime/targets';
import image from '../../samples/runtime/image-fixture.json';
import { clone, fakeEngine } from './fake-engine';

describe('targets', () => {
  it('--all inspects each container once per image, with bounded concurrency', async () => {
    const extra = Array.from({ length: 20 }, (_, i) => clone(`app${i}`, [`N=${i}`, 'LANG=C.UTF-8']));
    const engine = fakeEngine(extra);
    const req = { names: [], all: true, labels: [], services: [] };
    const refs = await listTargets(engine, req);
    expect(refs).toHaveLength(21);
    const seen: number[] = [];
    const results = await inspectTargets(engine, refs, req, { concurrency: 4, onProgress: (d) => seen.push(d) });
    expect(results.every((r) => r.target)).toBe(true);
    expect(engine.calls.images).toEqual([image.Id]);
    expect(engine.calls.maxInFlight).toBeLessThanOrEqual(4);
    expect(engine.calls.maxInFlight).toBeGreaterThan(1);
    expect(seen).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(results[1]!.target!.runtime).toEqual({ env: ['N=0', 'LANG=C.UTF-8'], imageEnv: image.Config.Env, tty: false, user: '' });
  });

  it('a name that does not exist vs a listed container removed mid-inspect; the others go on', async () => {
    const engine = fakeEngine([clone('b', ['B=1'])]);
    const req = { names: ['nope', 'fx-web'], all: true, labels: [], services: [] };
    const refs = await listTargets(engine, req);
    engine.vanish.add('b'.padEnd(64, '0'));
    const results = await inspectTargets(engine, refs, req);
    expect(results.map((r) => r.error ? `${r.error.code}: ${r.error.message}` : `ok ${r.target!.name}`)).toEqual([
      'not-found: no such container: nope',
      'ok fx-web',
      // fx-web listed again by --all: reported once
      'gone: container "b" was removed while being inspected',
    ]);
  });

  it('--label filters, --service reads the service spec and its local image', async () => {
    const b = clone('b', ['B=1']);
    const engine = fakeEngine([b], { [b.Id]: ['tier=back'] });
    const req = { names: [], all: false, labels: ['tier=back'], services: ['fx-svc', 'missing'] };
    const refs = await listTargets(engine, req);
    expect(refs.map((r) => `${r.kind}:${r.name}`)).toEqual(['container:b', 'service:fx-svc', 'service:missing']);
    const results = await inspectTargets(engine, refs, req);
    const svc = results[1]!.target!;
    expect(svc.kind).toBe('service');
    expect(svc.runtime.env).toEqual(['LOG_LEVEL=warn', `WORKER_TOKEN=${'tok_FAKEFAKEFAKEFAKE1234'}`, 'QUEUE_URL=amqp://mq:5672', 'APP_MODE=production']);
    expect(svc.runtime.imageEnv).toEqual(image.Config.Env);
    expect(results[2]!.error?.message).toBe('no such service: missing');
  });

  it('an image missing locally leaves its defaults (with a note)', async () => {
    const engine = fakeEngine([clone('orphan', ['A=1'], 'sha256:deadbeef')]);
    const req = { names: ['orphan'], all: false, labels: [], services: [] };
    const [r] = await inspectTargets(engine, await listTargets(engine, req), req);
    expect(r!.target!.runtime.imageEnv).toBeNull();
    expect(r!.target!.imageNote).toMatch(/not found: its defaults were not removed/);
  });

  it('mapLimit keeps order', async () => {
    expect(await mapLimit([3, 1, 2], 2, async (x) => { await new Promise((r) => setTimeout(r, x)); return x * 10; })).toEqual([30, 10, 20]);
  });

  it('onResult streams the results in target order, repeats dropped, while later targets are still inspected', async () => {
    const extra = Array.from({ length: 12 }, (_, i) => clone(`s${String(i).padStart(2, '0')}`, [`N=${i}`]));
    const engine = fakeEngine(extra);
    const req = { names: ['s03', extra[3]!.Id], all: true, labels: [], services: [] };
    const refs = await listTargets(engine, req);
    const streamed: string[] = [];
    const inspectedWhenStreamed: number[] = [];
    const results = await inspectTargets(engine, refs, req, {
      concurrency: 3,
      onResult: (r) => {
        streamed.push(r.target?.name ?? `error ${r.ref.name}`);
        inspectedWhenStreamed.push(engine.calls.containers.length);
      },
    });
    expect(streamed).toEqual(results.map((r) => r.target?.name ?? `error ${r.ref.name}`));
    expect(streamed.filter((n) => n === 's03')).toHaveLength(1); // by name, by id, and listed: once
    expect(streamed).toHaveLength(13);
    expect(inspectedWhenStreamed[0]).toBeLessThan(refs.length); // the first went out before the last was inspected
  });
});

describe('inOrder', () => {
  it('releases each item once all items before it arrived', () => {
    const out: string[] = [];
    const push = inOrder<string>((x, i) => out.push(`${i}:${x}`));
    push(2, 'c');
    push(1, 'b');
    expect(out).toEqual([]);
    push(0, 'a');
    expect(out).toEqual(['0:a', '1:b', '2:c']);
    push(4, 'e');
    push(3, 'd');
    expect(out).toEqual(['0:a', '1:b', '2:c', '3:d', '4:e']);
  });
});
