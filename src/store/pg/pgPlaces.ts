/**
 * The registry's places beside the terminal's payment (issue 20): the cashier's and Post desks and
 * their tills, mobile payments (pgMobile.ts), jammed notes, encashments, the cash journal, training
 * and the program clock; each method one transaction (pgConnection.ts). PgStore (pgStore.ts) adds
 * orders, phones, cash sessions and the terminal's payment.
 */
import type { MobileRequestInput, TrainingAttemptFilter } from '../../domain/store.js';
import type { MobileRules } from '../../domain/mobile/mobileRules.js';
import type { DeskPaymentRequest } from '../../domain/cash/deskPayment.js';
import type { DeskPlace } from '../../domain/fiscal/desks.js';
import type { Drawer } from '../../domain/cash/drawer.js';
import type { TillPaymentRequest } from '../../domain/cash/till.js';
import type { AttemptRecord } from '../../domain/training/attempt.js';
import type { DrillCard } from '../../domain/training/drill.js';
import { checkDrill } from '../drillRows.js';
import { PgConnection } from './pgConnection.js';
import { answerIn, expireIn, landIn, listPayments, requestIn } from './pgMobile.js';
import { journalEntries } from './pgSessions.js';
import { listAttempts, listDrillCards, recordAttempt } from './pgTraining.js';
import { cassetteOf, encashIn, listEncashments } from './pgEncashments.js';
import { clearIn, holdIn, jammedSessions } from './pgJams.js';
import { listDeskReceipts, payAtDeskIn } from './pgDesks.js';
import { openTillIn, payAtTillIn, readTill, sendAwayIn, tillReportIn } from './pgTills.js';

export abstract class PgPlaces extends PgConnection {
  /** a payment at a cashier's or Post desk: the credit, the fiscal receipt and its register's counters together */
  payAtDesk(request: DeskPaymentRequest) {
    return this.tx(async (sql) => {
      const outcome = await payAtDeskIn(sql, request, this.processingDelayMs);
      if (outcome.kind === 'paid') this.checkpoint('desk:during');
      return outcome;
    });
  }

  tillState(place: DeskPlace) {
    return this.tx((sql) => readTill(sql, place));
  }

  openTillShift(place: DeskPlace, float: Drawer, at: number) {
    return this.tx((sql) => openTillIn(sql, place, float, at));
  }

  payAtTill(request: TillPaymentRequest) {
    return this.tx((sql) => payAtTillIn(sql, request, this.processingDelayMs, this.checkpoint));
  }

  sendAwayAtTill(place: DeskPlace, at: number) {
    return this.tx((sql) => sendAwayIn(sql, place, at));
  }

  tillReport(place: DeskPlace, kind: 'X' | 'Z', at: number) {
    return this.tx((sql) => tillReportIn(sql, place, kind, at));
  }

  deskReceipts() {
    return this.tx((sql) => listDeskReceipts(sql));
  }

  requestMobilePayment(input: MobileRequestInput, rules: MobileRules) {
    return this.tx((sql) => requestIn(sql, input, rules, this.checkpoint));
  }

  /** confirmed and debited together or not at all; a second reply (another machine's) changes nothing */
  answerMobilePayment(id: string, text: string, at: number, rules: MobileRules) {
    return this.tx((sql) => answerIn(sql, id, text, at, rules, this.checkpoint));
  }

  /** asked every second of the interactive run: one cheap read unless a request is overdue */
  async expireMobilePayments(at: number) {
    const overdue = await this.tx(async (sql) => (await sql.query(`SELECT 1 FROM mobile_payments WHERE state = 'awaiting' AND expires_at <= $1 LIMIT 1`, [at])).rowCount);
    return overdue ? this.tx((sql) => expireIn(sql, at, this.checkpoint)) : [];
  }

  async landMobileRefunds(at: number) {
    const due = await this.tx(async (sql) => (await sql.query('SELECT 1 FROM mobile_refunds WHERE landed = 0 AND due_at <= $1 LIMIT 1', [at])).rowCount);
    return due ? this.tx((sql) => landIn(sql, at, this.checkpoint)) : [];
  }

  mobilePayments(phone?: string) {
    return this.tx((sql) => listPayments(sql, phone));
  }

  /** the acceptor jammed on this note: kept as held (not counted) before the screen says anything */
  holdNote(sessionId: string, note: number, at: number) {
    this.known.forget(sessionId);
    return this.tx((sql) => holdIn(sql, sessionId, note, at, this.checkpoint));
  }

  jammedSessions(terminalId?: string) {
    return this.tx((sql) => jammedSessions(sql, terminalId ?? null));
  }

  clearJam(sessionId: string, at: number) {
    this.known.forget(sessionId);
    return this.tx((sql) => clearIn(sql, sessionId, at, this.processingDelayMs, this.checkpoint));
  }

  /** what the terminal's cassette holds since its last encashment */
  cassette(terminalId: string) {
    return this.tx((sql) => cassetteOf(sql, terminalId));
  }

  /** takes the cassette out: the count and the new, empty cassette in one transaction */
  encash(terminalId: string, at: number) {
    return this.tx((sql) => encashIn(sql, terminalId, at));
  }

  encashments(terminalId?: string) {
    return this.tx((sql) => listEncashments(sql, terminalId));
  }

  /** the cash journal since `since`, oldest first, with each session's fate (`kiosk journal`) */
  journalEntries(since: number | null = null) {
    return this.tx((sql) => journalEntries(sql, since));
  }

  async recordTrainingAttempt(record: AttemptRecord, drill: readonly DrillCard[] = []) {
    checkDrill(drill);
    this.checkpoint('training:before');
    await this.tx((sql) => recordAttempt(sql, record, this.checkpoint, drill));
    this.checkpoint('training:after');
  }

  drillCards(trainee: string) {
    return this.tx((sql) => listDrillCards(sql, trainee));
  }

  listTrainingAttempts(filter: TrainingAttemptFilter = {}) {
    return this.tx((sql) => listAttempts(sql, filter));
  }

  programClockOffset() {
    return this.tx(async (sql) => (await sql.query<{ ms: number }>('SELECT offset_ms AS ms FROM program_clock WHERE id = 1')).rows[0]?.ms ?? 0);
  }

  setProgramClockOffset(ms: number) {
    return this.tx(async (sql) => {
      await sql.query(
        'INSERT INTO program_clock (id, offset_ms) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET offset_ms = GREATEST(program_clock.offset_ms, EXCLUDED.offset_ms)',
        [Math.round(ms)],
      );
    });
  }
}
