/** The cassette of a terminal and its encashments in SQLite (see src/domain/cash/cassette.ts). */
import type { Database as Connection } from 'better-sqlite3';
import { cassetteId, countCassette, type CassetteCount, type Encashment } from '../domain/cash/cassette.js';

interface EncashmentRow {
  terminal_id: string;
  number: number;
  cassette_id: string;
  since: number | null;
  at: number;
  last_journal_id: number;
  notes: string;
  count: number;
  total: string;
}

const toEncashment = (r: EncashmentRow): Encashment => ({
  terminalId: r.terminal_id,
  number: r.number,
  cassetteId: r.cassette_id,
  since: r.since,
  at: r.at,
  notes: JSON.parse(r.notes) as Record<number, number>,
  count: r.count,
  total: r.total,
});

const lastOf = (db: Connection, terminalId: string) =>
  db.prepare<EncashmentRow>('SELECT * FROM encashments WHERE terminal_id = ? ORDER BY number DESC LIMIT 1').get(terminalId);

/** The cassette now, and the last journal row it holds (for the encashment that takes it out). */
function current(db: Connection, terminalId: string): { count: CassetteCount; lastJournalId: number } {
  const last = lastOf(db, terminalId);
  const journaled = db
    .prepare<{ id: number; note: number }>(
      `SELECT j.id, j.note FROM cash_journal j JOIN cash_sessions s ON s.id = j.session_id
       WHERE s.terminal_id = ? AND j.id > ? AND j.kind = 'accepted' ORDER BY j.id`,
    )
    .all(terminalId, last?.last_journal_id ?? 0);
  const count = countCassette(terminalId, cassetteId(terminalId, last?.number ?? 0), last?.at ?? null, journaled.map((j) => j.note));
  return { count, lastJournalId: journaled.at(-1)?.id ?? last?.last_journal_id ?? 0 };
}

export const cassetteOf = (db: Connection, terminalId: string): CassetteCount => current(db, terminalId).count;

/** Inside a write transaction: the count and the new row are one atomic step, so no note is counted twice or lost. */
export function encashInTransaction(db: Connection, terminalId: string, at: number): Encashment {
  const { count, lastJournalId } = current(db, terminalId);
  const number = (lastOf(db, terminalId)?.number ?? 0) + 1;
  db.prepare(
    `INSERT INTO encashments (terminal_id, number, cassette_id, since, at, last_journal_id, notes, count, total)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(terminalId, number, count.cassetteId, count.since, at, lastJournalId, JSON.stringify(count.notes), count.count, count.total);
  return { ...count, number, at };
}

export function listEncashments(db: Connection, terminalId?: string): Encashment[] {
  const rows = terminalId
    ? db.prepare<EncashmentRow>('SELECT * FROM encashments WHERE terminal_id = ? ORDER BY id').all(terminalId)
    : db.prepare<EncashmentRow>('SELECT * FROM encashments ORDER BY id').all();
  return rows.map(toEncashment);
}
