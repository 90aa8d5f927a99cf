/**
 * Orders and what a terminal may do with their codes (R-CODE-2, R-CODE-4, R-CODE-5, R-TERM-3).
 * Pure functions over plain data: the stores keep orders, this decides.
 */
import { add, cmp, isPositive, max, sub, ZERO, type Money } from '../money.js';
import type { KioskRules } from '../rules.js';
import { SITE_TOPUP_RULES } from '../mobile/siteTopUp.js';

/** The payment status: how much of the price has arrived (R-CODE-5). The order's life is `stage`. */
export type OrderStatus = 'awaiting' | 'partially_paid' | 'paid';

/**
 * Where the goods are (R-PROT-1, R-PROT-2, R-CODE-7): placed (waiting for the seller to ship) →
 * shipped → delivered → released (the buyer confirmed receipt; the seller gets the money);
 * cancelled by the seller; disputed (waiting for the platform's decision); refunded (a dispute
 * ended with the money back). A dispute ending in a reshipment puts the order back to placed.
 */
export type OrderStage = 'placed' | 'shipped' | 'delivered' | 'released' | 'cancelled' | 'disputed' | 'refunded';
// Stryker disable next-line ArrayDeclaration: nothing reads this list yet (a test could only restate it)
export const ORDER_STAGES: readonly OrderStage[] = ['placed', 'shipped', 'delivered', 'released', 'cancelled', 'disputed', 'refunded'];

export type OrderEventKind =
  | 'issued' | 'paid' | 'repriced' | 'cancelled' | 'shipped' | 'delivered' | 'released'
  | 'disputed' | 'refunded' | 'reshipment' | 'renewed' | 'renewedFrom';
// Stryker disable next-line ArrayDeclaration: nothing reads this list yet (a test could only restate it)
export const ORDER_EVENT_KINDS: readonly OrderEventKind[] = [
  'issued', 'paid', 'repriced', 'cancelled', 'shipped', 'delivered', 'released',
  'disputed', 'refunded', 'reshipment', 'renewed', 'renewedFrom',
];

/** One dated change in an order's history: what happened, why, and the money it moved. */
export interface OrderEvent {
  /** epoch milliseconds */
  at: number;
  kind: OrderEventKind;
  /** why, in the words of whoever did it ("out of stock"); '' when nothing more needs saying */
  why: string;
  amount: Money | null;
  /** what it refers to: a receipt number, the other order's code */
  ref: string | null;
}

/**
 * Cash accepted at a terminal for this order (R-CODE-6): it counts as paid at once (the receipt
 * says so) but is "processing" on the site until `settlesAt`, accepted + the processing delay.
 */
export interface Credit {
  receipt: string;
  amount: Money;
  acceptedAt: number;
  settlesAt: number;
}

export interface Order {
  /** the payment code sent by SMS ("order number") */
  code: string;
  /** the amount in the SMS, fixed when the code was issued */
  codeAmount: Money;
  /** the price now; may rise during the 48 hours (R-CODE-5) */
  price: Money;
  /** the order's phone (codes and refunds go here, R-CODE-1, R-CODE-7) */
  phone: string;
  /** epoch milliseconds */
  issuedAt: number;
  region: string;
  channel: 'pc' | 'app';
  status: OrderStatus;
  paid: Money;
  owed: Money;
  stage: OrderStage;
  /** money sent back to the order's phone so far (R-CODE-7, R-PROT-2) */
  refunded: Money;
  /** every change, oldest first; expiry and settlement are derived from the clock (see orderLife.ts) */
  history: OrderEvent[];
  /** terminal payments and when each settles (R-CODE-6), oldest first */
  credits: Credit[];
  /** the expired order this one was placed again from (R-CODE-2), and the one that replaced this */
  renewedFrom: string | null;
  renewedAs: string | null;
  /** the site's own order id, when the site placed it */
  siteOrderId: string | null;
  /** R-MOB-10: a phone top-up bought on the site: the phone whose balance gets what the order is paid */
  topUpPhone: string | null;
}

/** `unavailable`: the store could not be read; nothing was decided about the code. */
export type LookupRefusal = 'unknown' | 'expired' | 'alreadyPaid' | 'cancelled' | 'overCap' | 'region' | 'unavailable' | 'outOfService' | 'registryUnreachable';

