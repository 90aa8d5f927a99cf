/**
 * The terminal: runs the kiosk screens and, while cash is being taken, a cash session; does the
 * I/O they ask for through named actors (provided by src/adapters), and owns the inactivity
 * watchdog. Its delays run on the actor system's clock, so tests drive them with SimulatedClock.
 *
 * | region   | state       | events                                  | goes to                     |
 * |----------|-------------|-----------------------------------------|-----------------------------|
 * | flow     | recovering  | (recoverUnfinished done)                | recovered · kiosk           |
 * | flow     | recovered   | recovered.ok                            | kiosk                       |
 * | flow     | kiosk       | io.lookupOrder · io.openCash            | lookingUp · openingCash     |
 * | flow     | lookingUp   | (lookupOrder done)                      | kiosk                       |
 * | flow     | openingCash | (openCashSession done)                  | cash                        |
 * | flow     | cash        | io.journalNote · cash session done      | journaling · committing · cancelling |
 * | flow     | journaling  | (journalNote done / error)              | cash                        |
 * | flow     | committing  | (commitPayment done / error)            | kiosk · fault · closed (quit) |
 * | flow     | cancelling  | (abandonCashSession done)               | kiosk · closed (quit)       |
 * | flow     | kiosk, recovered, fault | quit.request                | closed                      |
 * | flow     | cash, journaling | quit.request                       | to the cash session: with cash in it asks "Quit? Pay…" |
 * | flow     | recovering, lookingUp, openingCash, committing, cancelling | quit.request | (remembered; closed once the I/O is done) |
 * | flow     | closed      | (the app exits; run.tsx reports paidOnQuit and the fault) |                 |
 * | watchdog | check/armed/off | input, child snapshots · after inactivity | check (re-armed)      |
 * | countdown | check/ticking/off | as the watchdog · after 1 s while "Need more time?" shows | countdown − 1 |
 * | (root)   |             | nav.* input.* cash.* moreTime.* kiosk.* quit.* | routed to the active screen |
 *
 * Quitting never loses inserted cash: with cash in, the session pays with it (as a timeout would) and
 * the program quits only once that payment is committed; with none in, it quits at once.
 */
import { assign, enqueueActions, fromPromise, raise, sendTo, setup, stopChild, type ActorRefFrom } from 'xstate';
import type { Lang, Money } from '../src/domain/money.js';
import type { LookupResult } from '../src/domain/orders.js';
import { DEFAULT_RULES, type KioskRules, type OperatorId } from '../src/domain/rules.js';
import type { PaymentOutcome, Receipt, Sms } from '../src/domain/store.js';
import { cashMachine, type CashOutput } from './cash.js';
import { kioskMachine } from './kiosk.js';
import { inactivityMs } from './watchdog.js';

export interface TerminalInput {
  rules?: KioskRules;
  lang?: Lang;
}

export interface TerminalContext {
  rules: KioskRules;
  kiosk: ActorRefFrom<typeof kioskMachine>;
  cash: ActorRefFrom<typeof cashMachine> | null;
  sessionId: string | null;
  recovered: Receipt[];
  /** SMS sent to customers' phones by this terminal's payments, for the phone panel */
  sms: Sms[];
  /** how the cash session ended: Pay, or a timeout with no answer (quitting pays as a timeout) */
  trigger: CashOutput['trigger'];
  cashEnding: CashOutput['ending'];
  /** Ctrl+C was pressed: the terminal closes once what it is doing is durable */
  quitRequested: boolean;
  /** the payment made with the cash inserted before quitting, for the line printed after exit */
  paidOnQuit: Receipt | null;
  /** whole seconds left on the inactivity timer while "Need more time?" shows it, else null */
  countdown: number | null;
  /** what went wrong with the store, for the fault screen */
  fault: string | null;
}

interface OpenCashRequest {
  code: string;
  due: Money;
  phone: string;
  operator: OperatorId;
}

export type TerminalEvent =
  | { type: 'io.lookupOrder'; code: string }
  | ({ type: 'io.openCash' } & OpenCashRequest)
  | { type: 'io.journalNote'; note: number }
  | { type: 'recovered.ok' }
  | { type: 'watchdog.rearm' }
  | { type: 'quit.request' }
  | { type: 'xstate.done.actor.cash'; output: CashOutput }
  | { type: `nav.${string}`; [key: string]: unknown }
  | { type: `input.${string}`; [key: string]: unknown }
  | { type: `cash.${string}`; [key: string]: unknown }
  | { type: `moreTime.${string}` }
  | { type: `kiosk.${string}` };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const unprovided = (name: string) => () => Promise.reject(new Error(`the terminal's "${name}" actor was not provided`));

