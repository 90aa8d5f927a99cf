/** The terminal's I/O: its named actors, implemented on a `KioskStore` and an injected clock. */
import { fromPromise } from 'xstate';
import type { CashOutput } from '../../machines/cash.js';
import { terminalMachine } from '../../machines/terminal.js';
import { evaluateLookup } from '../domain/orders.js';
import type { KioskRules, OperatorId } from '../domain/rules.js';
import type { KioskStore, PaymentOutcome } from '../domain/store.js';
import type { Money } from '../domain/money.js';

/** Anything that tells the time: `Date` in production, XState's SimulatedClock in tests and tapes. */
export interface Clock {
  now(): number;
}

export interface TerminalDeps {
  store: KioskStore;
  clock: Clock;
  rules: KioskRules;
  terminalId: string;
  /** makes cash-session ids; injected so tests are deterministic */
  newSessionId: () => string;
  /** called after each payment, e.g. to keep the receipt's printed text */
  onPayment?: (outcome: PaymentOutcome) => void;
}

/** The terminal machine with its actors bound to a store and a clock. */
export function provideTerminal(deps: TerminalDeps) {
  const { store, clock, rules, terminalId } = deps;
  const paid = (outcome: PaymentOutcome) => {
    deps.onPayment?.(outcome);
    return outcome;
  };
  return terminalMachine.provide({
    actors: {
      recoverUnfinished: fromPromise(async () =>
        store.unfinishedSessions(terminalId).map((s) => paid(store.completePayment(s.id, 'timeout', clock.now(), true))),
      ),
      lookupOrder: fromPromise(async ({ input }: { input: { code: string } }) =>
        evaluateLookup(input.code, store.findOrder(input.code), clock.now(), rules),
      ),
      openCashSession: fromPromise(async ({ input }: { input: { code: string; due: Money; phone: string; operator: OperatorId } }) => {
        const id = deps.newSessionId();
        store.openSession({ id, terminalId, openedAt: clock.now(), ...input });
        return id;
      }),
      journalNote: fromPromise(async ({ input }: { input: { sessionId: string; note: number } }) => {
        store.journalNote(input.sessionId, input.note, clock.now());
      }),
      commitPayment: fromPromise(async ({ input }: { input: { sessionId: string; trigger: CashOutput['trigger'] } }) =>
        paid(store.completePayment(input.sessionId, input.trigger, clock.now())),
      ),
      abandonCashSession: fromPromise(async ({ input }: { input: { sessionId: string } }) => store.abandonSession(input.sessionId)),
    },
  });
}
