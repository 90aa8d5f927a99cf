/** The till's drawer and shift, pure (the cashier's role): change from what the drawer holds, mistakes recorded, X/Z reports, the 24-hour rule. */
import { describe, expect, it } from 'vitest';
import { changeFromDrawer, countOf, DEFAULT_FLOAT, drawerTotal, judgeChange, putIn, takeOut, type Drawer } from '../../src/domain/cash/drawer.js';
import { openShift, paymentRefusal, sendAwayRefusal, shiftReport, SHIFT_LIMIT_MS, type TillPayment } from '../../src/domain/cash/shift.js';
import { piecesTotal } from '../../src/domain/cash/change.js';
import { sub } from '../../src/domain/money.js';

const T0 = Date.UTC(2026, 10, 22, 7, 0, 0);

describe('the drawer', () => {
  it('[choice] the default float is 5,000 ₽ in small notes and coins', () => {
    expect(drawerTotal(DEFAULT_FLOAT)).toBe('5000.00');
  });

  it('takes the customer\'s notes in and gives pieces out; never more than it holds', () => {
    let drawer: Drawer = putIn({}, '5000', 4);
    expect(countOf(drawer, '5000.00')).toBe(4);
    expect(drawerTotal(drawer)).toBe('20000.00');
    const out = takeOut(drawer, '5000.00', 5);
    expect(out).toEqual({ ok: false, reason: 'empty', have: 4 });
    const ok = takeOut(drawer, '5000.00', 1);
    if (!ok.ok) throw new Error('refused');
    drawer = ok.drawer;
    expect(drawerTotal(drawer)).toBe('15000.00');
    expect(() => putIn(drawer, '3000')).toThrow('3000 is not a Russian note or coin');
  });

  it('R-CASH-2: makes change from what it holds, giving up a larger piece when smaller ones then fit', () => {
    expect(changeFromDrawer({ '5.00': 1, '2.00': 3 }, '6.00')).toEqual([{ value: '2.00', kind: 'coin', count: 3 }]);
    expect(changeFromDrawer({ '5.00': 1, '2.00': 1 }, '6.00')).toBeNull();
    const change = changeFromDrawer(DEFAULT_FLOAT, '3010.00');
    expect(change).not.toBeNull();
    expect(piecesTotal(change!)).toBe('3010.00');
    // the float has one 1,000 note: the rest is made of 500s, 100s… as a cashier would
    expect(change![0]).toEqual({ value: '1000.00', kind: 'note', count: 1 });
    expect(changeFromDrawer(DEFAULT_FLOAT, '6000.00')).toBeNull();
    expect(changeFromDrawer({}, '0.00')).toEqual([]);
  });

  it('records change given short or over, never corrects it silently', () => {
    expect(judgeChange('250.00', '250.00')).toEqual({ kind: 'exact' });
    expect(judgeChange('250.00', '200.00')).toEqual({ kind: 'short', by: '50.00' });
    expect(judgeChange('250.00', '300.00')).toEqual({ kind: 'over', by: '50.00' });
  });
});

describe('the shift', () => {
  const payment = (total: string, received: string, changeGiven: string): TillPayment => {
    const changeDue = sub(received, total);
    return { receipt: 'K-1-000001', total, received, changeDue, changeGiven, verdict: judgeChange(changeDue, changeGiven) };
  };

  it('refuses every payment once open longer than 24 hours, and any payment once closed', () => {
    const shift = openShift(null, DEFAULT_FLOAT, T0);
    expect(shift).toMatchObject({ number: 1, closedAt: null });
    expect(paymentRefusal(shift, T0 + SHIFT_LIMIT_MS)).toBeNull();
    expect(paymentRefusal(shift, T0 + SHIFT_LIMIT_MS + 1)).toBe('over24h');
    const { shift: closed } = shiftReport('Z', shift, [], DEFAULT_FLOAT, T0 + SHIFT_LIMIT_MS + 1);
    expect(paymentRefusal(closed, T0 + SHIFT_LIMIT_MS + 2)).toBe('closed');
    expect(openShift(closed, DEFAULT_FLOAT, T0 + SHIFT_LIMIT_MS + 3)).toMatchObject({ number: 2 });
  });

  it('X leaves the shift open, Z closes it; closing twice or opening over an open shift is refused', () => {
    const shift = openShift(null, DEFAULT_FLOAT, T0);
    const x = shiftReport('X', shift, [], DEFAULT_FLOAT, T0 + 1);
    expect(x.shift.closedAt).toBeNull();
    expect(() => openShift(shift, DEFAULT_FLOAT, T0 + 2)).toThrow('shift 1 is still open');
    const z = shiftReport('Z', shift, [], DEFAULT_FLOAT, T0 + 3);
    expect(z.shift.closedAt).toBe(T0 + 3);
    expect(() => shiftReport('Z', z.shift, [], DEFAULT_FLOAT, T0 + 4)).toThrow('shift 1 is already closed');
  });

  it('the report\'s totals and the drawer: 3,010 ₽ change given as 3,000 ₽ is a mistake on the report, and the drawer agrees with what went out', () => {
    const shift = openShift(null, DEFAULT_FLOAT, T0);
    let drawer = putIn(DEFAULT_FLOAT, '5000.00', 4);
    for (const [face, count] of [['1000.00', 1], ['500.00', 4]] as const) {
      const out = takeOut(drawer, face, count);
      if (!out.ok) throw new Error('empty');
      drawer = out.drawer;
    }
    const payments = [payment('16990.00', '20000.00', '3000.00')];
    const { report } = shiftReport('Z', shift, payments, drawer, T0 + 60_000);
    expect(report).toMatchObject({ kind: 'Z', shift: 1, payments: 1, total: '16990.00', expected: '22000.00', counted: '22000.00', discrepancy: '0.00', changeMistakes: 1 });
    // a 100 note missing from the drawer shows as a discrepancy
    const short = takeOut(drawer, '100.00', 1);
    if (!short.ok) throw new Error('empty');
    expect(shiftReport('X', shift, payments, short.drawer, T0 + 1).report.discrepancy).toBe('-100.00');
    // the drawer agrees with what was handed out; the customer was short-changed by 10 ₽, which the report counts as a mistake
    expect(payments[0]!.verdict).toEqual({ kind: 'short', by: '10.00' });
  });

  it('counts as change mistakes only the payments whose change was short or over, not the exact ones', () => {
    const shift = openShift(null, DEFAULT_FLOAT, T0);
    const payments = [payment('4750.00', '5000.00', '250.00'), payment('100.00', '200.00', '120.00'), payment('50.00', '50.00', '0.00')];
    expect(shiftReport('X', shift, payments, DEFAULT_FLOAT, T0 + 1).report.changeMistakes).toBe(1);
    expect(shiftReport('X', shift, [payments[0]!], DEFAULT_FLOAT, T0 + 1).report.changeMistakes).toBe(0);
  });

  it('sends a customer away (R-CASH-1: for the code) only on an open shift', () => {
    const shift = openShift(null, DEFAULT_FLOAT, T0);
    expect(sendAwayRefusal(shift)).toBeNull();
    expect(sendAwayRefusal(shiftReport('Z', shift, [], DEFAULT_FLOAT, T0 + 1).shift)).toBe('shift 1 is closed');
  });
});
