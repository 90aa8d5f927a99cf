/** Cash sessions and their journal in the registry, inside the caller's transaction. */
import type { Order } from '../../domain/orders/orders.js';
import type { CashSession, Checkpoint, JournalEntry } from '../../domain/store.js';
import * as rows from '../rows.js';
import { sessionState } from './pgPayments.js';
import { orderJson, stillOpen, withLife, type OrderJson, type Sql } from './pgRows.js';

const SESSION_COLUMNS = 's.id, s.terminal_id, s.code, s.due, s.phone, s.operator, s.opened_at, s.state, s.owner_host, s.owner_pid, s.owner_started';

/** what the insert found beside the session: its order (with the row's version) and the terminal's receipt counter */
export interface OpenedSession {
  order: Order | null;
  orderVersion: string | null;
  counterSeq: number | null;
}

const OPEN_SESSION = `INSERT INTO cash_sessions (id, terminal_id, code, due, phone, operator, opened_at, owner_host, owner_pid, owner_started)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING
     RETURNING ${orderJson('$3')} AS order_json, (SELECT seq FROM receipt_counters WHERE terminal_id = $2) AS counter_seq`;

/**
 * Never replaces a session: it may already hold journaled cash. One statement, so it needs no
 * transaction around it (PgStore.openSession); named, so a connection parses it once.
 */
export async function openSessionIn(sql: Sql, session: Omit<CashSession, 'notes'>): Promise<OpenedSession> {
  rows.assertMoney(session.due);
  const inserted = await sql.query<{ order_json: OrderJson | null; counter_seq: number | null }>({
    // Stryker disable next-line StringLiteral: equivalent, because an unnamed statement gives the same rows; the name only spares the server a parse per connection
    name: 'open-session',
    text: OPEN_SESSION,
    values: [session.id, session.terminalId, session.code, session.due, session.phone, session.operator, session.openedAt,
      session.owner?.host ?? null, session.owner?.pid ?? null, session.owner?.started ?? null],
  });
  const row = inserted.rows[0];
  if (inserted.rowCount !== 1 || !row) throw new Error(`cash session ${session.id} exists already`);
  const order = row.order_json;
  return { order: order && withLife(order), orderVersion: order?.version ?? null, counterSeq: row.counter_seq };
}

const JOURNAL_NOTE = `INSERT INTO cash_journal (session_id, note, at) SELECT id, $2, $3 FROM cash_sessions WHERE id = $1 AND ${stillOpen('cash_sessions')}`;

/** one banknote, only into an open session (one conditional INSERT … SELECT, named: parsed once a connection) */
export async function journalNoteIn(sql: Sql, sessionId: string, note: number, at: number, checkpoint: Checkpoint): Promise<void> {
  // Stryker disable next-line StringLiteral: equivalent, because an unnamed statement gives the same rows; the name only spares the server a parse per connection
  const { rowCount } = await sql.query({ name: 'journal-note', text: JOURNAL_NOTE, values: [sessionId, note, at] });
  if (rowCount === 1) return checkpoint('journal:during');
  const state = await sessionState(sql, sessionId);
  throw new Error(state ? `cash session ${sessionId} is ${state}; it takes no more cash` : `no cash session ${sessionId}`);
}

/** sessions with journaled notes and no payment (and no held note), oldest first */
export async function unfinishedSessions(sql: Sql, terminalId: string | null): Promise<CashSession[]> {
  const found = await sql.query<rows.SessionRow & { note: number }>(
    `SELECT ${SESSION_COLUMNS}, j.note FROM cash_sessions s JOIN cash_journal j ON j.session_id = s.id
     WHERE s.state = 'open' AND ($1::text IS NULL OR s.terminal_id = $1)
       AND NOT EXISTS (SELECT 1 FROM cash_journal h WHERE h.session_id = s.id AND h.kind = 'held')
     ORDER BY s.opened_at, s.seq, j.id`,
    [terminalId],
  );
  const sessions = new Map<string, CashSession>();
  for (const row of found.rows) {
    const session = sessions.get(row.id) ?? rows.toSession(row, []);
    session.notes.push(row.note);
    sessions.set(row.id, session);
  }
  return [...sessions.values()];
}

/** closes a session that took no cash, in one conditional UPDATE; says why it cannot otherwise */
export async function abandonIn(sql: Sql, sessionId: string): Promise<void> {
  const { rowCount } = await sql.query(
    `UPDATE cash_sessions SET state = 'abandoned' WHERE id = $1 AND ${stillOpen('cash_sessions')} AND NOT EXISTS (SELECT 1 FROM cash_journal WHERE session_id = $1)`,
    [sessionId],
  );
  if (rowCount === 1) return;
  const state = await sessionState(sql, sessionId);
  if (!state) throw new Error(`no cash session ${sessionId}`);
  if (state === 'abandoned') return;
  if (state === 'paid') throw new Error(`cash session ${sessionId} is already paid`);
  throw new Error(`cash session ${sessionId} holds cash and cannot be abandoned`);
}

/** the cash journal since `since`, oldest first, with each session's fate */
export async function journalEntries(sql: Sql, since: number | null): Promise<JournalEntry[]> {
  const found = await sql.query<{ id: number; at: number; note: number; session_id: string; terminal_id: string; code: string; state: JournalEntry['state']; receipt: string | null }>(
    `SELECT j.id, j.at, j.note, j.session_id, s.terminal_id, s.code, s.state, r.number AS receipt
     FROM cash_journal j JOIN cash_sessions s ON s.id = j.session_id LEFT JOIN receipts r ON r.session_id = j.session_id
     WHERE $1::bigint IS NULL OR j.at >= $1 ORDER BY j.at, j.id`,
    [since],
  );
  return found.rows.map((row): JournalEntry => ({
    id: row.id, at: row.at, note: row.note, sessionId: row.session_id, terminalId: row.terminal_id, code: row.code, state: row.state, receipt: row.receipt,
  }));
}
