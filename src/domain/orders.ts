/**
 * Orders and what a terminal may do with their codes (R-CODE-2, R-CODE-4, R-CODE-5, R-TERM-3).
 * Pure functions over plain data: the stores keep orders, this decides.
 */
import { add, cmp, isPositive, max, sub, ZERO, type Money } from './money.js';
import type { KioskRules } from './rules.js';

export type OrderStatus = 'awaiting' | 'partially_paid' | 'paid';

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
}

/** `unavailable`: the store could not be read; nothing was decided about the code. */
export type LookupRefusal = 'unknown' | 'expired' | 'alreadyPaid' | 'overCap' | 'region' | 'unavailable';

export type LookupResult =
  | { kind: 'payable'; code: string; due: Money; order: Order }
  | { kind: 'refused'; code: string; reason: LookupRefusal; due?: Money };

/** What the terminal asks for: the SMS amount, or what is still owed on a partially paid order. */
export const amountDue = (order: Order): Money => (order.status === 'awaiting' ? order.codeAmount : order.owed);

export const isExpired = (order: Order, now: number, rules: KioskRules): boolean =>
  order.status === 'awaiting' && now - order.issuedAt >= rules.codeValidityMs;

/** Decides whether this terminal can take a payment for a code, and how much is due. */
export function evaluateLookup(code: string, order: Order | undefined, now: number, rules: KioskRules): LookupResult {
  if (!order) return { kind: 'refused', code, reason: 'unknown' };
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
  return { region: 'RU', channel: 'pc', status: 'awaiting', paid: ZERO, owed: price, ...fields, price };
}

/** A paid order is settled: its price can no longer rise or fall (R-CODE-5 applies while it is being paid). */
export const canReprice = (order: Order): boolean => order.status !== 'paid';

/** The codes a terminal can take: exactly `rules.orderNumberLength` digits. */
export const fitsOrderLength = (code: string, rules: Pick<KioskRules, 'orderNumberLength'>): boolean =>
  code.length === rules.orderNumberLength && /^\d+$/.test(code);