export type LookupResult =
  | { kind: 'payable'; code: string; due: Money; order: Order }
  | { kind: 'refused'; code: string; reason: LookupRefusal; due?: Money };

/** What the terminal asks for: the SMS amount, or what is still owed on a partially paid order. */
export const amountDue = (order: Order): Money => (order.status === 'awaiting' ? order.codeAmount : order.owed);

/** How long an order's code may be paid: 48 hours, but a site top-up order 1 hour (R-MOB-10). */
export const codeValidityOf = (order: Pick<Order, 'topUpPhone'>, rules: Pick<KioskRules, 'codeValidityMs'>): number =>
  order.topUpPhone === null ? rules.codeValidityMs : SITE_TOPUP_RULES.payWithinMs;

export const isExpired = (order: Order, now: number, rules: Pick<KioskRules, 'codeValidityMs'>): boolean =>
  order.status === 'awaiting' && now - order.issuedAt >= codeValidityOf(order, rules);

/** Decides whether this terminal can take a payment for a code, and how much is due. */
export function evaluateLookup(code: string, order: Order | undefined, now: number, rules: KioskRules): LookupResult {
  if (!order) return { kind: 'refused', code, reason: 'unknown' };
  if (order.stage === 'cancelled') return { kind: 'refused', code, reason: 'cancelled' };
  if (order.status === 'paid') return { kind: 'refused', code, reason: 'alreadyPaid' };
  if (isExpired(order, now, rules)) return { kind: 'refused', code, reason: 'expired' };
  if (!rules.cashRegions.includes(order.region)) return { kind: 'refused', code, reason: 'region' };
  const due = amountDue(order);
  if (cmp(due, rules.terminalCap) > 0) return { kind: 'refused', code, reason: 'overCap', due };
  return { kind: 'payable', code, due, order };
}

/** Credits an amount to an order; the price, not the code amount, decides whether it is paid (R-CODE-5). */
export function applyPayment(order: Order, amount: Money): Order {
  const paid = add(order.paid, amount);
  const owed = max(ZERO, sub(order.price, paid));
  return { ...order, paid, owed, status: isPositive(owed) ? 'partially_paid' : 'paid' };
}

/**
 * Cash accepted at a terminal (receipt `receipt`, at `at`): credited at once, settling after the
 * processing delay (R-CODE-6), with a `paid` event. Nothing reaches an order that took nothing.
 */
export function acceptTerminalPayment(order: Order, amount: Money, receipt: string, at: number, processingDelayMs: number): Order {
  if (!isPositive(amount)) return order;
  const paid = applyPayment(order, amount);
  return {
    ...paid,
    history: [...order.history, { at, kind: 'paid', why: '', amount, ref: receipt }],
    credits: [...order.credits, { receipt, amount, acceptedAt: at, settlesAt: at + processingDelayMs }],
  };
}

/**
 * The order after its price changed (R-CODE-5): an unpaid order owes the new price, a partially paid
 * one the new price less what it has, and may become paid by it; a paid order stays paid.
 */
export function repriceOrder(order: Order, price: Money): Order {
  if (order.status === 'paid') return { ...order, price, owed: ZERO };
  if (order.status === 'awaiting') return { ...order, price, owed: price };
  const owed = max(ZERO, sub(price, order.paid));
  return { ...order, price, owed, status: isPositive(owed) ? 'partially_paid' : 'paid' };
}

export function newOrder(fields: Pick<Order, 'code' | 'codeAmount' | 'phone' | 'issuedAt'> & Partial<Order>): Order {
  const price = fields.price ?? fields.codeAmount;
  return {
    region: 'RU', channel: 'pc', status: 'awaiting', paid: ZERO, owed: price,
    stage: 'placed', refunded: ZERO, credits: [], renewedFrom: null, renewedAs: null, siteOrderId: null, topUpPhone: null,
    history: [{ at: fields.issuedAt, kind: 'issued', why: '', amount: fields.codeAmount, ref: null }],
    ...fields,
    price,
  };
}

/** A paid order is settled: its price can no longer rise or fall (R-CODE-5 applies while it is being paid). */
export const canReprice = (order: Order): boolean => order.status !== 'paid';

/** The codes a terminal can take: exactly `rules.orderNumberLength` digits. */
export const fitsOrderLength = (code: string, rules: Pick<KioskRules, 'orderNumberLength'>): boolean =>
  code.length === rules.orderNumberLength && /^\d+$/.test(code);
