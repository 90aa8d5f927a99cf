/**
 * The bill acceptor jam in the registry (see src/domain/cash/jam.ts): a held note is a journal row of
 * kind 'held', written before the screen says anything; clearing counts the session's held notes and
 * pays the session in one transaction (a paid session gives its earlier outcome).
 */
import type { Checkpoint, JammedSession, PaymentOutcome } from '../../domain/store.js';
import * as rows from '../rows.js';
import { payInTransaction, sessionState } from './pgPayments.js';
import { stillOpen, type Sql } from './pgRows.js';

export async function holdIn(sql: Sql, sessionId: string, note: number, at: number, checkpoint: Checkpoint): Promise<void> {
  const { rowCount } = await sql.query(
    `INSERT INTO cash_journal (session_id, note, at, kind) SELECT id, $2, $3, 'held' FROM cash_sessions WHERE id = $1 AND ${stillOpen('cash_sessions')}`,
    [sessionId, note, at],
  );
  if (rowCount === 1) return checkpoint('hold:during');
  const state = await sessionState(sql, sessionId);
  throw new Error(state ? `cash session ${sessionId} is ${state}; it takes no more cash` : `no cash session ${sessionId}`);
}

export async function jammedSessions(sql: Sql, terminalId: string | null): Promise<JammedSession[]> {
  const found = await sql.query<rows.SessionRow & { note: number; kind: 'accepted' | 'held' }>(
    `SELECT s.id, s.terminal_id, s.code, s.due, s.phone, s.operator, s.opened_at, s.state, s.owner_host, s.owner_pid, s.owner_started, j.note, j.kind
     FROM cash_sessions s JOIN cash_journal j ON j.session_id = s.id
     WHERE s.state = 'open' AND ($1::text IS NULL OR s.terminal_id = $1)
       AND EXISTS (SELECT 1 FROM cash_journal h WHERE h.session_id = s.id AND h.kind = 'held')
     ORDER BY s.opened_at, s.seq, j.id`,
    [terminalId],
  );
  const sessions = new Map<string, JammedSession>();
  for (const row of found.rows) {
    const session = sessions.get(row.id) ?? { ...rows.toSession(row, []), held: [] };
    (row.kind === 'held' ? session.held : session.notes).push(row.note);
    sessions.set(row.id, session);
  }
  return [...sessions.values()];
}

export async function clearIn(sql: Sql, sessionId: string, at: number, processingDelayMs: number, checkpoint: Checkpoint): Promise<PaymentOutcome> {
  await sql.query(
    `UPDATE cash_journal SET kind = 'accepted' WHERE session_id = $1 AND kind = 'held'
       AND EXISTS (SELECT 1 FROM cash_sessions WHERE id = $1 AND ${stillOpen('cash_sessions')})`,
    [sessionId],
  );
  return payInTransaction(sql, sessionId, 'timeout', at, false, processingDelayMs, checkpoint);
}
