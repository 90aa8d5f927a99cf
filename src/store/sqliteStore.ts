/**
 * The durable `KioskStore`: one SQLite file shared by every terminal process on the machine.
 * Same semantics as `MemoryStore`; every banknote is on disk before `journalNote` returns.
 */
import Database, { type Database as Connection } from 'better-sqlite3';
import { add, isPositive, ZERO, type Money } from '../domain/money.js';
import type { Order } from '../domain/orders.js';
import { buildReceipt, planPayment } from '../domain/payment.js';
import type { OperatorId } from '../domain/rules.js';
import type { Settlement } from '../domain/settlement.js';
import type { CashSession, KioskStore, LedgerEntry, PaymentOutcome, PhoneAccount, Receipt, Sms } from '../domain/store.js';
import { StoreError, toStoreError } from './errors.js';
import { BUSY_TIMEOUT_MS, checkExistingFile } from './fileCheck.js';
import { assertKnownSchema, LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations.js';
import * as rows from './rows.js';

export { StoreError, type StoreErrorCode } from './errors.js';

export { BUSY_TIMEOUT_MS } from './fileCheck.js';

export interface SqliteStoreOptions {
  /** open without writing anything (inspection); writes then fail with StoreError 'readonly' */
  readonly?: boolean;
}

type SessionState = 'open' | 'paid' | 'abandoned';
type Trigger = Settlement['trigger'];

export class SqliteStore implements KioskStore {
  private readonly pay: (sessionId: string, trigger: Trigger, at: number, recovered: boolean) => PaymentOutcome;
  private readonly abandon: (sessionId: string) => void;

  private constructor(
    private readonly db: Connection,
    readonly path: string,
  ) {
    const pay = db.transaction((id: string, trigger: Trigger, at: number, recovered: boolean) =>
      this.payInTransaction(id, trigger, at, recovered),
    );
    this.pay = (...args) => pay.immediate(...args);
    const abandon = db.transaction((id: string) => this.abandonInTransaction(id));
    this.abandon = (id) => abandon.immediate(id);
  }

  /**
   * Opens (creating if needed) the database at `path`. An existing file is checked read-only first,
   * so a foreign, corrupt or newer-schema file is refused with a StoreError and never written.
   */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    const readonly = options.readonly ?? false;
    const exists = checkExistingFile(path);
    if (!exists && readonly) throw new StoreError('io', path, `${path} does not exist (opened read-only)`);
    let db: Connection | undefined;
    try {
      db = new Database(path, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // check again before the first write: another process may have upgraded the file meanwhile
      const version = schemaVersion(db);
      assertKnownSchema(version, path);
      if (readonly) {
        if (version < LATEST_SCHEMA_VERSION) {
          throw new StoreError('readonly', path, `${path} has schema version ${version} and needs ${LATEST_SCHEMA_VERSION}, but it was opened read-only`);
        }
      } else {
        db.pragma('journal_mode = WAL');
        migrate(db, path);
      }
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      return new SqliteStore(db, path);
    } catch (error) {
      db?.close();
      throw toStoreError(error, path);
    }
  }

  findOrder(code: string): Order | undefined {
    return this.guard(() => rows.toOrder(this.db.prepare<rows.OrderRow>('SELECT * FROM orders WHERE code = ?').get(code)));
  }

  listOrders(): Order[] {
    return this.guard(() =>
      this.db.prepare<rows.OrderRow>('SELECT * FROM orders ORDER BY rowid').all().map((row) => rows.toOrder(row)!),
    );
  }

  addOrder(order: Order): void {
    this.guard(() => {
      rows.assertMoney(order.codeAmount, order.price, order.paid, order.owed);
      if (this.findOrder(order.code)) throw new Error(`order ${order.code} exists already`);
      this.db
        .prepare(
          `INSERT INTO orders (code, code_amount, price, phone, issued_at, region, channel, status, paid, owed)
           VALUES (@code, @codeAmount, @price, @phone, @issuedAt, @region, @channel, @status, @paid, @owed)`,
        )
        .run(order);
    });
  }

  repriceOrder(code: string, price: Money): Order {
    return this.guard(() => {
      rows.assertMoney(price);
      const reprice = this.db.transaction(() => {
        const order = this.mustOrder(code);
        // as MemoryStore: a paid order stays paid, otherwise the new price is what is owed
        const repriced: Order = { ...order, price, owed: order.status === 'paid' ? ZERO : price };
        this.db.prepare('UPDATE orders SET price = ?, owed = ? WHERE code = ?').run(repriced.price, repriced.owed, code);
        return repriced;
      });
      return reprice.immediate();
    });
  }

  phoneAccount(phone: string): PhoneAccount {
    return this.guard(() => {
      const account = this.db.prepare<rows.PhoneRow>('SELECT * FROM phone_accounts WHERE phone = ?').get(phone);
      if (!account) return { phone, operator: null, balance: ZERO, ledger: [], sms: [] };
      const ledger = this.db
        .prepare<LedgerEntry>('SELECT at, amount, reason FROM ledger WHERE phone = ? ORDER BY id')
        .all(phone);
      const sms = this.db
        .prepare<Sms>('SELECT phone, at, kind, amount, receipt FROM sms WHERE phone = ? ORDER BY id')
        .all(phone);
      return { phone, operator: account.operator, balance: account.balance, ledger, sms };
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
      if (this.sessionState(session.id)) throw new Error(`cash session ${session.id} exists already`);
      this.db
        .prepare(
          `INSERT INTO cash_sessions (id, terminal_id, code, due, phone, operator, opened_at)
           VALUES (@id, @terminalId, @code, @due, @phone, @operator, @openedAt)`,
        )
        .run(session);
    });
  }

  journalNote(sessionId: string, note: number, at: number): void {
    this.guard(() => {
      // one autocommit statement: with synchronous=FULL it is fsynced before run() returns
      const { changes } = this.db
        .prepare(
          `INSERT INTO cash_journal (session_id, note, at)
           SELECT id, ?, ? FROM cash_sessions WHERE id = ? AND state = 'open'`,
        )
        .run(note, at, sessionId);
      if (changes === 1) return;
      const state = this.sessionState(sessionId);
      throw new Error(state ? `cash session ${sessionId} is ${state}; it takes no more cash` : `no cash session ${sessionId}`);
    });
  }

  unfinishedSessions(terminalId?: string): CashSession[] {
    return this.guard(() => {
      const found = this.db
        .prepare<rows.SessionRow & { note: number }>(
          `SELECT s.*, j.note FROM cash_sessions s JOIN cash_journal j ON j.session_id = s.id
           WHERE s.state = 'open' AND (@terminal IS NULL OR s.terminal_id = @terminal)
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

  completePayment(sessionId: string, trigger: Trigger, at: number, recovered = false): PaymentOutcome {
    return this.guard(() => this.pay(sessionId, trigger, at, recovered));
  }

  abandonSession(sessionId: string): void {
    this.guard(() => this.abandon(sessionId));
  }

  receipt(number: string): Receipt | undefined {
    return this.guard(() => rows.toReceipt(this.db.prepare<rows.ReceiptRow>('SELECT * FROM receipts WHERE number = ?').get(number)));
  }

  /** Keeps the printed text of a receipt, so that a reprint is the same text. */
  setReceiptText(number: string, text: string): void {
    this.guard(() => {
      const { changes } = this.db.prepare('UPDATE receipts SET text = ? WHERE number = ?').run(text, number);
      if (changes !== 1) throw new Error(`no receipt ${number}`);
    });
  }

  /** The printed text; undefined when the receipt does not exist or was never printed. */
  receiptText(number: string): string | undefined {
    return this.guard(
      () => this.db.prepare<{ text: string | null }>('SELECT text FROM receipts WHERE number = ?').get(number)?.text ?? undefined,
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs inside BEGIN IMMEDIATE: the session and the order are read under the write lock. */
  private payInTransaction(sessionId: string, trigger: Trigger, at: number, recovered: boolean): PaymentOutcome {
    const state = this.sessionState(sessionId);
    if (!state) throw new Error(`no cash session ${sessionId}`);
    if (state !== 'open') throw new Error(`cash session ${sessionId} is already ${state}`);
    const session = this.loadSession(sessionId);
    const plan = planPayment(session, this.mustOrder(session.code));
    const { paid, owed, status } = plan.order;
    this.db.prepare('UPDATE orders SET paid = ?, owed = ?, status = ? WHERE code = ?').run(paid, owed, status, session.code);

    const seq = this.db
      .prepare<{ next: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM receipts WHERE terminal_id = ?')
      .get(session.terminalId)!.next;
    const number = `${session.terminalId}-${String(seq).padStart(6, '0')}`;
    const receipt = buildReceipt(number, session, plan, at, recovered);
    this.db
      .prepare(
        `INSERT INTO receipts (number, terminal_id, seq, at, code, due, accepted, to_order, to_phone, phone, operator,
           order_status, owed, recovered)
         VALUES (@number, @terminalId, @seq, @at, @code, @due, @accepted, @toOrder, @toPhone, @phone, @operator,
           @orderStatus, @owed, @recovered)`,
      )
      .run({ ...receipt, seq, recovered: receipt.recovered ? 1 : 0 });

    const sms: Sms[] = [];
    if (isPositive(plan.toPhone)) sms.push(this.creditPhone(session, plan.toPhone, number, trigger, at));
    this.db.prepare(`UPDATE cash_sessions SET state = 'paid' WHERE id = ?`).run(sessionId);
    return { receipt, order: plan.order, sms };
  }

  /** R-TERM-2: the excess goes to the phone balance, with a ledger line and a top-up SMS. */
  private creditPhone(session: CashSession, amount: Money, receipt: string, trigger: Trigger, at: number): Sms {
    const account = this.db.prepare<rows.PhoneRow>('SELECT * FROM phone_accounts WHERE phone = ?').get(session.phone);
    const operator = account?.operator ?? session.operator;
    const balance = add(account?.balance ?? ZERO, amount);
    this.db
      .prepare(
        `INSERT INTO phone_accounts (phone, operator, balance) VALUES (?, ?, ?)
         ON CONFLICT (phone) DO UPDATE SET operator = excluded.operator, balance = excluded.balance`,
      )
      .run(session.phone, operator, balance);
    this.db
      .prepare('INSERT INTO ledger (phone, at, amount, reason) VALUES (?, ?, ?, ?)')
      .run(session.phone, at, amount, `change from receipt ${receipt} (${trigger})`);
    const message: Sms = { phone: session.phone, at, kind: 'topup', amount, receipt };
    this.db.prepare('INSERT INTO sms (phone, at, kind, amount, receipt) VALUES (@phone, @at, @kind, @amount, @receipt)').run(message);
    return message;
  }

  private abandonInTransaction(sessionId: string): void {
    const state = this.sessionState(sessionId);
    if (!state) throw new Error(`no cash session ${sessionId}`);
    if (state === 'abandoned') return;
    if (state === 'paid') throw new Error(`cash session ${sessionId} is already paid`);
    const { count } = this.db
      .prepare<{ count: number }>('SELECT COUNT(*) AS count FROM cash_journal WHERE session_id = ?')
      .get(sessionId)!;
    if (count > 0) throw new Error(`cash session ${sessionId} holds cash and cannot be abandoned`);
    this.db.prepare(`UPDATE cash_sessions SET state = 'abandoned' WHERE id = ?`).run(sessionId);
  }

  private sessionState(sessionId: string): SessionState | undefined {
    return this.db.prepare<{ state: SessionState }>('SELECT state FROM cash_sessions WHERE id = ?').get(sessionId)?.state;
  }

  private loadSession(sessionId: string): CashSession {
    const row = this.db.prepare<rows.SessionRow>('SELECT * FROM cash_sessions WHERE id = ?').get(sessionId);
    if (!row) throw new Error(`no cash session ${sessionId}`);
    const notes = this.db
      .prepare<{ note: number }>('SELECT note FROM cash_journal WHERE session_id = ? ORDER BY id')
      .all(sessionId)
      .map((r) => r.note);
    return rows.toSession(row, notes);
  }

  private mustOrder(code: string): Order {
    const order = this.findOrder(code);
    if (!order) throw new Error(`no order ${code}`);
    return order;
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
