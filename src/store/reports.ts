/** Read-only views for the command line: the cash journal with what became of each note, the receipts. */
import type { Database as Connection } from 'better-sqlite3';
import type { JournalEntry, Receipt } from '../domain/store.js';
import * as rows from './rows.js';
import type { SessionState } from './payments.js';

export type { JournalEntry } from '../domain/store.js';

interface JournalRow {
  id: number;
  at: number;
  note: number;
  session_id: string;
  terminal_id: string;
  code: string;
  state: SessionState;
  receipt: string | null;
}

/** Every accepted banknote since `since` (epoch ms, inclusive), oldest first. */
export function journalEntries(db: Connection, since: number | null): JournalEntry[] {
  return db
    .prepare<JournalRow>(
      `SELECT j.id, j.at, j.note, j.session_id, s.terminal_id, s.code, s.state, r.number AS receipt
       FROM cash_journal j
       JOIN cash_sessions s ON s.id = j.session_id
       LEFT JOIN receipts r ON r.session_id = j.session_id
       WHERE @since IS NULL OR j.at >= @since
       ORDER BY j.at, j.id`,
    )
    .all({ since })
    .map((row) => ({
      id: row.id,
      at: row.at,
      note: row.note,
      sessionId: row.session_id,
      terminalId: row.terminal_id,
      code: row.code,
      state: row.state,
      receipt: row.receipt,
    }));
}

/** Every receipt since `since` (epoch ms), oldest first: what `kiosk receipts list` shows. */
export function listReceipts(db: Connection, since: number | null): Receipt[] {
  return db
    .prepare<rows.ReceiptRow>('SELECT * FROM receipts WHERE @since IS NULL OR at >= @since ORDER BY at, terminal_id, seq')
    .all({ since })
    .map((row) => rows.toReceipt(row)!);
}
