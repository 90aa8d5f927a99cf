/** The terminal's I/O: its named actors, implemented on a `KioskStore` and an injected clock. */
import { fromPromise } from 'xstate';
import type { CashOutput } from '../../machines/terminal/cash.js';
import { terminalMachine } from '../../machines/terminal.js';
import { evaluateLookup, type LookupResult } from '../domain/orders/orders.js';
import { cassetteCapacityOf } from '../domain/cash/service.js';
import type { KioskRules, OperatorId } from '../domain/rules.js';
import type { Checkpoint, KioskStore, PaymentOutcome, SessionOwner } from '../domain/store.js';
import type { Money } from '../domain/money.js';
import { mayRecover, ownerAlive } from './sessionOwner.js';
import { jamOf, type Jam } from '../domain/cash/jam.js';
import { StoreError } from '../store/errors.js';

/** The registry cannot be reached (a server's connection failed): new customers are refused with that reason. */
const registryUnreachable = (error: unknown): boolean => error instanceof StoreError && error.code === 'io' && /^postgres/.test(error.path);

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
  /** this process, recorded with each cash session; omitted, recovery goes by terminal id alone */
  owner?: SessionOwner;
  /** whether a process on this host still runs (default: asks the OS) */
  isAlive?: (owner: SessionOwner) => boolean;
  /** named points of the payment path, for the crash tests (src/adapters/crashHook.ts) */
  checkpoint?: Checkpoint;
}

/** The terminal machine with its actors bound to a store and a clock. */
export function provideTerminal(deps: TerminalDeps) {
  const { store, clock, rules, terminalId } = deps;
  const at = deps.checkpoint ?? (() => {});
  const paid = (outcome: PaymentOutcome) => {
    deps.onPayment?.(outcome);
    return outcome;
  };
  const recoverable = async () => {
    const { owner } = deps;
    if (!owner) return store.unfinishedSessions(terminalId);
    const policy = { terminalId, me: owner, isAlive: deps.isAlive ?? ownerAlive };
    return (await store.unfinishedSessions()).filter((s) => mayRecover(s, policy));
  };
  /** a jam this terminal shows: its own, or one left by a process that is gone (as recovery decides) */
  const jammed = async () => {
    const { owner } = deps;
    if (!owner) return store.jammedSessions(terminalId);
    const policy = { terminalId, me: owner, isAlive: deps.isAlive ?? ownerAlive };
    return (await store.jammedSessions()).filter((s) => mayRecover(s, policy));
  };
  /** notes the cassette still takes, from the journal */
  const room = async () => cassetteCapacityOf(rules) - (await store.cassette(terminalId)).count;
  return terminalMachine.provide({
    actors: {
      recoverUnfinished: fromPromise(async () => {
        const outcomes: PaymentOutcome[] = [];
        for (const session of await recoverable()) {
          at('recovery:before');
          const outcome = await store.completePayment(session.id, 'timeout', clock.now(), true);
          at('recovery:after');
          // another terminal starting at the same moment may have finished it first: it shows it, not us
          if (!outcome.alreadyPaid) outcomes.push(paid(outcome));
        }
        return outcomes;
      }),
      // a full cassette puts the terminal out of service before a payment starts, never during one
      // and so does a registry out of reach (issue 20): nothing it cannot check is started
      lookupOrder: fromPromise(async ({ input }: { input: { code: string; forcedFull: boolean } }): Promise<LookupResult> => {
        try {
          return input.forcedFull || (await room()) <= 0
            ? { kind: 'refused', code: input.code, reason: 'outOfService' }
            : evaluateLookup(input.code, await store.findOrder(input.code), clock.now(), rules);
        } catch (error) {
          if (registryUnreachable(error)) return { kind: 'refused', code: input.code, reason: 'registryUnreachable' };
          throw error;
        }
      }),
      openCashSession: fromPromise(async ({ input }: { input: { code: string; due: Money; phone: string; operator: OperatorId; forcedFull: boolean } }) => {
        const { forcedFull, ...request } = input;
        const sessionId = deps.newSessionId();
        await store.openSession({ id: sessionId, terminalId, openedAt: clock.now(), ...request, ...(deps.owner ? { owner: deps.owner } : {}) });
        return { sessionId, room: forcedFull ? 0 : await room() };
      }),
      readCassette: fromPromise(async () => ({ cassette: await store.cassette(terminalId), capacity: cassetteCapacityOf(rules) })),
      encash: fromPromise(async () => store.encash(terminalId, clock.now())),
      journalNote: fromPromise(async ({ input }: { input: { sessionId: string; note: number } }) => {
        at('journal:before');
        await store.journalNote(input.sessionId, input.note, clock.now());
        at('journal:after');
      }),
      commitPayment: fromPromise(async ({ input }: { input: { sessionId: string; trigger: CashOutput['trigger'] } }) => {
        at('payment:before');
        const outcome = await store.completePayment(input.sessionId, input.trigger, clock.now());
        at('payment:after');
        return paid(outcome);
      }),
      abandonCashSession: fromPromise(async ({ input }: { input: { sessionId: string } }) => store.abandonSession(input.sessionId)),
      holdNote: fromPromise(async ({ input }: { input: { sessionId: string; note: number } }): Promise<Jam> => {
        at('hold:before');
        await store.holdNote(input.sessionId, input.note, clock.now());
        at('hold:after');
        const session = (await store.jammedSessions()).find((s) => s.id === input.sessionId);
        if (!session) throw new Error(`cash session ${input.sessionId} holds no note`);
        return jamOf(session);
      }),
      findJam: fromPromise(async (): Promise<Jam | null> => {
        const [session] = await jammed();
        return session ? jamOf(session) : null;
      }),
      clearJam: fromPromise(async ({ input }: { input: { sessionId: string } }) => paid(await store.clearJam(input.sessionId, clock.now()))),
    },
  });
}
