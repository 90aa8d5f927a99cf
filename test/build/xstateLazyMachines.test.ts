/**
 * The bundle's patch of XState (scripts/xstateLazyMachines.mjs): a machine builds its state nodes
 * when first read, not when created, and a machine built late acts as one built at once.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as installed from 'xstate';
import { describe, expect, it } from 'vitest';

interface Patch {
  lazyMachines(source: string): string;
  xstateLazyMachines: { name: string; setup(b: unknown): void };
}
const patch = (await import(pathToFileURL(resolve('scripts/xstateLazyMachines.mjs')).href)) as Patch;

/** XState bundled with the patch, as the kiosk's bundle has it. */
async function patchedXstate(): Promise<typeof installed> {
  const file = resolve('node_modules/.cache/kiosk-tests/xstateLazy.mjs');
  mkdirSync(dirname(file), { recursive: true });
  await build({
    stdin: { contents: "export * from 'xstate';", resolveDir: process.cwd() },
    bundle: true, platform: 'node', format: 'esm', outfile: file, logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [patch.xstateLazyMachines as never],
  });
  expect(readFileSync(file, 'utf8')).toContain('kioskLazyTree(this');
  return (await import(`${pathToFileURL(file).href}?${Date.now()}`)) as typeof installed;
}

/** A machine with what state nodes are built from: ids, nesting, parallel regions, history, delays, guards, actions, an invoked actor. */
function machineOf(x: typeof installed, log: string[]) {
  return x
    .setup({
      types: {} as { context: { n: number }; events: { type: 'go' } | { type: 'back' } | { type: 'add'; by: number } | { type: 'jump' } },
      guards: { small: ({ context }) => context.n < 3 },
      actions: { note: (_, label: string) => void log.push(label) },
      delays: { soon: 1000 },
      actors: { echo: x.fromPromise(async () => 'echoed') },
    })
    .createMachine({
      id: 'probe',
      context: { n: 0 },
      initial: 'idle',
      states: {
        idle: { on: { go: 'busy', jump: '#deep' }, entry: { type: 'note', params: 'idle' } },
        busy: {
          type: 'parallel',
          on: { back: 'idle' },
          states: {
            left: { initial: 'a', states: { a: { on: { add: { guard: 'small', target: 'b', actions: x.assign({ n: ({ context, event }) => context.n + event.by }) } } }, b: { after: { soon: 'a' } }, hist: { type: 'history' } } },
            right: { initial: 'c', states: { c: { invoke: { src: 'echo', onDone: 'd' } }, d: { id: 'deep', type: 'final' } } },
          },
        },
      },
    });
}

async function run(x: typeof installed) {
  const log: string[] = [];
  const clock = new x.SimulatedClock();
  const machine = machineOf(x, log);
  const provided = machine.provide({ actions: { note: (_, label: string) => void log.push(`provided ${label}`) } });
  const actor = x.createActor(provided, { clock }).start();
  const seen: unknown[] = [];
  const look = () => seen.push({ value: actor.getSnapshot().value, context: actor.getSnapshot().context, status: actor.getSnapshot().status });
  look();
  for (const event of [{ type: 'go' }, { type: 'add', by: 2 }, { type: 'add', by: 2 }] as const) {
    actor.send(event);
    look();
  }
  await new Promise((done) => setImmediate(done));
  look();
  clock.increment(1000);
  look();
  actor.send({ type: 'back' });
  actor.send({ type: 'jump' });
  look();
  return { seen, log, byId: machine.getStateNodeById('deep').path, definition: JSON.stringify(machine.definition) };
}

/** How many state nodes a machine has built (`idMap` is XState's internal index of them). */
const built = (machine: object): number => (machine as { idMap: Map<string, unknown> }).idMap.size;

describe("XState's machines built on first use (the bundle)", () => {
  const source = readFileSync(join(dirname(resolve('node_modules/xstate/package.json')), 'dist', 'StateMachine-ae06a22b.esm.js'), 'utf8');

  it('applies to the installed XState, and refuses a file it does not recognise', () => {
    expect(patch.lazyMachines(source)).toContain('kioskLazyTree(this');
    expect(() => patch.lazyMachines(source.replace('this.root._initialize();', 'this.root.initialize();'))).toThrow(/did XState change/);
  });

  it('a machine created is not built until something reads it; a copy from provide() neither', async () => {
    const x = await patchedXstate();
    const machine = machineOf(x, []);
    expect(built(machine)).toBe(0);
    const provided = machine.provide({});
    expect(built(provided)).toBe(0);
    expect(built(machine)).toBe(0);
    x.createActor(provided).start();
    expect(built(provided)).toBeGreaterThan(5);
    expect(built(machine)).toBe(0);
    // reading a state node by id builds it too
    expect(machine.getStateNodeById('deep').id).toBe('deep');
    expect(machine.root.states).toBe(machine.states);
    // the same as the installed XState builds at once
    expect(built(machineOf(installed, []))).toBe(built(machine));
  });

  it('a machine built late acts as one built at once: the same states, context, actions and timers', async () => {
    const x = await patchedXstate();
    const late = await run(x);
    const early = await run(installed);
    expect(late).toEqual(early);
    expect(early.log).toContain('provided idle');
  });
});
