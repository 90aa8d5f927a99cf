/**
 * Paying a code to a person at a desk (R-CASH-1, R-CASH-2, R-CASH-3): the cashier checks the code
 * as a terminal does, but with no cap of the terminal's (the desk's own, if any, [choice: none]),
 * takes exactly what is due (no commission) and gives the rest back in cash. Shared by every store,
 * so they agree to the kopeck.
 */
import { cmp, isZero, min, sub, type Money } from '../money.js';
import { acceptTerminalPayment, amountDue, evaluateLookup, type LookupResult, type Order } from '../orders/orders.js';
import type { KioskRules } from '../rules.js';
import { buildDeskReceipt, deskReceiptNumber, nextCounters, type DeskReceipt, type RegisterCounters } from '../fiscal/fiscalReceipt.js';
import { DESKS, type DeskPlace } from '../fiscal/desks.js';

/** [choice] A desk takes any amount: the terminal's 15,000 ₽ cap (R-TERM-3) is the terminal's own. */
export const DEFAULT_DESK_CAP: Money | null = null;

/** More than any order: the lookup's cap when the desk has none. */
const NO_CAP: Money = '999999999999.99';

/** What the cashier answers to a code: payable with the amount due, or refused with the reason (`overCap` = over the desk's own cap). */
export function evaluateDeskLookup(code: string, order: Order | undefined, now: number, rules: KioskRules, cap: Money | null = DEFAULT_DESK_CAP): LookupResult {
  return evaluateLookup(code, order, now, { ...rules, terminalCap: cap ?? NO_CAP });
}

export interface DeskPaymentRequest {
  place: DeskPlace;
  code: string;
  /** what the cashier read back and asked for */
  due: Money;
  /** what the customer handed over */
  received: Money;
  at: number;
}

export type DeskPaymentOutcome =
  | { kind: 'paid'; receipt: DeskReceipt; order: Order; counters: RegisterCounters }
  /** nothing taken: the cash goes back to the customer (another desk or a terminal paid the code first) */
  | { kind: 'refused'; reason: 'alreadyPaid' | 'unknown'; order: Order | undefined };

/**
 * The payment as the store will write it, in one transaction with the register's counters: the
 * order takes what it still needs now (never more than was read back), the rest is change.
 */
export function planDeskPayment(request: DeskPaymentRequest, order: Order | undefined, last: RegisterCounters | null, processingDelayMs: number): DeskPaymentOutcome {
  if (!order) return { kind: 'refused', reason: 'unknown', order };
  // Stryker disable next-line ConditionalExpression: equivalent, because a paid order owes 0.00 (applyPayment, repriceOrder), so the min is 0.00 too
  const toOrder = order.status === 'paid' ? '0.00' : min(request.due, amountDue(order));
  if (isZero(toOrder)) return { kind: 'refused', reason: 'alreadyPaid', order };
  if (cmp(request.received, toOrder) < 0) throw new RangeError(`${request.received} handed over does not cover ${toOrder} due`);
  const counters = nextCounters(last);
  const number = deskReceiptNumber(DESKS[request.place].registerId, counters.fd);
  // a desk payment is processing on the site like a terminal's (R-CODE-6)
  const paid = acceptTerminalPayment(order, toOrder, number, request.at, processingDelayMs);
  const receipt = buildDeskReceipt(
    { place: request.place, at: request.at, code: order.code, total: toOrder, received: request.received, change: sub(request.received, toOrder), orderStatus: paid.status, owed: paid.owed },
    counters,
  );
  return { kind: 'paid', receipt, order: paid, counters };
}
