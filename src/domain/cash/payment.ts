/**
 * How a cash session becomes a payment, shared by every store so that they agree to the kopeck.
 */
import { min, ZERO, type Money } from '../money.js';
import { amountDue, applyPayment, type Order } from '../orders/orders.js';
import { settle, sumNotes, type Settlement } from './settlement.js';
import type { CashSession, Receipt } from '../store.js';

export interface PaymentPlan {
  inserted: Money;
  toOrder: Money;
  toPhone: Money;
  order: Order;
}

/** The order takes what it still needs now (never more than the session agreed); the rest goes to the phone. */
export function planPayment(session: CashSession, order: Order): PaymentPlan {
  const inserted = sumNotes(session.notes);
  const stillDue = order.status === 'paid' ? ZERO : min(session.due, amountDue(order));
  const { toOrder, toPhone } = settle(stillDue, inserted);
  return { inserted, toOrder, toPhone, order: applyPayment(order, toOrder) };
}

/** `T-1-000042`: a terminal numbers its receipts from 1, each store keeps the count per terminal. */
export const receiptNumber = (terminalId: string, seq: number): string => `${terminalId}-${String(seq).padStart(6, '0')}`;

/** The phone ledger's line for change credited from a receipt (R-TERM-2). */
export const changeReason = (receipt: string, trigger: Settlement['trigger']): string => `change from receipt ${receipt} (${trigger})`;

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
    orderStatus: plan.order.status,
    owed: plan.order.owed,
    recovered,
  };
}
