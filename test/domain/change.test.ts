/** Change in notes and coins at a desk (R-CASH-2): the pure split into Russian denominations. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { piecesTotal, RUSSIAN_DENOMINATIONS, splitChange } from '../../src/domain/cash/change.js';

const shown = (amount: string) => splitChange(amount).map((p) => `${p.value}${p.kind === 'coin' ? 'c' : ''}x${p.count}`);

describe('splitChange', () => {
  it('R-CASH-2: 3,010 ₽ change for 16,990 ₽ paid with 20,000 ₽ is a 2000 and a 1000 note and a 10 ₽ coin', () => {
    expect(shown('3010.00')).toEqual(['2000.00x1', '1000.00x1', '10.00cx1']);
  });

  it('R-CASH-2: 250 ₽ (4,750 paid with 5,000) is a 200 note and a 50 note', () => {
    expect(shown('250.00')).toEqual(['200.00x1', '50.00x1']);
  });

  it('gives kopecks in coins and several of one piece when needed', () => {
    expect(shown('98.87')).toEqual(['50.00x1', '10.00cx4', '5.00cx1', '2.00cx1', '1.00cx1', '0.50cx1', '0.10cx3', '0.05cx1', '0.01cx2']);
    expect(shown('15000.00')).toEqual(['5000.00x3']);
  });

  it('gives nothing for no change and refuses a negative amount', () => {
    expect(splitChange('0.00')).toEqual([]);
    expect(() => splitChange('-1.00')).toThrow(RangeError);
    expect(() => splitChange('-1.00')).toThrow('cannot give change of -1.00');
    expect(() => splitChange('0.001')).toThrow('cannot give change of 0.001');
  });

  it('always adds up to the amount, with at most the pieces a canonical split needs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (kop) => {
        const amount = `${Math.floor(kop / 100)}.${String(kop % 100).padStart(2, "0")}`;
        const pieces = splitChange(amount);
        expect(piecesTotal(pieces)).toBe(amount);
        // largest first, no denomination twice, each one a real one
        const values = pieces.map((p) => RUSSIAN_DENOMINATIONS.findIndex((d) => d.value === p.value));
        expect(values.every((v, i) => v >= 0 && (i === 0 || v > values[i - 1]!))).toBe(true);
      }),
    );
  });
});
