/** The till (the cashier's role) driven by events: the real till machine, its store actors on a MemoryStore, a simulated clock. */
import { createActor, SimulatedClock, waitFor } from 'xstate';
import { provideTill } from '../../src/adapters/tillActors.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Drawer } from '../../src/domain/cash/drawer.js';
import type { DeskPlace } from '../../src/domain/fiscal/desks.js';
import type { TillCustomer } from '../../src/domain/cash/tillCustomers.js';
import type { TillEvent } from '../../machines/desk/till.js';
import { isSettled } from '../../machines/settled.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { storeDown } from './deskDriver.js';

export const TILL_START = Date.UTC(2026, 10, 22, 7, 0, 0);

export type FailingTillActor = 'openShift' | 'lookUp' | 'payAtTill' | 'sendAway' | 'report';

export function startTill({ queue, float, failing, place = 'cashier' }: { queue?: TillCustomer[]; float?: Drawer; failing?: FailingTillActor; place?: DeskPlace } = {}) {
  const store = new MemoryStore();
  seedDemo(store, TILL_START);
  const clock = new SimulatedClock();
  clock.set(TILL_START);
  const provided = provideTill({ store: asyncStore(store), clock, rules: DEFAULT_RULES });
  const machine = failing ? provided.provide({ actors: { [failing]: storeDown } }) : provided;
  const actor = createActor(machine, { input: { place, ...(queue ? { queue } : {}), ...(float ? { float } : {}) }, clock }).start();
  /** sends each event and waits until the till has settled (no store actor running) */
  const send = async (...events: TillEvent[]) => {
    for (const event of events) {
      actor.send(event);
      await waitFor(actor, isSettled);
    }
  };
  const ctx = () => actor.getSnapshot().context;
  const state = () => actor.getSnapshot().value;
  const typed = (text: string): TillEvent => ({ type: 'input.text', text });
  /** from idle: call the next customer, enter the code, read back, type the cash received */
  const toChange = async (code: string, received: string) =>
    send({ type: 'till.nextCustomer' }, typed(code), { type: 'till.next' }, { type: 'till.confirm' }, typed(received), { type: 'till.next' });
  return { store, clock, actor, send, ctx, state, typed, toChange };
}
