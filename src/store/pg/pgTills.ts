/**
 * Tills in the registry (the cashier's role): shifts, the drawer by denomination, the payments taken.
 * Every till operation holds its register's lock (the one desk payments take) for its transaction:
 * the checks read the drawer, then the desk payment and the drawer's movement are written together.
 */
import { judgeChange, type Drawer } from '../../domain/cash/drawer.js';
import { openShift, sendAwayRefusal, shiftReport, type Shift, type ShiftReport, type TillPayment } from '../../domain/cash/shift.js';
import { applyTillPayment, tidyDrawer, tillPaymentRefusal, type TillPaymentOutcome, type TillPaymentRequest, type TillState } from '../../domain/cash/till.js';
import { DESKS, type DeskPlace } from '../../domain/fiscal/desks.js';
import { payAtDeskIn } from './pgDesks.js';
import type { Sql } from './pgRows.js';

const lockRegister = (sql: Sql, registerId: string) => sql.query('SELECT pg_advisory_xact_lock(20202, hashtext($1))', [registerId]);

async function readDrawer(sql: Sql, registerId: string, shift: number, which: 'float' | 'now'): Promise<Drawer> {
  const found = await sql.query<{ face: string; count: number }>(
    'SELECT face, count FROM till_drawer WHERE register_id = $1 AND shift = $2 AND which = $3 ORDER BY face::numeric DESC',
    [registerId, shift, which],
  );
  // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: equivalent, because writeDrawer never writes a zero count
  return Object.fromEntries(found.rows.filter((r) => r.count > 0).map((r) => [r.face, r.count]));
}

async function writeDrawer(sql: Sql, registerId: string, shift: number, which: 'float' | 'now', drawer: Drawer): Promise<void> {
  await sql.query('DELETE FROM till_drawer WHERE register_id = $1 AND shift = $2 AND which = $3', [registerId, shift, which]);
  for (const [face, count] of Object.entries(drawer)) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, because readDrawer drops a zero count it reads back
    if (count > 0) await sql.query('INSERT INTO till_drawer (register_id, shift, which, face, count) VALUES ($1, $2, $3, $4, $5)', [registerId, shift, which, face, count]);
  }
}

export async function readTill(sql: Sql, place: DeskPlace): Promise<TillState | null> {
  const registerId = DESKS[place].registerId;
  const row = (await sql.query<{ number: number; opened_at: number; closed_at: number | null }>(
    'SELECT number, opened_at, closed_at FROM till_shifts WHERE register_id = $1 ORDER BY number DESC LIMIT 1', [registerId])).rows[0];
  if (!row) return null;
  const shift: Shift = { number: row.number, openedAt: row.opened_at, closedAt: row.closed_at, float: await readDrawer(sql, registerId, row.number, 'float') };
  const paid = await sql.query<{ receipt: string; total: string; received: string; change_due: string; change_given: string }>(
    'SELECT receipt, total, received, change_due, change_given FROM till_payments WHERE register_id = $1 AND shift = $2 ORDER BY id', [registerId, row.number]);
  const payments = paid.rows.map((p): TillPayment => ({
    receipt: p.receipt, total: p.total, received: p.received, changeDue: p.change_due, changeGiven: p.change_given,
    verdict: judgeChange(p.change_due, p.change_given),
  }));
  const sentAway = Number((await sql.query<{ n: string }>('SELECT count(*) AS n FROM till_sent_away WHERE register_id = $1 AND shift = $2', [registerId, row.number])).rows[0]?.n ?? 0);
  return { place, shift, drawer: await readDrawer(sql, registerId, row.number, 'now'), payments, sentAway };
}

export async function openTillIn(sql: Sql, place: DeskPlace, float: Drawer, at: number): Promise<TillState> {
  const registerId = DESKS[place].registerId;
  await lockRegister(sql, registerId);
  const shift = openShift((await readTill(sql, place))?.shift ?? null, tidyDrawer(float), at);
  await sql.query('INSERT INTO till_shifts (register_id, number, place, opened_at) VALUES ($1, $2, $3, $4)', [registerId, shift.number, place, at]);
  await writeDrawer(sql, registerId, shift.number, 'float', shift.float);
  await writeDrawer(sql, registerId, shift.number, 'now', shift.float);
  return (await readTill(sql, place))!;
}

export async function payAtTillIn(sql: Sql, request: TillPaymentRequest, processingDelayMs: number, checkpoint: (point: string) => void): Promise<TillPaymentOutcome> {
  const registerId = DESKS[request.place].registerId;
  await lockRegister(sql, registerId);
  const state = await readTill(sql, request.place);
  const refusal = tillPaymentRefusal(state, request);
  if (refusal || !state) return { kind: 'refused', refusal: refusal ?? { reason: 'noShift' } };
  const desk = await payAtDeskIn(sql, request, processingDelayMs);
  if (desk.kind !== 'paid') return { kind: 'refused', refusal: { reason: desk.reason } };
  const { drawer, payment } = applyTillPayment(state, request, desk.receipt);
  await writeDrawer(sql, registerId, state.shift.number, 'now', drawer);
  await sql.query(
    `INSERT INTO till_payments (register_id, shift, receipt, total, received, change_due, change_given, verdict) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [registerId, state.shift.number, payment.receipt, payment.total, payment.received, payment.changeDue, payment.changeGiven, payment.verdict.kind],
  );
  checkpoint('till:during');
  return { kind: 'paid', receipt: desk.receipt, payment, drawer };
}

export async function sendAwayIn(sql: Sql, place: DeskPlace, at: number): Promise<TillState> {
  const registerId = DESKS[place].registerId;
  await lockRegister(sql, registerId);
  const state = await readTill(sql, place);
  if (!state) throw new Error(`no shift has been opened at the ${place}`);
  const refusal = sendAwayRefusal(state.shift);
  if (refusal) throw new Error(refusal);
  await sql.query('INSERT INTO till_sent_away (register_id, shift, at) VALUES ($1, $2, $3)', [registerId, state.shift.number, at]);
  return (await readTill(sql, place))!;
}

export async function tillReportIn(sql: Sql, place: DeskPlace, kind: 'X' | 'Z', at: number): Promise<ShiftReport> {
  const registerId = DESKS[place].registerId;
  await lockRegister(sql, registerId);
  const state = await readTill(sql, place);
  if (!state) throw new Error(`no shift has been opened at the ${place}`);
  const { report, shift } = shiftReport(kind, state.shift, state.payments, state.drawer, at, state.sentAway);
  // Stryker disable next-line ConditionalExpression: equivalent, because an X-report leaves the shift's closedAt as it was: it would write back the value already there
  if (shift.closedAt !== null) {
    await sql.query('UPDATE till_shifts SET closed_at = $1 WHERE register_id = $2 AND number = $3', [shift.closedAt, registerId, shift.number]);
  }
  return report;
}
