/** Orders: when a code expires, what is due, how a payment is credited and split, and how receipts are numbered. */
import { describe, expect, it } from 'vitest';
import { amountDue, applyPayment, canReprice, evaluateLookup, fitsOrderLength, isExpired, newOrder, type Order } from '../../src/domain/orders/orders.js';
import { buildReceipt, changeReason, paidElsewhere, planPayment, receiptNumber, siteTopUpCredit } from '../../src/domain/cash/payment.js';
import { DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import type { CashSession } from '../../src/domain/store.js';

const NOW = Date.UTC(2026, 10, 22, 7, 0, 0);
const order = (fields: Partial<Order> = {}): Order =>
  newOrder({ code: '1000000001', codeAmount: '4750.00', phone: '+79161234567', issuedAt: NOW - 2 * HOUR_MS, ...fields });
const session = (fields: Partial<CashSession> = {}): CashSession => ({
  id: 's1',
  terminalId: 'T1',
  code: '1000000001',
  due: '4750.00',
  phone: '+79161234567',
  operator: 'mts',
  openedAt: NOW,
  notes: [5000],
  ...fields,
});

describe('isExpired', () => {
  it('R-CODE-2: an unpaid code is valid for 48 hours from issue, and refused from the 48th hour on', () => {
    expect(isExpired(order({ issuedAt: NOW - 48 * HOUR_MS + 1 }), NOW, DEFAULT_RULES)).toBe(false);
    expect(isExpired(order({ issuedAt: NOW - 48 * HOUR_MS }), NOW, DEFAULT_RULES)).toBe(true);
    expect(evaluateLookup('1000000001', order({ issuedAt: NOW - 48 * HOUR_MS + 1 }), NOW, DEFAULT_RULES)).toMatchObject({ kind: 'payable' });
  });

  it('R-CODE-2: expiry is about unpaid codes: a paid or partly paid order older than 48 hours is not "expired"', () => {
    const old = NOW - 72 * HOUR_MS;
    expect(isExpired(order({ issuedAt: old, status: 'paid', paid: '4750.00', owed: '0.00' }), NOW, DEFAULT_RULES)).toBe(false);
    expect(isExpired(order({ issuedAt: old, status: 'partially_paid', paid: '4000.00', owed: '750.00' }), NOW, DEFAULT_RULES)).toBe(false);
  });

  it('R-CODE-2: the validity is the rule set’s, not a constant', () => {
    const rules = { ...DEFAULT_RULES, codeValidityMs: 24 * HOUR_MS };
    expect(isExpired(order({ issuedAt: NOW - 24 * HOUR_MS }), NOW, rules)).toBe(true);
    expect(isExpired(order({ issuedAt: NOW - 24 * HOUR_MS }), NOW, DEFAULT_RULES)).toBe(false);
  });
});

describe('what is due and what a payment does', () => {
  it('R-CODE-5: an unpaid order asks for the code amount, a partly paid one for what it still owes', () => {
    expect(amountDue(order({ price: '5000.00' }))).toBe('4750.00');
    expect(amountDue(order({ status: 'partially_paid', paid: '4750.00', owed: '250.00', price: '5000.00' }))).toBe('250.00');
  });

  it('R-TERM-3: an order whose due amount is above the cap is refused, the cap itself is payable', () => {
    expect(evaluateLookup('1000000001', order({ codeAmount: '15000.00' }), NOW, DEFAULT_RULES)).toMatchObject({ kind: 'payable', due: '15000.00' });
    expect(evaluateLookup('1000000001', order({ codeAmount: '15000.01' }), NOW, DEFAULT_RULES)).toEqual({
      kind: 'refused',
      code: '1000000001',
      reason: 'overCap',
      due: '15000.01',
    });
  });

  it('R-CODE-5: the price decides whether a payment pays the order', () => {
    expect(applyPayment(order(), '4750.00')).toMatchObject({ status: 'paid', paid: '4750.00', owed: '0.00' });
    expect(applyPayment(order({ price: '5000.00' }), '4750.00')).toMatchObject({ status: 'partially_paid', paid: '4750.00', owed: '250.00' });
    expect(applyPayment(order({ price: '4000.00' }), '4750.00')).toMatchObject({ status: 'paid', owed: '0.00' });
  });

  it('a new order awaits payment of its code amount in Russia, from the PC site, unless told otherwise', () => {
    expect(newOrder({ code: '1', codeAmount: '10.00', phone: 'p', issuedAt: 5 })).toMatchObject({
      code: '1', codeAmount: '10.00', phone: 'p', issuedAt: 5, region: 'RU', channel: 'pc', status: 'awaiting', paid: '0.00', owed: '10.00', price: '10.00',
      // its life starts placed, with nothing refunded or credited and one dated event: the code issued
      stage: 'placed', refunded: '0.00', credits: [], history: [{ at: 5, kind: 'issued', why: '', amount: '10.00', ref: null }],
    });
    expect(newOrder({ code: '1', codeAmount: '10.00', phone: 'p', issuedAt: 5, price: '12.00' })).toMatchObject({ price: '12.00', owed: '12.00' });
  });

  it('R-CODE-5: only an order not yet paid can change its price', () => {
    expect(canReprice(order())).toBe(true);
    expect(canReprice(order({ status: 'partially_paid' }))).toBe(true);
    expect(canReprice(order({ status: 'paid' }))).toBe(false);
  });

  it('takes codes of exactly the configured number of digits', () => {
    expect(fitsOrderLength('1000000001', DEFAULT_RULES)).toBe(true);
    for (const code of ['100000000', '10000000011', '100000000a', 'a100000000', '']) expect(fitsOrderLength(code, DEFAULT_RULES), code).toBe(false);
    expect(fitsOrderLength('123456', { orderNumberLength: 6 })).toBe(true);
  });
});

describe('planPayment', () => {
  it('R-TERM-2: the order takes what it is due, the rest goes to the phone', () => {
    expect(planPayment(session(), order())).toMatchObject({ inserted: '5000.00', toOrder: '4750.00', toPhone: '250.00', order: { status: 'paid' } });
  });

  it('R-TERM-2: an order paid meanwhile (another terminal) takes nothing: all the cash goes to the phone', () => {
    const paid = order({ status: 'paid', paid: '4750.00', owed: '0.00' });
    expect(planPayment(session(), paid)).toMatchObject({ inserted: '5000.00', toOrder: '0.00', toPhone: '5000.00', order: { paid: '4750.00' } });
  });

  it('R-TERM-2: the status decides: a paid order takes nothing even when a stale `owed` still shows an amount', () => {
    const paidStale = order({ status: 'paid', paid: '4750.00', owed: '4750.00' });
    expect(planPayment(session(), paidStale)).toMatchObject({ toOrder: '0.00', toPhone: '5000.00', order: { paid: '4750.00' } });
  });

  it('never puts more on the order than the session agreed, even if the order now owes more', () => {
    const risen = order({ status: 'partially_paid', paid: '100.00', owed: '6000.00', price: '6100.00' });
    expect(planPayment(session({ due: '4750.00' }), risen)).toMatchObject({ toOrder: '4750.00', toPhone: '250.00' });
  });
});

describe('paidElsewhere: what the late payer of a contested code finds', () => {
  it('R-TERM-2: an unpaid or partly paid order as a payment of all it owes leaves it: paid, owing nothing', () => {
    expect(paidElsewhere(order())).toMatchObject({ status: 'paid', paid: '4750.00', owed: '0.00' });
    expect(paidElsewhere(order({ status: 'partially_paid', paid: '1000.00', owed: '3750.00' }))).toMatchObject({ status: 'paid', paid: '4750.00', owed: '0.00' });
  });

  it('none for an order paid already, or one whose price is above what its code asks (paying the code does not pay it)', () => {
    expect(paidElsewhere(order({ status: 'paid', paid: '4750.00', owed: '0.00' }))).toBeNull();
    expect(paidElsewhere(order({ price: '5200.00', owed: '5200.00' }))).toBeNull();
  });
});

describe('siteTopUpCredit', () => {
  it('R-MOB-10: a site top-up order puts all it took on the topped-up phone; an order of goods puts nothing there', () => {
    const topUp = order({ topUpPhone: '+79031234567' });
    expect(siteTopUpCredit(topUp, '500.00')).toBe('500.00');
    expect(siteTopUpCredit(topUp, '0.00')).toBe('0.00');
    expect(siteTopUpCredit(order(), '4750.00')).toBe('0.00');
    expect(siteTopUpCredit(null, '500.00')).toBe('0.00');
  });
});

describe('receipts', () => {
  it('are numbered per terminal with six digits', () => {
    expect(receiptNumber('T1', 42)).toBe('T1-000042');
    expect(receiptNumber('T-2', 1234567)).toBe('T-2-1234567');
  });

  it('R-TERM-2: the ledger line of change names the receipt and what ended the payment', () => {
    expect(changeReason('T1-000001', 'timeout')).toBe('change from receipt T1-000001 (timeout)');
  });

  it('hold the session, the split and the order after payment', () => {
    const plan = planPayment(session(), order({ price: '5000.00' }));
    expect(buildReceipt('T1-000007', session(), plan, NOW + 5, true)).toEqual({
      number: 'T1-000007', terminalId: 'T1', at: NOW + 5, code: '1000000001', due: '4750.00', accepted: '5000.00', toOrder: '4750.00',
      toPhone: '250.00', phone: '+79161234567', operator: 'mts', orderStatus: 'partially_paid', owed: '250.00', recovered: true,
    });
  });
});
