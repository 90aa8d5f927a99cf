/**
 * One cash payment at the bill acceptor (R-TERM-2, R-TERM-3). Pure like the kiosk machine: the
 * parent journals each note (`io.journalNote` → `io.noteJournaled`) before it counts, and its
 * watchdog sends `timer.inactivity`. Inserted cash is never handed back: the session ends settled
 * (Pay, "No", or no answer) or cancelled only while it holds nothing.
 *
 * | state    | tags          | events                                   | goes to                    |
 * |----------|---------------|------------------------------------------|----------------------------|
 * | empty    | cash.empty    | cash.inserted (good, fits) · cash.cancel | escrow · cancelled         |
 * | escrow   |               | io.noteJournaled · io.journalFailed      | holding · empty/holding    |
 * | holding  | cash.holding  | cash.inserted · cash.pay (covered)       | escrow · settled           |
 * | moreTime | cash.moreTime | moreTime.yes · moreTime.no · timer       | empty/holding · settled/cancelled |
 * | (empty, holding) |       | timer.inactivity                         | moreTime                   |
 * | settled, cancelled | final | output: trigger, notes                  |                            |
 */
import { assign, enqueueActions, sendParent, setup } from 'xstate';
import { add, cmp, type Money, ZERO } from '../src/domain/money.js';
import { isBanknote, type RejectReason } from '../src/domain/rules.js';
import { covers } from '../src/domain/settlement.js';
import { moveFocus, resolveNav, type NavEvent } from './buttons.js';
import { cashButtons, type CashButtonEvent, type CashScreen } from './cashButtons.js';

export interface CashInput {
  due: Money;
  cap: Money;
}

export type CashNotice =
  | { kind: 'accepted'; note: number }
  | { kind: 'rejected'; note: number; reason: RejectReason }
  | { kind: 'busy' }
  | { kind: 'payLocked' };

export interface CashContext {
  due: Money;
  cap: Money;
  notes: number[];
  inserted: Money;
  pendingNote: number | null;
  notice: CashNotice | null;
  focus: number;
  trigger: 'pay' | 'timeout';
  result: 'settled' | 'cancelled';
}

export type CashEvent =
  | CashButtonEvent
  | NavEvent
  | { type: 'cash.inserted'; note: number; condition?: 'good' | 'worn' }
  | { type: 'io.noteJournaled' }
  | { type: 'io.journalFailed' }
  | { type: 'timer.inactivity' };

export interface CashOutput {
  result: 'settled' | 'cancelled';
  trigger: 'pay' | 'timeout';
  notes: number[];
}

const noteOf = (event: CashEvent) => (event.type === 'cash.inserted' ? event.note : 0);

const navOn = (screen: CashScreen) => ({
  'nav.move': { actions: { type: 'moveFocus', params: { screen } } },
  'nav.activate': { actions: { type: 'pressButton', params: { screen } } },
  'nav.press': { actions: { type: 'pressButton', params: { screen } } },
}) as const;

/** Rejection checks in the order a real acceptor makes them: is it money, is it fit, does it fit the cap. */
const insertOn = [
  { guard: 'unknownNote', actions: { type: 'reject', params: { reason: 'unknown' } } },
  { guard: 'wornNote', actions: { type: 'reject', params: { reason: 'worn' } } },
  { guard: 'overCap', actions: { type: 'reject', params: { reason: 'limit' } } },
  { target: 'escrow', actions: ['holdInEscrow', 'requestJournal'] },
] as const;

