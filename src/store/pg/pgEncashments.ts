/**
 * A terminal's cassette and its encashments in the registry. A journaled note is in the cassette
 * until an encashment marks it taken; the marking is one UPDATE … RETURNING, so a note is counted
 * by exactly one encashment whatever commits around it.
 */
import { cassetteId, countCassette, type CassetteCount, type Encashment } from '../../domain/cash/cassette.js';
import type { Sql } from './pgRows.js';

interface EncashmentRow {
  terminal_id: string;
  number: number;
  cassette_id: string;
  since: number | null;
  at: number;
  notes: string;
  count: number;
  total: string;
}

const toEncashment = (r: EncashmentRow): Encashment => ({
  terminalId: r.terminal_id, number: r.number, cassetteId: r.cassette_id, since: r.since, at: r.at,
  notes: JSON.parse(r.notes) as Record<number, number>, count: r.count, total: r.total,
});

async function lastOf(sql: Sql, terminalId: string): Promise<EncashmentRow | undefined> {
  return (await sql.query<EncashmentRow>('SELECT * FROM encashments WHERE terminal_id = $1 ORDER BY number DESC LIMIT 1', [terminalId])).rows[0];
}

export async function cassetteOf(sql: Sql, terminalId: string): Promise<CassetteCount> {
  const last = await lastOf(sql, terminalId);
  const notes = await sql.query<{ note: number }>(
    `SELECT j.note FROM cash_journal j JOIN cash_sessions s ON s.id = j.session_id
     WHERE s.terminal_id = $1 AND j.kind = 'accepted' AND j.encashment IS NULL ORDER BY j.id`,
    [terminalId],
  );
  return countCassette(terminalId, cassetteId(terminalId, last?.number ?? 0), last?.at ?? null, notes.rows.map((r) => r.note));
}

/** Inside the caller's transaction; the terminal's encashments are numbered under a lock of their own. */
export async function encashIn(sql: Sql, terminalId: string, at: number): Promise<Encashment> {
  await sql.query('SELECT pg_advisory_xact_lock(20201, hashtext($1))', [terminalId]);
  const last = await lastOf(sql, terminalId);
  const number = (last?.number ?? 0) + 1;
  const inserted = await sql.query<{ id: number }>(
    `INSERT INTO encashments (terminal_id, number, cassette_id, since, at, notes, count, total) VALUES ($1, $2, $3, $4, $5, '{}', 0, '0.00') RETURNING id`,
    [terminalId, number, cassetteId(terminalId, last?.number ?? 0), last?.at ?? null, at],
  );
  const taken = await sql.query<{ note: number }>(
    `UPDATE cash_journal j SET encashment = $2 FROM cash_sessions s
     WHERE s.id = j.session_id AND s.terminal_id = $1 AND j.kind = 'accepted' AND j.encashment IS NULL RETURNING j.note`,
    [terminalId, inserted.rows[0]!.id],
  );
  const count = countCassette(terminalId, cassetteId(terminalId, last?.number ?? 0), last?.at ?? null, taken.rows.map((r) => r.note));
  await sql.query('UPDATE encashments SET notes = $2, count = $3, total = $4 WHERE id = $1', [inserted.rows[0]!.id, JSON.stringify(count.notes), count.count, count.total]);
  return { ...count, number, at };
}

export async function listEncashments(sql: Sql, terminalId?: string): Promise<Encashment[]> {
  const found = await sql.query<EncashmentRow>('SELECT * FROM encashments WHERE $1::text IS NULL OR terminal_id = $1 ORDER BY id', [terminalId ?? null]);
  return found.rows.map(toEncashment);
}
