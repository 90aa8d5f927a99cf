/**
 * Mobile payments in SQLite (issue 13): phone settings, payments with their events, and writing a
 * plan from src/domain/mobile/mobileLedger.ts. Every function runs inside the caller's transaction.
 */
import type { Database as Connection } from 'better-sqlite3';
import { ZERO, type Money } from '../domain/money.js';
import { checkedBalance, planAnswer, planExpiry, planRefundLanding, planRequest, type DueRefund, type MobilePlan } from '../domain/mobile/mobileLedger.js';
import type { MobileRules } from '../domain/mobile/mobileRules.js';
import type { MobileOutcome, MobileRequestInput } from '../domain/store.js';
import { DEFAULT_PHONE_SETTINGS, transactionNumber, type MobileEvent, type MobilePayment, type PhoneSettings } from '../domain/mobile/mobilePayment.js';
import { findOrder, insertSms, saveOrder } from './orderRows.js';
import * as rows from './rows.js';

interface SettingsRow {
  tariff: PhoneSettings['tariff'];
  new_subscriber: number;
  outage: number;
}

interface PaymentRow {
  id: string;
  phone: string;
  operator: MobilePayment['operator'];
  code: string;
  amount: Money;
  commission: Money;
  total: Money;
  requested_at: number;
  expires_at: number;
  state: MobilePayment['state'];
  answered_at: number | null;
  settles_at: number | null;
  reason: string | null;
}

export function readSettings(db: Connection, phone: string): PhoneSettings {
  const row = db.prepare<SettingsRow>('SELECT tariff, new_subscriber, outage FROM phone_settings WHERE phone = ?').get(phone);
  return row ? { tariff: row.tariff, newSubscriber: row.new_subscriber === 1, outage: row.outage === 1 } : { ...DEFAULT_PHONE_SETTINGS };
}

export function writeSettings(db: Connection, phone: string, settings: PhoneSettings): void {
  db.prepare(
    `INSERT INTO phone_settings (phone, tariff, new_subscriber, outage) VALUES (?, ?, ?, ?)
     ON CONFLICT (phone) DO UPDATE SET tariff = excluded.tariff, new_subscriber = excluded.new_subscriber, outage = excluded.outage`,
  ).run(phone, settings.tariff, settings.newSubscriber ? 1 : 0, settings.outage ? 1 : 0);
}

function toPayment(db: Connection, row: PaymentRow): MobilePayment {
  const events = db.prepare<MobileEvent>('SELECT at, kind, why, amount FROM mobile_events WHERE payment = ? ORDER BY id').all(row.id);
  return {
    id: row.id, phone: row.phone, operator: row.operator, code: row.code, amount: row.amount, commission: row.commission, total: row.total,
    requestedAt: row.requested_at, expiresAt: row.expires_at, state: row.state, answeredAt: row.answered_at, settlesAt: row.settles_at,
    reason: row.reason, events,
  };
}

export function listPayments(db: Connection, phone?: string): MobilePayment[] {
  return db
    .prepare<PaymentRow>('SELECT * FROM mobile_payments WHERE (@phone IS NULL OR phone = @phone) ORDER BY seq')
    .all({ phone: phone ?? null })
    .map((row) => toPayment(db, row));
}

export function findPayment(db: Connection, id: string): MobilePayment | undefined {
  const row = db.prepare<PaymentRow>('SELECT * FROM mobile_payments WHERE id = ?').get(id);
  return row && toPayment(db, row);
}

export function overduePayments(db: Connection, at: number): MobilePayment[] {
  return db
    .prepare<PaymentRow>(`SELECT * FROM mobile_payments WHERE state = 'awaiting' AND expires_at <= ? ORDER BY expires_at, seq`)
    .all(at)
    .map((row) => toPayment(db, row));
}

