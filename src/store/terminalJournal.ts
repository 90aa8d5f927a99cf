/**
 * A terminal's own durable journal (issue 20): what it physically took — its cash sessions, every
 * accepted note, each payment's receipt — in SQLite in its data directory, written before the
 * registry hears of it. Its `payments` table is also the outbox: a payment not yet forwarded has no
 * `forwarded_at`. Keyed by (terminal id, sequence number), the key the registry keeps unique.
 */
import Database, { type Database as Connection } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CashSession, Receipt } from '../domain/store.js';
import type { Order } from '../domain/orders/orders.js';
import { acceptTerminalPayment } from '../domain/orders/orders.js';
import { buildReceipt, planPayment, receiptNumber } from '../domain/cash/payment.js';
import type { Settlement } from '../domain/cash/settlement.js';
import type { ForwardedPayment } from './pg/pgForward.js';
import { BUSY_TIMEOUT_MS } from './fileCheck.js';
import { boundConnection } from './connectionMemory.js';

export const JOURNAL_FILE = 'terminal-journal.db';

/** A payment in the journal: the entry to forward, the receipt printed, whether the registry has it. */
export interface JournalPayment {
  entry: ForwardedPayment;
  receipt: Receipt;
  /** the order as this terminal last knew it, after the payment (null: a top-up, or never known) */
  order: Order | null;
  forwardedAt: number | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, body TEXT NOT NULL, order_json TEXT,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'paid', 'abandoned')));
  CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL REFERENCES sessions (id),
    note INTEGER NOT NULL CHECK (note > 0), at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS payments (
    terminal_id TEXT NOT NULL, seq INTEGER NOT NULL CHECK (seq > 0), session_id TEXT NOT NULL UNIQUE REFERENCES sessions (id),
    entry TEXT NOT NULL, receipt TEXT NOT NULL, order_json TEXT, forwarded_at INTEGER,
    PRIMARY KEY (terminal_id, seq));
  -- the registry's receipt numbers this terminal drew before it kept a journal: its own start above them
  CREATE TABLE IF NOT EXISTS seq_floor (terminal_id TEXT PRIMARY KEY, seq INTEGER NOT NULL);
