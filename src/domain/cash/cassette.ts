/**
 * The bill acceptor's cassette: what it holds since the last encashment, counted from the cash
 * journal (never a separate counter that could drift from the money), and the encashment that
 * empties it. The capacity is a [choice] (1,500 notes): a full cassette puts the terminal out of
 * service before a payment, never in the middle of one.
 */
import { add, noteAmount, ZERO, type Money } from '../money.js';
import { BANKNOTES } from '../rules.js';

/** [choice] notes a cassette holds; `KioskRules.cassetteCapacity` overrides it. */
export const DEFAULT_CASSETTE_CAPACITY = 1_500;

export interface CassetteCount {
  terminalId: string;
  /** the cassette in the acceptor: `<terminal>-C<n>`, n counting encashments from 1 */
  cassetteId: string;
  /** when the cassette went in (the last encashment), or null for the first one */
  since: number | null;
  /** banknotes by denomination (rubles → how many), every denomination listed */
  notes: Record<number, number>;
  count: number;
  total: Money;
}

/** A cassette taken out: its count is what the encashment receipt prints. */
export interface Encashment extends CassetteCount {
  /** 1, 2, … per terminal */
  number: number;
  at: number;
}

export const cassetteId = (terminalId: string, encashmentsBefore: number): string => `${terminalId}-C${encashmentsBefore + 1}`;

/** Counts journaled notes by denomination, with their total (exact money). */
export function countCassette(terminalId: string, cassette: string, since: number | null, journaled: readonly number[]): CassetteCount {
  const notes = Object.fromEntries(BANKNOTES.map((n) => [n, 0])) as Record<number, number>;
  let total: Money = ZERO;
  for (const note of journaled) {
    notes[note] = (notes[note] ?? 0) + 1;
    total = add(total, noteAmount(note));
  }
  return { terminalId, cassetteId: cassette, since, notes, count: journaled.length, total };
}

/** The encashment receipt, as printed and as `kiosk encashments` shows it. */
export function encashmentText(e: Encashment, header: string, lines: { title: string; cassette: string; at: string; count: string; total: string; note: (n: number) => string }): string[] {
  return [
    header,
    `${lines.title} ${e.terminalId}-E${e.number}`,
    `${lines.cassette} ${e.cassetteId}`,
    lines.at,
    ...BANKNOTES.filter((n) => (e.notes[n] ?? 0) > 0).map((n) => `${lines.note(n)} × ${e.notes[n]}`),
    `${lines.count} ${e.count}`,
    `${lines.total} ${e.total}`,
  ];
}
