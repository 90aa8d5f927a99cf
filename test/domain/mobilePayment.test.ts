import { describe, expect, it } from 'vitest';
import {
  commissionOf, decideAnswer, decideRequest, DEFAULT_PHONE_SETTINGS, isSilentRefusal, MOBILE_EVENT_KINDS, nextPeriodStart, overdue, periodStart,
  readReply, TARIFFS, transactionNumber, type MobilePayment, type MobileRefusal, type MobileRequest,
} from '../../src/domain/mobile/mobilePayment.js';
import { DEFAULT_MOBILE_RULES, mobileRules } from '../../src/domain/mobile/mobileRules.js';
import type { OperatorId } from '../../src/domain/rules.js';

/** 2026-11-22 10:00 Moscow (07:00 UTC) */
const NOW = Date.parse('2026-11-22T10:00:00+03:00');
const rules = DEFAULT_MOBILE_RULES;
const PHONES: Record<OperatorId, string> = { mts: '+79161234567', megafon: '+79261234567', beeline: '+79051234567', tele2: '+79521234567' };

const request = (operator: OperatorId, amount: string, fields: Partial<MobileRequest> = {}): MobileRequest => ({
  phone: PHONES[operator], operator, amount, actualOperator: operator, balance: '100000.00', settings: DEFAULT_PHONE_SETTINGS,
  payments: [], now: NOW, ...fields,
});

const paid = (operator: OperatorId, amount: string, at: number, i = 1): MobilePayment => ({
  id: `M-${i}`, phone: PHONES[operator], operator, code: `C${i}`, amount, commission: '0.00', total: amount,
  requestedAt: at - 60_000, expiresAt: at + 600_000, state: 'confirmed', answeredAt: at, settlesAt: at, reason: null, events: [],
});
const confirmedToday = (operator: OperatorId, amounts: string[]) => amounts.map((a, i) => paid(operator, a, NOW - 3_600_000, i));

describe('commission (R-MOB-3)', () => {
  it.each([
    ['mts', '1000.00', '9.50'],
    ['megafon', '1000.00', '19.50'],
    ['beeline', '2000.00', '78.00'],
    ['tele2', '1000.00', '24.50'],
  ] as const)('R-MOB-3: %s on %s is %s', (operator, amount, commission) => {
    expect(commissionOf(amount, operator, rules)).toBe(commission);
  });

  it('R-MOB-3: rounds half-up to the kopeck (0.95 % of 30.00 = 0.285 → 0.29, not 0.28)', () => {
    expect(commissionOf('30.00', 'mts', rules)).toBe('0.29');
    expect(commissionOf('1.00', 'tele2', rules)).toBe('0.02');
  });

  it('R-MOB-3: Tele2 at 2.35 % by option', () => {
    expect(commissionOf('1000.00', 'tele2', mobileRules({ tele2Commission235: true }))).toBe('23.50');
    expect(commissionOf('1000.00', 'tele2', mobileRules())).toBe('24.50');
  });

  it('R-MOB-3: the balance must cover price + commission: at, just under, just over', () => {
    expect(decideRequest(request('beeline', '2000.00', { balance: '2078.00' }), rules)).toMatchObject({ kind: 'accepted', commission: '78.00', total: '2078.00' });
    expect(decideRequest(request('beeline', '2000.00', { balance: '2078.01' }), rules).kind).toBe('accepted');
    expect(decideRequest(request('beeline', '2000.00', { balance: '2077.99' }), rules)).toEqual({
      kind: 'refused', refusal: { reason: 'balance', needed: '2078.00', balance: '2077.99', minimumLeft: '0.00' },
    });
    expect(decideRequest(request('beeline', '2000.00', { balance: '2100.00' }), rules).kind).toBe('accepted');
  });
});

