/**
 * Paying a cash session inside the store's write transaction: the order, the phone, the receipt and
 * the session's state change together or not at all.
 */
import type { Database as Connection } from 'better-sqlite3';
import { add, isPositive, ZERO, type Money } from '../domain/money.js';
import { acceptTerminalPayment, type Order } from '../domain/orders/orders.js';
import { OPERATOR_NAMES } from '../domain/rules.js';
import { buildReceipt, phoneCreditReason, planPayment, receiptNumber, siteTopUpCredit, siteTopUpReason } from '../domain/cash/payment.js';
import { isTopUp } from '../domain/mobile/topup.js';
import type { Settlement } from '../domain/cash/settlement.js';
import type { CashSession, Checkpoint, PaymentOutcome, Sms } from '../domain/store.js';
import { findOrder, insertSms, phoneMessages, saveOrder } from './orderRows.js';
import * as rows from './rows.js';

export { findOrder };

export type Trigger = Settlement['trigger'];
export type { Checkpoint };
export type SessionState = 'open' | 'paid' | 'abandoned';

export function sessionState(db: Connection, sessionId: string): SessionState | undefined {
  return db.prepare<{ state: SessionState }>('SELECT state FROM cash_sessions WHERE id = ?').get(sessionId)?.state;
}

export function mustOrder(db: Connection, code: string): Order {
  const order = findOrder(db, code);
  if (!order) throw new Error(`no order ${code}`);
  return order;
}

export function loadSession(db: Connection, sessionId: string): CashSession {
  const row = db.prepare<rows.SessionRow>('SELECT * FROM cash_sessions WHERE id = ?').get(sessionId);
  if (!row) throw new Error(`no cash session ${sessionId}`);
  const notes = db
    .prepare<{ note: number }>(`SELECT note FROM cash_journal WHERE session_id = ? AND kind = 'accepted' ORDER BY id`)
    .all(sessionId)
    .map((r) => r.note);
  return rows.toSession(row, notes);
}

/**
 * Runs under BEGIN IMMEDIATE, so the session and the order are read under the write lock: another
 * terminal's payment of the same code is either fully before this one or fully after it.
 */
export function payInTransaction(
  db: Connection,
  sessionId: string,
  trigger: Trigger,
  at: number,
  recovered: boolean,
  checkpoint: Checkpoint,
  processingDelayMs: number,
): PaymentOutcome {
  const state = sessionState(db, sessionId);
  if (!state) throw new Error(`no cash session ${sessionId}`);
  if (state === 'paid') return earlierPayment(db, sessionId);
  if (state !== 'open') throw new Error(`cash session ${sessionId} is ${state}; it cannot be paid`);
  const session = loadSession(db, sessionId);
  const before = isTopUp(session) ? null : mustOrder(db, session.code);
  const plan = planPayment(session, before);

  // numbered under the write lock, so two processes never draw the same number
  const seq = db
    .prepare<{ next: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM receipts WHERE terminal_id = ?')
    .get(session.terminalId)!.next;
  const number = receiptNumber(session.terminalId, seq);
  if (before) plan.order = acceptTerminalPayment(before, plan.toOrder, number, at, processingDelayMs);
  const receipt = buildReceipt(number, session, plan, at, recovered);
  db.prepare(
    `INSERT INTO receipts (number, terminal_id, seq, at, code, due, accepted, to_order, to_phone, phone, operator,
       order_status, owed, recovered, session_id)
     VALUES (@number, @terminalId, @seq, @at, @code, @due, @accepted, @toOrder, @toPhone, @phone, @operator,
       @orderStatus, @owed, @recovered, @sessionId)`,
  ).run({ ...receipt, seq, recovered: receipt.recovered ? 1 : 0, sessionId });
  // after the receipt: the order's credit refers to it
  if (before && plan.order) saveOrder(db, before, plan.order);

  const sms: Sms[] = [];
  const toTopUpPhone = siteTopUpCredit(before, plan.toOrder);
  if (before?.topUpPhone && isPositive(toTopUpPhone)) {
    sms.push(creditPhone(db, before.topUpPhone, session.operator, toTopUpPhone, number, siteTopUpReason(before.code, number), at));
  }
  if (isPositive(plan.toPhone)) {
    sms.push(creditPhone(db, session.phone, session.operator, plan.toPhone, number, phoneCreditReason(session, number, trigger), at));
  }
  db.prepare(`UPDATE cash_sessions SET state = 'paid' WHERE id = ?`).run(sessionId);
  checkpoint(recovered ? 'recovery:during' : 'payment:during');
  return { receipt, order: plan.order, sms };
}

/** The outcome of a session paid before: same receipt and SMS, the order as it is now. */
function earlierPayment(db: Connection, sessionId: string): PaymentOutcome {
  const receipt = rows.toReceipt(db.prepare<rows.ReceiptRow>('SELECT * FROM receipts WHERE session_id = ?').get(sessionId));
  if (!receipt) throw new Error(`cash session ${sessionId} is paid but has no receipt`);
  const sms = phoneMessages(db, 'receipt', receipt.number) as Sms[];
  return { receipt, order: isTopUp(receipt) ? null : mustOrder(db, receipt.code), sms, alreadyPaid: true };
}

/** R-TERM-2, R-MOB-10: change or a site top-up goes to a phone balance, with a ledger line and a top-up SMS. */
function creditPhone(db: Connection, phone: string, sessionOperator: CashSession['operator'], amount: Money, receipt: string, reason: string, at: number): Sms {
  const account = db.prepare<rows.PhoneRow>('SELECT * FROM phone_accounts WHERE phone = ?').get(phone);
  const operator = account?.operator ?? sessionOperator;
  const balance = add(account?.balance ?? ZERO, amount);
  db.prepare(
    `INSERT INTO phone_accounts (phone, operator, balance) VALUES (?, ?, ?)
     ON CONFLICT (phone) DO UPDATE SET operator = excluded.operator, balance = excluded.balance`,
  ).run(phone, operator, balance);
  db.prepare('INSERT INTO ledger (phone, at, amount, reason) VALUES (?, ?, ?, ?)').run(phone, at, amount, reason);
  const message: Sms = { phone, at, sender: OPERATOR_NAMES[operator], kind: 'topup', amount, receipt };
  insertSms(db, message);
  return message;
}
