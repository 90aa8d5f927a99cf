/**
 * The order registry on PostgreSQL (issue 20): several machines' terminals and tills on one server.
 * Each method is one transaction on one pooled connection, but a terminal's payment: one statement
 * that writes it all only if it claims the session (still open, with the notes planned), the order
 * (still the version read, or paid elsewhere exactly as foreseen) and the receipt counter, locked by
 * the server (pgPayOnce.ts) — after a read, unless this store opened the session and journaled its
 * notes itself (pgKnown.ts); a lost claim plans again from a read, so two terminals paying one code
 * are serialised by the server, never by a read-then-write in this process.
 * The desks, tills, mobile payments, jams, encashments and training: pgPlaces.ts; the pool and the
 * transaction around each method: pgConnection.ts.
 */
import pg from 'pg';
import { isPositive } from '../../domain/money.js';
import { decideOrderAction, type OrderAction } from '../../domain/orders/orderLife.js';
import { repriceOrder, type Order } from '../../domain/orders/orders.js';
import { checkProcessingDelay, DEFAULT_RULES, type OperatorId, type OrderLifeRules } from '../../domain/rules.js';
import type { PhoneSettings } from '../../domain/mobile/mobilePayment.js';
import { dueRefundOf } from '../../domain/mobile/mobileLedger.js';
import { mobileRulesOf } from '../../domain/mobile/inbox.js';
import type { Settlement } from '../../domain/cash/settlement.js';
import type { CashSession, Checkpoint, CommandStore, OrderSms, Receipt } from '../../domain/store.js';
import { StoreError } from '../errors.js';
import * as rows from '../rows.js';
import { migratePg } from './pgMigrations.js';
import { openPool, type PgStoreOptions } from './pgConnection.js';
import { PgPlaces } from './pgPlaces.js';
import { creditPhone, findOrder, insertOrder, insertSms, listOrders, mustOrder, saveOrder } from './pgRows.js';
import { maskUrl } from './pgUrl.js';
import { payOnce } from './pgPayOnce.js';
import { forwardIn, registryPayments, type ForwardedPayment } from './pgForward.js';
import { insertDueRefund, paymentsForOrder } from './pgMobile.js';
import { phoneAccount, phoneSettings, setPhoneAccount, setPhoneSettings } from './pgPhones.js';
import { abandonIn, journalNoteIn, openSessionIn, unfinishedSessions } from './pgSessions.js';

export type { PgStoreOptions } from './pgConnection.js';

export class PgStore extends PgPlaces implements CommandStore {
  private constructor(pool: pg.Pool, path: string, url: string, processingDelayMs: number, checkpoint: Checkpoint) {
    super(pool, path, url, processingDelayMs, checkpoint);
  }

  /** the registry's schema version once opened (its migrations have run) */
  schemaVersion = 0;

  /** Connects, migrates the registry to the latest schema and returns the store as callers see it. */
  static async open(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
    const processingDelayMs = checkProcessingDelay(options.processingDelayMs ?? DEFAULT_RULES.processingDelayMs);
    const pool = openPool(url, options);
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
      // Stryker disable next-line StringLiteral: equivalent, because dueRefundOf returns null for a zero refund, and a positive one always has its ledgerReason
      const due = dueRefundOf(outcome.order, outcome.refund, outcome.ledgerReason ?? '', await paymentsForOrder(sql, code), at, mobileRulesOf(rules));
      if (due) await insertDueRefund(sql, due);
      // Stryker disable next-line StringLiteral,BooleanLiteral: equivalent, because a positive refund has its ledgerReason, and keeping the operator or COALESCE-ing it with the null passed here leave it as it was
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
    const opened = await this.once((sql) => openSessionIn(sql, session));
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

  /**
   * One round trip to the server (`SELECT 1`): the terminal's probe of its registry (registryProbe.ts).
   * No answer within `timeoutMs` (a network that drops packets silently, a server that stopped
   * answering) is the registry out of reach, without waiting for the OS to give up on the connection;
   * the connection is then dropped from the pool (pg's query_timeout), not left waiting.
   */
  async ping(timeoutMs?: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const answered = this.pool.query({ text: 'SELECT 1', ...(timeoutMs ? { query_timeout: timeoutMs } : {}) });
    const late = new Promise<never>((_resolve, reject) => {
      if (timeoutMs) timer = setTimeout(() => reject(new StoreError('io', this.path, `${this.path}: no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    // the query's own failure once the race is lost (its read timeout, the server back) is nobody's news
    answered.catch(() => undefined);
    try {
      await Promise.race([answered, late]);
    } catch (error) {
      throw this.failure(error);
    } finally {
      clearTimeout(timer);
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

}

/** two writers adding one code at once: the primary key refuses the second, with the same words as the first check */
function rethrowDuplicate(error: unknown, code: string): never {
  if ((error as { code?: unknown }).code === '23505') throw new Error(`order ${code} exists already`, { cause: error });
  throw error;
}