export const cashMachine = setup({
  types: {
    context: {} as CashContext,
    events: {} as CashEvent,
    input: {} as CashInput,
    output: {} as CashOutput,
  },
  actions: {
    reject: assign(({ event }, params: { reason: RejectReason }) => ({
      notice: { kind: 'rejected', note: noteOf(event), reason: params.reason } as CashNotice,
    })),
    holdInEscrow: assign(({ event }) => ({ pendingNote: noteOf(event), notice: null })),
    requestJournal: sendParent(({ event }) => ({ type: 'io.journalNote', note: noteOf(event) })),
    stackNote: assign(({ context }) => {
      const note = context.pendingNote ?? 0;
      return {
        notes: [...context.notes, note],
        inserted: add(context.inserted, `${note}.00`),
        pendingNote: null,
        notice: { kind: 'accepted', note } as CashNotice,
      };
    }),
    returnEscrowed: assign(({ context }) => ({
      notice: { kind: 'rejected', note: context.pendingNote ?? 0, reason: 'fault' } as CashNotice,
      pendingNote: null,
    })),
    acceptorBusy: assign({ notice: { kind: 'busy' } as CashNotice }),
    payLocked: assign({ notice: { kind: 'payLocked' } as CashNotice }),
    markTimeout: assign({ trigger: 'timeout' as const }),
    markPay: assign({ trigger: 'pay' as const }),
    resetFocus: assign({ focus: 0 }),
    moveFocus: assign(({ context, event }, params: { screen: CashScreen }) => {
      if (event.type !== 'nav.move') return {};
      return { focus: moveFocus(context.focus, cashButtons(params.screen, context).length, 1, event.dir) };
    }),
    pressButton: enqueueActions(({ context, event, enqueue }, params: { screen: CashScreen }) => {
      if (event.type !== 'nav.activate' && event.type !== 'nav.press') return;
      const resolved = resolveNav(cashButtons(params.screen, context), context.focus, event);
      if (resolved) enqueue.raise(resolved);
    }),
    markCancelled: assign({ result: 'cancelled' as const }),
  },
  guards: {
    unknownNote: ({ event }) => !isBanknote(noteOf(event)),
    wornNote: ({ event }) => event.type === 'cash.inserted' && event.condition === 'worn',
    overCap: ({ context, event }) => cmp(add(context.inserted, `${noteOf(event)}.00`), context.cap) > 0,
    covered: ({ context }) => covers(context.inserted, context.due),
    holdsCash: ({ context }) => context.notes.length > 0,
  },
}).createMachine({
  id: 'cash',
  context: ({ input }) => ({
    due: input.due,
    cap: input.cap,
    notes: [],
    inserted: ZERO,
    pendingNote: null,
    notice: null,
    focus: 0,
    trigger: 'pay',
    result: 'settled',
  }),
  initial: 'empty',
  states: {
    empty: {
      tags: ['cash.empty'],
      on: {
        ...navOn('empty'),
        'cash.inserted': insertOn,
        'cash.cancel': 'cancelled',
        'timer.inactivity': 'moreTime',
      },
    },
    escrow: {
      on: {
        'io.noteJournaled': { target: 'holding', actions: 'stackNote' },
        // A note that could not be saved is handed back, so it is never counted without a record.
        'io.journalFailed': [
          { guard: 'holdsCash', target: 'holding', actions: 'returnEscrowed' },
          { target: 'empty', actions: 'returnEscrowed' },
        ],
        'cash.inserted': { actions: 'acceptorBusy' },
      },
    },
    holding: {
      tags: ['cash.holding'],
      on: {
        ...navOn('holding'),
        'cash.inserted': insertOn,
        'cash.pay': [
          { guard: 'covered', target: 'settled', actions: 'markPay' },
          { actions: 'payLocked' },
        ],
        'timer.inactivity': 'moreTime',
      },
    },
    moreTime: {
      tags: ['cash.moreTime'],
      entry: 'resetFocus',
      on: {
        ...navOn('moreTime'),
        'moreTime.yes': [{ guard: 'holdsCash', target: 'holding' }, { target: 'empty' }],
        'moreTime.no': [{ guard: 'holdsCash', target: 'settled', actions: 'markTimeout' }, { target: 'cancelled' }],
        'timer.inactivity': [{ guard: 'holdsCash', target: 'settled', actions: 'markTimeout' }, { target: 'cancelled' }],
      },
    },
    settled: { type: 'final' },
    cancelled: { type: 'final', entry: 'markCancelled' },
  },
  output: ({ context }) => ({
    result: context.result,
    trigger: context.trigger,
    notes: context.notes,
  }),
});
