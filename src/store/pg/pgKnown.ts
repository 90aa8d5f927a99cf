/**
 * What a PgStore knows of its own open sessions without asking the server (issue 20, bench row 18):
 * the session as it opened it, the order and the terminal's receipt counter as that same statement
 * found them, and every note it journaled since. A payment starts from this and writes in one round
 * trip; its call checks every part of it (pgSchemaPay.ts), so knowledge gone stale — a note
 * journaled by another process, the order or the counter changed — costs a fresh read, never a wrong
 * payment. Only what this store itself wrote is known; anything in doubt is forgotten.
 */
import type { Order } from '../../domain/orders/orders.js';
import type { CashSession } from '../../domain/store.js';
import type { PaymentMemory } from './pgPayOnce.js';
import type { PaymentBasis } from './pgPayFunction.js';

/**
 * A terminal has one session open at a time; a store shared by many (the bench's clients open 100
 * each before paying) keeps this many, the oldest forgotten first (a payment of one then reads).
 */
const MAX_SESSIONS = 1_000;

interface KnownSession {
  session: CashSession;
  order: Order | null;
  orderVersion: string | null;
}

export class KnownSessions implements PaymentMemory {
  private readonly sessions = new Map<string, KnownSession>();
  /** each terminal's receipt counter as last seen or left (null: no receipt drawn yet) */
  private readonly counters = new Map<string, number | null>();

  /** a session this store opened (committed), with its order and the terminal's counter as the insert found them */
  opened(session: Omit<CashSession, 'notes'>, order: Order | null, orderVersion: string | null, counterSeq: number | null): void {
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(session.id, { session: { ...session, notes: [] }, order, orderVersion });
    this.counters.set(session.terminalId, counterSeq);
  }

  /** a note this store journaled into the session (committed) */
  noted(sessionId: string, note: number): void {
    this.sessions.get(sessionId)?.session.notes.push(note);
  }

  known(sessionId: string): PaymentBasis | undefined {
    const known = this.sessions.get(sessionId);
    if (!known || !this.counters.has(known.session.terminalId)) return undefined;
    return { ...known, session: { ...known.session, notes: [...known.session.notes] }, counterSeq: this.counters.get(known.session.terminalId)! };
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  counted(terminalId: string, seq: number): void {
    this.counters.set(terminalId, seq);
  }
}
