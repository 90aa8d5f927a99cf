/**
 * How a cash session becomes a payment, shared by every store so that they agree to the kopeck.
 */
import { isPositive, min, ZERO, type Money } from '../money.js';
import { amountDue, applyPayment, type Order } from '../orders/orders.js';
import { settle, sumNotes, type Settlement } from './settlement.js';
import type { CashSession, Receipt } from '../store.js';
import { isTopUp, topUpReason } from '../mobile/topup.js';

export interface PaymentPlan {
  inserted: Money;
  toOrder: Money;
  toPhone: Money;
  /** null for a top-up: no order, all the cash goes to the phone */
  order: Order | null;
}

/** The order takes what it still needs now (never more than the session agreed); the rest goes to the phone. */
export function planPayment(session: CashSession, order: Order | null): PaymentPlan {
  const inserted = sumNotes(session.notes);
  if (order === null) return { inserted, toOrder: ZERO, toPhone: inserted, order: null };
  const stillDue = order.status === 'paid' ? ZERO : min(session.due, amountDue(order));
  const { toOrder, toPhone } = settle(stillDue, inserted);
  return { inserted, toOrder, toPhone, order: applyPayment(order, toOrder) };
}

/**
 * The order as another payment of all it still owes leaves it (another terminal paying the same code
 * first): what the late payer of a contested code finds, its cash then going to the phone. Null for
 * an order paid already, or one that paying what it owes would not pay (its price above its code's amount).
 */
export function paidElsewhere(order: Order): Order | null {
  if (order.status === 'paid') return null;
  const paid = applyPayment(order, amountDue(order));
  return paid.status === 'paid' ? paid : null;
}

/**
 * R-MOB-10: what a payment of a site top-up order puts on the topped-up phone: everything the order
 * took (the whole amount is the top-up, not change); nothing for an order of goods.
 */
export const siteTopUpCredit = (order: Order | null, toOrder: Money): Money =>
  order?.topUpPhone != null && isPositive(toOrder) ? toOrder : ZERO;

/** The topped-up phone's ledger line for a site top-up order paid in cash. */
export const siteTopUpReason = (code: string, receipt: string): string => `site top-up order ${code}, receipt ${receipt}`;

/** `T-1-000042`: a terminal numbers its receipts from 1, each store keeps the count per terminal. */
export const receiptNumber = (terminalId: string, seq: number): string => `${terminalId}-${String(seq).padStart(6, '0')}`;

/** The phone ledger's line for change credited from a receipt (R-TERM-2). */
export const changeReason = (receipt: string, trigger: Settlement['trigger']): string => `change from receipt ${receipt} (${trigger})`;

/** The ledger line for the phone's share of a session: change of an order payment, or a top-up. */
export const phoneCreditReason = (session: Pick<CashSession, 'code'>, receipt: string, trigger: Settlement['trigger']): string =>
  isTopUp(session) ? topUpReason(receipt, trigger) : changeReason(receipt, trigger);

export function buildReceipt(
  number: string,
  session: CashSession,
  plan: PaymentPlan,
  at: number,
  recovered: boolean,
): Receipt {
  return {
    number,
    terminalId: session.terminalId,
    at,
    code: session.code,
    due: session.due,
    accepted: plan.inserted,
    toOrder: plan.toOrder,
    toPhone: plan.toPhone,
    phone: session.phone,
    operator: session.operator,
    // a top-up owes nothing and has nothing left to pay
    orderStatus: plan.order?.status ?? 'paid',
    owed: plan.order?.owed ?? ZERO,
    recovered,
  };
}
