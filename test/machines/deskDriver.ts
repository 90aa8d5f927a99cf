/** A desk machine with its store actors (src/adapters/deskActors.ts) on a MemoryStore and a simulated clock, driven by keys. */
import type { Key } from 'ink';
import { createActor, fromPromise, SimulatedClock, waitFor, type PromiseActorLogic } from 'xstate';
import type { DeskPaymentRequest } from '../../src/domain/cash/deskPayment.js';
import type { PayOutput } from '../../machines/desk/deskContext.js';
import { provideDesk } from '../../src/adapters/deskActors.js';
import { mapDeskKey } from '../../src/app/deskKeys.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import type { DeskPlace } from '../../src/domain/fiscal/desks.js';
import type { Lang, Money } from '../../src/domain/money.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { deskViewOf } from '../../machines/desk/deskView.js';
import { deskMachine, type DeskRole } from '../../machines/desk.js';
import { isSettled } from '../../machines/settled.js';
import { asyncStore } from '../../src/domain/asyncStore.js';

/** 2026-11-22 10:00 in Moscow */
export const START = Date.UTC(2026, 10, 22, 7, 0, 0);

const NAMED: Record<string, Partial<Key>> = { enter: { return: true }, esc: { escape: true }, backspace: { backspace: true }, up: { upArrow: true }, down: { downArrow: true } };

/** A store actor that always fails, as a store that is down (the desk's and the till's fault paths). */
export const storeDown = fromPromise<never, unknown>(() => Promise.reject(new Error('the store is down')));

/**
 * `failing`: that store actor rejects as a store that is down; `unprovided`: that actor is the desk's
 * own default, as when no adapter provides it.
 */
export function startDesk({ place = 'cashier', role, cap, store = new MemoryStore(), lang = 'en', failing, unprovided }: { place?: DeskPlace; role?: DeskRole; cap?: Money | null; store?: MemoryStore; lang?: Lang; failing?: 'lookUp' | 'payAtDesk'; unprovided?: 'payAtDesk' } = {}) {
  const clock = new SimulatedClock();
  clock.set(START);
  if (store.listOrders().length === 0) seedDemo(store, START);
  const provided = provideDesk({ store: asyncStore(store), clock, rules: DEFAULT_RULES });
  const withFailing = failing ? provided.provide({ actors: { [failing]: storeDown } }) : provided;
  const machine = unprovided ? withFailing.provide({ actors: { payAtDesk: deskMachine.implementations.actors.payAtDesk as PromiseActorLogic<PayOutput, Omit<DeskPaymentRequest, 'at'>> } }) : withFailing;
  const actor = createActor(machine, { input: { place, lang, ...(role ? { role } : {}), ...(cap !== undefined ? { cap } : {}) }, clock }).start();
  const view = () => deskViewOf(actor.getSnapshot());
  const settle = async () => {
    await waitFor(actor, isSettled);
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  /** Each key as a person types it: a named key (`enter`, `esc`…) or each character of a string. */
  const keys = async (...presses: string[]) => {
    for (const press of presses) {
      for (const input of press in NAMED ? [press] : press.split('')) {
        const event = mapDeskKey(view(), NAMED[input] ? '' : input, NAMED[input] ?? {});
        if (event) actor.send(event);
        await settle();
      }
    }
  };
  /** From the greeting to the cash screen for a code that can be paid. */
  const toCash = async (code: string) => {
    await keys('1', code, 'enter');
    if (view().state !== 'readBack') throw new Error(`not read back: ${view().state} ${view().refusal}`);
    await keys('enter');
  };
  return { actor, clock, store, view, keys, toCash, settle };
}
