/**
 * What each step of a mobile payment writes (src/domain/mobile/mobileLedger.ts), read as data: the
 * payment after it, the operator's SMS, the balance's ledger lines and the order (R-MOB-1 … R-MOB-8).
 */
import { describe, expect, it } from 'vitest';
import {
  checkedBalance, dueRefundOf, planAnswer, planExpiry, planRefundLanding, planRequest, type RequestFacts,
} from '../../src/domain/mobile/mobileLedger.js';
import { DEFAULT_PHONE_SETTINGS, type MobilePayment } from '../../src/domain/mobile/mobilePayment.js';
import { DEFAULT_MOBILE_RULES, mobileRules } from '../../src/domain/mobile/mobileRules.js';
import { newOrder, type Order } from '../../src/domain/orders/orders.js';

const rules = DEFAULT_MOBILE_RULES;
const MIN = 60_000;
const AT = Date.parse('2026-11-23T10:00:00+03:00'); // a Monday
const PHONE = '+79051234567'; // a Beeline DEF code
const order = (fields: Partial<Order> = {}): Order => newOrder({ code: 'C-100', codeAmount: '2000.00', phone: PHONE, issuedAt: AT - MIN, ...fields });
const facts = (fields: Partial<RequestFacts> = {}): RequestFacts => ({
  id: 'M-000001', phone: PHONE, operator: 'beeline', order: order(), actualOperator: 'beeline', balance: '5000.00',
  settings: DEFAULT_PHONE_SETTINGS, payments: [], at: AT, ...fields,
});
const requested = (fields: Partial<RequestFacts> = {}): MobilePayment => planRequest(facts(fields), rules).payment;

describe('R-MOB-1: Send SMS', () => {
  it('R-MOB-1: an accepted request awaits the reply with price + commission, and the operator asks to confirm', () => {
    const plan = planRequest(facts(), rules);
    expect(plan.payment).toEqual({
      id: 'M-000001', phone: PHONE, operator: 'beeline', code: 'C-100', amount: '2000.00', commission: '78.00', total: '2078.00',
      requestedAt: AT, expiresAt: AT + 15 * MIN, state: 'awaiting', answeredAt: null, settlesAt: null, reason: null,
      events: [
        { at: AT, kind: 'requested', why: 'order C-100 from the Beeline balance', amount: '2000.00' },
        { at: AT, kind: 'smsSent', why: 'confirm by reply within 15 min', amount: '2078.00' },
      ],
    });
    expect(plan.sms).toEqual([
      { phone: PHONE, at: AT, sender: 'Beeline', kind: 'mobileRequest', amount: '2078.00', code: 'C-100', transaction: 'M-000001', detail: null },
    ]);
    expect(plan).toMatchObject({ ledger: [], balance: '5000.00', order: null });
  });

  it('the SMS sent says the reply time in whole minutes, rounded', () => {
    const events = planRequest(facts(), mobileRules({ replyTimeoutMs: 90_000 })).payment.events;
    expect(events.at(-1)?.why).toBe('confirm by reply within 2 min');
  });

  it('R-MOB-1: a partially paid order asks for what it still owes', () => {
    const partly = { ...order(), status: 'partially_paid' as const, paid: '500.00', owed: '1500.00' };
    expect(requested({ order: partly })).toMatchObject({ amount: '1500.00', commission: '58.50', total: '1558.50' });
  });

  it('R-MOB-6: a refused request is kept, says what it would have cost, and the operator says why', () => {
    const plan = planRequest(facts({ settings: { ...DEFAULT_PHONE_SETTINGS, tariff: 'forbidden' } }), rules);
    const reason = JSON.stringify({ reason: 'tariff' });
    expect(plan.payment).toMatchObject({ state: 'refused', answeredAt: AT, expiresAt: AT, settlesAt: null, reason, commission: '78.00', total: '2078.00' });
    expect(plan.payment.events).toEqual([
      { at: AT, kind: 'requested', why: 'order C-100 from the Beeline balance', amount: '2000.00' },
      { at: AT, kind: 'refused', why: 'tariff', amount: null },
    ]);
    expect(plan.sms).toEqual([
      { phone: PHONE, at: AT, sender: 'Beeline', kind: 'mobileRefused', amount: '2078.00', code: 'C-100', transaction: 'M-000001', detail: reason },
    ]);
    expect(plan).toMatchObject({ ledger: [], balance: '5000.00', order: null });
  });

  it('R-MOB-6: a wrong operator sends no SMS at all', () => {
    const plan = planRequest(facts({ operator: 'mts', actualOperator: 'beeline' }), rules);
    expect(plan.payment.reason).toBe(JSON.stringify({ reason: 'operatorMismatch', actual: 'beeline' }));
    expect(plan.sms).toEqual([]);
  });

  it('R-MOB-5: a number the store knows no operator of is on the one its DEF code names', () => {
    expect(requested({ actualOperator: null }).state).toBe('awaiting');
    expect(requested({ actualOperator: null, operator: 'mts' }).reason).toBe(JSON.stringify({ reason: 'operatorMismatch', actual: 'beeline' }));
  });

  it.each([
    ['paid', { status: 'paid' as const, paid: '2000.00', owed: '0.00' }],
    ['cancelled', { stage: 'cancelled' as const }],
  ])('an order already %s is refused before the operator is asked', (_name, fields) => {
    const plan = planRequest(facts({ order: { ...order(), ...fields }, balance: '0.00' }), rules);
    expect(plan.payment.reason).toBe(JSON.stringify({ reason: 'orderNotPayable' }));
    expect(plan.sms.map((s) => s.kind)).toEqual(['mobileRefused']);
  });
});

