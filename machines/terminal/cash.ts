/**
 * One cash payment at the bill acceptor (R-TERM-2, R-TERM-3). Pure like the kiosk machine: the
 * parent journals each note (`io.journalNote` → `io.noteJournaled`) before it counts, and its
 * watchdog sends `timer.inactivity`. Inserted cash is never handed back: the session ends settled
 * (Pay, "No", no answer, or quitting the program) or cancelled only while it holds nothing.
 * While a note is in escrow the acceptor is stacking it: notes, keys and a quit arriving then wait
 * in `deferred` and are taken in order once it is stacked (never dropped), each checked on its own.
 *
 * | state    | tags          | events                                   | goes to                    |
 * |----------|---------------|------------------------------------------|----------------------------|
 * | empty    | cash.empty    | cash.inserted (good, fits) · cash.cancel | escrow · cancelled (back)  |
 * | escrow   |               | io.noteJournaled · io.journalFailed      | holding · empty/holding    |
 * | escrow   |               | cash.inserted · nav.* · quit.request …   | (deferred, replayed after) |
 * | holding  | cash.holding  | cash.inserted · cash.pay (covered)       | escrow · settled           |
 * | moreTime | cash.moreTime | moreTime.yes · moreTime.no · timer       | empty/holding · settled/cancelled |
 * | moreTime | cash.moreTime | cash.inserted                            | empty/holding (the note is taken) |
 * | quitAsk  | cash.quitAsk  | quit.pay · quit.request · quit.keep      | settled (quit) · holding   |
 * | quitAsk  | cash.quitAsk  | cash.inserted · timer.inactivity         | holding (the note is taken) · settled (quit) |
 * | (empty, holding) |       | timer.inactivity                         | moreTime                   |
 * | empty, moreTime (no cash) | | quit.request                          | cancelled (quit)           |
 * | holding, moreTime (cash)  | | quit.request                          | quitAsk                    |
 * | empty, holding | cash.* | help.open · help.close                 | (stays; Help shows over the screen, R-TERM-4) |
 * | (any)    |               | cassette.full                            | (stays; the cassette takes no more notes: each is returned) |
 * | settled, cancelled | final | output: result, trigger, ending, notes  |                            |
 */
import { assign, enqueueActions, raise, sendParent, setup } from 'xstate';
import { add, cmp, noteAmount, sub, type Money, ZERO } from '../../src/domain/money.js';
import { isBanknote, type RejectReason } from '../../src/domain/rules.js';
import { moveFocus, resolveNav, type NavEvent } from '../buttons.js';
import { cashButtons, payCovered, type CashButtonEvent, type CashScreen } from './cashButtons.js';
import { DEFAULT_SKIN, type Skin } from '../../src/domain/skins/index.js';

export interface CashInput {
  due: Money;
  cap: Money;
  /** the terminal's brand, for the buttons' words; default Euroset */
  skin?: Skin;
  /** how many more notes the cassette takes; omitted, no limit */
  room?: number;
}

export type CashNotice =
  | { kind: 'accepted'; note: number }
  | { kind: 'rejected'; note: number; reason: RejectReason }
  | { kind: 'busy' }
  | { kind: 'payLocked'; missing: Money };

/** How a session ended: Pay, no answer to "Need more time?", Back with nothing in, or quitting the program. */
export type CashEnding = 'pay' | 'timeout' | 'back' | 'quit';

export interface CashContext {
  due: Money;
  cap: Money;
  notes: number[];
  inserted: Money;
  pendingNote: number | null;
  /** events that arrived while a note was in escrow, replayed in order once it is stacked */
  deferred: CashEvent[];
  notice: CashNotice | null;
  focus: number;
  skin: Skin;
  /** Help shows over the cash screen; the acceptor stays as it is */
  help: boolean;
  /** notes the cassette still takes in this session (a full cassette returns the next note) */
  room: number;
  /** what the store records: quitting pays as a timeout would */
  trigger: 'pay' | 'timeout';
  ending: CashEnding;
  result: 'settled' | 'cancelled';
}

export type CashEvent =
  | CashButtonEvent
  | NavEvent
  | { type: 'cash.inserted'; note: number; condition?: 'good' | 'worn' }
  | { type: 'io.noteJournaled' }
  | { type: 'io.journalFailed' }
  | { type: 'quit.request' }
  | { type: 'timer.inactivity' }
  | { type: 'cassette.full' };

