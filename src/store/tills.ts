/**
 * Tills in SQLite (the cashier's role): shifts, the drawer by denomination, the payments taken.
 * A till payment is one IMMEDIATE transaction: the checks read the drawer under the write lock,
 * then the desk payment (order credit, receipt, register counters) and the drawer's movement are
 * written together, so a crash leaves either all of it or none.
 */
import type { Database as Connection } from 'better-sqlite3';
import type { Drawer } from '../domain/cash/drawer.js';
import { judgeChange } from '../domain/cash/drawer.js';
import { openShift, sendAwayRefusal, shiftReport, type Shift, type ShiftReport, type TillPayment } from '../domain/cash/shift.js';
import { applyTillPayment, tidyDrawer, tillPaymentRefusal, type TillPaymentOutcome, type TillPaymentRequest, type TillState } from '../domain/cash/till.js';
import type { TillStore } from '../domain/cash/tillStore.js';
import { DESKS, type DeskPlace } from '../domain/fiscal/desks.js';
import { payAtDeskInTransaction } from './deskPayments.js';

interface ShiftRow { number: number; opened_at: number; closed_at: number | null }
interface PaymentRow { receipt: string; total: string; received: string; change_due: string; change_given: string }

function readDrawer(db: Connection, registerId: string, shift: number, which: 'float' | 'now'): Drawer {
  const rows = db
    .prepare<{ face: string; count: number }>('SELECT face, count FROM till_drawer WHERE register_id = ? AND shift = ? AND which = ? ORDER BY CAST(face AS REAL) DESC')
    .all(registerId, shift, which);
  // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: equivalent, because writeDrawer never writes a zero count
  return Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.face, r.count]));
}

function writeDrawer(db: Connection, registerId: string, shift: number, which: 'float' | 'now', drawer: Drawer): void {
  db.prepare('DELETE FROM till_drawer WHERE register_id = ? AND shift = ? AND which = ?').run(registerId, shift, which);
  const insert = db.prepare('INSERT INTO till_drawer (register_id, shift, which, face, count) VALUES (?, ?, ?, ?, ?)');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, because readDrawer drops a zero count it reads back
  for (const [face, count] of Object.entries(drawer)) if (count > 0) insert.run(registerId, shift, which, face, count);
}

function readTill(db: Connection, place: DeskPlace): TillState | null {
  const registerId = DESKS[place].registerId;
  const row = db
    .prepare<ShiftRow>('SELECT number, opened_at, closed_at FROM till_shifts WHERE register_id = ? ORDER BY number DESC LIMIT 1')
    .get(registerId);
  if (!row) return null;
  const shift: Shift = { number: row.number, openedAt: row.opened_at, closedAt: row.closed_at, float: readDrawer(db, registerId, row.number, 'float') };
  const payments = db
    .prepare<PaymentRow>('SELECT receipt, total, received, change_due, change_given FROM till_payments WHERE register_id = ? AND shift = ? ORDER BY id')
    .all(registerId, row.number)
    .map((p): TillPayment => ({
      receipt: p.receipt, total: p.total, received: p.received, changeDue: p.change_due, changeGiven: p.change_given,
      verdict: judgeChange(p.change_due, p.change_given),
    }));
  const sentAway = db.prepare<{ n: number }>('SELECT count(*) AS n FROM till_sent_away WHERE register_id = ? AND shift = ?').get(registerId, row.number)?.n ?? 0;
  return { place, shift, drawer: readDrawer(db, registerId, row.number, 'now'), payments, sentAway };
}

/** The store's till methods over one connection; `checkpoint('till:during')` before a payment commits. */
export function sqliteTills(db: Connection, processingDelayMs: number, checkpoint: (point: string) => void): TillStore {
  const open = db.transaction((place: DeskPlace, float: Drawer, at: number): TillState => {
    const registerId = DESKS[place].registerId;
    const shift = openShift(readTill(db, place)?.shift ?? null, tidyDrawer(float), at);
    db.prepare('INSERT INTO till_shifts (register_id, number, place, opened_at) VALUES (?, ?, ?, ?)').run(registerId, shift.number, place, at);
    writeDrawer(db, registerId, shift.number, 'float', shift.float);
    writeDrawer(db, registerId, shift.number, 'now', shift.float);
    return readTill(db, place)!;
  });
  const pay = db.transaction((request: TillPaymentRequest): TillPaymentOutcome => {
    const state = readTill(db, request.place);
    const refusal = tillPaymentRefusal(state, request);
    if (refusal || !state) return { kind: 'refused', refusal: refusal ?? { reason: 'noShift' } };
    const desk = payAtDeskInTransaction(db, request, processingDelayMs);
    if (desk.kind !== 'paid') return { kind: 'refused', refusal: { reason: desk.reason } };
    const { drawer, payment } = applyTillPayment(state, request, desk.receipt);
    const registerId = DESKS[request.place].registerId;
    writeDrawer(db, registerId, state.shift.number, 'now', drawer);
    db.prepare(
      `INSERT INTO till_payments (register_id, shift, receipt, total, received, change_due, change_given, verdict)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(registerId, state.shift.number, payment.receipt, payment.total, payment.received, payment.changeDue, payment.changeGiven, payment.verdict.kind);
    checkpoint('till:during');
    return { kind: 'paid', receipt: desk.receipt, payment, drawer };
  });
  const sendAway = db.transaction((place: DeskPlace, at: number): TillState => {
    const state = readTill(db, place);
    if (!state) throw new Error(`no shift has been opened at the ${place}`);
    const refusal = sendAwayRefusal(state.shift);
    if (refusal) throw new Error(refusal);
    db.prepare('INSERT INTO till_sent_away (register_id, shift, at) VALUES (?, ?, ?)').run(DESKS[place].registerId, state.shift.number, at);
    return readTill(db, place)!;
  });
  const report = db.transaction((place: DeskPlace, kind: 'X' | 'Z', at: number): ShiftReport => {
    const state = readTill(db, place);
    if (!state) throw new Error(`no shift has been opened at the ${place}`);
    const { report: printed, shift } = shiftReport(kind, state.shift, state.payments, state.drawer, at, state.sentAway);
    // Stryker disable next-line ConditionalExpression: equivalent, because an X-report leaves the shift's closedAt as it was: it would write back the value already there
    if (shift.closedAt !== null) {
      db.prepare('UPDATE till_shifts SET closed_at = ? WHERE register_id = ? AND number = ?').run(shift.closedAt, DESKS[place].registerId, shift.number);
    }
    return printed;
  });
  return {
    tillState: (place) => readTill(db, place),
    openTillShift: (place, float, at) => open.immediate(place, float, at),
    payAtTill: (request) => pay.immediate(request),
    sendAwayAtTill: (place, at) => sendAway.immediate(place, at),
    tillReport: (place, kind, at) => report.immediate(place, kind, at),
  };
}
