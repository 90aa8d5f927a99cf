/**
 * The bill acceptor jam in SQLite (see src/domain/cash/jam.ts): a held note is a `cash_journal` row of
 * kind 'held' (schema 13), written in its own transaction before the screen says anything; clearing
 * turns the session's held rows into counted ones and pays the session in one transaction.
 */
import type { Database as Connection } from 'better-sqlite3';
import type { Checkpoint, JammedSession, PaymentOutcome } from '../domain/store.js';
import { payInTransaction, sessionState } from './payments.js';
import * as rows from './rows.js';

/** Inside a write transaction: the held note, only into an open session; returns the rows written (0 or 1). */
export function holdInTransaction(db: Connection, sessionId: string, note: number, at: number, checkpoint: Checkpoint): number {
  const { changes } = db
    .prepare(
      `INSERT INTO cash_journal (session_id, note, at, kind)
       SELECT id, ?, ?, 'held' FROM cash_sessions WHERE id = ? AND state = 'open'`,
    )
    .run(note, at, sessionId);
  if (changes === 1) checkpoint('hold:during');
  return changes;
}

/** Open sessions with held notes, oldest first, each with its counted notes and its held ones. */
export function jammedSessions(db: Connection, terminalId: string | null): JammedSession[] {
  const found = db
    .prepare<rows.SessionRow & { note: number; kind: 'accepted' | 'held' }>(
      `SELECT s.*, j.note, j.kind FROM cash_sessions s JOIN cash_journal j ON j.session_id = s.id
       WHERE s.state = 'open' AND (@terminal IS NULL OR s.terminal_id = @terminal)
         AND EXISTS (SELECT 1 FROM cash_journal h WHERE h.session_id = s.id AND h.kind = 'held')
       ORDER BY s.opened_at, s.rowid, j.id`,
    )
    .all({ terminal: terminalId });
  const sessions = new Map<string, JammedSession>();
  for (const row of found) {
    const session = sessions.get(row.id) ?? { ...rows.toSession(row, []), held: [] };
    (row.kind === 'held' ? session.held : session.notes).push(row.note);
    sessions.set(row.id, session);
  }
  return [...sessions.values()];
}

/** Inside a write transaction: the held notes are counted, then the session is paid (once: a paid session gives its earlier outcome). */
export function clearInTransaction(db: Connection, sessionId: string, at: number, checkpoint: Checkpoint, processingDelayMs: number): PaymentOutcome {
  // Stryker disable next-line ConditionalExpression: equivalent, because only an open session has held rows (a paid one takes no held note, one holding cash cannot be abandoned)
  if (sessionState(db, sessionId) === 'open') {
    db.prepare(`UPDATE cash_journal SET kind = 'accepted' WHERE session_id = ? AND kind = 'held'`).run(sessionId);
  }
  return payInTransaction(db, sessionId, 'timeout', at, false, checkpoint, processingDelayMs);
}
