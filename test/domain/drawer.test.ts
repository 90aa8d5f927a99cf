/**
 * The drawer's edges (src/domain/cash/drawer.ts), beside the till tests: what a count or an amount
 * may be, taking out every piece of a face, a face the drawer has none of. Issue 22.
 */
import { describe, expect, it } from 'vitest';
import { changeFromDrawer, countOf, putIn, takeOut } from '../../src/domain/cash/drawer.js';

describe('the drawer at its edges', () => {
  it('counts a face it holds none of as 0, written either way', () => {
    expect(countOf({}, '10.00')).toBe(0);
    expect(countOf({ '10.00': 3 }, '10')).toBe(3);
  });

  it('puts in a whole number of pieces, none included, and refuses a fraction or fewer than none', () => {
    expect(putIn({ '10.00': 2 }, '10.00', 0)).toEqual({ '10.00': 2 });
    expect(putIn({}, '10.00')).toEqual({ '10.00': 1 });
    expect(() => putIn({}, '10.00', 1.5)).toThrow(new RangeError('cannot put in 1.5 pieces'));
    expect(() => putIn({}, '10.00', -1)).toThrow(new RangeError('cannot put in -1 pieces'));
  });

  it('gives out every piece of a face it holds, and one by default; never one it lacks', () => {
    expect(takeOut({ '10.00': 2 }, '10.00', 2)).toEqual({ ok: true, drawer: { '10.00': 0 } });
    expect(takeOut({ '10.00': 2 }, '10.00')).toEqual({ ok: true, drawer: { '10.00': 1 } });
    expect(takeOut({}, '10.00')).toEqual({ ok: false, reason: 'empty', have: 0 });
    expect(() => takeOut({}, '3.00')).toThrow(new RangeError('3.00 is not a Russian note or coin'));
  });

  it('R-CASH-2: change is a whole number of kopecks, not below zero; exact change uses every piece it needs', () => {
    expect(() => changeFromDrawer({ '1.00': 5 }, '-1.00')).toThrow(new RangeError('cannot give change of -1.00'));
    expect(() => changeFromDrawer({ '1.00': 5 }, '0.005')).toThrow(new RangeError('cannot give change of 0.005'));
    expect(changeFromDrawer({ '0.10': 1 }, '0.10')).toEqual([{ value: '0.10', kind: 'coin', count: 1 }]);
    expect(changeFromDrawer({ '0.10': 1 }, '0.20')).toBeNull();
    // every face down to the smallest coin in one answer
    expect(changeFromDrawer({ '5000.00': 1, '2.00': 1, '0.01': 1 }, '5002.01')).toEqual([
      { value: '5000.00', kind: 'note', count: 1 }, { value: '2.00', kind: 'coin', count: 1 }, { value: '0.01', kind: 'coin', count: 1 },
    ]);
  });
});
