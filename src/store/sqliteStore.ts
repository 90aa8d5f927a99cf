/**
 * The durable `KioskStore`: one SQLite file shared by every terminal process on the machine.
 * Same semantics as `MemoryStore`; every banknote is on disk before `journalNote` returns.
 * This file opens the file and holds the cash side: sessions, the journal, jams, payments,
 * receipts, desks, tills and cassettes. The orders, phones and mobile payments are in
 * sqliteOrders.ts; the connection, the program clock and the training records in sqliteRecords.ts.
 */
import Database, { type Database as Connection } from 'better-sqlite3';
import { checkProcessingDelay, DEFAULT_RULES } from '../domain/rules.js';
import type { StoreReports } from '../domain/store.js';
import type { CashSession, JammedSession, SyncKioskStore, PaymentOutcome, Receipt } from '../domain/store.js';
import { StoreError, toStoreError } from './errors.js';
import { BUSY_TIMEOUT_MS, checkExistingFile } from './fileCheck.js';
import { boundConnection } from './connectionMemory.js';
import { assertKnownSchema, LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations.js';
import { payInTransaction, sessionState, type Checkpoint, type Trigger } from './payments.js';
import { journalEntries, listReceipts, type JournalEntry } from './reports.js';
import * as rows from './rows.js';
import { SqliteOrders } from './sqliteOrders.js';
import { deskPayer, listDeskReceipts } from './deskPayments.js';
import { sqliteTills } from './tills.js';
import type { TillStore } from '../domain/cash/tillStore.js';
import type { Drawer } from '../domain/cash/drawer.js';
import type { ShiftReport } from '../domain/cash/shift.js';
import type { TillPaymentOutcome, TillPaymentRequest, TillState } from '../domain/cash/till.js';
import type { DeskPlace } from '../domain/fiscal/desks.js';
import type { DeskPaymentOutcome, DeskPaymentRequest } from '../domain/cash/deskPayment.js';
import type { DeskReceipt } from '../domain/fiscal/fiscalReceipt.js';
import { cassetteOf, encashInTransaction, listEncashments } from './encashments.js';
import { clearInTransaction, holdInTransaction, jammedSessions } from './jams.js';
import type { CassetteCount, Encashment } from '../domain/cash/cassette.js';

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

export class SqliteStore extends SqliteOrders implements SyncKioskStore, StoreReports {
  private readonly pay: (sessionId: string, trigger: Trigger, at: number, recovered: boolean) => PaymentOutcome;
  private readonly abandon: (sessionId: string) => void;
  private readonly journal: (sessionId: string, note: number, at: number) => number;
  private readonly printed: (number: string, text: string) => number;
  private readonly deskPay: (request: DeskPaymentRequest) => DeskPaymentOutcome;
  private readonly tills: TillStore;
  private readonly encashNow: (terminalId: string, at: number) => Encashment;
  private readonly hold: (sessionId: string, note: number, at: number) => number;
  private readonly clear: (sessionId: string, at: number) => PaymentOutcome;

  private constructor(db: Connection, path: string, checkpoint: Checkpoint, processingDelayMs: number) {
    super(db, path, checkpoint);
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

  cassette(terminalId: string): CassetteCount {
    return this.guard(() => cassetteOf(this.db, terminalId));
  }

  encash(terminalId: string, at: number): Encashment {
    return this.guard(() => this.encashNow(terminalId, at));
  }

  encashments(terminalId?: string): Encashment[] {
    return this.guard(() => listEncashments(this.db, terminalId));
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
}

