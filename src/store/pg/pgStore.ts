/**
 * The order registry on PostgreSQL (issue 20): several machines' terminals and tills on one server.
 * Each method is one transaction on one pooled connection, but a terminal's payment: one statement
 * that writes it all only if it claims the session (still open, with the notes planned), the order
 * (still the version read, or paid elsewhere exactly as foreseen) and the receipt counter, locked by
 * the server (pgPayOnce.ts) — after a read, unless this store opened the session and journaled its
 * notes itself (pgKnown.ts); a lost claim plans again from a read, so two terminals paying one code
 * are serialised by the server, never by a read-then-write in this process.
 * Mobile payments: see pgMobile.ts.
 */
import pg from 'pg';
import { isPositive } from '../../domain/money.js';
import { decideOrderAction, type OrderAction } from '../../domain/orders/orderLife.js';
import { repriceOrder, type Order } from '../../domain/orders/orders.js';
import { checkProcessingDelay, DEFAULT_RULES, type OperatorId, type OrderLifeRules } from '../../domain/rules.js';
import type { PhoneSettings } from '../../domain/mobile/mobilePayment.js';
import type { MobileRules } from '../../domain/mobile/mobileRules.js';
import { dueRefundOf } from '../../domain/mobile/mobileLedger.js';
import { mobileRulesOf } from '../../domain/mobile/inbox.js';
import type { Settlement } from '../../domain/cash/settlement.js';
import type { DeskPaymentRequest } from '../../domain/cash/deskPayment.js';
import type { CashSession, Checkpoint, CommandStore, MobileRequestInput, OrderSms, Receipt, TrainingAttemptFilter } from '../../domain/store.js';
import { StoreError } from '../errors.js';
import * as rows from '../rows.js';
import { migratePg } from './pgMigrations.js';
import { creditPhone, findOrder, insertOrder, insertSms, listOrders, mustOrder, saveOrder, type Sql } from './pgRows.js';
import { maskIn, maskUrl } from './pgUrl.js';
import { payOnce } from './pgPayOnce.js';
import { KnownSessions } from './pgKnown.js';
import { forwardIn, registryPayments, type ForwardedPayment } from './pgForward.js';
import { answerIn, expireIn, insertDueRefund, landIn, listPayments, paymentsForOrder, requestIn } from './pgMobile.js';
import { phoneAccount, phoneSettings, setPhoneAccount, setPhoneSettings } from './pgPhones.js';
import { abandonIn, journalEntries, journalNoteIn, openSessionIn, unfinishedSessions } from './pgSessions.js';
import { listAttempts, listDrillCards, recordAttempt } from './pgTraining.js';
import { checkDrill } from '../drillRows.js';
import type { DrillCard } from '../../domain/training/drill.js';
import { cassetteOf, encashIn, listEncashments } from './pgEncashments.js';
import { clearIn, holdIn, jammedSessions } from './pgJams.js';
import { listDeskReceipts, payAtDeskIn } from './pgDesks.js';
import { openTillIn, payAtTillIn, readTill, sendAwayIn, tillReportIn } from './pgTills.js';
import type { DeskPlace } from '../../domain/fiscal/desks.js';
import type { Drawer } from '../../domain/cash/drawer.js';
import type { TillPaymentRequest } from '../../domain/cash/till.js';
import type { AttemptRecord } from '../../domain/training/attempt.js';

export interface PgStoreOptions {
  /** the schema to keep the registry in (tests: one per store); default the connection's search_path */
  schema?: string;
  /** R-CODE-6: how long terminal cash is "processing" */
  processingDelayMs?: number;
  checkpoint?: Checkpoint;
  /** connections in the pool (each terminal needs one at a time) */
  maxConnections?: number;
}

// bigint (int8) columns hold epoch milliseconds: well inside a double's exact range
const INT8 = 20;
const types = { getTypeParser: (oid: number, format?: string) => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format as 'text')) };

export class PgStore implements CommandStore {
  private constructor(
    private readonly pool: pg.Pool,
    /** the URL with its password masked: what messages may show */
    readonly path: string,
    private readonly url: string,
    private readonly processingDelayMs: number,
    private readonly checkpoint: Checkpoint,
  ) {}

  /** the sessions this store opened, their notes, orders and counters: a payment of one needs no read first */
  private readonly known = new KnownSessions();