describe('limits (R-MOB-4)', () => {
  it('R-MOB-4: Tele2 at most 1,000 ₽ a purchase: at, just under, just over (never resets)', () => {
    expect(decideRequest(request('tele2', '1000.00'), rules).kind).toBe('accepted');
    expect(decideRequest(request('tele2', '999.99'), rules).kind).toBe('accepted');
    expect(decideRequest(request('tele2', '1000.01'), rules)).toEqual({
      kind: 'refused', refusal: { reason: 'limit', limit: { kind: 'perPurchase', max: '1000.00' }, resetsAt: null },
    });
  });

  it.each([
    ['mts', '30000.00'],
    ['beeline', '15000.00'],
  ] as const)('R-MOB-4: %s at most %s a day, resetting at midnight Moscow time', (operator, max) => {
    const earlier = confirmedToday(operator, ['1000.00']);
    const room = (Number(max) - 1000).toFixed(2);
    expect(decideRequest(request(operator, room, { payments: earlier }), rules).kind).toBe('accepted');
    expect(decideRequest(request(operator, (Number(room) - 0.01).toFixed(2), { payments: earlier }), rules).kind).toBe('accepted');
    const over = decideRequest(request(operator, (Number(room) + 0.01).toFixed(2), { payments: earlier }), rules);
    expect(over).toMatchObject({ kind: 'refused', refusal: { reason: 'limit', limit: { kind: 'amountPerPeriod', period: 'day' } } });
    expect(over.kind === 'refused' && over.refusal.reason === 'limit' && over.refusal.resetsAt).toBe(Date.parse('2026-11-23T00:00:00+03:00'));
  });

  it.each([
    ['mts', 5],
    ['beeline', 10],
  ] as const)('R-MOB-4: %s at most %i purchases a day: at, just under, just over', (operator, max) => {
    const amounts = (n: number) => Array.from({ length: n }, () => '10.00');
    expect(decideRequest(request(operator, '10.00', { payments: confirmedToday(operator, amounts(max - 2)) }), rules).kind).toBe('accepted');
    expect(decideRequest(request(operator, '10.00', { payments: confirmedToday(operator, amounts(max - 1)) }), rules).kind).toBe('accepted');
    expect(decideRequest(request(operator, '10.00', { payments: confirmedToday(operator, amounts(max)) }), rules)).toMatchObject({
      kind: 'refused', refusal: { reason: 'limit', limit: { kind: 'countPerPeriod', max } },
    });
  });

  it('R-MOB-4: MegaFon at most 30,000 ₽ a month; last month does not count, the refusal names the 1st of next month', () => {
    const thisMonth = [paid('megafon', '20000.00', Date.parse('2026-11-01T00:00:00+03:00'))];
    const lastMonth = [paid('megafon', '29000.00', Date.parse('2026-10-31T23:59:59+03:00'), 2)];
    expect(decideRequest(request('megafon', '10000.00', { payments: [...thisMonth, ...lastMonth] }), rules).kind).toBe('accepted');
    expect(decideRequest(request('megafon', '9999.99', { payments: thisMonth }), rules).kind).toBe('accepted');
    expect(decideRequest(request('megafon', '10000.01', { payments: thisMonth }), rules)).toMatchObject({
      kind: 'refused', refusal: { reason: 'limit', resetsAt: Date.parse('2026-12-01T00:00:00+03:00') },
    });
  });

  it('R-MOB-4: a payment yesterday (23:59 Moscow) does not count today; cancelled and waiting ones never count', () => {
    const yesterday = paid('mts', '30000.00', Date.parse('2026-11-21T23:59:00+03:00'));
    const cancelled = { ...paid('mts', '30000.00', NOW - 1000, 2), state: 'cancelled' as const };
    expect(decideRequest(request('mts', '30000.00', { payments: [yesterday, cancelled] }), rules).kind).toBe('accepted');
  });

  it('R-MOB-4: days and months follow Moscow wall time', () => {
    expect(periodStart(NOW, 'day')).toBe(Date.parse('2026-11-22T00:00:00+03:00'));
    // 22:30 UTC is already the next day in Moscow
    expect(periodStart(Date.parse('2026-11-22T22:30:00Z'), 'day')).toBe(Date.parse('2026-11-23T00:00:00+03:00'));
    expect(nextPeriodStart(NOW, 'month')).toBe(Date.parse('2026-12-01T00:00:00+03:00'));
    expect(nextPeriodStart(Date.parse('2026-12-31T12:00:00+03:00'), 'month')).toBe(Date.parse('2027-01-01T00:00:00+03:00'));
  });
});

