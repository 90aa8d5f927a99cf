/**
 * Drives a real terminal (machines/terminal.ts with its actors on a store) by events, on XState's
 * SimulatedClock: the same events the keymap sends. Waiting is only ever for the terminal's own
 * I/O to finish; time moves only by `clock.increment`.
 */
import { SimulatedClock, waitFor } from 'xstate';
import { startTerminal } from '../../src/app/session.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import type { Lang } from '../../src/domain/money.js';
import type { KioskRules } from '../../src/domain/rules.js';
import type { SyncKioskStore, PaymentOutcome } from '../../src/domain/store.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { isSettled } from '../../machines/settled.js';
import type { TerminalActor, TerminalEvent } from '../../machines/terminal.js';


/** Lets the terminal's I/O (lookups, journaling, payments) finish, then the loop turn once. */
export async function settle(t: TerminalActor): Promise<void> {
  await waitFor(t, isSettled);
  await new Promise<void>((resolve) => setImmediate(resolve));
}

export const kioskOf = (t: TerminalActor) => t.getSnapshot().context.kiosk.getSnapshot();
export const kioskState = (t: TerminalActor): string => String(kioskOf(t).value);
export const cashOf = (t: TerminalActor) => t.getSnapshot().context.cash?.getSnapshot();

export async function send(t: TerminalActor, ...events: TerminalEvent[]): Promise<void> {
  for (const event of events) {
    t.send(event);
    await settle(t);
  }
}

/** Idle → Other services → Products by catalogs → Aliexpress → the code → Next: the lookup's answer screen. */
export async function lookUp(t: TerminalActor, code: string): Promise<string> {
  await send(
    t,
    { type: 'kiosk.wake' },
    { type: 'nav.press', id: 'other' },
    { type: 'nav.press', id: 'catalogs' },
    { type: 'nav.press', id: 'aliexpress' },
    { type: 'input.text', text: code },
    { type: 'nav.press', id: 'next' },
  );
  return kioskState(t);
}

/** From idle to the cash screen for `code`, with `phone` (ten digits) for the change. */
export async function toCash(t: TerminalActor, code: string, phone = '9161234567'): Promise<void> {
  const answer = await lookUp(t, code);
  if (answer !== 'checkData') throw new Error(`order ${code} was not accepted: the kiosk shows ${answer}`);
  await send(t, { type: 'nav.press', id: 'next' }, { type: 'input.text', text: phone });
  if (kioskOf(t).context.operator === null) await send(t, { type: 'nav.press', id: 'operator' });
  await send(t, { type: 'nav.press', id: 'next' });
  if (kioskState(t) !== 'cash') throw new Error(`the cash screen did not open: the kiosk shows ${kioskState(t)}`);
}

export const insert = (t: TerminalActor, ...notes: number[]) =>
  send(t, ...notes.map((note): TerminalEvent => ({ type: 'cash.inserted', note, condition: 'good' })));

export interface Rig {
  t: TerminalActor;
  clock: SimulatedClock;
  payments: PaymentOutcome[];
  /** moves the clock, then lets what the timers started finish */
  wait: (ms: number) => Promise<void>;
}

export const START = Date.UTC(2026, 10, 22, 7);

export async function startRig<S extends SyncKioskStore>(store: S, options: { lang?: Lang; rules?: KioskRules; clock?: SimulatedClock } = {}): Promise<Rig> {
  const clock = options.clock ?? new SimulatedClock();
  if (!options.clock) clock.set(START);
  const payments: PaymentOutcome[] = [];
  const t = startTerminal({ store: asyncStore(store), clock, lang: options.lang ?? 'en', ...(options.rules ? { rules: options.rules } : {}), onPayment: (o) => payments.push(o) });
  await settle(t);
  return {
    t,
    clock,
    payments,
    wait: async (ms) => {
      clock.increment(ms);
      await settle(t);
    },
  };
}

export { MemoryStore };
