/**
 * The terminal's setup: its types, named actors (provided by src/adapters), delays, guards and
 * actions. machines/terminal.ts builds the machine from it (`terminalSetup.createMachine`) and its
 * header holds the state/event table; the watchdog's regions are in ./watchdog.ts.
 */
import { and, assign, enqueueActions, fromPromise, not, raise, sendTo, setup, stateIn, stopChild, type AnyActorRef } from 'xstate';
import type { LookupResult } from '../../src/domain/orders/orders.js';
import type { PaymentOutcome } from '../../src/domain/store.js';
import { cashMachine, type CashOutput } from './cash.js';
import { kioskMachine } from './kiosk.js';
import type { IO_TAG } from '../settled.js';
import { cashRequestOf, errorText, latestSms, type Encashment, type OpenCashRequest, type OpenedCash, type TerminalContext, type TerminalEvent, type TerminalInput } from './terminalContext.js';
import type { CassetteCount } from '../../src/domain/cash/cassette.js';
import type { Jam } from '../../src/domain/cash/jam.js';
import { SERVICE_LOCKOUT_MS } from '../../src/domain/cash/service.js';
import { afterReceipt, paperOut, receiptSms } from '../../src/domain/fiscal/paper.js';
import { countdownSeconds, showsMoreTime, terminalInactivityMs } from './watchdog.js';

const unprovided = (name: string) => () => Promise.reject(new Error(`the terminal's "${name}" actor was not provided`));