describe('refusals (R-MOB-5, R-MOB-6) and options', () => {
  it('R-MOB-6: a number of another operator or an outage: no SMS at all', () => {
    expect(decideRequest(request('mts', '100.00', { actualOperator: 'beeline' }), rules)).toEqual({
      kind: 'refused', refusal: { reason: 'operatorMismatch', actual: 'beeline' },
    });
    expect(decideRequest(request('mts', '100.00', { settings: { ...DEFAULT_PHONE_SETTINGS, outage: true } }), rules)).toEqual({
      kind: 'refused', refusal: { reason: 'outage' },
    });
  });

  it('R-MOB-5: only Russian mobile numbers of the four operators', () => {
    expect(decideRequest(request('mts', '100.00', { phone: '+380501234567' }), rules)).toEqual({ kind: 'refused', refusal: { reason: 'notRussian' } });
    expect(decideRequest(request('mts', '100.00', { actualOperator: null }), rules)).toMatchObject({ refusal: { reason: 'operatorMismatch', actual: null } });
  });

  it.each([
    [{ tariff: 'forbidden' as const }, 'tariff'],
    [{ tariff: 'corporate' as const }, 'corporate'],
    [{ newSubscriber: true }, 'newSubscriber'],
  ])('R-MOB-6: %o forbids mobile payments (%s)', (settings, reason) => {
    expect(decideRequest(request('beeline', '100.00', { settings: { ...DEFAULT_PHONE_SETTINGS, ...settings } }), rules)).toEqual({
      kind: 'refused', refusal: { reason },
    });
  });

  it('option: Beeline keeps 50 ₽ on the balance (off by default)', () => {
    const withMinimum = mobileRules({ keepMinimum: true });
    expect(decideRequest(request('beeline', '100.00', { balance: '153.90' }), withMinimum).kind).toBe('accepted');
    expect(decideRequest(request('beeline', '100.00', { balance: '153.89' }), withMinimum)).toMatchObject({ refusal: { reason: 'balance', needed: '153.90' } });
    expect(decideRequest(request('beeline', '100.00', { balance: '103.90' }), rules).kind).toBe('accepted');
    expect(withMinimum.operators.tele2.minimumLeft).toBe('10.00');
    expect(withMinimum.operators.mts.minimumLeft).toBe('0.00');
  });

  it('option: one open request per phone (off by default)', () => {
    const open = { ...paid('mts', '10.00', NOW), state: 'awaiting' as const, answeredAt: null, expiresAt: NOW + 1 };
    expect(decideRequest(request('mts', '10.00', { payments: [open] }), mobileRules({ oneOpenRequest: true }))).toMatchObject({ refusal: { reason: 'openRequest', id: 'M-1' } });
    expect(decideRequest(request('mts', '10.00', { payments: [open] }), rules).kind).toBe('accepted');
    expect(decideRequest(request('mts', '10.00', { payments: [{ ...open, expiresAt: NOW }] }), mobileRules({ oneOpenRequest: true })).kind).toBe('accepted');
  });

  it('rejects a processing delay over 24 hours (R-MOB-7) and a reply timeout of zero', () => {
    expect(() => mobileRules({ processingDelayMs: 24 * 3_600_000 + 1 })).toThrow('R-MOB-7');
    expect(mobileRules({ processingDelayMs: 24 * 3_600_000 }).processingDelayMs).toBe(24 * 3_600_000);
    expect(() => mobileRules({ replyTimeoutMs: 0 })).toThrow();
  });
});

describe('replies (R-MOB-2) and processing (R-MOB-7)', () => {
  const waiting: MobilePayment = {
    ...paid('beeline', '2000.00', NOW), commission: '78.00', total: '2078.00', state: 'awaiting', answeredAt: null, settlesAt: null,
    requestedAt: NOW, expiresAt: NOW + rules.replyTimeoutMs,
  };

  it('R-MOB-2: "0" cancels, any other text confirms', () => {
    expect(readReply('0')).toBe('cancel');
    expect(readReply(' 0 ')).toBe('cancel');
    expect(readReply('1')).toBe('confirm');
    expect(readReply('00')).toBe('confirm');
    expect(readReply('yes')).toBe('confirm');
    expect(decideAnswer(waiting, '0', '5000.00', NOW + 1000, rules)).toEqual({ kind: 'cancelled' });
  });

  it('R-MOB-7: a confirmation debits price + commission and settles after the processing delay (1 hour)', () => {
    expect(decideAnswer(waiting, '1', '2100.00', NOW + 1000, rules)).toEqual({ kind: 'confirmed', settlesAt: NOW + 1000 + 3_600_000, balanceAfter: '22.00' });
  });

  it('R-MOB-3: a confirmation the balance no longer covers is refused; an answered request stays as it was', () => {
    expect(decideAnswer(waiting, '1', '2077.99', NOW + 1000, rules)).toMatchObject({ kind: 'refused', refusal: { reason: 'balance' } });
    expect(decideAnswer({ ...waiting, state: 'confirmed' }, '1', '9999.00', NOW, rules)).toEqual({ kind: 'closed', state: 'confirmed' });
  });

  it('R-MOB-2: no reply within 15 minutes: the request expires at its deadline, not a moment before', () => {
    expect(overdue([waiting], NOW + 15 * 60_000 - 1)).toEqual([]);
    expect(overdue([waiting], NOW + 15 * 60_000)).toEqual([waiting]);
    expect(decideAnswer(waiting, '1', '9999.00', NOW + 15 * 60_000, rules)).toEqual({ kind: 'expired' });
  });
});

