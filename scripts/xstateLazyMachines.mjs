/**
 * Build-time patch of XState's StateMachine (the bundle only; the tests run XState as installed).
 *
 * Every machine file builds its machine when it is imported (`setup(…).createMachine(…)`: the tree
 * of state nodes, their transitions and ids), and the kiosk then starts none of those machines: it
 * starts the copies `machine.provide(…)` makes with the store, the clock and the places' actors
 * (src/adapters/*Actors.ts), and each copy builds its own tree. So every machine was built twice
 * before the first frame, once for nothing: ~5 % of the kiosk's cold start (issue 16).
 *
 * Here a machine builds its tree the first time anything reads it (`root`, `states`, `events`, or a
 * state node by id): exactly the code the constructor ran, in the same order, only later. The
 * machines the program imports but never starts are never built. `test/build/xstateLazyMachines.test.ts`
 * fails if the patch stops applying to the installed XState, builds a machine too early, or a
 * machine built late behaves differently.
 */
import { readFile } from 'node:fs/promises';

const BUILD = `    this.root = new StateNode(config, {
      _key: this.id,
      _machine: this
    });
    this.root._initialize();
    formatRouteTransitions(this.root);
    this.states = this.root.states; // TODO: remove!
    this.events = this.root.events;
  }`;

const BY_ID = 'const stateNode = this.idMap.get(resolvedStateId);';

/** XState's StateMachine-*.esm.js with machines built on first use; throws if XState changed so that it no longer applies. */
export function lazyMachines(source) {
  if (source.split(BUILD).length !== 2) throw new Error('xstate StateMachine: expected the constructor to build the state nodes as patched (did XState change?)');
  if (source.split(BY_ID).length !== 2) throw new Error(`xstate StateMachine: expected one "${BY_ID}" to patch (did XState change?)`);
  return source
    .replace(
      BUILD,
      `    // kiosk build (scripts/xstateLazyMachines.mjs): the state nodes are built when first read
    kioskLazyTree(this, () => {
      const root = new StateNode(config, {
        _key: this.id,
        _machine: this
      });
      kioskSet(this, 'root', root);
      root._initialize();
      formatRouteTransitions(root);
      kioskSet(this, 'states', root.states); // TODO: remove!
      kioskSet(this, 'events', root.events);
    });
  }`,
    )
    .replace(BY_ID, `void this.root; ${BY_ID}`)
    .concat(`
// kiosk build (scripts/xstateLazyMachines.mjs)
function kioskSet(machine, key, value) {
  Object.defineProperty(machine, key, { value, writable: true, enumerable: true, configurable: true });
}
function kioskLazyTree(machine, build) {
  let built = false;
  const once = () => {
    if (!built) {
      built = true;
      build();
    }
  };
  for (const key of ['root', 'states', 'events']) {
    Object.defineProperty(machine, key, {
      get() {
        once();
        // read while the tree is being built (as the constructor's own code could): not there yet, as before
        const own = Object.getOwnPropertyDescriptor(machine, key);
        return own && 'value' in own ? own.value : undefined;
      },
      set(value) {
        once();
        kioskSet(machine, key, value);
      },
      enumerable: true,
      configurable: true,
    });
  }
}
`);
}

/** The esbuild plugin. */
export const xstateLazyMachines = {
  name: 'xstate-lazy-machines',
  setup(b) {
    b.onLoad({ filter: /[\\/]xstate[\\/]dist[\\/]StateMachine-[0-9a-f]+\.esm\.js$/ }, async (args) => ({ contents: lazyMachines(await readFile(args.path, 'utf8')), loader: 'js' }));
  },
};
