/** The till's checks before money moves, pure (the cashier's role): what is refused and why. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOAT } from '../../src/domain/cash/drawer.js';
import { openShift, SHIFT_LIMIT_MS } from '../../src/domain/cash/shift.js';
import { applyTillPayment, reportRefusal, tidyDrawer, tillPaymentRefusal, tillTakings, type TillPaymentRequest, type TillState } from '../../src/domain/cash/till.js';
import type { DeskReceipt } from '../../src/domain/fiscal/fiscalReceipt.js';

const T0 = Date.UTC(2026, 10, 22, 7, 0, 0);
const state = (): TillState => ({ place: 'cashier', shift: openShift(null, DEFAULT_FLOAT, T0), drawer: DEFAULT_FLOAT, payments: [], sentAway: 0 });
const request = (over: Partial<TillPaymentRequest> = {}): TillPaymentRequest => ({
  place: 'cashier', code: '1000000001', due: '4750.00', received: '5000.00', at: T0 + 1,
  handed: { '5000.00': 1 }, given: { '200.00': 1, '50.00': 1 }, ...over,
});

describe('a till payment', () => {
  it('is refused with no shift, a closed shift, or a shift open longer than 24 hours', () => {
    expect(tillPaymentRefusal(null, request())).toEqual({ reason: 'noShift' });
    expect(tillPaymentRefusal({ ...state(), shift: { ...state().shift, closedAt: T0 } }, request())).toEqual({ reason: 'closed' });
    expect(tillPaymentRefusal(state(), request({ at: T0 + SHIFT_LIMIT_MS + 1 }))).toEqual({ reason: 'over24h' });
    expect(tillPaymentRefusal(state(), request())).toBeNull();
  });

  it('R-CASH-2: refuses change bigger than the drawer holds, but lets the cashier hand back the customer\'s own note', () => {
    expect(tillPaymentRefusal(state(), request({ given: { '200.00': 2 } }))).toEqual({ reason: 'notInDrawer', face: '200.00', have: 1 });
    // two 5,000 notes for 4,750: one of the customer's own notes goes straight back with the 250
    expect(tillPaymentRefusal(state(), request({ received: '10000.00', handed: { '5000.00': 2 }, given: { '5000.00': 1, '200.00': 1, '50.00': 1 } }))).toBeNull();
  });

  it('is refused when the pieces handed over do not add up to the cash typed in', () => {
    expect(tillPaymentRefusal(state(), request({ handed: { '2000.00': 2 } }))).toEqual({ reason: 'handedMismatch', handed: '4000.00' });
  });

  it('R-CASH-2: moves the customer\'s notes in and the chosen change out, and records change given over what was due', () => {
    const receipt = { number: 'K-1-000001', total: '4750.00', received: '5000.00', change: '250.00' } as DeskReceipt;
    const { drawer, payment } = applyTillPayment(state(), request({ given: { '200.00': 1, '100.00': 1 } }), receipt);
    expect(drawer).toMatchObject({ '5000.00': 1, '100.00': 9 });
    expect(drawer['200.00']).toBeUndefined();
    expect(payment).toEqual({ receipt: 'K-1-000001', total: '4750.00', received: '5000.00', changeDue: '250.00', changeGiven: '300.00', verdict: { kind: 'over', by: '50.00' } });
  });

  it('change from pieces the drawer lacks is a bug of the caller (tillPaymentRefusal comes first), named in the error', () => {
    const receipt = { number: 'K-1-000001', total: '4750.00', received: '5000.00', change: '250.00' } as DeskReceipt;
    expect(() => applyTillPayment(state(), request({ given: { '200.00': 2 } }), receipt))
      .toThrow('the drawer holds 1 of 200.00: check tillPaymentRefusal first');
  });

  it('the shift\'s takings are the payments\' totals, not the cash received', () => {
    const payment = { receipt: 'K-1-000001', received: '5000.00', changeDue: '0.00', changeGiven: '0.00', verdict: { kind: 'exact' } } as const;
    expect(tillTakings([])).toBe('0.00');
    expect(tillTakings([{ ...payment, total: '4750.00' }, { ...payment, total: '16990.00' }])).toBe('21740.00');
  });
});

describe('the shift reports', () => {
  it('a Z-report is refused while a customer stands at the desk, and on a closed shift; an X-report is not', () => {
    expect(reportRefusal(state(), 'Z', true)).toBe('customerAtDesk');
    expect(reportRefusal(state(), 'X', true)).toBeNull();
    expect(reportRefusal(state(), 'Z', false)).toBeNull();
    expect(reportRefusal({ ...state(), shift: { ...state().shift, closedAt: T0 } }, 'Z', false)).toBe('alreadyClosed');
    expect(reportRefusal(null, 'X', false)).toBe('noShift');
  });

  it('the stores keep a drawer with canonical faces and no empty compartments', () => {
    expect(tidyDrawer({ '5000': 2, '0.5': 0, '10.00': 3 })).toEqual({ '5000.00': 2, '10.00': 3 });
  });
});