export const nextPaymentSeq = (db: Connection): number =>
  db.prepare<{ seq: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM mobile_payments').get()!.seq;

/** Writes the payment (new or changed), its new events, the ledger and balance, the order and the SMS. */
export function persistPlan(db: Connection, plan: MobilePlan, checkpoint: (point: string) => void): void {
  const p = plan.payment;
  rows.assertMoney(p.amount, p.commission, p.total, plan.balance);
  const before = findPayment(db, p.id);
  if (before) {
    db.prepare('UPDATE mobile_payments SET state = ?, answered_at = ?, settles_at = ?, reason = ? WHERE id = ?').run(p.state, p.answeredAt, p.settlesAt, p.reason, p.id);
  } else {
    db.prepare(
      `INSERT INTO mobile_payments (seq, id, phone, operator, code, amount, commission, total, requested_at, expires_at, state, answered_at, settles_at, reason)
       VALUES (@seq, @id, @phone, @operator, @code, @amount, @commission, @total, @requestedAt, @expiresAt, @state, @answeredAt, @settlesAt, @reason)`,
    ).run({ seq: nextPaymentSeq(db), ...withoutEvents(p) });
  }
  const event = db.prepare('INSERT INTO mobile_events (payment, at, kind, why, amount) VALUES (?, ?, ?, ?, ?)');
  for (const e of p.events.slice(before?.events.length ?? 0)) event.run(p.id, e.at, e.kind, e.why, e.amount);
  if (plan.ledger.length > 0) {
    const account = db.prepare<rows.PhoneRow>('SELECT * FROM phone_accounts WHERE phone = ?').get(p.phone);
    db.prepare(
      `INSERT INTO phone_accounts (phone, operator, balance) VALUES (?, ?, ?)
       ON CONFLICT (phone) DO UPDATE SET balance = excluded.balance`,
    ).run(p.phone, account?.operator ?? p.operator, checkedBalance(account?.balance ?? ZERO, plan));
    const line = db.prepare('INSERT INTO ledger (phone, at, amount, reason) VALUES (?, ?, ?, ?)');
    for (const l of plan.ledger) line.run(p.phone, l.at, l.amount, l.reason);
    // the crash tests' point: confirmed and debited are written, the order not yet — all or nothing
    checkpoint('mobile:during');
  }
  if (plan.order) saveOrder(db, findOrder(db, plan.order.code)!, plan.order);
  for (const sms of plan.sms) insertSms(db, sms);
}

const withoutEvents = ({ events: _events, ...p }: MobilePayment) => p;

export const balanceOf = (db: Connection, phone: string): Money =>
  db.prepare<{ balance: Money }>('SELECT balance FROM phone_accounts WHERE phone = ?').get(phone)?.balance ?? ZERO;

/** `KioskStore.expireMobilePayments`, inside the caller's transaction. */
export function expireInTransaction(db: Connection, at: number, checkpoint: (point: string) => void): MobileOutcome[] {
  return overduePayments(db, at).map((payment) => {
    const plan = planExpiry(payment, balanceOf(db, payment.phone));
    persistPlan(db, plan, checkpoint);
    return { payment: plan.payment, sms: plan.sms };
  });
}

/** `KioskStore.requestMobilePayment`, inside the caller's transaction. */
export function requestInTransaction(db: Connection, input: MobileRequestInput, rules: MobileRules, checkpoint: (point: string) => void): MobileOutcome {
  const order = findOrder(db, input.code);
  if (!order) throw new Error(`no order ${input.code}`);
  expireInTransaction(db, input.at, checkpoint);
  const account = db.prepare<rows.PhoneRow>('SELECT * FROM phone_accounts WHERE phone = ?').get(input.phone);
  const plan = planRequest({
    id: transactionNumber(nextPaymentSeq(db)), phone: input.phone, operator: input.operator, order, actualOperator: account?.operator ?? null,
    balance: account?.balance ?? ZERO, settings: readSettings(db, input.phone), payments: listPayments(db, input.phone), at: input.at,
  }, rules);
  persistPlan(db, plan, checkpoint);
  return { payment: plan.payment, sms: plan.sms };
}

/** `KioskStore.answerMobilePayment`, inside the caller's transaction: confirmed and debited together or not at all. */
export function answerInTransaction(db: Connection, id: string, text: string, at: number, rules: MobileRules, checkpoint: (point: string) => void): MobileOutcome {
  const payment = findPayment(db, id);
  if (!payment) throw new Error(`no mobile payment ${id}`);
  const plan = planAnswer(payment, text, balanceOf(db, payment.phone), findOrder(db, payment.code)!, at, rules);
  if (!plan) return { payment, sms: [] };
  persistPlan(db, plan, checkpoint);
  return { payment: plan.payment, sms: plan.sms };
}

/** R-MOB-8: keeps a refund due back to a paying balance, and the payment's event saying so. */
export function insertDueRefund(db: Connection, due: DueRefund): void {
  rows.assertMoney(due.amount);
  db.prepare('INSERT INTO mobile_refunds (payment, phone, code, amount, at, due_at, why) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    due.payment, due.phone, due.code, due.amount, due.at, due.dueAt, due.why,
  );
  db.prepare('INSERT INTO mobile_events (payment, at, kind, why, amount) VALUES (?, ?, ?, ?, ?)').run(
    due.payment, due.at, 'refundDue', `${due.why}; due ${new Date(due.dueAt).toISOString()}`, due.amount,
  );
}

type DueRow = { id: number; payment: string; phone: string; code: string; amount: Money; at: number; due_at: number; why: string };

/** `KioskStore.landMobileRefunds`, inside the caller's transaction. */
export function landInTransaction(db: Connection, at: number, checkpoint: (point: string) => void): MobileOutcome[] {
  return db
    .prepare<DueRow>('SELECT * FROM mobile_refunds WHERE landed = 0 AND due_at <= ? ORDER BY due_at, id')
    .all(at)
    .map((row) => {
      const refund: DueRefund = { payment: row.payment, phone: row.phone, code: row.code, amount: row.amount, at: row.at, dueAt: row.due_at, why: row.why };
      const plan = planRefundLanding(findPayment(db, row.payment)!, refund, balanceOf(db, row.phone));
      persistPlan(db, plan, checkpoint);
      db.prepare('UPDATE mobile_refunds SET landed = 1 WHERE id = ?').run(row.id);
      return { payment: plan.payment, sms: plan.sms };
    });
}

export const hasDueRefunds = (db: Connection, at: number): boolean =>
  db.prepare('SELECT 1 FROM mobile_refunds WHERE landed = 0 AND due_at <= ? LIMIT 1').get(at) !== undefined;
