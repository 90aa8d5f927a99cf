/**
 * The durable `KioskStore`: one SQLite file shared by every terminal process on the machine.
 * Same semantics as `MemoryStore`; every banknote is on disk before `journalNote` returns.
 */
import Database, { type Database as Connection } from 'better-sqlite3';
import { ZERO, type Money } from '../domain/money.js';
import { decideOrderAction, type ActionOutcome, type OrderAction } from '../domain/orders/orderLife.js';
import { repriceOrder, type Order } from '../domain/orders/orders.js';
import { checkProcessingDelay, DEFAULT_RULES, type OperatorId, type OrderLifeRules } from '../domain/rules.js';
import type { StoreReports } from '../domain/store.js';
import type { CashSession, JammedSession, SyncKioskStore, LedgerEntry, OrderSms, PaymentOutcome, PhoneAccount, Receipt } from '../domain/store.js';
import { StoreError, toStoreError } from './errors.js';
import { BUSY_TIMEOUT_MS, checkExistingFile } from './fileCheck.js';
import { boundConnection, pageCacheKiB } from './connectionMemory.js';
import { assertKnownSchema, LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations.js';
import { findOrder, mustOrder, payInTransaction, sessionState, type Checkpoint, type Trigger } from './payments.js';
import { journalEntries, listReceipts, type JournalEntry } from './reports.js';
import { insertOrder, insertSms, listOrders, persistOutcome, phoneMessages, saveOrder } from './orderRows.js';
import * as rows from './rows.js';
import { deskPayer, listDeskReceipts } from './deskPayments.js';
import { sqliteTills } from './tills.js';
import type { TillStore } from '../domain/cash/tillStore.js';
import type { Drawer } from '../domain/cash/drawer.js';
import type { ShiftReport } from '../domain/cash/shift.js';
import type { TillPaymentOutcome, TillPaymentRequest, TillState } from '../domain/cash/till.js';
import type { DeskPlace } from '../domain/fiscal/desks.js';
import type { DeskPaymentOutcome, DeskPaymentRequest } from '../domain/cash/deskPayment.js';
import type { DeskReceipt } from '../domain/fiscal/fiscalReceipt.js';
import { answerInTransaction, expireInTransaction, hasDueRefunds, insertDueRefund, landInTransaction, listPayments, overduePayments, readSettings, requestInTransaction, writeSettings } from './mobileRows.js';
import type { MobilePayment, PhoneSettings } from '../domain/mobile/mobilePayment.js';
import type { MobileRules } from '../domain/mobile/mobileRules.js';
import { dueRefundOf } from '../domain/mobile/mobileLedger.js';
import { mobileRulesOf } from '../domain/mobile/inbox.js';
import type { MobileOutcome, MobileRequestInput } from '../domain/store.js';
import { cassetteOf, encashInTransaction, listEncashments } from './encashments.js';
import { clearInTransaction, holdInTransaction, jammedSessions } from './jams.js';
import type { CassetteCount, Encashment } from '../domain/cash/cassette.js';
import type { AttemptRecord } from '../domain/training/attempt.js';
import type { TrainingAttemptFilter } from '../domain/store.js';
import { listAttempts, recordAttemptInTransaction } from './trainingRows.js';
import { checkDrill, listDrillCards, saveDrillInTransaction } from './drillRows.js';
import type { DrillCard } from '../domain/training/drill.js';

export { StoreError, type StoreErrorCode } from './errors.js';
export type { JournalEntry } from './reports.js';
export type { Checkpoint } from './payments.js';

export { BUSY_TIMEOUT_MS } from './fileCheck.js';

export interface SqliteStoreOptions {
  /** open without writing anything (inspection); writes then fail with StoreError 'readonly' */
  readonly?: boolean;
  /** called at named points inside write transactions (the crash tests' hook); a no-op otherwise */
  checkpoint?: Checkpoint;
  /** fills a database this call creates (the demo orders), in the transaction that creates it */
  seed?: (store: SyncKioskStore) => void;
  /** R-CODE-6: how long terminal cash is "processing" (default 2 days, at most 7) */
  processingDelayMs?: number;
}

const IN_MEMORY = ':memory:';

export class SqliteStore implements SyncKioskStore, StoreReports {
  private readonly pay: (sessionId: string, trigger: Trigger, at: number, recovered: boolean) => PaymentOutcome;
  private readonly abandon: (sessionId: string) => void;
  private readonly journal: (sessionId: string, note: number, at: number) => number;
  private readonly printed: (number: string, text: string) => number;
  private readonly deskPay: (request: DeskPaymentRequest) => DeskPaymentOutcome;
  private readonly tills: TillStore;
  private readonly encashNow: (terminalId: string, at: number) => Encashment;
  private readonly hold: (sessionId: string, note: number, at: number) => number;
  private readonly clear: (sessionId: string, at: number) => PaymentOutcome;

  private constructor(
    private readonly db: Connection,
    readonly path: string,
    private readonly checkpoint: Checkpoint,
    processingDelayMs: number,
  ) {
    const pay = db.transaction((id: string, trigger: Trigger, at: number, recovered: boolean) =>
      payInTransaction(db, id, trigger, at, recovered, checkpoint, processingDelayMs),
    );
    this.pay = (...args) => pay.immediate(...args);
    const encash = db.transaction((terminalId: string, at: number) => encashInTransaction(db, terminalId, at));
    this.encashNow = (...args) => encash.immediate(...args);
    const abandon = db.transaction((id: string) => this.abandonInTransaction(id));
    this.abandon = (id) => abandon.immediate(id);
    const journal = db.transaction((id: string, note: number, at: number) => {
      const { changes } = db
        .prepare(
          `INSERT INTO cash_journal (session_id, note, at)
           SELECT id, ?, ? FROM cash_sessions WHERE id = ? AND state = 'open'`,
        )
        .run(note, at, id);
      if (changes === 1) checkpoint('journal:during');
      return changes;
    });
    this.journal = (...args) => journal.immediate(...args);
    const hold = db.transaction((id: string, note: number, at: number) => holdInTransaction(db, id, note, at, checkpoint));
    this.hold = (...args) => hold.immediate(...args);
    const clear = db.transaction((id: string, at: number) => clearInTransaction(db, id, at, checkpoint, processingDelayMs));
    this.clear = (...args) => clear.immediate(...args);
    const printed = db.transaction((number: string, text: string) => {
      const { changes } = db.prepare('UPDATE receipts SET text = ? WHERE number = ?').run(text, number);
      if (changes === 1) checkpoint('receipt:during');
      return changes;
    });
    this.printed = (...args) => printed.immediate(...args);
    this.deskPay = deskPayer(db, processingDelayMs, checkpoint);
    this.tills = sqliteTills(db, processingDelayMs, checkpoint);
  }

  /**
   * Opens (creating if needed) the database at `path`. An existing file is checked read-only first,
   * so a foreign, corrupt or newer-schema file is refused with a StoreError and never written.
   */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    const readonly = options.readonly ?? false;
    const processingDelayMs = checkProcessingDelay(options.processingDelayMs ?? DEFAULT_RULES.processingDelayMs);
    const exists = path !== IN_MEMORY && checkExistingFile(path);
    if (!exists && readonly) throw new StoreError('io', path, `${path} does not exist (opened read-only)`);
    let db: Connection | undefined;
    try {
      db = boundConnection(new Database(path, { readonly, fileMustExist: readonly && path !== IN_MEMORY, timeout: BUSY_TIMEOUT_MS }));
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // check again before the first write: another process may have upgraded the file meanwhile
      const version = schemaVersion(db);
      assertKnownSchema(version, path);
      if (readonly) {
        if (version < LATEST_SCHEMA_VERSION) {
          throw new StoreError('readonly', path, `${path} has schema version ${version} and needs ${LATEST_SCHEMA_VERSION}, but it was opened read-only`);
        }
      }
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      const store = new SqliteStore(db, path, options.checkpoint ?? (() => {}), processingDelayMs);
      if (!readonly) {
        db.pragma('journal_mode = WAL');
        const seed = options.seed;
        migrate(db, path, seed && (() => seed(store)));
      }
      return store;
    } catch (error) {
      db?.close();
      throw toStoreError(error, path);
    }
  }

  findOrder(code: string): Order | undefined {
    return this.guard(() => findOrder(this.db, code));
  }

  listOrders(): Order[] {
    return this.guard(() => listOrders(this.db));
  }

  addOrder(order: Order): void {
    this.guard(() => {
      if (this.findOrder(order.code)) throw new Error(`order ${order.code} exists already`);
      this.db.transaction(() => insertOrder(this.db, order)).immediate();
    });
  }

  placeOrder(order: Order, sms: OrderSms): void {
    this.guard(() => {
      this.checkpoint('order:before');
      this.db
        .transaction(() => {
          if (findOrder(this.db, order.code)) throw new Error(`order ${order.code} exists already`);
          insertOrder(this.db, order);
          this.checkpoint('order:during');
          insertSms(this.db, sms);
        })
        .immediate();
      this.checkpoint('order:after');
    });
  }

  changeOrder(code: string, action: OrderAction, at: number, rules: OrderLifeRules = DEFAULT_RULES): ActionOutcome {
    return this.guard(() =>
      this.db
        .transaction(() => {
          const before = mustOrder(this.db, code);
          const outcome = decideOrderAction(before, action, at, rules);
          // R-MOB-8: a mobile payment's refund goes back to the paying balance later, not to the order's phone now
          const due = dueRefundOf(outcome.order, outcome.refund, outcome.ledgerReason ?? '', listPayments(this.db), at, mobileRulesOf(rules));
          persistOutcome(this.db, before, due ? { ...outcome, refund: ZERO } : outcome, at);
          if (due) insertDueRefund(this.db, due);
          return outcome;
        })
        .immediate(),
    );
  }

  repriceOrder(code: string, price: Money): Order {
    return this.guard(() => {
      rows.assertMoney(price);
      const reprice = this.db.transaction(() => {
        const before = mustOrder(this.db, code);
        const repriced = repriceOrder(before, price);
        saveOrder(this.db, before, repriced);
        return repriced;
      });
      return reprice.immediate();
    });
  }

  sendSms(message: OrderSms): void {
    this.guard(() => insertSms(this.db, message));
  }

  phoneAccount(phone: string): PhoneAccount {
    return this.guard(() => {
      const account = this.db.prepare<rows.PhoneRow>('SELECT * FROM phone_accounts WHERE phone = ?').get(phone);
      const ledger = this.db
        .prepare<LedgerEntry>('SELECT at, amount, reason FROM ledger WHERE phone = ? ORDER BY id')
        .all(phone);
      const sms = phoneMessages(this.db, 'phone', phone);
      // an SMS (a code) may reach a number that has no account yet
      return { phone, operator: account?.operator ?? null, balance: account?.balance ?? ZERO, ledger, sms };
    });
  }

  setPhoneAccount(phone: string, operator: OperatorId | null, balance: Money): void {
    this.guard(() => {
      rows.assertMoney(balance);
      this.db
        .prepare(
          `INSERT INTO phone_accounts (phone, operator, balance) VALUES (?, ?, ?)
           ON CONFLICT (phone) DO UPDATE SET operator = excluded.operator, balance = excluded.balance`,
        )
        .run(phone, operator, balance);
    });
  }

  openSession(session: Omit<CashSession, 'notes'>): void {
    this.guard(() => {
      rows.assertMoney(session.due);
      // never replace a session: it may already hold journaled cash
      if (sessionState(this.db, session.id)) throw new Error(`cash session ${session.id} exists already`);
      this.db
        .prepare(
          `INSERT INTO cash_sessions (id, terminal_id, code, due, phone, operator, opened_at, owner_host, owner_pid, owner_started)
           VALUES (@id, @terminalId, @code, @due, @phone, @operator, @openedAt, @ownerHost, @ownerPid, @ownerStarted)`,
        )
        .run({
          id: session.id, terminalId: session.terminalId, code: session.code, due: session.due, phone: session.phone,
          operator: session.operator, openedAt: session.openedAt,
          ownerHost: session.owner?.host ?? null, ownerPid: session.owner?.pid ?? null, ownerStarted: session.owner?.started ?? null,
        });
    });
  }

  journalNote(sessionId: string, note: number, at: number): void {
    this.guard(() => {
      // committed (with synchronous=FULL: fsynced) before this returns and the screen shows the note
      if (this.journal(sessionId, note, at) === 1) return;
      const state = sessionState(this.db, sessionId);
      throw new Error(state ? `cash session ${sessionId} is ${state}; it takes no more cash` : `no cash session ${sessionId}`);
    });
  }

  unfinishedSessions(terminalId?: string): CashSession[] {
    return this.guard(() => {
      const found = this.db
        .prepare<rows.SessionRow & { note: number }>(
          `SELECT s.*, j.note FROM cash_sessions s JOIN cash_journal j ON j.session_id = s.id
           WHERE s.state = 'open' AND (@terminal IS NULL OR s.terminal_id = @terminal)
             AND NOT EXISTS (SELECT 1 FROM cash_journal h WHERE h.session_id = s.id AND h.kind = 'held')
           ORDER BY s.opened_at, s.rowid, j.id`,
        )
        .all({ terminal: terminalId ?? null });
      const sessions = new Map<string, CashSession>();
      for (const row of found) {
        const session = sessions.get(row.id) ?? rows.toSession(row, []);
        session.notes.push(row.note);
        sessions.set(row.id, session);
      }
      return [...sessions.values()];
    });
  }

  holdNote(sessionId: string, note: number, at: number): void {
    this.guard(() => {
      if (this.hold(sessionId, note, at) === 1) return;
      const state = sessionState(this.db, sessionId);
      throw new Error(state ? `cash session ${sessionId} is ${state}; it takes no more cash` : `no cash session ${sessionId}`);
    });
  }

  jammedSessions(terminalId?: string): JammedSession[] {
    return this.guard(() => jammedSessions(this.db, terminalId ?? null));
  }

  clearJam(sessionId: string, at: number): PaymentOutcome {
    return this.guard(() => this.clear(sessionId, at));
  }

  completePayment(sessionId: string, trigger: Trigger, at: number, recovered = false): PaymentOutcome {
    return this.guard(() => this.pay(sessionId, trigger, at, recovered));
  }

  abandonSession(sessionId: string): void {
    this.guard(() => this.abandon(sessionId));
  }

  receipt(number: string): Receipt | undefined {
    return this.guard(() => rows.toReceipt(this.db.prepare<rows.ReceiptRow>('SELECT * FROM receipts WHERE number = ?').get(number)));
  }

  payAtDesk(request: DeskPaymentRequest): DeskPaymentOutcome {
    return this.guard(() => this.deskPay(request));
  }

  deskReceipts(): DeskReceipt[] {
    return this.guard(() => listDeskReceipts(this.db));
  }

  tillState(place: DeskPlace): TillState | null {
    return this.guard(() => this.tills.tillState(place));
  }
  openTillShift(place: DeskPlace, float: Drawer, at: number): TillState {
    return this.guard(() => this.tills.openTillShift(place, float, at));
  }
  payAtTill(request: TillPaymentRequest): TillPaymentOutcome {
    return this.guard(() => this.tills.payAtTill(request));
  }
  sendAwayAtTill(place: DeskPlace, at: number): TillState {
    return this.guard(() => this.tills.sendAwayAtTill(place, at));
  }
  tillReport(place: DeskPlace, kind: 'X' | 'Z', at: number): ShiftReport {
    return this.guard(() => this.tills.tillReport(place, kind, at));
  }

  /** Keeps the printed text of a receipt, so that a reprint is the same text. */
  setReceiptText(number: string, text: string): void {
    this.guard(() => {
      if (this.printed(number, text) !== 1) throw new Error(`no receipt ${number}`);
    });
  }

  /** The cash journal since `since` (epoch ms), oldest first, with each session's fate. */
  journalEntries(since: number | null = null): JournalEntry[] {
    return this.guard(() => journalEntries(this.db, since));
  }

  /** The receipts since `since` (epoch ms), oldest first. */
  receipts(since: number | null = null): Receipt[] {
    return this.guard(() => listReceipts(this.db, since));
  }

  /** The printed text; undefined when the receipt does not exist or was never printed. */
  receiptText(number: string): string | undefined {
    return this.guard(
      () => this.db.prepare<{ text: string | null }>('SELECT text FROM receipts WHERE number = ?').get(number)?.text ?? undefined,
    );
  }

  phoneSettings(phone: string): PhoneSettings {
    return this.guard(() => readSettings(this.db, phone));
  }

  setPhoneSettings(phone: string, settings: PhoneSettings): void {
    this.guard(() => writeSettings(this.db, phone, settings));
  }

  requestMobilePayment(input: MobileRequestInput, rules: MobileRules): MobileOutcome {
    return this.guard(() => this.db.transaction(() => requestInTransaction(this.db, input, rules, this.checkpoint)).immediate());
  }

  answerMobilePayment(id: string, text: string, at: number, rules: MobileRules): MobileOutcome {
    return this.guard(() => this.db.transaction(() => answerInTransaction(this.db, id, text, at, rules, this.checkpoint)).immediate());
  }

  expireMobilePayments(at: number): MobileOutcome[] {
    // asked every second of the interactive run: the write lock is taken only when a request is overdue
    return this.guard(() => (overduePayments(this.db, at).length === 0 ? [] : this.db.transaction(() => expireInTransaction(this.db, at, this.checkpoint)).immediate()));
  }

  landMobileRefunds(at: number): MobileOutcome[] {
    return this.guard(() => (hasDueRefunds(this.db, at) ? this.db.transaction(() => landInTransaction(this.db, at, this.checkpoint)).immediate() : []));
  }

  mobilePayments(phone?: string): MobilePayment[] {
    return this.guard(() => listPayments(this.db, phone));
  }

  programClockOffset(): number {
    return this.guard(() => (this.db.prepare('SELECT offset_ms AS ms FROM program_clock WHERE id = 1').get() as { ms: number } | undefined)?.ms ?? 0);
  }

  setProgramClockOffset(ms: number): void {
    this.guard(() =>
      this.db
        .prepare('INSERT INTO program_clock (id, offset_ms) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET offset_ms = max(offset_ms, excluded.offset_ms)')
        .run(Math.round(ms)),
    );
  }

  cassette(terminalId: string): CassetteCount {
    return this.guard(() => cassetteOf(this.db, terminalId));
  }

  encash(terminalId: string, at: number): Encashment {
    return this.guard(() => this.encashNow(terminalId, at));
  }

  encashments(terminalId?: string): Encashment[] {
    return this.guard(() => listEncashments(this.db, terminalId));
  }

  recordTrainingAttempt(record: AttemptRecord, drill: readonly DrillCard[] = []): void {
    this.guard(() => {
      checkDrill(drill);
      this.checkpoint('training:before');
      this.db
        .transaction(() => {
          // the drill moves only with a new attempt: saving one twice reviews nothing twice
          if (recordAttemptInTransaction(this.db, record, this.checkpoint)) saveDrillInTransaction(this.db, drill);
        })
        .immediate();
      this.checkpoint('training:after');
    });
  }

  drillCards(trainee: string): DrillCard[] {
    return this.guard(() => listDrillCards(this.db, trainee));
  }

  listTrainingAttempts(filter: TrainingAttemptFilter = {}): AttemptRecord[] {
    return this.guard(() => listAttempts(this.db, filter));
  }

  /** How much of the file this connection may keep in memory (KiB): bench rows 4 and 13 report it. */
  pageCacheKiB(): number {
    return this.guard(() => pageCacheKiB(this.db));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private abandonInTransaction(sessionId: string): void {
    const state = sessionState(this.db, sessionId);
    if (!state) throw new Error(`no cash session ${sessionId}`);
    if (state === 'abandoned') return;
    if (state === 'paid') throw new Error(`cash session ${sessionId} is already paid`);
    const { count } = this.db
      .prepare<{ count: number }>('SELECT COUNT(*) AS count FROM cash_journal WHERE session_id = ?')
      .get(sessionId)!;
    if (count > 0) throw new Error(`cash session ${sessionId} holds cash and cannot be abandoned`);
    this.db.prepare(`UPDATE cash_sessions SET state = 'abandoned' WHERE id = ?`).run(sessionId);
  }

  /** Reports failures of the file itself (locked, read-only, disk full) as StoreErrors naming the path. */
  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw toStoreError(error, this.path);
    }
  }
}
