/**
 * A payment a terminal forwards from its own journal's outbox (journaledRegistry.ts), inside the
 * caller's transaction: the session and the notes the registry has not heard of yet, the payment
 * with the receipt number the terminal printed, and its key (terminal id, sequence number). Sent
 * again (the terminal never heard the answer), it finds its key and changes nothing: stored once.
 */
import type { CashSession, Checkpoint, PaymentOutcome } from '../../domain/store.js';
import type { Settlement } from '../../domain/cash/settlement.js';
import { earlierPayment, payInTransaction } from './pgPayments.js';
import { stillOpen, type Sql } from './pgRows.js';

/** One outbox entry: what the terminal physically took and when it paid it. */
export interface ForwardedPayment {
  session: CashSession;
  /** epoch ms of each accepted note, in the order of `session.notes` */
  noteTimes: number[];
  /** the terminal's sequence number: its receipt is receiptNumber(terminalId, seq) */
  seq: number;
  trigger: Settlement['trigger'];
  at: number;
  recovered: boolean;
}

/** A payment as the registry keeps it for `kiosk reconcile`: the key, the session and the cash. */
export interface RegistryPayment {
  terminalId: string;
  seq: number;
  sessionId: string;
  receipt: string;
  accepted: string;
  notes: number;
  forwarded: boolean;
}

export async function forwardIn(sql: Sql, entry: ForwardedPayment, processingDelayMs: number, checkpoint: Checkpoint): Promise<PaymentOutcome> {
  const { session, seq } = entry;
  const known = await sql.query<{ session_id: string }>(
    'SELECT session_id FROM forwarded_payments WHERE terminal_id = $1 AND seq = $2', [session.terminalId, seq]);
  if (known.rows[0]) return earlierPayment(sql, known.rows[0].session_id);
  await sql.query(
    `INSERT INTO cash_sessions (id, terminal_id, code, due, phone, operator, opened_at, owner_host, owner_pid, owner_started)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [session.id, session.terminalId, session.code, session.due, session.phone, session.operator, session.openedAt,
      session.owner?.host ?? null, session.owner?.pid ?? null, session.owner?.started ?? null],
  );
  // the journal is written before the registry, so the registry holds a prefix of the session's notes
  const heard = (await sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM cash_journal WHERE session_id = $1 AND kind = 'accepted'`, [session.id])).rows[0]!.n;
  for (let i = Number(heard); i < session.notes.length; i++) {
    await sql.query(
      `INSERT INTO cash_journal (session_id, note, at) SELECT id, $2, $3 FROM cash_sessions WHERE id = $1 AND ${stillOpen('cash_sessions')}`,
      [session.id, session.notes[i], entry.noteTimes[i] ?? entry.at]);
  }
  const outcome = await payInTransaction(sql, session.id, entry.trigger, entry.at, entry.recovered, processingDelayMs, checkpoint, seq);
  await sql.query(
    'INSERT INTO forwarded_payments (terminal_id, seq, session_id, receipt, forwarded_at) VALUES ($1, $2, $3, $4, $5)',
    [session.terminalId, seq, session.id, outcome.receipt.number, entry.at]);
  return outcome;
}

/** Every terminal payment in the registry with its key when it was forwarded (receipts of cash sessions). */
export async function registryPayments(sql: Sql): Promise<RegistryPayment[]> {
  const found = await sql.query<{ terminal_id: string; seq: number; session_id: string; number: string; accepted: string; notes: string; forwarded: boolean }>(
    `SELECT r.terminal_id, r.seq, r.session_id, r.number, r.accepted, f.seq IS NOT NULL AS forwarded,
       (SELECT count(*) FROM cash_journal j WHERE j.session_id = r.session_id AND j.kind = 'accepted') AS notes
     FROM receipts r LEFT JOIN forwarded_payments f ON f.session_id = r.session_id
     WHERE r.session_id IS NOT NULL ORDER BY r.terminal_id, r.seq`);
  return found.rows.map((r) => ({
    terminalId: r.terminal_id, seq: r.seq, sessionId: r.session_id, receipt: r.number, accepted: r.accepted, notes: Number(r.notes), forwarded: r.forwarded,
  }));
}