`;

interface SessionRow { id: string; body: string; order_json: string | null; state: string }
interface PaymentRow { entry: string; receipt: string; order_json: string | null; forwarded_at: number | null }

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export class TerminalJournal {
  private constructor(private readonly db: Connection, readonly path: string) {}

  static open(dataDir: string): TerminalJournal {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, JOURNAL_FILE);
    // a directory two terminal processes share: the second waits for the first's write
    // its page cache bounded and each statement compiled once, as the store's (connectionMemory.ts)
    // Stryker disable next-line ObjectLiteral: equivalent while BUSY_TIMEOUT_MS is 5000 ms, better-sqlite3's own default timeout
    const db = boundConnection(new Database(path, { timeout: BUSY_TIMEOUT_MS }));
    db.pragma('journal_mode = WAL');
    // every commit on the disk before the screen says the cash is taken
    db.pragma('synchronous = FULL');
    db.exec(SCHEMA);
    return new TerminalJournal(db, path);
  }

  openSession(session: Omit<CashSession, 'notes'>, order: Order | null): void {
    this.db.prepare('INSERT INTO sessions (id, terminal_id, body, order_json) VALUES (?, ?, ?, ?)')
      .run(session.id, session.terminalId, JSON.stringify(session), order ? JSON.stringify(order) : null);
  }

  journalNote(sessionId: string, note: number, at: number): void {
    const state = this.state(sessionId);
    if (state !== 'open') throw new Error(state ? `cash session ${sessionId} is ${state}; it takes no more cash` : `no cash session ${sessionId}`);
    this.db.prepare('INSERT INTO notes (session_id, note, at) VALUES (?, ?, ?)').run(sessionId, note, at);
  }

  abandon(sessionId: string): void {
    this.db.prepare(`UPDATE sessions SET state = 'abandoned' WHERE id = ? AND state = 'open'`).run(sessionId);
  }

  has(sessionId: string): boolean {
    return this.state(sessionId) !== undefined;
  }

  /** sessions that took cash and were not paid, oldest first */
  unfinished(terminalId?: string): CashSession[] {
    const found = this.db.prepare<SessionRow>(
      `SELECT * FROM sessions s WHERE state = 'open' AND (? IS NULL OR terminal_id = ?)
       AND EXISTS (SELECT 1 FROM notes n WHERE n.session_id = s.id) ORDER BY rowid`).all(terminalId ?? null, terminalId ?? null);
    return found.map((row) => this.session(row).session);
  }

  /** never below the registry's own numbers of this terminal */
  raiseSeqFloor(terminalId: string, seq: number): void {
    this.db.prepare('INSERT INTO seq_floor (terminal_id, seq) VALUES (?, ?) ON CONFLICT (terminal_id) DO UPDATE SET seq = MAX(seq, excluded.seq)')
      .run(terminalId, seq);
  }

  /**
   * Pays a session from the journal alone, in one transaction: the next sequence number, the receipt
   * (the order as this terminal knew it when the session opened), the outbox entry. Paid before: the same.
   */
  pay(sessionId: string, trigger: Settlement['trigger'], at: number, recovered: boolean, processingDelayMs: number): { payment: JournalPayment; earlier: boolean } {
    return this.db.transaction(() => {
      const earlier = this.payment(sessionId);
      if (earlier) return { payment: earlier, earlier: true };
      const row = this.db.prepare<SessionRow>('SELECT * FROM sessions WHERE id = ?').get(sessionId);
      if (!row) throw new Error(`no cash session ${sessionId}`);
      if (row.state !== 'open') throw new Error(`cash session ${sessionId} is ${row.state}; it cannot be paid`);
      const { session, noteTimes, order: before } = this.session(row);
      const seq = this.db.prepare<{ next: number }>(
        `SELECT MAX(COALESCE((SELECT MAX(seq) FROM payments WHERE terminal_id = @t), 0),
                    COALESCE((SELECT seq FROM seq_floor WHERE terminal_id = @t), 0)) + 1 AS next`).get({ t: session.terminalId })!.next;
      const plan = planPayment(session, before);
      const number = receiptNumber(session.terminalId, seq);
      if (before) plan.order = acceptTerminalPayment(before, plan.toOrder, number, at, processingDelayMs);
      const receipt = buildReceipt(number, session, plan, at, recovered);
      const entry: ForwardedPayment = { session, noteTimes, seq, trigger, at, recovered };
      this.db.prepare('INSERT INTO payments (terminal_id, seq, session_id, entry, receipt, order_json) VALUES (?, ?, ?, ?, ?, ?)')
        .run(session.terminalId, seq, sessionId, JSON.stringify(entry), JSON.stringify(receipt), plan.order ? JSON.stringify(plan.order) : null);
      this.db.prepare(`UPDATE sessions SET state = 'paid' WHERE id = ?`).run(sessionId);
      return { payment: { entry, receipt, order: plan.order, forwardedAt: null }, earlier: false };
    }).immediate();
  }

  payment(sessionId: string): JournalPayment | undefined {
    const row = this.db.prepare<PaymentRow>('SELECT * FROM payments WHERE session_id = ?').get(sessionId);
    return row && toPayment(row);
  }

  /** the payments the registry has not confirmed, oldest first: what to forward */
  outbox(): JournalPayment[] {
    return this.db.prepare<PaymentRow>('SELECT * FROM payments WHERE forwarded_at IS NULL ORDER BY terminal_id, seq').all().map(toPayment);
  }

  /** every payment, by terminal and sequence number */
  payments(): JournalPayment[] {
    return this.db.prepare<PaymentRow>('SELECT * FROM payments ORDER BY terminal_id, seq').all().map(toPayment);
  }

  markForwarded(sessionId: string, at: number): void {
    this.db.prepare('UPDATE payments SET forwarded_at = ? WHERE session_id = ? AND forwarded_at IS NULL').run(at, sessionId);
  }

  close(): void {
    this.db.close();
  }

  private state(sessionId: string): string | undefined {
    return this.db.prepare<{ state: string }>('SELECT state FROM sessions WHERE id = ?').get(sessionId)?.state;
  }

  private session(row: SessionRow): { session: CashSession; noteTimes: number[]; order: Order | null } {
    const notes = this.db.prepare<{ note: number; at: number }>('SELECT note, at FROM notes WHERE session_id = ? ORDER BY id').all(row.id);
    const session: CashSession = { ...(JSON.parse(row.body) as Omit<CashSession, 'notes'>), notes: notes.map((n) => n.note) };
    return { session, noteTimes: notes.map((n) => n.at), order: parse<Order>(row.order_json) };
  }
}

function toPayment(row: PaymentRow): JournalPayment {
  return { entry: JSON.parse(row.entry) as ForwardedPayment, receipt: JSON.parse(row.receipt) as Receipt, order: parse<Order>(row.order_json), forwardedAt: row.forwarded_at };
}
