/**
 * Issue 20, bench row 18: a terminal's payment is one call of the registry's pay_terminal_session
 * (src/store/pg/pgSchemaPay.ts, migration 10) with the planned rows as parameters
 * (src/store/pg/pgPayFunction.ts). Pure, no server: the call passes each value where the function's
 * signature declares it (test/store/pgPayOnce.test.ts runs the function itself, raced, on a real server).
 */
import { describe, expect, it } from 'vitest';
import { newOrder, type Order } from '../../src/domain/orders/orders.js';
import { paidElsewhere } from '../../src/domain/cash/payment.js';
import type { CashSession } from '../../src/domain/store.js';
import { planTerminalPayment } from '../../src/store/pg/pgPaymentPlan.js';
import { payCall, PAY_CALL } from '../../src/store/pg/pgPayFunction.js';
import { SIGNATURE } from '../../src/store/pg/pgSchemaPay.js';

const NOW = Date.UTC(2026, 11, 3, 9);
const DELAY_MS = 60_000;

const order = (code: string): Order => newOrder({ code, codeAmount: '4750.00', phone: '+79161234567', issuedAt: NOW });
const session = (id: string, code: string, notes: number[]): CashSession =>
  ({ id, terminalId: `T-${id}`, code, due: '4750.00', phone: '+79160000001', operator: 'mts', openedAt: NOW, notes });

/** the function's input parameters by name, as its signature lists them */
const inputs = SIGNATURE.split(',').map((p) => p.trim()).filter((p) => !p.startsWith('OUT')).map((p) => p.split(/\s+/)[0]!);

/** the call's values by the name of the parameter each is bound to */
function named(s: CashSession, o: Order, seq: number | null, withLate: boolean): Record<string, unknown> {
  const planned = planTerminalPayment(s, o, (seq ?? 0) + 1, 'pay', NOW, false, DELAY_MS);
  const late = withLate ? planTerminalPayment(s, paidElsewhere(o)!, planned.seq, 'pay', NOW, false, DELAY_MS) : null;
  const call = payCall({ session: s, counterSeq: seq, order: o, orderVersion: '700' }, planned, late);
  expect(call.values).toHaveLength(inputs.length);
  return Object.fromEntries(inputs.map((name, i) => [name, call.values[i]]));
}

describe('the payment call', () => {
  it('binds as many values as the function takes, one placeholder each', () => {
    expect(inputs).toHaveLength(30);
    expect(PAY_CALL.match(/\$\d+/g)).toEqual(inputs.map((_, i) => `$${i + 1}`));
  });

  it('R-TERM-2: a contested payment binds both plans: the order paid by it, or paid elsewhere and all the cash to the phone', () => {
    const v = named(session('1', '4100000001', [5000]), order('4100000001'), 4, true);
    expect([v.p_session, v.p_notes, v.p_counter, v.p_seq, v.p_code, v.p_version, v.p_keeps_order]).toEqual(['1', [5000], 4, 5, '4100000001', '700', false]);
    expect([v.p_number, v.p_due, v.p_accepted]).toEqual(['T-1-000005', '4750.00', '5000.00']);
    expect(v.a_receipt).toEqual(['4750.00', '250.00', 'paid', '0.00', '4100000001']);
    expect((v.a_order as string[]).slice(0, 4)).toEqual(['4750.00', 'paid', '4750.00', '0.00']);
    expect([v.a_phones, v.a_amounts]).toEqual([['+79160000001'], ['250.00']]);
    expect(v.b_expected).toEqual(['4750.00', '4750.00', '+79161234567', String(NOW), 'RU', 'pc', 'paid', '4750.00', '0.00', 'placed', '0.00', null, null, null, null]);
    expect(v.b_receipt).toEqual(['0.00', '5000.00', 'paid', '0.00', '4100000001']);
    expect([v.b_phones, v.b_amounts]).toEqual([['+79160000001'], ['5000.00']]);
  });

  it('an order paid already is kept as it is (locked for share), with no second plan; a first receipt has no counter', () => {
    const v = named(session('2', '4100000002', [5000]), paidElsewhere(order('4100000002'))!, null, false);
    expect([v.p_counter, v.p_seq, v.p_keeps_order, v.a_order, v.a_events, v.b_expected, v.b_receipt, v.b_phones]).toEqual([null, 1, true, null, null, null, null, null]);
    expect(v.a_amounts).toEqual(['5000.00']);
  });

  it('refuses a late plan that would print another receipt than the first plan but for what goes where', () => {
    const s = session('3', '4100000003', [5000]);
    const planned = planTerminalPayment(s, order('4100000003'), 5, 'pay', NOW, false, DELAY_MS);
    const late = planTerminalPayment(s, paidElsewhere(order('4100000003'))!, 5, 'pay', NOW + 1, false, DELAY_MS);
    expect(() => payCall({ session: s, counterSeq: 4, order: order('4100000003'), orderVersion: '7' }, planned, late)).toThrow(/same receipt/);
  });

  it('refuses a late plan for another order state, another number, or beside a plan with no order', () => {
    const s = session('4', '4100000004', [5000]);
    const o = order('4100000004');
    const basis = { session: s, counterSeq: 4, order: o, orderVersion: '7' };
    const planned = planTerminalPayment(s, o, 5, 'pay', NOW, false, DELAY_MS);
    const late = planTerminalPayment(s, paidElsewhere(o)!, 5, 'pay', NOW, false, DELAY_MS);
    const refused = /same order with the same number/;
    expect(() => payCall(basis, planned, late)).not.toThrow();
    expect(() => payCall(basis, planned, { ...late, seq: 6 })).toThrow(refused);
    expect(() => payCall(basis, planned, { ...late, after: planned.after })).toThrow(refused);
    expect(() => payCall(basis, planned, { ...late, before: null })).toThrow(refused);
    expect(() => payCall(basis, { ...planned, before: null }, late)).toThrow(refused);
  });
});
