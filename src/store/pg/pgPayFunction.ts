/**
 * A terminal's planned payment as one call of the registry's `pay_terminal_session` (migration 10,
 * pgSchemaPay.ts): the plans' rows as the function's parameters, in its order. It replaced one
 * statement of 13 data-modifying CTEs and 77 parameters: less work a payment on both sides (bench
 * row 18, README's Performance).
 */
import type { Order } from '../../domain/orders/orders.js';
import { OPERATOR_NAMES } from '../../domain/rules.js';
import type { CashSession, Receipt } from '../../domain/store.js';
import * as rows from '../rows.js';
import type { TerminalPaymentPlan as Plan } from './pgPaymentPlan.js';

/** what a plan was made from: the session with its notes, its order and that row's version, the terminal's receipt counter */
export interface PaymentBasis {
  session: CashSession;
  /** null: the terminal has drawn no receipt number yet */
  counterSeq: number | null;
  order: Order | null;
  orderVersion: string | null;
}

export interface PaymentStatement {
  name: string;
  text: string;
  values: unknown[];
}

const PARAMETERS = 30;

export const PAY_CALL: string = `SELECT plan, senders, late_order FROM pay_terminal_session(${
  Array.from({ length: PARAMETERS }, (_, i) => `$${i + 1}`).join(', ')})`;

/** what the function answers: the plan that held (null: none), the SMS senders of its credits, a late payer's order as it is now */
export interface PayCallRow {
  plan: 'planned' | 'late' | null;
  senders: string[];
  late_order: unknown;
}

/** the order paid elsewhere as the late plan foresees it: its columns as text, as the function compares them */
const expectedOrder = (o: Order): (string | null)[] => [o.codeAmount, o.price, o.phone, String(o.issuedAt), o.region, o.channel, o.status,
  o.paid, o.owed, o.stage, o.refunded, o.renewedFrom, o.renewedAs, o.siteOrderId, o.topUpPhone];

const receiptPart = (r: Receipt): string[] => [r.toOrder, r.toPhone, r.orderStatus, r.owed, r.code];

const creditArrays = (plan: Plan): string[][] =>
  [plan.credits.map((c) => c.phone), plan.credits.map((c) => c.operator), plan.credits.map((c) => c.amount), plan.credits.map((c) => c.reason)];

/** what both plans' receipts share: the function writes it once */
const SHARED: readonly (keyof Receipt)[] = ['number', 'terminalId', 'at', 'code', 'due', 'accepted', 'phone', 'operator', 'recovered'];

export function payCall(basis: PaymentBasis, planned: Plan, late: Plan | null = null): PaymentStatement {
  const { session } = basis;
  const { before, after, receipt } = planned;
  if (late) {
    if (!before || !late.before || late.after !== late.before || late.seq !== planned.seq) throw new Error('a late plan pays the same order with the same number and leaves it as it is');
    if (SHARED.some((key) => late.receipt[key] !== receipt[key])) throw new Error('a late plan prints the same receipt but for what goes where');
  }
  const changesOrder = before !== null && after !== null && after !== before;
  if (changesOrder) rows.assertMoney(after.price, after.paid, after.owed, after.refunded);
  const values: unknown[] = [
    session.id, session.notes, session.terminalId, basis.counterSeq, planned.seq,
    before?.code ?? null, before ? basis.orderVersion : null, !changesOrder,
    receipt.number, receipt.at, receipt.due, receipt.accepted, receipt.phone, receipt.operator, receipt.recovered ? 1 : 0,
    planned.credits.length > 0 || (late?.credits.length ?? 0) > 0 ? JSON.stringify(OPERATOR_NAMES) : null,
    receiptPart(receipt),
    changesOrder ? [after.price, after.status, after.paid, after.owed, after.stage, after.refunded, after.renewedFrom, after.renewedAs, after.siteOrderId] : null,
    changesOrder ? JSON.stringify(after.history.slice(before.history.length)) : null,
    changesOrder ? JSON.stringify(after.credits.slice(before.credits.length)) : null,
    ...creditArrays(planned),
    late ? expectedOrder(late.before!) : null, late ? receiptPart(late.receipt) : null,
    ...(late ? creditArrays(late) : [null, null, null, null]),
  ];
  return { name: 'pay-once-call', text: PAY_CALL, values };
}
