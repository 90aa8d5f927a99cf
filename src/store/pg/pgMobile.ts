/**
 * Mobile payments in the registry (issue 13 on PostgreSQL), inside the caller's transaction. The same
 * plans as SQLite (src/domain/mobile/mobileLedger.ts); what differs is how two machines are kept
 * apart: a reply locks its payment row (FOR UPDATE) and writes its new state only WHERE the state is
 * still the one it planned from, so a payment is confirmed and debited once; a refund is claimed by
 * one conditional UPDATE; requests draw their number from one counter row, which also orders them.
 */
import { ZERO, type Money } from '../../domain/money.js';
import { checkedBalance, planAnswer, planExpiry, planRefundLanding, planRequest, type DueRefund, type MobilePlan } from '../../domain/mobile/mobileLedger.js';
import type { MobileRules } from '../../domain/mobile/mobileRules.js';
import { transactionNumber, type MobileEvent, type MobilePayment } from '../../domain/mobile/mobilePayment.js';
import type { Checkpoint, MobileOutcome, MobileRequestInput } from '../../domain/store.js';
import * as rows from '../rows.js';
import { findOrder, insertSms, mustOrder, saveOrder, type Sql } from './pgRows.js';
import { phoneSettings } from './pgPhones.js';

interface PaymentRow {
  seq: number; id: string; phone: string; operator: MobilePayment['operator']; code: string;
  amount: Money; commission: Money; total: Money; requested_at: number; expires_at: number;
  state: MobilePayment['state']; answered_at: number | null; settles_at: number | null; reason: string | null;
}

async function toPayment(sql: Sql, row: PaymentRow): Promise<MobilePayment> {
  const events = (await sql.query<MobileEvent>('SELECT at, kind, why, amount FROM mobile_events WHERE payment = $1 ORDER BY id', [row.id])).rows;
  return {
    id: row.id, phone: row.phone, operator: row.operator, code: row.code, amount: row.amount, commission: row.commission, total: row.total,
    requestedAt: row.requested_at, expiresAt: row.expires_at, state: row.state, answeredAt: row.answered_at, settlesAt: row.settles_at,
    reason: row.reason, events,
  };
}

async function toPayments(sql: Sql, found: PaymentRow[]): Promise<MobilePayment[]> {
  const payments: MobilePayment[] = [];
  for (const row of found) payments.push(await toPayment(sql, row));
  return payments;
}

export async function listPayments(sql: Sql, phone?: string): Promise<MobilePayment[]> {
  return toPayments(sql, (await sql.query<PaymentRow>('SELECT * FROM mobile_payments WHERE $1::text IS NULL OR phone = $1 ORDER BY seq', [phone ?? null])).rows);
}

/** the mobile payments for one order, oldest first (R-MOB-8: which balance a refund goes back to) */
export async function paymentsForOrder(sql: Sql, code: string): Promise<MobilePayment[]> {
  return toPayments(sql, (await sql.query<PaymentRow>('SELECT * FROM mobile_payments WHERE code = $1 ORDER BY seq', [code])).rows);
}

/**
 * The payment, its row locked until the transaction ends (a reply's claim on it). NO KEY UPDATE: a
 * refund row or event referring to it (a key-share lock) need not wait, so no deadlock with changeOrder.
 */
async function findPayment(sql: Sql, id: string, lock: boolean): Promise<MobilePayment | undefined> {
  const row = (await sql.query<PaymentRow>(`SELECT * FROM mobile_payments WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`, [id])).rows[0];
  return row && toPayment(sql, row);
}

/** the phone's balance, its row locked: nobody else debits or credits it until this transaction ends */
async function lockedBalance(sql: Sql, phone: string): Promise<{ balance: Money; operator: string | null }> {
  const row = (await sql.query<rows.PhoneRow>('SELECT * FROM phone_accounts WHERE phone = $1 FOR UPDATE', [phone])).rows[0];
  return { balance: row?.balance ?? ZERO, operator: row?.operator ?? null };
}

/**
 * Writes the plan: the payment (new, or its state changed only from `from`), its new events, the
 * ledger and balance, the order and the SMS. `from` null: a new payment.
 */
