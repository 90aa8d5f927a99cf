/**
 * Orders in SQLite with their history and settlements, and the messages and refunds their life
 * sends to the phone. Every function runs inside the caller's transaction.
 */
import type { Database as Connection } from 'better-sqlite3';
import { add, isPositive, ZERO, type Money } from '../domain/money.js';
import type { ActionOutcome } from '../domain/orders/orderLife.js';
import type { Order, OrderEvent } from '../domain/orders/orders.js';
import type { PhoneMessage } from '../domain/store.js';
import * as rows from './rows.js';

const ORDER_COLUMNS = `code, code_amount, price, phone, issued_at, region, channel, status, paid, owed, stage, refunded,
  renewed_from, renewed_as, site_order_id, top_up_phone`;

function withLife(db: Connection, row: rows.OrderRow | undefined): Order | undefined {
  if (!row) return undefined;
  const history = db
    .prepare<OrderEvent>('SELECT at, kind, why, amount, ref FROM order_events WHERE code = ? ORDER BY id')
    .all(row.code);
  const credits = db
    .prepare<rows.CreditRow>('SELECT receipt, amount, accepted_at, settles_at FROM order_credits WHERE code = ? ORDER BY id')
    .all(row.code);
  return rows.toOrder(row, history, credits);
}

export function findOrder(db: Connection, code: string): Order | undefined {
  return withLife(db, db.prepare<rows.OrderRow>('SELECT * FROM orders WHERE code = ?').get(code));
}

export function listOrders(db: Connection): Order[] {
  return db.prepare<rows.OrderRow>('SELECT * FROM orders ORDER BY rowid').all().map((row) => withLife(db, row)!);
}

export function insertOrder(db: Connection, order: Order): void {
  rows.assertMoney(order.codeAmount, order.price, order.paid, order.owed, order.refunded);
  db.prepare(
    `INSERT INTO orders (${ORDER_COLUMNS})
     VALUES (@code, @codeAmount, @price, @phone, @issuedAt, @region, @channel, @status, @paid, @owed, @stage, @refunded,
       @renewedFrom, @renewedAs, @siteOrderId, @topUpPhone)`,
  ).run(order);
  appendLife(db, order.code, order.history, order.credits);
}

/**
 * Writes `after` over `before`: the columns, and the events and credits `after` added. The domain
 * only ever appends to both lists, so what was there stays as it was written.
 */
export function saveOrder(db: Connection, before: Order, after: Order): void {
  rows.assertMoney(after.price, after.paid, after.owed, after.refunded);
  db.prepare(
    `UPDATE orders SET price = @price, status = @status, paid = @paid, owed = @owed, stage = @stage, refunded = @refunded,
       renewed_from = @renewedFrom, renewed_as = @renewedAs, site_order_id = @siteOrderId WHERE code = @code`,
  ).run(after);
  appendLife(db, after.code, after.history.slice(before.history.length), after.credits.slice(before.credits.length));
}

function appendLife(db: Connection, code: string, events: Order['history'], credits: Order['credits']): void {
  const event = db.prepare('INSERT INTO order_events (code, at, kind, why, amount, ref) VALUES (?, ?, ?, ?, ?, ?)');
  for (const e of events) event.run(code, e.at, e.kind, e.why, e.amount, e.ref);
  const credit = db.prepare('INSERT INTO order_credits (code, receipt, amount, accepted_at, settles_at) VALUES (?, ?, ?, ?, ?)');
  for (const c of credits) credit.run(code, c.receipt, c.amount, c.acceptedAt, c.settlesAt);
}

export function insertSms(db: Connection, message: PhoneMessage): void {
  rows.assertMoney(message.amount);
  const mobile = 'transaction' in message ? message : null;
  db.prepare('INSERT INTO sms (phone, at, sender, kind, amount, receipt, code, ref, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    message.phone, message.at, message.sender, message.kind, message.amount,
    message.kind === 'topup' ? message.receipt : null,
    message.kind === 'topup' ? null : message.code,
    mobile?.transaction ?? null,
    mobile?.detail ?? (message.kind === 'code' && message.validHours !== undefined ? String(message.validHours) : null),
  );
}

/** The inbox of a phone, oldest first. */
export function phoneMessages(db: Connection, where: 'phone' | 'receipt', value: string): PhoneMessage[] {
  type SmsRow = Pick<PhoneMessage, 'phone' | 'at' | 'sender' | 'amount'> & {
    kind: Exclude<PhoneMessage['kind'], 'receipt'>; // receipt SMS (no paper) are shown, never stored
    receipt: string | null; code: string | null; ref: string | null; detail: string | null;
  };
  return db
    .prepare<SmsRow>(`SELECT phone, at, sender, kind, amount, receipt, code, ref, detail FROM sms WHERE ${where} = ? ORDER BY id`)
    .all(value)
    .map(({ receipt, code, ref, detail, ...m }): PhoneMessage => {
      if (m.kind === 'topup') return { ...m, kind: 'topup', receipt: receipt! };
      // a site top-up's code SMS keeps its validity in `detail` (R-MOB-10)
      if (m.kind === 'code' && detail !== null) return { ...m, kind: m.kind, code: code!, validHours: Number(detail) };
      if (m.kind === 'code' || m.kind === 'refund' || m.kind === 'cancellation') return { ...m, kind: m.kind, code: code! };
      return { ...m, kind: m.kind, code: code!, transaction: ref!, detail };
    });
}

/** Money back to the order's phone (R-CODE-7, R-PROT-2): the balance, a ledger line; the account is made if new. */
export function creditRefund(db: Connection, phone: string, amount: Money, reason: string, at: number): void {
  const account = db.prepare<rows.PhoneRow>('SELECT * FROM phone_accounts WHERE phone = ?').get(phone);
  db.prepare(
    `INSERT INTO phone_accounts (phone, operator, balance) VALUES (?, ?, ?)
     ON CONFLICT (phone) DO UPDATE SET balance = excluded.balance`,
  ).run(phone, account?.operator ?? null, add(account?.balance ?? ZERO, amount));
  db.prepare('INSERT INTO ledger (phone, at, amount, reason) VALUES (?, ?, ?, ?)').run(phone, at, amount, reason);
}

/** Persists what `decideOrderAction` decided. */
export function persistOutcome(db: Connection, before: Order, outcome: ActionOutcome, at: number): void {
  if (outcome.placed) {
    if (findOrder(db, outcome.placed.code)) throw new Error(`order ${outcome.placed.code} exists already`);
    insertOrder(db, outcome.placed);
  }
  saveOrder(db, before, outcome.order);
  if (isPositive(outcome.refund)) creditRefund(db, outcome.order.phone, outcome.refund, outcome.ledgerReason ?? '', at);
  for (const message of outcome.sms) insertSms(db, message);
}
