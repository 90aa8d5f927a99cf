/**
 * The terminal's context, input and events (machines/terminal.ts runs them). Its events are its own
 * (`io.*` requests from the children, `quit.request`, …) plus the customer's input it routes to the
 * active child, taken from the children's own event unions so a new child event is typed here too.
 */
import { assertEvent, type ActorRefFrom, type DoneActorEvent } from 'xstate';
import type { Lang, Money } from '../../src/domain/money.js';
import type { LookupResult } from '../../src/domain/orders/orders.js';
import type { KioskRules, OperatorId } from '../../src/domain/rules.js';
import type { Receipt, Sms } from '../../src/domain/store.js';
import type { Encashment } from '../../src/domain/cash/cassette.js';
import type { PaperLeft, ReceiptSms } from '../../src/domain/fiscal/paper.js';
import type { Jam } from '../../src/domain/cash/jam.js';
import type { CashEvent, CashOutput, cashMachine } from './cash.js';
import type { KioskEvent, kioskMachine } from './kiosk.js';

export interface TerminalInput {
  rules?: KioskRules;
  lang?: Lang;
}

/** What the kiosk asks for when the customer goes to pay: the cash session is opened with it. */
export interface OpenCashRequest {
  code: string;
  due: Money;
  phone: string;
  operator: OperatorId;
}

export interface TerminalContext {
  rules: KioskRules;
  kiosk: ActorRefFrom<typeof kioskMachine>;
  cash: ActorRefFrom<typeof cashMachine> | null;
  /** the payment the kiosk asked to open, kept for the cash session it starts (its amount due) */
  cashRequest: OpenCashRequest | null;
  sessionId: string | null;
  recovered: Receipt[];
  /** SMS sent to customers' phones by this terminal's payments, for the phone panel */
  sms: TerminalSms[];
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
  /** a test's `Fault cassette-full`: the cassette counts as full until the next encashment */
  cassetteForcedFull: boolean;
  /** receipts left on the printer's paper roll (null: it never runs out); "Load paper" resets it */
  paperLeft: PaperLeft;
  /** a test's `Fault jam`: the next note inserted jams the bill acceptor */
  jamArmed: boolean;
  /** the acceptor holds a note (journaled as held): out of service until service mode's "Clear jam" */
  jam: Jam | null;
}

/** Faults a test or tape injects (`Fault cassette-full`, `Fault paper-out`, `Fault jam`). */
export type InjectedFault = 'cassette-full' | 'paper-out' | 'jam';

/** What opening a cash session gives: its id and how many more notes the cassette takes. */
export interface OpenedCash {
  sessionId: string;
  room: number;
}

export type { Encashment };

/** The prefixes of the customer's input: the terminal routes these to the active screen. */
type RoutedPrefix = `nav.${string}` | `input.${string}` | `cash.${string}` | `moreTime.${string}` | `kiosk.${string}`;
/** The customer's input, as the kiosk and cash machines define it. */
export type RoutedEvent = Extract<KioskEvent | CashEvent, { type: RoutedPrefix }>;

export type TerminalEvent =
  | RoutedEvent
  | { type: 'io.lookupOrder'; code: string }
  | ({ type: 'io.openCash' } & OpenCashRequest)
  | { type: 'io.journalNote'; note: number }
  | { type: 'recovered.ok' }
  | { type: 'watchdog.rearm' }
  | { type: 'quit.request' }
  | { type: 'service.key'; key: string }
  | { type: 'io.serviceLock' }
  | { type: 'io.readCassette' }
  | { type: 'io.encash' }
  | { type: 'io.loadPaper' }
  | { type: 'io.clearJam' }
  | { type: 'fault.inject'; fault: InjectedFault }
  /** from the app shell (src/store/journaledRegistry.ts's link): the order registry went out of reach, or is back */
  | { type: 'registry.lost'; reason: string }
  | { type: 'registry.back' }
  | DoneActorEvent<CashOutput, 'cash'>;

/** The open-cash request an `io.openCash` event carries (the event that entered openingCash). */
export function cashRequestOf(event: TerminalEvent): OpenCashRequest {
  assertEvent(event, 'io.openCash');
  const { type: _, ...request } = event;
  return request;
}

/** What the kiosk is told when the store could not look the order up. */
export const unavailableLookup = (code: string): LookupResult => ({ kind: 'refused', code, reason: 'unavailable' });

export { errorText } from '../../src/domain/errorText.js';

/**
 * The phone beside the kiosk keeps this many messages: a kiosk runs for days, and an inbox that only
 * grows would grow the process with every payment. The phone ledger in the store keeps them all.
 */
export const SMS_KEPT = 20;
/** What the terminal's payments send: change credited to the phone, and receipts when the printer has no paper. */
export type TerminalSms = Sms | ReceiptSms;
export const latestSms = (messages: TerminalSms[]): TerminalSms[] => messages.slice(-SMS_KEPT);
