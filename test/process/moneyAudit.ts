/** Reads a data directory's database directly (read-only) to check where every journaled note went. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { add, ZERO } from '../../src/domain/money.js';

export interface SessionFacts {
  notes: number[];
  receipts: Array<{ number: string; accepted: string; toOrder: string; toPhone: string; recovered: number }>;
}

export interface Totals {
  journaled: string;
  toOrders: string;
  toPhones: string;
  receiptsAccepted: string;
  notes: number;
  sessions: number;
  receipts: number;
}

const open = (dir: string) => new Database(join(dir, 'kiosk.db'), { readonly: true, fileMustExist: true });
const rub = (n: number) => `${n}.00`;

/** The one cash session of an order (each trial pays its own order once), with its notes and receipts. */
export function sessionOf(dir: string, code: string): SessionFacts | null {
  const db = open(dir);
  try {
    const sessions = db.prepare<{ id: string }>('SELECT id FROM cash_sessions WHERE code = ?').all(code);
    if (sessions.length === 0) return null;
    if (sessions.length > 1) throw new Error(`order ${code} has ${sessions.length} cash sessions`);
    const id = sessions[0]!.id;
    const notes = db.prepare<{ note: number }>('SELECT note FROM cash_journal WHERE session_id = ? ORDER BY id').all(id).map((r) => r.note);
    const receipts = db
      .prepare<SessionFacts['receipts'][number]>(
        'SELECT number, accepted, to_order AS toOrder, to_phone AS toPhone, recovered FROM receipts WHERE session_id = ?',
      )
      .all(id);
    return { notes, receipts };
  } finally {
    db.close();
  }
}

/** Cash sessions holding journaled notes and no payment: what the next start must recover. */
export function unfinishedWithCash(dir: string): number {
  const db = open(dir);
  try {
    return db
      .prepare<{ n: number }>(
        `SELECT COUNT(DISTINCT s.id) AS n FROM cash_sessions s JOIN cash_journal j ON j.session_id = s.id WHERE s.state = 'open'`,
      )
      .get()!.n;
  } finally {
    db.close();
  }
}

/**
 * Where the money is, over the orders whose code starts with `prefix` (the test's own, not the demo's)
 * and every phone. Throws when an order was credited more than its receipts say, or twice.
 */
export function audit(dir: string, prefix: string): Totals {
  const db = open(dir);
  try {
    const like = `${prefix}%`;
    const journal = db.prepare<{ note: number }>('SELECT note FROM cash_journal').all();
    const orders = db.prepare<{ code: string; paid: string }>('SELECT code, paid FROM orders WHERE code LIKE ?').all(like);
    const receipts = db.prepare<{ code: string; accepted: string; to_order: string; session_id: string }>(
      'SELECT code, accepted, to_order, session_id FROM receipts',
    ).all();
    const balances = db.prepare<{ balance: string }>('SELECT balance FROM phone_accounts').all();
    const ledger = db.prepare<{ amount: string }>('SELECT amount FROM ledger').all();
    for (const order of orders) {
      const mine = receipts.filter((r) => r.code === order.code);
      if (mine.length > 1) throw new Error(`order ${order.code} has ${mine.length} receipts: credited twice`);
      const credited = mine.reduce((s, r) => add(s, r.to_order), ZERO);
      if (credited !== order.paid) throw new Error(`order ${order.code}: paid ${order.paid}, receipts say ${credited}`);
    }
    const sessionsPaid = new Set(receipts.map((r) => r.session_id));
    if (sessionsPaid.size !== receipts.length) throw new Error('a cash session has two receipts');
    const toPhones = balances.reduce((s, b) => add(s, b.balance), ZERO);
    const ledgerSum = ledger.reduce((s, l) => add(s, l.amount), ZERO);
    if (ledgerSum !== toPhones) throw new Error(`phone balances ${toPhones} but ledger ${ledgerSum}`);
    return {
      journaled: journal.reduce((s, j) => add(s, rub(j.note)), ZERO),
      toOrders: orders.reduce((s, o) => add(s, o.paid), ZERO),
      toPhones,
      receiptsAccepted: receipts.reduce((s, r) => add(s, r.accepted), ZERO),
      notes: journal.length,
      sessions: db.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM cash_sessions').get()!.n,
      receipts: receipts.length,
    };
  } finally {
    db.close();
  }
}