  /** the registry's schema version once opened (its migrations have run) */
  schemaVersion = 0;

  /** Connects, migrates the registry to the latest schema and returns the store as callers see it. */
  static async open(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
    const processingDelayMs = checkProcessingDelay(options.processingDelayMs ?? DEFAULT_RULES.processingDelayMs);
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 4,
      types,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // an idle connection's error (the server restarting) must not end the process; the next query reports it
    pool.on('error', () => undefined);
    const store = new PgStore(pool, maskUrl(url), url, processingDelayMs, options.checkpoint ?? (() => {}));
    try {
      const client = await pool.connect();
      try {
        if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(options.schema)}`);
        store.schemaVersion = await migratePg(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw store.failure(error, true);
    }
    return store;
  }

  /**
   * A StoreError naming the registry, the password masked wherever the driver quoted it. While
   * `opening`, any failure is one (TLS refused by the server has no SQLSTATE, a newer schema neither).
   */
  private failure(error: unknown, opening = false): unknown {
    if (error instanceof StoreError || !(error instanceof Error)) return error;
    const code = (error as { code?: unknown }).code;
    // SQLSTATE classes 08 (connection), 28 (authorisation), 3D (no database), 57P (shut down); Node's socket errors
    if (opening || (typeof code === 'string' && /^(08|28|3D|57P|E[A-Z]+$)/.test(code))) {
      return new StoreError('io', this.path, `${this.path}: ${maskIn(error.message, this.url)}`, { cause: error });
    }
    error.message = maskIn(error.message, this.url);
    return error;
  }

  /** Runs `work` in one transaction on one connection; any error rolls it all back. */
  private async tx<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.failure(error);
    }
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw this.failure(error);
    } finally {
      client.release();
    }
  }

  findOrder(code: string) {
    return this.tx((sql) => findOrder(sql, code));
  }

  listOrders() {
    return this.tx((sql) => listOrders(sql));
  }

  addOrder(order: Order) {
    return this.tx(async (sql) => {
      if (await findOrder(sql, order.code)) throw new Error(`order ${order.code} exists already`);
      await insertOrder(sql, order);
    }).catch((error: unknown) => rethrowDuplicate(error, order.code));
  }

  placeOrder(order: Order, sms: OrderSms) {
    this.checkpoint('order:before');
    return this.tx(async (sql) => {
      if (await findOrder(sql, order.code)) throw new Error(`order ${order.code} exists already`);
      await insertOrder(sql, order);
      this.checkpoint('order:during');
      await insertSms(sql, sms);
    }).then(() => this.checkpoint('order:after'), (error: unknown) => rethrowDuplicate(error, order.code));
  }

  changeOrder(code: string, action: OrderAction, at: number, rules: OrderLifeRules = DEFAULT_RULES) {
    return this.tx(async (sql) => {
      const before = await mustOrder(sql, code, true);
      const outcome = decideOrderAction(before, action, at, rules);
      if (outcome.placed) {
        if (await findOrder(sql, outcome.placed.code)) throw new Error(`order ${outcome.placed.code} exists already`);
        await insertOrder(sql, outcome.placed);
      }
      await saveOrder(sql, before, outcome.order);
      // R-MOB-8: a mobile payment's refund goes back to the paying balance later, not to the order's phone now
      const due = dueRefundOf(outcome.order, outcome.refund, outcome.ledgerReason ?? '', await paymentsForOrder(sql, code), at, mobileRulesOf(rules));
      if (due) await insertDueRefund(sql, due);
      else if (isPositive(outcome.refund)) await creditPhone(sql, outcome.order.phone, null, outcome.refund, outcome.ledgerReason ?? '', at, true);
      for (const message of outcome.sms) await insertSms(sql, message);
      return outcome;
    });
  }

  sendSms(message: OrderSms) {
    return this.tx((sql) => insertSms(sql, message));
  }

  repriceOrder(code: string, price: string) {
    return this.tx(async (sql) => {
      rows.assertMoney(price);
      const before = await mustOrder(sql, code, true);
      const repriced = repriceOrder(before, price);
      await saveOrder(sql, before, repriced);
      return repriced;
    });
  }

  phoneAccount(phone: string) {
    return this.tx((sql) => phoneAccount(sql, phone));
  }

  setPhoneAccount(phone: string, operator: OperatorId | null, balance: string) {
    return this.tx((sql) => setPhoneAccount(sql, phone, operator, balance));
  }

  /** a phone's settings at its operator; the defaults when never set */
  phoneSettings(phone: string) {
    return this.tx((sql) => phoneSettings(sql, phone));
  }

  setPhoneSettings(phone: string, settings: PhoneSettings) {
    return this.tx((sql) => setPhoneSettings(sql, phone, settings));
  }

  /** remembered with its order and counter as the insert found them, for a payment in one round trip (pgKnown.ts) */
  async openSession(session: Omit<CashSession, 'notes'>) {
    const opened = await this.tx((sql) => openSessionIn(sql, session));
    this.known.opened(session, opened.order, opened.orderVersion, opened.counterSeq);
  }

  /** committed before this resolves and the screen shows the note */
  async journalNote(sessionId: string, note: number, at: number) {
    try {
      await this.tx((sql) => journalNoteIn(sql, sessionId, note, at, this.checkpoint));
    } catch (error) {
      // committed or not, nobody can tell: the payment reads the notes
      this.known.forget(sessionId);
      throw error;
    }
    this.known.noted(sessionId, note);
  }

  unfinishedSessions(terminalId?: string) {
    return this.tx((sql) => unfinishedSessions(sql, terminalId ?? null));
  }

  /** no BEGIN/COMMIT: one conditional statement that writes it all, after a read unless the session is known (pgPayOnce.ts) */
  completePayment(sessionId: string, trigger: Settlement['trigger'], at: number, recovered = false) {
    return payOnce(this.pool, sessionId, trigger, at, recovered, this.processingDelayMs, this.checkpoint, this.known).catch((error: unknown) => {
      throw this.failure(error);
    });
  }

  /** a payment from a terminal's journal outbox, stored once by its key (pgForward.ts) */
  forwardPayment(entry: ForwardedPayment) {
    return this.tx((sql) => forwardIn(sql, entry, this.processingDelayMs, this.checkpoint));
  }

  /** one round trip to the server (`SELECT 1`): the terminal's probe of its registry (registryProbe.ts) */
  async ping(): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** the last receipt number's sequence the registry drew for a terminal (0: none) */
  lastReceiptSeq(terminalId: string) {
    return this.tx(async (sql) => (await sql.query<{ seq: number }>('SELECT seq FROM receipt_counters WHERE terminal_id = $1', [terminalId])).rows[0]?.seq ?? 0);
  }

  /** the registry's terminal payments, for `kiosk reconcile` */
  terminalPayments() {
    return this.tx((sql) => registryPayments(sql));
  }

  abandonSession(sessionId: string) {
    this.known.forget(sessionId);
    return this.tx((sql) => abandonIn(sql, sessionId));
  }

  receipt(number: string) {
    return this.tx(async (sql) => rows.toReceipt((await sql.query<rows.ReceiptRow>('SELECT * FROM receipts WHERE number = $1', [number])).rows[0]));
  }

  receipts(since: number | null = null) {
    return this.tx(async (sql) => {
      const found = await sql.query<rows.ReceiptRow>('SELECT * FROM receipts WHERE $1::bigint IS NULL OR at >= $1 ORDER BY at, terminal_id, seq', [since]);
      return found.rows.map((r) => rows.toReceipt(r)!) as Receipt[];
    });
  }

  setReceiptText(number: string, text: string) {
    return this.tx(async (sql) => {
      const { rowCount } = await sql.query('UPDATE receipts SET text = $2 WHERE number = $1', [number, text]);
      if (rowCount !== 1) throw new Error(`no receipt ${number}`);
      this.checkpoint('receipt:during');
    });
  }

  receiptText(number: string) {
    return this.tx(async (sql) => (await sql.query<{ text: string | null }>('SELECT text FROM receipts WHERE number = $1', [number])).rows[0]?.text ?? undefined);
  }

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

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** two writers adding one code at once: the primary key refuses the second, with the same words as the first check */
function rethrowDuplicate(error: unknown, code: string): never {
  if ((error as { code?: unknown }).code === '23505') throw new Error(`order ${code} exists already`, { cause: error });
  throw error;
}