/**
 * The phone beside the kiosk keeps this many messages: a kiosk runs for days, and an inbox that only
 * grows would grow the process with every payment. The phone ledger in the store keeps them all.
 */
export const SMS_KEPT = 20;
const latestSms = (messages: Sms[]): Sms[] => messages.slice(-SMS_KEPT);

export const terminalMachine = setup({
  types: {
    context: {} as TerminalContext,
    events: {} as TerminalEvent,
    input: {} as TerminalInput,
  },
  actors: {
    kiosk: kioskMachine,
    cash: cashMachine,
    recoverUnfinished: fromPromise<PaymentOutcome[]>(unprovided('recoverUnfinished')),
    lookupOrder: fromPromise<LookupResult, { code: string }>(unprovided('lookupOrder')),
    openCashSession: fromPromise<string, OpenCashRequest>(unprovided('openCashSession')),
    journalNote: fromPromise<void, { sessionId: string; note: number }>(unprovided('journalNote')),
    commitPayment: fromPromise<PaymentOutcome, { sessionId: string; trigger: CashOutput['trigger'] }>(unprovided('commitPayment')),
    abandonCashSession: fromPromise<void, { sessionId: string }>(unprovided('abandonCashSession')),
  },
  delays: {
    inactivity: ({ context }) => inactivityMs(context.kiosk.getSnapshot(), context.cash?.getSnapshot(), context.rules.timeouts) ?? 0,
    second: 1000,
  },
  guards: {
    hasInactivityTimeout: ({ context }) =>
      inactivityMs(context.kiosk.getSnapshot(), context.cash?.getSnapshot(), context.rules.timeouts) !== null,
    recoveredSome: (_, params: { outcomes: PaymentOutcome[] }) => params.outcomes.length > 0,
    cashSettled: (_, params: { output: CashOutput }) => params.output.result === 'settled',
    quitRequested: ({ context }) => context.quitRequested,
    showsCountdown: ({ context }) => context.cash?.getSnapshot().hasTag('cash.moreTime') === true,
  },
  actions: {
    routeInput: enqueueActions(({ context, event, enqueue }) => {
      const target = context.cash?.getSnapshot().status === 'active' ? context.cash : context.kiosk;
      enqueue.sendTo(target, event as never);
    }),
    rearmWatchdog: raise({ type: 'watchdog.rearm' as const }),
    deliverTimeout: enqueueActions(({ context, enqueue }) => {
      const target = context.cash?.getSnapshot().status === 'active' ? context.cash : context.kiosk;
      enqueue.sendTo(target, { type: 'timer.inactivity' });
    }),
    keepRecovered: assign(({ context }, params: { outcomes: PaymentOutcome[] }) => ({
      recovered: params.outcomes.map((o) => o.receipt),
      sms: latestSms([...context.sms, ...params.outcomes.flatMap((o) => o.sms)]),
    })),
    keepSms: assign(({ context }, params: { outcome: PaymentOutcome }) => ({ sms: latestSms([...context.sms, ...params.outcome.sms]) })),
    forgetRecovered: assign({ recovered: [] }),
    keepCashEnding: assign(({ context }, params: { output: CashOutput }) => ({
      trigger: params.output.trigger,
      cashEnding: params.output.ending,
      quitRequested: context.quitRequested || params.output.ending === 'quit',
    })),
    rememberQuit: assign({ quitRequested: true }),
    raiseQuit: raise({ type: 'quit.request' as const }),
    keepPaidOnQuit: assign((_, params: { outcome: PaymentOutcome }) => ({ paidOnQuit: params.outcome.receipt })),
    setCountdown: assign(({ context }) => {
      const ms = inactivityMs(context.kiosk.getSnapshot(), context.cash?.getSnapshot(), context.rules.timeouts);
      const shown = context.cash?.getSnapshot().hasTag('cash.moreTime') === true && ms !== null;
      return { countdown: shown ? Math.ceil(ms / 1000) : null };
    }),
    countDown: assign(({ context }) => ({ countdown: context.countdown === null ? null : Math.max(0, context.countdown - 1) })),
    deliverLookup: sendTo(({ context }) => context.kiosk, (_, params: { result: LookupResult }) => ({
      type: 'io.orderLookedUp' as const,
      result: params.result,
    })),
    startCash: assign(({ context, spawn }, params: { sessionId: string }) => ({
      sessionId: params.sessionId,
      cash: spawn('cash', {
        id: 'cash',
        syncSnapshot: true,
        input: { due: context.kiosk.getSnapshot().context.payable?.due ?? '0.00', cap: context.rules.terminalCap },
      }),
    })),
    confirmNote: sendTo('cash', { type: 'io.noteJournaled' as const }),
    refuseNote: sendTo('cash', { type: 'io.journalFailed' as const }),
    finishCash: enqueueActions(({ enqueue }) => {
      enqueue(stopChild('cash'));
      enqueue.assign({ cash: null, sessionId: null });
    }),
    deliverReceipt: sendTo(({ context }) => context.kiosk, (_, params: { outcome: PaymentOutcome }) => ({
      type: 'io.paymentCompleted' as const,
      receipt: params.outcome.receipt,
    })),
    deliverCancel: sendTo(({ context }) => context.kiosk, ({ context }) => ({ type: 'io.cashCancelled' as const, back: context.cashEnding === 'back' })),
    keepFault: assign((_, params: { error: unknown }) => ({ fault: errorText(params.error) })),
  },
}).createMachine({
  id: 'terminal',
  type: 'parallel',
  context: ({ input, spawn }) => ({
    rules: input.rules ?? DEFAULT_RULES,
    kiosk: spawn('kiosk', { id: 'kiosk', syncSnapshot: true, input: { lang: input.lang ?? 'ru', orderNumberLength: (input.rules ?? DEFAULT_RULES).orderNumberLength } }),
    cash: null,
    sessionId: null,
    recovered: [],
    sms: [],
    trigger: 'pay',
    cashEnding: 'pay',
    quitRequested: false,
    paidOnQuit: null,
    countdown: null,
    fault: null,
  }),
  // Every key re-arms the watchdog, even one that changes nothing on screen (a touch on a real kiosk does).
  on: {
    'nav.*': { actions: ['routeInput', 'rearmWatchdog'] },
    'input.*': { actions: ['routeInput', 'rearmWatchdog'] },
    'cash.*': { actions: ['routeInput', 'rearmWatchdog'] },
    'moreTime.*': { actions: ['routeInput', 'rearmWatchdog'] },
    'kiosk.*': { actions: ['routeInput', 'rearmWatchdog'] },
  },
  states: {
    flow: {
      initial: 'recovering',
      states: {
        recovering: {
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'recoverUnfinished',
            onDone: [
              { guard: 'quitRequested', target: 'closed' },
              {
                guard: { type: 'recoveredSome', params: ({ event }) => ({ outcomes: event.output }) },
                target: 'recovered',
                actions: { type: 'keepRecovered', params: ({ event }) => ({ outcomes: event.output }) },
              },
              { target: 'kiosk' },
            ],
            onError: { target: 'fault', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        recovered: { on: { 'recovered.ok': { target: 'kiosk', actions: 'forgetRecovered' }, 'quit.request': 'closed' } },
        kiosk: {
          on: {
            'io.lookupOrder': 'lookingUp',
            'io.openCash': 'openingCash',
            'quit.request': 'closed',
          },
        },
        lookingUp: {
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'lookupOrder',
            input: ({ event }) => ({ code: (event as { code: string }).code }),
            onDone: [
              { guard: 'quitRequested', target: 'closed' },
              { target: 'kiosk', actions: { type: 'deliverLookup', params: ({ event }) => ({ result: event.output }) } },
            ],
            onError: [
              { guard: 'quitRequested', target: 'closed' },
              {
                target: 'kiosk',
                actions: {
                  type: 'deliverLookup',
                  params: ({ context }) => ({
                    result: { kind: 'refused', code: context.kiosk.getSnapshot().context.orderDigits, reason: 'unavailable' },
                  }),
                },
              },
            ],
          },
        },
        openingCash: {
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'openCashSession',
            input: ({ event }) => event as unknown as OpenCashRequest,
            // a quit asked meanwhile goes to the new, empty session, which ends it (nothing is in)
            onDone: [
              { guard: 'quitRequested', target: 'cash', actions: [{ type: 'startCash', params: ({ event }) => ({ sessionId: event.output }) }, 'raiseQuit'] },
              { target: 'cash', actions: { type: 'startCash', params: ({ event }) => ({ sessionId: event.output }) } },
            ],
            onError: { target: 'fault', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        cash: {
          on: {
            'io.journalNote': 'journaling',
            'quit.request': { actions: 'routeInput' },
            'xstate.done.actor.cash': [
              {
                guard: { type: 'cashSettled', params: ({ event }) => ({ output: event.output as CashOutput }) },
                target: 'committing',
                actions: { type: 'keepCashEnding', params: ({ event }) => ({ output: event.output as CashOutput }) },
              },
              { target: 'cancelling', actions: { type: 'keepCashEnding', params: ({ event }) => ({ output: event.output as CashOutput }) } },
            ],
          },
        },
        journaling: {
          on: { 'quit.request': { actions: 'routeInput' } },
          invoke: {
            src: 'journalNote',
            input: ({ context, event }) => ({ sessionId: context.sessionId ?? '', note: (event as { note: number }).note }),
            onDone: { target: 'cash', actions: 'confirmNote' },
            onError: { target: 'cash', actions: 'refuseNote' },
          },
        },
        committing: {
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'commitPayment',
            input: ({ context }) => ({ sessionId: context.sessionId ?? '', trigger: context.trigger }),
            onDone: [
              // quitting: the payment is durable now, so the program may end
              {
                guard: 'quitRequested',
                target: 'closed',
                actions: [
                  'finishCash',
                  { type: 'keepSms', params: ({ event }) => ({ outcome: event.output }) },
                  { type: 'keepPaidOnQuit', params: ({ event }) => ({ outcome: event.output }) },
                ],
              },
              {
                target: 'kiosk',
                actions: [
                  'finishCash',
                  { type: 'keepSms', params: ({ event }) => ({ outcome: event.output }) },
                  { type: 'deliverReceipt', params: ({ event }) => ({ outcome: event.output }) },
                ],
              },
            ],
            onError: [
              { guard: 'quitRequested', target: 'closed', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
              { target: 'fault', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
            ],
          },
        },
        cancelling: {
          on: { 'quit.request': { actions: 'rememberQuit' } },
          invoke: {
            src: 'abandonCashSession',
            input: ({ context }) => ({ sessionId: context.sessionId ?? '' }),
            onDone: [{ guard: 'quitRequested', target: 'closed', actions: 'finishCash' }, { target: 'kiosk', actions: ['finishCash', 'deliverCancel'] }],
            onError: [{ guard: 'quitRequested', target: 'closed', actions: 'finishCash' }, { target: 'kiosk', actions: ['finishCash', 'deliverCancel'] }],
          },
        },
        fault: { on: { 'quit.request': 'closed' } },
        // The program ends here (src/app/App.tsx exits Ink); nothing is in flight any more.
        closed: {},
      },
    },
    watchdog: {
      initial: 'check',
      on: {
        'xstate.snapshot.kiosk': '.check',
        'xstate.snapshot.cash': '.check',
        'watchdog.rearm': '.check',
      },
      states: {
        check: { always: [{ guard: 'hasInactivityTimeout', target: 'armed' }, { target: 'off' }] },
        armed: { after: { inactivity: { target: 'check', actions: 'deliverTimeout' } } },
        off: {},
      },
    },
    // "Need more time?" shows the seconds the watchdog leaves it, counted on the same clock and
    // restarted with it; its ticks change only this context, so they never re-arm the watchdog.
    countdown: {
      initial: 'check',
      on: {
        'xstate.snapshot.kiosk': '.check',
        'xstate.snapshot.cash': '.check',
        'watchdog.rearm': '.check',
      },
      states: {
        check: { entry: 'setCountdown', always: [{ guard: 'showsCountdown', target: 'ticking' }, { target: 'off' }] },
        ticking: { after: { second: { target: 'ticking', reenter: true, actions: 'countDown' } } },
        off: {},
      },
    },
  },
});

export type TerminalActor = import('xstate').Actor<typeof terminalMachine>;
