/**
 * Desk payments in SQLite (R-CASH-1, R-CASH-3): under BEGIN IMMEDIATE the order and the register's
 * counters are read under the write lock, so two desks and a terminal paying one code credit it
 * once, and two receipts never draw one fiscal document number.
 */
import type { Database as Connection } from 'better-sqlite3';
import { planDeskPayment, type DeskPaymentOutcome, type DeskPaymentRequest } from '../domain/cash/deskPayment.js';
import { DESKS, type DeskPlace } from '../domain/fiscal/desks.js';
import type { DeskReceipt, RegisterCounters } from '../domain/fiscal/fiscalReceipt.js';
import type { OrderStatus } from '../domain/orders/orders.js';
import { creditRefund, findOrder, saveOrder } from './orderRows.js';
import { siteTopUpCredit, siteTopUpReason } from '../domain/cash/payment.js';
import { isPositive } from '../domain/money.js';

export interface DeskReceiptRow {
  number: string;
  place: DeskPlace;
  register_id: string;
  shift: number;
  in_shift: number;
  fd: number;
  fp: string;
  at: number;
  code: string;
  total: string;
  received: string;
  change: string;
  order_status: OrderStatus;
  owed: string;
  qr: string;
}

export const toDeskReceipt = (r: DeskReceiptRow): DeskReceipt => ({
  number: r.number, place: r.place, registerId: r.register_id, shift: r.shift, inShift: r.in_shift, fd: r.fd, fp: r.fp,
  at: r.at, code: r.code, total: r.total, received: r.received, change: r.change, orderStatus: r.order_status, owed: r.owed, qr: r.qr,
});

export function payAtDeskInTransaction(db: Connection, request: DeskPaymentRequest, processingDelayMs: number): DeskPaymentOutcome {
  const registerId = DESKS[request.place].registerId;
  const last = db
    .prepare<RegisterCounters>('SELECT shift, in_shift AS inShift, fd FROM desk_registers WHERE register_id = ?')
    .get(registerId);
  const before = findOrder(db, request.code);
  const outcome = planDeskPayment(request, before, last ?? null, processingDelayMs);
  if (outcome.kind !== 'paid' || !before) return outcome;
  const { counters, receipt } = outcome;
  db.prepare(
    `INSERT INTO desk_registers (register_id, shift, in_shift, fd) VALUES (?, ?, ?, ?)
     ON CONFLICT (register_id) DO UPDATE SET shift = excluded.shift, in_shift = excluded.in_shift, fd = excluded.fd`,
  ).run(registerId, counters.shift, counters.inShift, counters.fd);
  db.prepare(
    `INSERT INTO desk_receipts (number, place, register_id, shift, in_shift, fd, fp, at, code, total, received, change, order_status, owed, qr)
     VALUES (@number, @place, @registerId, @shift, @inShift, @fd, @fp, @at, @code, @total, @received, @change, @orderStatus, @owed, @qr)`,
  ).run(receipt);
  saveOrder(db, before, outcome.order);
  // R-MOB-10: a site top-up paid at a desk lands on its phone (balance and ledger line; the fiscal receipt is the desk's)
  const toTopUpPhone = siteTopUpCredit(before, receipt.total);
  if (before.topUpPhone && isPositive(toTopUpPhone)) creditRefund(db, before.topUpPhone, toTopUpPhone, siteTopUpReason(before.code, receipt.number), request.at);
  return outcome;
}

/** `payAtDesk` as one IMMEDIATE transaction; `checkpoint('desk:during')` before it commits (the crash tests' hook). */
export function deskPayer(db: Connection, processingDelayMs: number, checkpoint: (point: string) => void): (request: DeskPaymentRequest) => DeskPaymentOutcome {
  const pay = db.transaction((request: DeskPaymentRequest) => {
    const outcome = payAtDeskInTransaction(db, request, processingDelayMs);
    if (outcome.kind === 'paid') checkpoint('desk:during');
    return outcome;
  });
  return (request) => pay.immediate(request);
}

export function listDeskReceipts(db: Connection): DeskReceipt[] {
  return db.prepare<DeskReceiptRow>('SELECT * FROM desk_receipts ORDER BY at, rowid').all().map(toDeskReceipt);
}