describe('the edges of a request (R-MOB-2 … R-MOB-6)', () => {
  it('R-MOB-5: a Russian mobile number is exactly +79 and nine digits', () => {
    for (const phone of ['x+79161234567', '+791612345678', '+7916123456', '89161234567']) {
      expect(decideRequest(request('mts', '100.00', { phone }), rules)).toEqual({ kind: 'refused', refusal: { reason: 'notRussian' } });
    }
  });

  it('R-MOB-6: a wrong operator, an outage or a foreign number sends no SMS at all; every other refusal does', () => {
    const silent: MobileRefusal[] = [{ reason: 'operatorMismatch', actual: 'mts' }, { reason: 'outage' }, { reason: 'notRussian' }];
    const withSms: MobileRefusal[] = [
      { reason: 'tariff' }, { reason: 'corporate' }, { reason: 'newSubscriber' }, { reason: 'openRequest', id: 'M-1' }, { reason: 'orderNotPayable' },
      { reason: 'limit', limit: { kind: 'perPurchase', max: '1000.00' }, resetsAt: null },
      { reason: 'balance', needed: '1.00', balance: '0.00', minimumLeft: '0.00' },
    ];
    expect(silent.map(isSilentRefusal)).toEqual([true, true, true]);
    expect(withSms.map(isSilentRefusal)).toEqual(withSms.map(() => false));
  });

  it('R-MOB-2: an accepted request waits for its reply 15 minutes from now', () => {
    expect(decideRequest(request('mts', '100.00'), rules)).toMatchObject({ kind: 'accepted', expiresAt: NOW + 15 * 60_000 });
  });

  it('option: only a request still waiting is open; an answered one with time left is not', () => {
    const answered = { ...paid('mts', '10.00', NOW - 1000), expiresAt: NOW + 60_000 };
    expect(decideRequest(request('mts', '10.00', { payments: [answered] }), mobileRules({ oneOpenRequest: true })).kind).toBe('accepted');
  });

  it('R-MOB-4: a payment confirmed at this very moment counts toward the day; one dated later does not', () => {
    const now = [paid('mts', '29000.00', NOW)];
    expect(decideRequest(request('mts', '1000.01', { payments: now }), rules)).toMatchObject({ refusal: { reason: 'limit' } });
    const later = [paid('mts', '29000.00', NOW + 1)];
    expect(decideRequest(request('mts', '1000.01', { payments: later }), rules).kind).toBe('accepted');
  });

  it('R-MOB-4: a day limit resets at the next Moscow midnight, even after a 25-hour day (DST ended on 31 Oct 2010)', () => {
    expect(nextPeriodStart(Date.parse('2010-10-31T01:00:00+04:00'), 'day')).toBe(Date.parse('2010-11-01T00:00:00+03:00'));
  });

  it('R-MOB-2: only requests still waiting run out of time', () => {
    const answered = { ...paid('mts', '10.00', NOW - 60_000), expiresAt: NOW - 1 };
    expect(overdue([answered], NOW)).toEqual([]);
  });

  it('transaction numbers are M- and six digits', () => {
    expect([transactionNumber(1), transactionNumber(42), transactionNumber(1234567)]).toEqual(['M-000001', 'M-000042', 'M-1234567']);
  });

  it('the tariffs a phone may have, and the events a payment may record', () => {
    expect(TARIFFS).toEqual(['standard', 'corporate', 'forbidden']);
    expect(TARIFFS.map((tariff) => decideRequest(request('mts', '10.00', { settings: { ...DEFAULT_PHONE_SETTINGS, tariff } }), rules).kind)).toEqual(['accepted', 'refused', 'refused']);
    expect(MOBILE_EVENT_KINDS).toEqual(['requested', 'smsSent', 'refused', 'confirmed', 'debited', 'commission', 'cancelled', 'expired', 'refundDue', 'refunded']);
  });
});