describe('R-MOB-2: the reply', () => {
  const awaiting = requested();

  it('R-MOB-2, R-MOB-3, R-MOB-7: confirmed: the price and the commission debited as two lines, the order paid, processing', () => {
    const at = AT + 5 * MIN;
    const plan = planAnswer(awaiting, 'yes', '5000.00', order(), at, rules);
    const debit = `mobile payment M-000001 for order C-100`;
    expect(plan?.ledger).toEqual([
      { at, amount: '-2000.00', reason: debit },
      { at, amount: '-78.00', reason: 'commission Beeline 3.9 % on mobile payment M-000001' },
    ]);
    expect(plan?.balance).toBe('2922.00');
    expect(plan?.payment).toMatchObject({ state: 'confirmed', answeredAt: at, settlesAt: at + 60 * MIN });
    expect(plan?.payment.events.slice(2)).toEqual([
      { at, kind: 'confirmed', why: 'the user replied', amount: null },
      { at, kind: 'debited', why: 'order C-100', amount: '2000.00' },
      { at, kind: 'commission', why: 'Beeline 3.9 %', amount: '78.00' },
    ]);
    expect(plan?.sms).toEqual([
      { phone: PHONE, at, sender: 'Beeline', kind: 'mobilePaid', amount: '2078.00', code: 'C-100', transaction: 'M-000001', detail: null },
    ]);
    expect(plan?.order).toMatchObject({ status: 'paid', paid: '2000.00', credits: [{ receipt: 'M-000001', amount: '2000.00', acceptedAt: at, settlesAt: at + 60 * MIN }] });
    expect(checkedBalance('5000.00', { ledger: plan?.ledger ?? [], balance: '2922.00' })).toBe('2922.00');
  });

  it('R-MOB-3: a store refuses a plan that would leave a phone balance below zero (the balance must cover price + commission)', () => {
    const ledger = [{ at: AT, amount: '-2078.00', reason: 'mobile payment M-000001' }];
    expect(() => checkedBalance('2000.00', { ledger, balance: '-78.00' })).toThrow('a phone balance never goes below zero (-78.00)');
    expect(checkedBalance('2078.00', { ledger, balance: '0.00' })).toBe('0.00');
  });

  it('a store refuses a plan made for a balance that moved since: the plan and its ledger lines disagree', () => {
    const ledger = [{ at: AT, amount: '-2078.00', reason: 'mobile payment M-000001' }];
    expect(() => checkedBalance('5000.00', { ledger, balance: '2000.00' })).toThrow(
      'the phone balance moved since the plan: the plan leaves 2000.00, its ledger lines 2922.00',
    );
  });

  it('R-MOB-3: no commission, no commission line', () => {
    const free: MobilePayment = { ...awaiting, commission: '0.00', total: '2000.00' };
    expect(planAnswer(free, 'ok', '2000.00', order(), AT + MIN, rules)?.ledger.map((l) => l.amount)).toEqual(['-2000.00']);
  });

  it('R-MOB-2: 0 cancels: nothing debited, the operator says the user cancelled', () => {
    const at = AT + MIN;
    const plan = planAnswer(awaiting, ' 0 ', '5000.00', order(), at, rules);
    expect(plan?.payment).toMatchObject({ state: 'cancelled', answeredAt: at });
    expect(plan?.payment.events.at(-1)).toEqual({ at, kind: 'cancelled', why: 'the user replied 0', amount: null });
    expect(plan?.sms.map((s) => [s.kind, s.at])).toEqual([['mobileCancelled', at]]);
    expect(plan).toMatchObject({ ledger: [], balance: '5000.00', order: null });
  });

  it('R-MOB-6: a balance spent meanwhile refuses the confirmation, with the refusal in the SMS', () => {
    const at = AT + MIN;
    const plan = planAnswer(awaiting, '1', '2077.99', order(), at, rules);
    const reason = JSON.stringify({ reason: 'balance', needed: '2078.00', balance: '2077.99', minimumLeft: '0.00' });
    expect(plan?.payment).toMatchObject({ state: 'refused', answeredAt: at, reason });
    expect(plan?.sms.map((s) => [s.kind, s.detail])).toEqual([['mobileRefused', reason]]);
    expect(plan).toMatchObject({ ledger: [], balance: '2077.99', order: null });
  });

  it('a confirmation for an order paid meanwhile elsewhere is refused, nothing debited', () => {
    const paidElsewhere = { ...order(), status: 'paid' as const, paid: '2000.00', owed: '0.00' };
    const plan = planAnswer(awaiting, '1', '5000.00', paidElsewhere, AT + MIN, rules);
    expect(plan?.payment.reason).toBe(JSON.stringify({ reason: 'orderNotPayable' }));
    expect(plan).toMatchObject({ ledger: [], balance: '5000.00', order: null });
    expect(plan?.sms.map((s) => s.kind)).toEqual(['mobileRefused']);
  });

  it('R-MOB-2: no reply in time: expired at its own deadline, dated then', () => {
    const deadline = awaiting.expiresAt;
    const late = planAnswer(awaiting, '1', '5000.00', order(), deadline + 7 * MIN, rules);
    expect(late).toEqual(planExpiry(awaiting, '5000.00'));
    expect(late?.payment).toMatchObject({ state: 'expired', answeredAt: deadline });
    expect(late?.payment.events.at(-1)).toEqual({ at: deadline, kind: 'expired', why: 'no reply in time', amount: null });
    expect(late?.sms.map((s) => [s.kind, s.at])).toEqual([['mobileExpired', deadline]]);
    expect(late).toMatchObject({ ledger: [], balance: '5000.00', order: null });
  });

  it('R-MOB-2: a payment answered before is answered once: nothing more to write', () => {
    const confirmed = planAnswer(awaiting, '1', '5000.00', order(), AT + MIN, rules)?.payment;
    expect(confirmed && planAnswer(confirmed, '0', '2922.00', order(), AT + 2 * MIN, rules)).toBeNull();
  });
});

