/** The desk machine's input, context and events (machines/desk.ts runs them). */
import type { TillEvent } from './till.js';
import type { DeskPaymentOutcome } from '../../src/domain/cash/deskPayment.js';
import { DEFAULT_DESK_CAP } from '../../src/domain/cash/deskPayment.js';
import type { DeskPlace } from '../../src/domain/fiscal/desks.js';
import type { DeskReceipt } from '../../src/domain/fiscal/fiscalReceipt.js';
import type { Lang, Money } from '../../src/domain/money.js';
import type { LookupRefusal, LookupResult } from '../../src/domain/orders/orders.js';
import { DEFAULT_RULES, type Banknote, type KioskRules } from '../../src/domain/rules.js';
import type { NavEvent } from '../buttons.js';
import type { DeskButtonEvent } from './deskButtons.js';

/** Who the trainee plays: the customer (the cashier is simulated) or the cashier (the till; not built yet). */
export type DeskRole = 'customer' | 'cashier';
export const DESK_ROLES: readonly DeskRole[] = ['customer', 'cashier'];

export interface DeskInput {
  place: DeskPlace;
  role?: DeskRole;
  lang?: Lang;
  rules?: KioskRules;
  /** [choice] the desk's own upper limit for one order; null (default) takes any amount */
  cap?: Money | null;
}

/** Why the cashier said no: a code's refusal, or the order was paid elsewhere while the cash was counted. */
export type DeskRefusal = LookupRefusal | 'paidMeanwhile' | 'fault';

/** What the cashier read back: the order and what is due now (the rest, on a partially paid order). */
export interface ReadBack {
  code: string;
  due: Money;
  /** paid before (R-CODE-5: the price rose, only the rest is taken) */
  paidBefore: Money;
}

export interface DeskContext {
  place: DeskPlace;
  role: DeskRole;
  lang: Lang;
  rules: KioskRules;
  cap: Money | null;
  focus: number;
  /** i18n key of a one-line notice, cleared by the next key */
  notice: string | null;
  /** the Post's queue ticket number of the visit (each visit draws the next) */
  ticket: number;
  code: string;
  readBack: ReadBack | null;
  /** the notes handed over so far, not yet taken by the cashier */
  handed: Banknote[];
  refusal: DeskRefusal | null;
  /** the money handed back with a refusal after counting */
  returned: Money | null;
  receipt: DeskReceipt | null;
  /** how far the receipt is scrolled, in lines */
  scroll: number;
  fault: string | null;
}

export type DeskEvent =
  | DeskButtonEvent
  | NavEvent
  | { type: 'input.text'; text: string }
  | { type: 'input.backspace' }
  | { type: 'nav.back' }
  | { type: 'desk.note'; note: Banknote | 0; worn: boolean }
  | { type: 'desk.scroll'; lines: number }
  | { type: 'desk.lang'; lang: Lang }
  | { type: 'desk.setRole'; role: DeskRole }
  // the cashier's role: forwarded to the till (machines/desk/till.ts)
  | Exclude<TillEvent, { type: 'input.text' | 'input.backspace' }>;

export interface LookUpInput {
  code: string;
  cap: Money | null;
}

export type LookUpOutput = LookupResult;
export type PayOutput = DeskPaymentOutcome;

export const initialDeskContext = (input: DeskInput): DeskContext => ({
  place: input.place,
  role: input.role ?? 'customer',
  lang: input.lang ?? 'ru',
  rules: input.rules ?? DEFAULT_RULES,
  cap: input.cap === undefined ? DEFAULT_DESK_CAP : input.cap,
  focus: 0,
  notice: null,
  ticket: 0,
  code: '',
  readBack: null,
  handed: [],
  refusal: null,
  returned: null,
  receipt: null,
  scroll: 0,
  fault: null,
});
