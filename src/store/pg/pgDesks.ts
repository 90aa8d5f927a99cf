/**
 * Desk payments in the registry (R-CASH-1, R-CASH-3): the register is locked for the transaction (an
 * advisory lock: it may have no row yet) and the order row is locked before either is read, so two
 * desks and a terminal paying one code credit it once, and no two receipts draw one document number.
 */
import { planDeskPayment, type DeskPaymentOutcome, type DeskPaymentRequest } from '../../domain/cash/deskPayment.js';
import { siteTopUpCredit, siteTopUpReason } from '../../domain/cash/payment.js';
import { DESKS } from '../../domain/fiscal/desks.js';
import type { DeskReceipt, RegisterCounters } from '../../domain/fiscal/fiscalReceipt.js';
import { isPositive } from '../../domain/money.js';
import { toDeskReceipt, type DeskReceiptRow } from '../deskPayments.js';
import { creditPhone, findOrder, saveOrder, type Sql } from './pgRows.js';

export async function payAtDeskIn(sql: Sql, request: DeskPaymentRequest, processingDelayMs: number): Promise<DeskPaymentOutcome> {
  const registerId = DESKS[request.place].registerId;
  await sql.query('SELECT pg_advisory_xact_lock(20202, hashtext($1))', [registerId]);
  const last = (await sql.query<RegisterCounters>('SELECT shift, in_shift AS "inShift", fd FROM desk_registers WHERE register_id = $1', [registerId])).rows[0];
  const before = await findOrder(sql, request.code, true);
  const outcome = planDeskPayment(request, before, last ?? null, processingDelayMs);
  if (outcome.kind !== 'paid' || !before) return outcome;
  const { counters, receipt } = outcome;
  await sql.query(
    `INSERT INTO desk_registers (register_id, shift, in_shift, fd) VALUES ($1, $2, $3, $4)
     ON CONFLICT (register_id) DO UPDATE SET shift = EXCLUDED.shift, in_shift = EXCLUDED.in_shift, fd = EXCLUDED.fd`,
    [registerId, counters.shift, counters.inShift, counters.fd],
  );
  await sql.query(
    `INSERT INTO desk_receipts (number, place, register_id, shift, in_shift, fd, fp, at, code, total, received, change, order_status, owed, qr)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [receipt.number, receipt.place, receipt.registerId, receipt.shift, receipt.inShift, receipt.fd, receipt.fp, receipt.at, receipt.code,
      receipt.total, receipt.received, receipt.change, receipt.orderStatus, receipt.owed, receipt.qr],
  );
  await saveOrder(sql, before, outcome.order);
  // R-MOB-10: a site top-up paid at a desk lands on its phone (balance and ledger line; the fiscal receipt is the desk's)
  const toTopUpPhone = siteTopUpCredit(before, receipt.total);
  if (before.topUpPhone && isPositive(toTopUpPhone)) {
    // Stryker disable next-line BooleanLiteral: equivalent, because the operator passed is null: COALESCE-ing the account's with it keeps the account's
    await creditPhone(sql, before.topUpPhone, null, toTopUpPhone, siteTopUpReason(before.code, receipt.number), request.at, true);
  }
  return outcome;
}

export async function listDeskReceipts(sql: Sql): Promise<DeskReceipt[]> {
  return (await sql.query<DeskReceiptRow>('SELECT * FROM desk_receipts ORDER BY at, seq')).rows.map(toDeskReceipt);
}