describe('R-MOB-8: a refund back to the phone balance', () => {
  const confirmed = (id: string, code = 'C-100'): MobilePayment => ({ ...requested({ id }), code, state: 'confirmed' });

  it('R-MOB-8: due to the phone that paid, on the 7th working day', () => {
    const payments = [confirmed('M-1'), { ...confirmed('M-2'), phone: '+79051110000' }, confirmed('M-3', 'C-OTHER'), { ...confirmed('M-4'), state: 'cancelled' as const }];
    expect(dueRefundOf(order(), '500.00', 'seller cancelled', payments, AT, rules)).toEqual({
      payment: 'M-2', phone: '+79051110000', code: 'C-100', amount: '500.00', at: AT,
      dueAt: Date.parse('2026-12-02T10:00:00+03:00'), why: 'seller cancelled',
    });
  });

  it('R-MOB-8: no mobile payment of the order, or nothing refunded: no refund due', () => {
    expect(dueRefundOf(order(), '500.00', 'x', [confirmed('M-3', 'C-OTHER')], AT, rules)).toBeNull();
    expect(dueRefundOf(order(), '0.00', 'x', [confirmed('M-1')], AT, rules)).toBeNull();
  });

  it('R-MOB-8: the refund lands: a ledger line, the operator\'s SMS for the refunded amount, dated when due', () => {
    const payment = confirmed('M-1');
    const refund = dueRefundOf(order(), '500.00', 'seller cancelled', [payment], AT, rules);
    if (!refund) throw new Error('no refund due');
    const plan = planRefundLanding(payment, refund, '100.00');
    expect(plan.ledger).toEqual([{ at: refund.dueAt, amount: '500.00', reason: 'refund of mobile payment M-1: seller cancelled' }]);
    expect(plan.balance).toBe('600.00');
    expect(plan.payment.events.at(-1)).toEqual({ at: refund.dueAt, kind: 'refunded', why: 'seller cancelled', amount: '500.00' });
    expect(plan.sms).toEqual([
      { phone: PHONE, at: refund.dueAt, sender: 'Beeline', kind: 'mobileRefund', amount: '500.00', code: 'C-100', transaction: 'M-1', detail: null },
    ]);
    expect(plan.order).toBeNull();
  });
});
