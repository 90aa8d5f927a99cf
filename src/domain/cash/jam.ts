/**
 * The bill acceptor jam (issue 14): the acceptor holds the note being inserted. The note is journaled
 * as held before the screen says anything, so it is never lost; it is not counted (not in the
 * payment, not in the cassette) until service mode's "Clear jam" counts it and pays the session by
 * the usual rules (the order first, the rest to the phone, R-TERM-2).
 */
import type { CashSession } from './cashSession.js';
import { add, noteAmount, ZERO, type Money } from '../money.js';

/** A cash session whose acceptor jammed: `notes` are the counted ones, `held` the ones stuck in the acceptor. */
export interface JammedSession extends CashSession {
  held: number[];
}

/** What the out-of-service screen and service mode show of a jam. */
export interface Jam {
  sessionId: string;
  code: string;
  phone: string;
  /** the notes the acceptor holds (one, unless an old jam was never cleared) */
  held: number[];
  /** what the session had counted before the jam */
  inserted: Money;
}

const sum = (notes: readonly number[]): Money => notes.reduce<Money>((total, note) => add(total, noteAmount(note)), ZERO);

export const jamOf = (session: JammedSession): Jam => ({
  sessionId: session.id,
  code: session.code,
  phone: session.phone,
  held: [...session.held],
  inserted: sum(session.notes),
});

export const heldTotal = (jam: Pick<Jam, 'held'>): Money => sum(jam.held);

/** The held notes as the screens name them: `5 000 ₽`, or `100 ₽ + 50 ₽`. */
export const heldNotesText = (jam: Pick<Jam, 'held'>, formatNote: (note: number) => string): string => jam.held.map(formatNote).join(' + ');
