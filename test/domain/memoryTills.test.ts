/**
 * The in-memory store's tills on their own (the cashier's role, R-CASH-1, R-CASH-2): the same checks as
 * test/store/till.contract.test.ts, without SQLite and PostgreSQL, so a mutation run reads them fast.
 */
import { describe, expect, it } from 'vitest';
import { MemoryTills } from '../../src/domain/cash/memoryTills.js';
import { planDeskPayment, type DeskPaymentOutcome, type DeskPaymentRequest } from '../../src/domain/cash/deskPayment.js';
import { DEFAULT_FLOAT, drawerTotal } from '../../src/domain/cash/drawer.js';
import { SHIFT_LIMIT_MS } from '../../src/domain/cash/shift.js';
import type { TillPaymentRequest } from '../../src/domain/cash/till.js';
import { newOrder, type Order } from '../../src/domain/orders/orders.js';

const T0 = Date.UTC(2026, 10, 22, 7, 0, 0);

/** One order of 16,990 ₽ behind the desk, paid once. */
function tills(): { tills: MemoryTills; desk: DeskPaymentRequest[] } {
  let order: Order | undefined = newOrder({ code: '1000000003', codeAmount: '16990.00', phone: '79161234567', issuedAt: T0 });
  const desk: DeskPaymentRequest[] = [];
  const payAtDesk = (request: DeskPaymentRequest): DeskPaymentOutcome => {
    desk.push(request);
    const outcome = planDeskPayment(request, request.code === order?.code ? order : undefined, null, 0);
    if (outcome.kind === 'paid') order = outcome.order;
    return outcome;
  };
  return { tills: new MemoryTills(payAtDesk), desk };
}

/** 16,990 ₽ with four 5,000 ₽ notes, 3,010 ₽ back as 1,000 + 4 × 500 + 10. */
const PAY: TillPaymentRequest = {
  place: 'cashier', code: '1000000003', due: '16990.00', received: '20000.00', at: T0 + 60_000,
  handed: { '5000.00': 4 }, given: { '1000.00': 1, '500.00': 4, '10.00': 1 },
};

describe('the memory store\'s tills', () => {
  it('has no shift before the first; opens one with the float tidied (no empty compartments)', () => {
    const { tills: t } = tills();
    expect(t.tillState('cashier')).toBeNull();
    const opened = t.openTillShift('cashier', { ...DEFAULT_FLOAT, '5000.00': 0 }, T0);
    expect(opened).toMatchObject({ place: 'cashier', shift: { number: 1, openedAt: T0, closedAt: null }, payments: [], sentAway: 0 });
    expect(opened.drawer).toEqual(DEFAULT_FLOAT);
    expect(opened.shift.float).toEqual(DEFAULT_FLOAT);
    expect(t.tillState('cashier')).toEqual(opened);
    expect(t.tillState('post')).toBeNull();
    expect(() => t.openTillShift('cashier', DEFAULT_FLOAT, T0 + 1)).toThrow('shift 1 is still open');
  });

  it('R-CASH-2: a payment puts the customer\'s notes in and the change out, and the shift keeps it', () => {
    const { tills: t, desk } = tills();
    t.openTillShift('cashier', DEFAULT_FLOAT, T0);
    const outcome = t.payAtTill(PAY);
    if (outcome.kind !== 'paid') throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
    expect(desk).toHaveLength(1);
    expect(outcome.payment).toMatchObject({ receipt: 'K-1-000001', total: '16990.00', changeDue: '3010.00', changeGiven: '3010.00', verdict: { kind: 'exact' } });
    expect(drawerTotal(outcome.drawer)).toBe('21990.00');
    const state = t.tillState('cashier')!;
    expect(state.drawer).toEqual(outcome.drawer);
    expect(state.payments).toEqual([outcome.payment]);
    // what was handed back is a copy: changing it does not reach the store
    (outcome.drawer as Record<string, number>)['5000.00'] = 99;
    state.payments.pop();
    expect(t.tillState('cashier')!.drawer['5000.00']).toBe(4);
    expect(t.tillState('cashier')!.payments).toHaveLength(1);
  });

  it('refuses with nothing moved: no shift, pieces that do not add up, a code already paid (the desk\'s answer)', () => {
    const { tills: t, desk } = tills();
    expect(t.payAtTill(PAY)).toEqual({ kind: 'refused', refusal: { reason: 'noShift' } });
    t.openTillShift('cashier', DEFAULT_FLOAT, T0);
    expect(t.payAtTill({ ...PAY, handed: { '5000.00': 3 } })).toEqual({ kind: 'refused', refusal: { reason: 'handedMismatch', handed: '15000.00' } });
    expect(desk).toHaveLength(0);
    expect(t.payAtTill(PAY).kind).toBe('paid');
    // the drawer now lacks the 1,000 ₽ note given back: the next attempts give no change
    const again = { ...PAY, given: {} };
    expect(t.payAtTill(again)).toEqual({ kind: 'refused', refusal: { reason: 'alreadyPaid' } });
    expect(t.payAtTill({ ...again, code: '1000000009' })).toEqual({ kind: 'refused', refusal: { reason: 'unknown' } });
    expect(t.tillState('cashier')!.payments).toHaveLength(1);
    expect(t.payAtTill({ ...again, at: T0 + SHIFT_LIMIT_MS + 1 })).toEqual({ kind: 'refused', refusal: { reason: 'over24h' } });
  });

  it('R-CASH-1: counts the customers sent back for the code in the open shift only', () => {
    const { tills: t } = tills();
    expect(() => t.sendAwayAtTill('cashier', T0)).toThrow('no shift has been opened at the cashier');
    t.openTillShift('cashier', DEFAULT_FLOAT, T0);
    expect(t.sendAwayAtTill('cashier', T0 + 1).sentAway).toBe(1);
    expect(t.sendAwayAtTill('cashier', T0 + 2).sentAway).toBe(2);
    expect(t.tillReport('cashier', 'X', T0 + 3).sentAway).toBe(2);
    t.tillReport('cashier', 'Z', T0 + 4);
    expect(() => t.sendAwayAtTill('cashier', T0 + 5)).toThrow('shift 1 is closed');
    expect(t.tillState('cashier')!.sentAway).toBe(2);
  });

  it('X leaves the shift open, Z closes it: then payments are refused and a new shift may open', () => {
    const { tills: t } = tills();
    expect(() => t.tillReport('post', 'X', T0)).toThrow('no shift has been opened at the post');
    t.openTillShift('cashier', DEFAULT_FLOAT, T0);
    t.payAtTill(PAY);
    const x = t.tillReport('cashier', 'X', T0 + 120_000);
    expect(x).toMatchObject({ kind: 'X', shift: 1, payments: 1, total: '16990.00', expected: '21990.00', counted: '21990.00', discrepancy: '0.00' });
    expect(t.tillState('cashier')!.shift.closedAt).toBeNull();
    t.tillReport('cashier', 'Z', T0 + 180_000);
    expect(t.tillState('cashier')!.shift.closedAt).toBe(T0 + 180_000);
    expect(t.payAtTill(PAY)).toEqual({ kind: 'refused', refusal: { reason: 'closed' } });
    expect(t.openTillShift('cashier', DEFAULT_FLOAT, T0 + 240_000).shift.number).toBe(2);
  });
});