export const terminalSetup = setup({
  types: {
    context: {} as TerminalContext,
    events: {} as TerminalEvent,
    input: {} as TerminalInput,
    tags: {} as typeof IO_TAG,
  },
  actors: {
    kiosk: kioskMachine,
    cash: cashMachine,
    recoverUnfinished: fromPromise<PaymentOutcome[]>(unprovided('recoverUnfinished')),
    lookupOrder: fromPromise<LookupResult, { code: string; forcedFull: boolean }>(unprovided('lookupOrder')),
    openCashSession: fromPromise<OpenedCash, OpenCashRequest & { forcedFull: boolean }>(unprovided('openCashSession')),
    readCassette: fromPromise<{ cassette: CassetteCount; capacity: number }>(unprovided('readCassette')),
    encash: fromPromise<Encashment>(unprovided('encash')),
    journalNote: fromPromise<void, { sessionId: string; note: number }>(unprovided('journalNote')),
    commitPayment: fromPromise<PaymentOutcome, { sessionId: string; trigger: CashOutput['trigger'] }>(unprovided('commitPayment')),
    abandonCashSession: fromPromise<void, { sessionId: string }>(unprovided('abandonCashSession')),
    holdNote: fromPromise<Jam, { sessionId: string; note: number }>(unprovided('holdNote')),
    findJam: fromPromise<Jam | null>(unprovided('findJam')),
    clearJam: fromPromise<PaymentOutcome, { sessionId: string }>(unprovided('clearJam')),
  },
  delays: {
    inactivity: ({ context }) => terminalInactivityMs(context) ?? 0,
    second: 1000,
    serviceLockout: SERVICE_LOCKOUT_MS,
  },
  guards: {
    // a closed terminal times nothing out: the app is exiting
    hasInactivityTimeout: and([not(stateIn({ flow: 'closed' })), ({ context }) => terminalInactivityMs(context) !== null]),
    showsRecovered: ({ context }) => context.recovered.length > 0,
    jamArmed: ({ context }) => context.jamArmed,
    cashSettled: (_, params: { output: CashOutput }) => params.output.result === 'settled',
    quitRequested: ({ context }) => context.quitRequested,
    showsCountdown: ({ context }) => showsMoreTime(context),
  },
  actions: {
    // Any actor takes any event (one it does not handle changes nothing), so the active screen gets them all.
    routeInput: enqueueActions(({ context, event, enqueue }) => {
      const target: AnyActorRef = context.cash?.getSnapshot().status === 'active' ? context.cash : context.kiosk;
      enqueue.sendTo(target, event);
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
    setCountdown: assign(({ context }) => ({ countdown: countdownSeconds(context) })),
    countDown: assign(({ context }) => ({ countdown: context.countdown === null ? null : Math.max(0, context.countdown - 1) })),
    deliverLookup: sendTo(({ context }) => context.kiosk, (_, params: { result: LookupResult }) => ({
      type: 'io.orderLookedUp' as const,
      result: params.result,
    })),
    keepCashRequest: assign(({ event }) => ({ cashRequest: cashRequestOf(event) })),
    startCash: assign(({ context, spawn }, params: OpenedCash) => ({
      sessionId: params.sessionId,
      cash: spawn('cash', {
        id: 'cash',
        syncSnapshot: true,
        // Stryker disable next-line StringLiteral: equivalent, because a session opens only on the kiosk's io.openCash, kept first as cashRequest
        input: { due: context.cashRequest?.due ?? '0.00', cap: context.rules.terminalCap, skin: context.kiosk.getSnapshot().context.skin, room: params.room },
      }),
    })),
    confirmNote: sendTo('cash', { type: 'io.noteJournaled' as const }),
    refuseNote: sendTo('cash', { type: 'io.journalFailed' as const }),
    finishCash: enqueueActions(({ enqueue }) => {
      enqueue(stopChild('cash'));
      enqueue.assign({ cash: null, sessionId: null, cashRequest: null });
    }),
    // The receipt is stored either way; without paper it goes by SMS to the change phone instead.
    printReceipt: enqueueActions(({ context, enqueue }, params: { outcome: PaymentOutcome; deliver: boolean }) => {
      const { printed, left } = afterReceipt(context.paperLeft);
      const { receipt } = params.outcome;
      const sender = context.kiosk.getSnapshot().context.skin.name;
      enqueue.assign({ paperLeft: left, sms: latestSms([...context.sms, ...(printed ? [] : [receiptSms(receipt, sender)])]) });
      if (params.deliver) enqueue.sendTo(context.kiosk, { type: 'io.paymentCompleted', receipt, bySms: !printed });
      // the last sheet just went: the next customer is warned before inserting cash
      if (printed && paperOut(left)) enqueue.sendTo(context.kiosk, { type: 'printer.paper', out: true });
    }),
    loadPaper: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ paperLeft: context.rules.paperReceipts ?? null });
      enqueue.sendTo(context.kiosk, { type: 'printer.paper', out: false });
    }),
    deliverCancel: sendTo(({ context }) => context.kiosk, ({ context }) => ({ type: 'io.cashCancelled' as const, back: context.cashEnding === 'back' })),
    keepFault: assign((_, params: { error: unknown }) => ({ fault: errorText(params.error) })),
    // the kiosk goes out of service, saying which note the acceptor holds
    keepJam: enqueueActions(({ context, enqueue }, params: { jam: Jam | null }) => {
      enqueue.assign({ jam: params.jam, jamArmed: false });
      if (params.jam) enqueue.sendTo(context.kiosk, { type: 'io.jammed', jam: params.jam });
    }),
    forgetJam: assign({ jam: null }),
    injectFault: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'fault.inject') return;
      if (event.fault === 'jam') {
        enqueue.assign({ jamArmed: true });
        return;
      }
      if (event.fault === 'paper-out') {
        enqueue.assign({ paperLeft: 0 });
        enqueue.sendTo(context.kiosk, { type: 'printer.paper', out: true });
        return;
      }
      enqueue.assign({ cassetteForcedFull: true });
      // a payment in progress finishes, but its cassette takes no more notes
      if (context.cash?.getSnapshot().status === 'active') enqueue.sendTo(context.cash, { type: 'cassette.full' });
    }),
    deliverCassette: sendTo(({ context }) => context.kiosk, (_, params: { cassette: CassetteCount; capacity: number }) => ({
      type: 'io.cassetteRead' as const,
      ...params,
    })),
    deliverEncashment: enqueueActions(({ context, enqueue }, params: { encashment: Encashment }) => {
      enqueue.assign({ cassetteForcedFull: false });
      enqueue.sendTo(context.kiosk, { type: 'io.encashed', encashment: params.encashment });
    }),
    // the kiosk decides what the registry's loss means for the screen up (machines/terminal/kiosk.ts)
    tellRegistry: sendTo(({ context }) => context.kiosk, ({ event }) =>
      event.type === 'registry.lost' ? { type: 'registry.lost' as const, reason: event.reason } : { type: 'registry.back' as const }),
    tellServiceLocked: sendTo(({ context }) => context.kiosk, { type: 'service.locked' as const }),
    tellServiceUnlocked: sendTo(({ context }) => context.kiosk, { type: 'service.unlocked' as const }),
  },
});
