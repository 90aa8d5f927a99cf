/**
 * Change in cash, as a human cashier gives it (R-CASH-2): an amount split into Russian notes and
 * coins, largest first. The Bank of Russia's series is canonical (each denomination is at least
 * twice the next smaller one, or 5 = 2 + 2 + 1), so taking the largest that fits gives the fewest
 * pieces. Counted in whole kopecks through decimal.js, never binary floats.
 */
import Decimal from 'decimal.js';
import { money, type Money } from '../money.js';

export type PieceKind = 'note' | 'coin';

export interface Denomination {
  /** the face value, e.g. "5000.00" or "0.50" */
  value: Money;
  kind: PieceKind;
}

/** Notes and coins in circulation, largest first: notes 5000…50 ₽; coins 10, 5, 2, 1 ₽ and 50, 10, 5, 1 kopecks. */
export const RUSSIAN_DENOMINATIONS: readonly Denomination[] = [
  ...[5000, 2000, 1000, 500, 200, 100, 50].map((n) => ({ value: money(n), kind: 'note' as const })),
  ...['10.00', '5.00', '2.00', '1.00', '0.50', '0.10', '0.05', '0.01'].map((v) => ({ value: v, kind: 'coin' as const })),
];

export interface ChangePiece extends Denomination {
  count: number;
}

const kopecks = (m: Money): Decimal => new Decimal(m).times(100);

/** `3010.00` → 2000 ×1, 1000 ×1, 10 ×1. Zero gives nothing; a negative amount is a bug of the caller. */
export function splitChange(amount: Money): ChangePiece[] {
  let left = kopecks(amount);
  if (left.isNegative() || !left.isInteger()) throw new RangeError(`cannot give change of ${amount}`);
  const pieces: ChangePiece[] = [];
  for (const d of RUSSIAN_DENOMINATIONS) {
    const size = kopecks(d.value);
    const count = left.dividedToIntegerBy(size).toNumber();
    if (count > 0) {
      pieces.push({ ...d, count });
      left = left.minus(size.times(count));
    }
  }
  return pieces;
}

/** What the pieces add up to: the inverse of `splitChange`. */
export const piecesTotal = (pieces: readonly ChangePiece[]): Money =>
  pieces.reduce((sum, p) => sum.plus(new Decimal(p.value).times(p.count)), new Decimal(0)).toFixed(2);
