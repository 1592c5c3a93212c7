import { inOrder } from '../../src/runtime/concurrency';
import { inspectTargets, listTargets, mapLimit, MAX_ENV_ENTRIES, MAX_LISTED_CONTAINERS, type TargetRequest, type TargetResult } from '../../src/runtime/targets';
import { EngineError, type ContainerInspectData, type ContainerSummaryData, type EngineClient, type ImageInspectData, type ServiceInspectData } from '../../src/runtime/types';
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

describe('what the daemon sends is not taken on trust (table)', () => {
  const ID = 'c'.repeat(64);
  const IMG = { Id: 'sha256:img', Config: { Env: ['PATH=/bin', 'LANG=C'] } };
  /** An EngineClient answering every inspect with the given shapes. */
  const client = (answers: { container?: unknown; image?: unknown; service?: unknown; list?: unknown }): EngineClient => ({
    listContainers: async () => answers.list as ContainerSummaryData[],
    inspectContainer: async () => answers.container as ContainerInspectData,
    inspectImage: async () => ('image' in answers ? answers.image : IMG) as ImageInspectData | null,
    inspectService: async () => answers.service as ServiceInspectData,
  });
  const outcome = (r: TargetResult): unknown => (r.error ? `${r.error.code}: ${r.error.message}` : { name: r.target!.name, id: r.target!.id, runtime: r.target!.runtime, note: r.target!.imageNote });
  const one = async (c: EngineClient, req: TargetRequest): Promise<unknown> => {
    const results = await inspectTargets(c, await listTargets(c, req), req);
    expect(results).toHaveLength(1);
    return outcome(results[0]!);
  };
  const byName = (names: string[]): TargetRequest => ({ names, all: false, labels: [], services: [] });
  const base = { Id: ID, Name: '/web', Image: IMG.Id };
  const ok = (env: string[], extra: object = {}) => ({ name: 'web', id: ID, runtime: { env, imageEnv: IMG.Config.Env, tty: false, user: '' }, note: undefined, ...extra });

  it.each<[string, unknown, unknown, unknown]>([
    ['a well-formed answer', { ...base, Config: { Env: ['A=1'], Tty: true, User: 'app' } }, IMG, ok(['A=1'], { runtime: { env: ['A=1'], imageEnv: IMG.Config.Env, tty: true, user: 'app' } })],
    ['null', null, IMG, 'engine: container "web": the Docker daemon\'s answer is not a container'],
    ['a number', 42, IMG, 'engine: container "web": the Docker daemon\'s answer is not a container'],
    ['an array', [base], IMG, 'engine: container "web": the Docker daemon\'s answer is not a container'],
    ['no Id', { Name: '/web', Config: { Env: [] } }, IMG, 'engine: container "web": the Docker daemon\'s answer has no container Id'],
    ['an empty Id', { ...base, Id: '', Config: { Env: [] } }, IMG, 'engine: container "web": the Docker daemon\'s answer has no container Id'],
    ['an object Id', { ...base, Id: { x: 1 }, Config: { Env: [] } }, IMG, 'engine: container "web": the Docker daemon\'s answer has no container Id'],
    ['no Config', base, IMG, 'engine: container "web": the Docker daemon\'s answer has no Config'],
    ['a null Config', { ...base, Config: null }, IMG, 'engine: container "web": the Docker daemon\'s answer has no Config'],
    ['an array Config', { ...base, Config: [] }, IMG, 'engine: container "web": the Docker daemon\'s answer has no Config'],
    ['no Env', { ...base, Config: {} }, IMG, ok([])],
    ['a null Env', { ...base, Config: { Env: null } }, IMG, ok([])],
    ['a string Env', { ...base, Config: { Env: 'A=1' } }, IMG, 'engine: container "web": the Docker daemon sent a Config.Env that is not a list'],
    ['an object Env', { ...base, Config: { Env: { A: '1' } } }, IMG, 'engine: container "web": the Docker daemon sent a Config.Env that is not a list'],
    ['a number Env', { ...base, Config: { Env: 3 } }, IMG, 'engine: container "web": the Docker daemon sent a Config.Env that is not a list'],
    ['one non-string entry', { ...base, Config: { Env: ['A=1', null] } }, IMG, ok(['A=1'], { note: '1 Config.Env entry is not a string: ignored' })],
    ['entries of every other type', { ...base, Config: { Env: [1, 'A=1', true, { B: 2 }, ['C=3'], null] } }, IMG, ok(['A=1'], { note: '5 Config.Env entries are not strings: ignored' })],
    ['a non-string Name, User, Tty', { ...base, Name: ['/x'], Config: { Env: ['A=1'], User: 0, Tty: 1 } }, IMG, ok(['A=1'])],
    ['a Name of "/" only', { ...base, Name: '/', Config: { Env: ['A=1'] } }, IMG, ok(['A=1'])],
    ['a non-string Image: Config.Image is used', { ...base, Image: 7, Config: { Env: ['A=1'], Image: IMG.Id } }, IMG, ok(['A=1'])],
    ['no usable image id', { ...base, Image: { id: 1 }, Config: { Env: ['A=1'], Image: ['x'] } }, IMG, ok(['A=1'], { runtime: { env: ['A=1'], imageEnv: null, tty: false, user: '' }, note: 'image (unknown) not found: its defaults were not removed' })],
    ['an image answer that is not an object', { ...base, Config: { Env: ['A=1', 5] } }, 'sha256:img', ok(['A=1'], { runtime: { env: ['A=1'], imageEnv: null, tty: false, user: '' }, note: 'the answer for image sha256:img is not an image: its defaults were not removed; 1 Config.Env entry is not a string: ignored' })],
    ['an image Env that is not a list', { ...base, Config: { Env: ['A=1'] } }, { Config: { Env: 'PATH=/bin' } }, ok(['A=1'], { runtime: { env: ['A=1'], imageEnv: null, tty: false, user: '' }, note: 'the answer for image sha256:img has a Config.Env that is not a list: its defaults were not removed' })],
    ['an image without Config or with non-string entries', { ...base, Config: { Env: ['A=1'] } }, { Config: { Env: ['PATH=/bin', 9, null] } }, ok(['A=1'], { runtime: { env: ['A=1'], imageEnv: ['PATH=/bin'], tty: false, user: '' } })],
    ['an image without Config', { ...base, Config: { Env: ['A=1'] } }, {}, ok(['A=1'], { runtime: { env: ['A=1'], imageEnv: [], tty: false, user: '' } })],
    ['too many Env entries', { ...base, Config: { Env: Array.from({ length: MAX_ENV_ENTRIES + 1 }, (_, i) => `V${i}=1`) } }, IMG, `engine: container "web": the Docker daemon sent ${MAX_ENV_ENTRIES + 1} Config.Env entries; godock reads at most ${MAX_ENV_ENTRIES}`],
  ])('container inspect: %s', async (_t, container, image, expected) => {
    expect(await one(client({ container, image }), byName(['web']))).toEqual(expected);
  });

  const svc = (containerSpec: unknown, extra: object = {}) => ({ ID: 's'.repeat(25), Spec: { Name: 'worker', TaskTemplate: { ContainerSpec: containerSpec } }, ...extra });
  const svcOk = (env: string[], extra: object = {}) => ({ name: 'worker', id: 's'.repeat(25), runtime: { env, imageEnv: IMG.Config.Env, tty: false, user: '' }, note: undefined, ...extra });
  it.each<[string, unknown, unknown]>([
    ['a well-formed answer', svc({ Image: 'app:1', Env: ['A=1'], TTY: true, User: 'u' }), svcOk(['A=1'], { runtime: { env: ['A=1'], imageEnv: IMG.Config.Env, tty: true, user: 'u' } })],
    ['null', null, 'engine: service "worker": the Docker daemon\'s answer is not a service'],
    ['no ID', { Spec: {} }, 'engine: service "worker": the Docker daemon\'s answer has no service ID'],
    ['no Spec', { ID: 's'.repeat(25) }, 'engine: service "worker": the Docker daemon\'s answer has no ContainerSpec (not a container service?)'],
    ['a plugin service', { ID: 's'.repeat(25), Spec: { Name: 'p', TaskTemplate: { PluginSpec: {} } } }, 'engine: service "worker": the Docker daemon\'s answer has no ContainerSpec (not a container service?)'],
    ['a string ContainerSpec', svc('app:1'), 'engine: service "worker": the Docker daemon\'s answer has no ContainerSpec (not a container service?)'],
    ['a string Env', svc({ Image: 'app:1', Env: 'A=1' }), 'engine: service "worker": the Docker daemon sent a ContainerSpec.Env that is not a list'],
    ['non-string entries', svc({ Image: 'app:1', Env: ['A=1', 2, null] }), svcOk(['A=1'], { note: '2 ContainerSpec.Env entries are not strings: ignored' })],
    ['a non-string Name, Image, User, TTY', { ID: 's'.repeat(25), Spec: { Name: 3, TaskTemplate: { ContainerSpec: { Image: 5, Env: ['A=1'], User: [], TTY: 'yes' } } } }, svcOk(['A=1'], { runtime: { env: ['A=1'], imageEnv: null, tty: false, user: '' }, note: 'image (none) not present locally: its defaults were not removed' })],
    ['a very long image reference', svc({ Image: `app:${'x'.repeat(500)}`, Env: ['A=1'] }), svcOk(['A=1'])],
  ])('service inspect: %s', async (_t, service, expected) => {
    expect(await one(client({ service }), { names: [], all: false, labels: [], services: ['worker'] })).toEqual(expected);
  });

  it('a long image reference is clipped in the note', async () => {
    const c = client({ service: svc({ Image: `app:${'x'.repeat(500)}`, Env: ['A=1'] }), image: null });
    const r = (await one(c, { names: [], all: false, labels: [], services: ['worker'] })) as { note: string };
    expect(r.note).toBe(`image app:${'x'.repeat(95)}… not present locally: its defaults were not removed`);
  });

  it.each<[string, unknown, string[] | string]>([
    ['a list', [{ Id: ID, Names: ['/web'] }], ['web']],
    ['Names missing, not a list, or not strings: the short id', [{ Id: ID }, { Id: 'd'.repeat(64), Names: '/x' }, { Id: 'e'.repeat(64), Names: [5] }, { Id: 'f'.repeat(64), Names: ['/'] }], ['cccccccccccc', 'dddddddddddd', 'eeeeeeeeeeee', 'ffffffffffff']],
    ['entries without a usable Id: their own targets fail', [null, { Names: ['/x'] }, { Id: 5 }, { Id: '' }, 'abc', { Id: ID, Names: ['/web'] }], ['(list entry 1)', '(list entry 2)', '(list entry 3)', '(list entry 4)', '(list entry 5)', 'web']],
    ['an empty list', [], []],
    ['null', null, 'the Docker daemon sent a container list that is not a list'],
    ['an object', { Id: ID }, 'the Docker daemon sent a container list that is not a list'],
    ['too many', Array.from({ length: MAX_LISTED_CONTAINERS + 1 }, (_, i) => ({ Id: `${i}`.padStart(64, '0') })), `the Docker daemon listed ${MAX_LISTED_CONTAINERS + 1} running containers; godock env takes at most ${MAX_LISTED_CONTAINERS} at once (narrow them with --label)`],
  ])('container list: %s', async (_t, list, expected) => {
    const req: TargetRequest = { names: [], all: true, labels: [], services: [] };
    const c = client({ list, container: { ...base, Config: { Env: ['A=1'] } } });
    if (typeof expected === 'string') {
      await expect(listTargets(c, req)).rejects.toEqual(new EngineError('engine', expected));
      return;
    }
    const refs = await listTargets(c, req);
    expect(refs.map((r) => r.name)).toEqual(expected);
    const results = await inspectTargets(c, refs, req);
    for (const r of results.filter((x) => x.ref.invalid)) {
      expect(r.error).toEqual(new EngineError('engine', `container list entry ${r.ref.name.match(/\d+/)![0]}: the Docker daemon sent no container Id`));
    }
  });

  it('exactly MAX_LISTED_CONTAINERS is accepted', async () => {
    const list = Array.from({ length: MAX_LISTED_CONTAINERS }, (_, i) => ({ Id: `${i}`.padStart(64, '0') }));
    expect(await listTargets(client({ list }), { names: [], all: true, labels: [], services: [] })).toHaveLength(MAX_LISTED_CONTAINERS);
  });
});