async function persistPlan(sql: Sql, plan: MobilePlan, from: MobilePayment | null, seq: number | null, checkpoint: Checkpoint): Promise<void> {
  const p = plan.payment;
  rows.assertMoney(p.amount, p.commission, p.total, plan.balance);
  if (from) {
    const changed = await sql.query(
      'UPDATE mobile_payments SET state = $2, answered_at = $3, settles_at = $4, reason = $5 WHERE id = $1 AND state = $6',
      [p.id, p.state, p.answeredAt, p.settlesAt, p.reason, from.state],
    );
    // cannot happen while the row is locked; if it did, writing on would credit twice
    if (changed.rowCount !== 1) throw new Error(`mobile payment ${p.id} changed meanwhile`);
  } else {
    await sql.query(
      `INSERT INTO mobile_payments (seq, id, phone, operator, code, amount, commission, total, requested_at, expires_at, state, answered_at, settles_at, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [seq, p.id, p.phone, p.operator, p.code, p.amount, p.commission, p.total, p.requestedAt, p.expiresAt, p.state, p.answeredAt, p.settlesAt, p.reason],
    );
  }
  for (const e of p.events.slice(from?.events.length ?? 0)) {
    await sql.query('INSERT INTO mobile_events (payment, at, kind, why, amount) VALUES ($1, $2, $3, $4, $5)', [p.id, e.at, e.kind, e.why, e.amount]);
  }
  if (plan.ledger.length > 0) {
    const account = await lockedBalance(sql, p.phone);
    const balance = checkedBalance(account.balance, plan);
    await sql.query(
      `INSERT INTO phone_accounts (phone, operator, balance) VALUES ($1, $2, $3) ON CONFLICT (phone) DO UPDATE SET balance = EXCLUDED.balance`,
      [p.phone, account.operator ?? p.operator, balance],
    );
    for (const l of plan.ledger) await sql.query('INSERT INTO ledger (phone, at, amount, reason) VALUES ($1, $2, $3, $4)', [p.phone, l.at, l.amount, l.reason]);
    // the crash tests' point: confirmed and debited are written, the order not yet — all or nothing
    checkpoint('mobile:during');
  }
  // only a reply plans an order's change, and answerIn has locked the order for update before planning
  if (plan.order) await saveOrder(sql, await mustOrder(sql, plan.order.code), plan.order);
  for (const sms of plan.sms) await insertSms(sql, sms);
}

/** `KioskStore.expireMobilePayments`: the overdue requests nobody else holds (a reply being written wins). */
export async function expireIn(sql: Sql, at: number, checkpoint: Checkpoint): Promise<MobileOutcome[]> {
  const overdue = await toPayments(sql, (await sql.query<PaymentRow>(
    `SELECT * FROM mobile_payments WHERE state = 'awaiting' AND expires_at <= $1 ORDER BY expires_at, seq FOR NO KEY UPDATE SKIP LOCKED`, [at])).rows);
  const outcomes: MobileOutcome[] = [];
  for (const payment of overdue) {
    // an expiry moves no money: the balance it is given is not written
    const plan = planExpiry(payment, ZERO);
    await persistPlan(sql, plan, payment, null, checkpoint);
    outcomes.push({ payment: plan.payment, sms: plan.sms });
  }
  return outcomes;
}

/** `KioskStore.requestMobilePayment`: the counter row orders requests, so a phone's daily count is never read twice at once. */
export async function requestIn(sql: Sql, input: MobileRequestInput, rules: MobileRules, checkpoint: Checkpoint): Promise<MobileOutcome> {
  const order = await findOrder(sql, input.code);
  if (!order) throw new Error(`no order ${input.code}`);
  const seq = (await sql.query<{ seq: number }>(
    `INSERT INTO mobile_counter (id, seq) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET seq = mobile_counter.seq + 1 RETURNING seq`)).rows[0]!.seq;
  await expireIn(sql, input.at, checkpoint);
  const account = await lockedBalance(sql, input.phone);
  const plan = planRequest({
    id: transactionNumber(seq), phone: input.phone, operator: input.operator, order, actualOperator: account.operator as MobilePayment['operator'] | null,
    balance: account.balance, settings: await phoneSettings(sql, input.phone), payments: await listPayments(sql, input.phone), at: input.at,
  }, rules);
  await persistPlan(sql, plan, null, seq, checkpoint);
  return { payment: plan.payment, sms: plan.sms };
}

/** `KioskStore.answerMobilePayment`: the payment, its order and the balance locked, in that order; confirmed and debited together. */
export async function answerIn(sql: Sql, id: string, text: string, at: number, rules: MobileRules, checkpoint: Checkpoint): Promise<MobileOutcome> {
  const payment = await findPayment(sql, id, true);
  if (!payment) throw new Error(`no mobile payment ${id}`);
  const order = await mustOrder(sql, payment.code, true);
  const plan = planAnswer(payment, text, (await lockedBalance(sql, payment.phone)).balance, order, at, rules);
  if (!plan) return { payment, sms: [] };
  await persistPlan(sql, plan, payment, null, checkpoint);
  return { payment: plan.payment, sms: plan.sms };
}

/** R-MOB-8: keeps a refund due back to a paying balance, and the payment's event saying so. */
export async function insertDueRefund(sql: Sql, due: DueRefund): Promise<void> {
  rows.assertMoney(due.amount);
  await sql.query('INSERT INTO mobile_refunds (payment, phone, code, amount, at, due_at, why) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [due.payment, due.phone, due.code, due.amount, due.at, due.dueAt, due.why]);
  await sql.query('INSERT INTO mobile_events (payment, at, kind, why, amount) VALUES ($1, $2, $3, $4, $5)',
    [due.payment, due.at, 'refundDue', `${due.why}; due ${new Date(due.dueAt).toISOString()}`, due.amount]);
}

type DueRow = { id: number; payment: string; phone: string; code: string; amount: Money; at: number; due_at: number; why: string };

/** `KioskStore.landMobileRefunds`: each refund claimed by one conditional UPDATE, so two machines land it once. */
export async function landIn(sql: Sql, at: number, checkpoint: Checkpoint): Promise<MobileOutcome[]> {
  const claimed = (await sql.query<DueRow>(
    `UPDATE mobile_refunds SET landed = 1 WHERE landed = 0 AND due_at <= $1 RETURNING id, payment, phone, code, amount, at, due_at, why`, [at])).rows;
  const outcomes: MobileOutcome[] = [];
  for (const row of claimed.sort((a, b) => a.due_at - b.due_at || a.id - b.id)) {
    const refund: DueRefund = { payment: row.payment, phone: row.phone, code: row.code, amount: row.amount, at: row.at, dueAt: row.due_at, why: row.why };
    const payment = (await findPayment(sql, row.payment, true))!;
    const plan = planRefundLanding(payment, refund, (await lockedBalance(sql, row.phone)).balance);
    await persistPlan(sql, plan, payment, null, checkpoint);
    outcomes.push({ payment: plan.payment, sms: plan.sms });
  }
  return outcomes;
}
