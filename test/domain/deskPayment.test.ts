/** Paying a code at a desk, pure (R-CASH-1, R-CASH-2, R-CASH-3): what the cashier answers, what goes to the order, the change, the receipt's numbers. */
import { describe, expect, it } from 'vitest';
import { evaluateDeskLookup, planDeskPayment, type DeskPaymentRequest } from '../../src/domain/cash/deskPayment.js';
import { acceptTerminalPayment, newOrder, repriceOrder } from '../../src/domain/orders/orders.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';

const T0 = Date.UTC(2026, 10, 22, 7, 0, 0);
const DELAY = 60_000;
const order = (codeAmount: string) => newOrder({ code: '1000000003', codeAmount, phone: '79161234567', issuedAt: T0 });
const request = (due: string, received: string, place: DeskPaymentRequest['place'] = 'cashier'): DeskPaymentRequest =>
  ({ place, code: '1000000003', due, received, at: T0 + 1_000 });

describe('the cashier answers a code', () => {
  it('R-CASH-1: a desk has no cap of its own: the 16,990 ₽ order the terminal refuses (R-TERM-3) is payable', () => {
    expect(evaluateDeskLookup('1000000003', order('16990.00'), T0, DEFAULT_RULES)).toMatchObject({ kind: 'payable', due: '16990.00' });
    expect(evaluateDeskLookup('1000000003', order('16990.00'), T0, DEFAULT_RULES, '10000.00')).toMatchObject({ kind: 'refused', reason: 'overCap' });
    expect(evaluateDeskLookup('1000000009', undefined, T0, DEFAULT_RULES)).toMatchObject({ kind: 'refused', reason: 'unknown' });
  });
});

describe('the payment at a desk', () => {
  it('R-CASH-2: takes exactly what is due, no commission, and gives the rest back as change on the receipt', () => {
    const outcome = planDeskPayment(request('16990.00', '20000.00'), order('16990.00'), null, DELAY);
    if (outcome.kind !== 'paid') throw new Error(`refused: ${outcome.reason}`);
    expect(outcome.receipt).toMatchObject({ place: 'cashier', number: 'K-1-000001', total: '16990.00', received: '20000.00', change: '3010.00', orderStatus: 'paid', owed: '0.00' });
    expect(outcome.counters).toEqual({ shift: 1, inShift: 1, fd: 1 });
    expect(outcome.order).toMatchObject({ status: 'paid', paid: '16990.00' });
    // R-CODE-6: processing on the site like a terminal's payment
    expect(outcome.order.credits).toEqual([{ receipt: 'K-1-000001', amount: '16990.00', acceptedAt: T0 + 1_000, settlesAt: T0 + 1_000 + DELAY }]);
  });

  it('R-CASH-3: the Post numbers the receipt with its own register and the counters run on from the last receipt', () => {
    const outcome = planDeskPayment(request('100.00', '100.00', 'post'), order('100.00'), { shift: 2, inShift: 4, fd: 41 }, DELAY);
    if (outcome.kind !== 'paid') throw new Error(`refused: ${outcome.reason}`);
    expect(outcome.receipt).toMatchObject({ number: 'P-101000-000042', registerId: 'P-101000', shift: 2, inShift: 5, fd: 42, change: '0.00' });
  });

  it('R-CODE-5: never takes more than was read back; a price risen since leaves the rest owed on the receipt', () => {
    const risen = repriceOrder(order('2000.00'), '2300.00');
    const outcome = planDeskPayment(request('2000.00', '2500.00'), risen, null, DELAY);
    if (outcome.kind !== 'paid') throw new Error(`refused: ${outcome.reason}`);
    expect(outcome.receipt).toMatchObject({ total: '2000.00', change: '500.00', orderStatus: 'partially_paid', owed: '300.00' });
    // and a partly paid order takes only what it still owes, even if more was read back
    const rest = planDeskPayment(request('2300.00', '500.00'), outcome.order, outcome.counters, DELAY);
    if (rest.kind !== 'paid') throw new Error(`refused: ${rest.reason}`);
    expect(rest.receipt).toMatchObject({ total: '300.00', change: '200.00', orderStatus: 'paid', owed: '0.00', fd: 2 });
  });

  it('refuses, taking nothing, a code another desk or a terminal paid first, or an unknown one', () => {
    const paid = acceptTerminalPayment(order('100.00'), '100.00', 'T-1-000001', T0, DELAY);
    expect(planDeskPayment(request('100.00', '100.00'), paid, null, DELAY)).toEqual({ kind: 'refused', reason: 'alreadyPaid', order: paid });
    expect(planDeskPayment(request('100.00', '100.00'), undefined, null, DELAY)).toEqual({ kind: 'refused', reason: 'unknown', order: undefined });
  });

  it('cash handed over short of what the order takes is a bug of the caller, never a partial payment', () => {
    expect(() => planDeskPayment(request('100.00', '99.99'), order('100.00'), null, DELAY)).toThrow('99.99 handed over does not cover 100.00 due');
    expect(planDeskPayment(request('100.00', '100.00'), order('100.00'), null, DELAY).kind).toBe('paid');
  });
});