export interface CashOutput {
  result: 'settled' | 'cancelled';
  trigger: 'pay' | 'timeout';
  ending: CashEnding;
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
  // the cassette is full: the payment in progress finishes, but this note does not fit and is returned
  { guard: 'cassetteFull', actions: { type: 'reject', params: { reason: 'full' } } },
  { target: 'escrow', actions: ['holdInEscrow', 'requestJournal'] },
] as const;

/** Pay pressed before the amount is covered: says how much is still missing. */
const lockedNotice = (context: CashContext): CashNotice => ({ kind: 'payLocked', missing: sub(context.due, context.inserted) });

/** Leaving escrow: what arrived meanwhile is taken now, in the order it came. */
const leaveEscrow = ['replayDeferred'] as const;

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
        inserted: add(context.inserted, noteAmount(note)),
        pendingNote: null,
        notice: { kind: 'accepted', note } as CashNotice,
      };
    }),
    returnEscrowed: assign(({ context }) => ({
      notice: { kind: 'rejected', note: context.pendingNote ?? 0, reason: 'fault' } as CashNotice,
      pendingNote: null,
    })),
    defer: assign(({ context, event }) => ({ deferred: [...context.deferred, event] })),
    replayDeferred: enqueueActions(({ context, enqueue }) => {
      for (const event of context.deferred) enqueue.raise(event);
      enqueue.assign({ deferred: [] });
    }),
    retake: raise(({ event }) => event),
    payLocked: assign(({ context }) => ({ notice: lockedNotice(context) })),
    end: assign((_, params: { ending: CashEnding }) => ({
      ending: params.ending,
      trigger: params.ending === 'pay' ? ('pay' as const) : ('timeout' as const),
    })),
    resetFocus: assign({ focus: 0, help: false }),
    openHelp: assign({ help: true, focus: 0 }),
    closeHelp: assign({ help: false, focus: 0 }),
    moveFocus: assign(({ context, event }, params: { screen: CashScreen }) => {
      if (event.type !== 'nav.move') return {};
      return { focus: moveFocus(context.focus, cashButtons(params.screen, context).length, 1, event.dir) };
    }),
    pressButton: enqueueActions(({ context, event, enqueue }, params: { screen: CashScreen }) => {
      if (event.type !== 'nav.activate' && event.type !== 'nav.press') return;
      const resolved = resolveNav(cashButtons(params.screen, context), context.focus, event);
      if (resolved?.enabled) enqueue.raise(resolved.event);
      // a disabled press says why (Pay before the amount is covered)
      else if (resolved?.event.type === 'cash.pay') enqueue.assign({ notice: lockedNotice(context) });
    }),
    markCancelled: assign({ result: 'cancelled' as const }),
    // the note in escrow is already in the cassette; nothing more fits
    fillCassette: assign(({ context }) => ({ room: Math.min(context.room, context.notes.length + (context.pendingNote === null ? 0 : 1)) })),
  },
  guards: {
    unknownNote: ({ event }) => !isBanknote(noteOf(event)),
    wornNote: ({ event }) => event.type === 'cash.inserted' && event.condition === 'worn',
    overCap: ({ context, event }) => cmp(add(context.inserted, noteAmount(noteOf(event))), context.cap) > 0,
    covered: ({ context }) => payCovered(context),
    holdsCash: ({ context }) => context.notes.length > 0,
    cassetteFull: ({ context }) => context.notes.length >= context.room,
  },
}).createMachine({
  // Stryker disable next-line StringLiteral: equivalent, because nothing addresses the machine by its id (no `#cash` targets; the terminal spawns it under its own actor id 'cash')
  id: 'cash',
  context: ({ input }) => ({
    due: input.due,
    cap: input.cap,
    notes: [],
    inserted: ZERO,
    pendingNote: null,
    deferred: [],
    notice: null,
    focus: 0,
    skin: input.skin ?? DEFAULT_SKIN,
    help: false,
    // no limit given: as many as a session could ever take (finite, so a snapshot survives JSON)
    room: input.room ?? Number.MAX_SAFE_INTEGER,
    trigger: 'pay',
    ending: 'pay',
    result: 'settled',
  }),
  initial: 'empty',
  states: {
    empty: {
      tags: ['cash.empty'],
      on: {
        'cassette.full': { actions: 'fillCassette' },
        ...navOn('empty'),
        'help.open': { actions: 'openHelp' },
        'help.close': { actions: 'closeHelp' },
        'cash.inserted': insertOn,
        'cash.cancel': { target: 'cancelled', actions: { type: 'end', params: { ending: 'back' } } },
        'timer.inactivity': { target: 'moreTime', actions: 'closeHelp' },
        'quit.request': { target: 'cancelled', actions: { type: 'end', params: { ending: 'quit' } } },
      },
    },
    escrow: {
      on: {
        'cassette.full': { actions: 'fillCassette' },
        'io.noteJournaled': { target: 'holding', actions: ['stackNote', ...leaveEscrow] },
        // A note that could not be saved is handed back, so it is never counted without a record.
        'io.journalFailed': [
          { guard: 'holdsCash', target: 'holding', actions: ['returnEscrowed', ...leaveEscrow] },
          { target: 'empty', actions: ['returnEscrowed', ...leaveEscrow] },
        ],
        'cash.inserted': { actions: 'defer' },
        'cash.pay': { actions: 'defer' },
        'cash.cancel': { actions: 'defer' },
        'nav.*': { actions: 'defer' },
        'quit.request': { actions: 'defer' },
      },
    },
    holding: {
      tags: ['cash.holding'],
      on: {
        'cassette.full': { actions: 'fillCassette' },
        ...navOn('holding'),
        'help.open': { actions: 'openHelp' },
        'help.close': { actions: 'closeHelp' },
        'cash.inserted': insertOn,
        'cash.pay': [
          { guard: 'covered', target: 'settled', actions: { type: 'end', params: { ending: 'pay' } } },
          { actions: 'payLocked' },
        ],
        'timer.inactivity': { target: 'moreTime', actions: 'closeHelp' },
        'quit.request': 'quitAsk',
      },
    },
    moreTime: {
      tags: ['cash.moreTime'],
      entry: 'resetFocus',
      on: {
        'cassette.full': { actions: 'fillCassette' },
        ...navOn('moreTime'),
        'moreTime.yes': [{ guard: 'holdsCash', target: 'holding' }, { target: 'empty' }],
        // a note inserted while the dialog shows is an answer: the customer is still there
        'cash.inserted': [{ guard: 'holdsCash', target: 'holding', actions: 'retake' }, { target: 'empty', actions: 'retake' }],
        'moreTime.no': [
          { guard: 'holdsCash', target: 'settled', actions: { type: 'end', params: { ending: 'timeout' } } },
          { target: 'cancelled', actions: { type: 'end', params: { ending: 'timeout' } } },
        ],
        'timer.inactivity': [
          { guard: 'holdsCash', target: 'settled', actions: { type: 'end', params: { ending: 'timeout' } } },
          { target: 'cancelled', actions: { type: 'end', params: { ending: 'timeout' } } },
        ],
        'quit.request': [
          { guard: 'holdsCash', target: 'quitAsk' },
          { target: 'cancelled', actions: { type: 'end', params: { ending: 'quit' } } },
        ],
      },
    },
    // "Quit? Pay with what is inserted / Keep going": the program's owner pressed Ctrl+C with cash in.
    quitAsk: {
      tags: ['cash.quitAsk'],
      entry: 'resetFocus',
      on: {
        'cassette.full': { actions: 'fillCassette' },
        ...navOn('quitAsk'),
        'quit.pay': { target: 'settled', actions: { type: 'end', params: { ending: 'quit' } } },
        // a second Ctrl+C answers "pay and quit"
        'quit.request': { target: 'settled', actions: { type: 'end', params: { ending: 'quit' } } },
        'quit.keep': 'holding',
        // a note inserted meanwhile is taken, never dropped: the customer keeps going
        'cash.inserted': { target: 'holding', actions: 'retake' },
        // no answer: nobody is at the terminal any more, so it pays as "Need more time?" would
        'timer.inactivity': { target: 'settled', actions: { type: 'end', params: { ending: 'quit' } } },
      },
    },
    settled: { type: 'final' },
    cancelled: { type: 'final', entry: 'markCancelled' },
  },
  output: ({ context }) => ({
    result: context.result,
    trigger: context.trigger,
    ending: context.ending,
    notes: context.notes,
  }),
});
