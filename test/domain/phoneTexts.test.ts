/**
 * What the phone shows: each kind of SMS in words (R-TERM-2, R-CODE-1, R-MOB-2, R-MOB-10) and a mobile
 * payment's refusal with what to do (R-MOB-4, R-MOB-6), read as the customer reads them.
 */
import { describe, expect, it } from 'vitest';
import { smsLine, smsText } from '../../src/domain/mobile/smsText.js';
import { parseRefusal, refusalText } from '../../src/domain/mobile/refusalText.js';
import type { MobileRefusal } from '../../src/domain/mobile/mobilePayment.js';
import type { MobileSms, PhoneMessage } from '../../src/domain/store.js';

const NB = '\u00a0';
const AT = Date.parse('2026-11-22T10:00:00+03:00');
const PHONE = '+79051234567';
const mobile = (kind: MobileSms['kind'], fields: Partial<MobileSms> = {}): MobileSms => ({
  phone: PHONE, at: AT, sender: 'Beeline', kind, amount: '1039.00', code: 'C-777', transaction: 'M-000042', detail: null, ...fields,
});

describe('an SMS in words', () => {
  it.each<[string, PhoneMessage, string]>([
    ['R-TERM-2: change to the phone', { phone: PHONE, at: AT, sender: 'MTS', kind: 'topup', amount: '150.00', receipt: 'R-000042' },
      `+150.00${NB}₽ to your balance, receipt R-000042`],
    ['a receipt by SMS', { phone: PHONE, at: AT, sender: 'Euroset', kind: 'receipt', receipt: 'R-7', code: 'C-1', amount: '1000.00', toOrder: '900.00', toPhone: '100.00' },
      `Receipt R-7, order C-1: accepted 1,000.00${NB}₽, to the order 900.00${NB}₽, to the phone 100.00${NB}₽`],
    ['R-CODE-1: an order\'s payment code, valid 48 hours', { phone: PHONE, at: AT, sender: 'AliExpress', kind: 'code', amount: '2500.00', code: 'C-1' },
      `Order payment code C-1: 2,500.00${NB}₽. Valid 48 hours; pay in cash at a terminal, a salon or the post office.`],
    ['R-MOB-10: a site top-up\'s code, valid its own hours', { phone: PHONE, at: AT, sender: 'AliExpress', kind: 'code', amount: '500.00', code: 'T-9', validHours: 1 },
      `Phone top-up payment code T-9: 500.00${NB}₽. Valid 1 hour; pay in cash at a terminal, a salon or the post office.`],
    ['a refund to the phone', { phone: PHONE, at: AT, sender: 'AliExpress', kind: 'refund', amount: '300.00', code: 'C-2' },
      `300.00${NB}₽ returned to your phone balance for order C-2.`],
    ['a cancellation that gave money back', { phone: PHONE, at: AT, sender: 'AliExpress', kind: 'cancellation', amount: '300.00', code: 'C-3' },
      `Order C-3 was cancelled by the seller; 300.00${NB}₽ returned to your phone balance.`],
    ['a cancellation that gave nothing back', { phone: PHONE, at: AT, sender: 'AliExpress', kind: 'cancellation', amount: '0.00', code: 'C-4' },
      'Order C-4 was cancelled by the seller.'],
    ['R-MOB-2: the request to confirm', mobile('mobileRequest'),
      `Payment M-000042: order C-777, 1,039.00${NB}₽ with commission. Reply with any text to confirm, 0 to cancel.`],
    ['R-MOB-2: the payment made', mobile('mobilePaid'), `Payment M-000042 succeeded: 1,039.00${NB}₽ paid for order C-777.`],
    ['R-MOB-2: cancelled by the user', mobile('mobileCancelled'), 'Payment M-000042 was not made: you cancelled it.'],
    ['R-MOB-2: no reply in time', mobile('mobileExpired'), 'Payment M-000042 was not made: no reply in time.'],
    ['R-MOB-8: the refund landing', mobile('mobileRefund', { amount: '1000.00' }),
      `1,000.00${NB}₽ returned to your balance: refund of payment M-000042 for order C-777.`],
  ])('%s', (_name, sms, text) => {
    expect(smsText(sms, 'en')).toBe(text);
    expect(smsLine(sms, 'en')).toBe(`${sms.sender}: ${text}`);
  });

  it('R-MOB-6: a refusal SMS names the sender\'s operator in what to do', () => {
    const detail = JSON.stringify({ reason: 'tariff' });
    expect(smsText(mobile('mobileRefused', { detail }), 'en')).toBe('Payment for order C-777 refused. Your tariff does not allow mobile payments. Contact Beeline.');
    expect(smsText(mobile('mobileRefused', { detail, sender: 'Tele2' }), 'ru')).toBe(
      'Платёж за заказ C-777 отклонён. Ваш тариф не позволяет мобильные платежи. Обратитесь к оператору Теле2.',
    );
    expect(smsText(mobile('mobileRefused', { detail }), 'ru')).toContain('Обратитесь к оператору Билайн.');
  });

  it('a refusal SMS with no refusal kept says only that it was refused', () => {
    expect(smsText(mobile('mobileRefused'), 'en')).toBe('Payment for order C-777 refused. ');
  });
});

describe('a mobile payment\'s refusal in words (R-MOB-4, R-MOB-6)', () => {
  const resetsAt = Date.parse('2026-11-23T00:00:00+03:00');
  it.each<[MobileRefusal, string]>([
    [{ reason: 'balance', needed: '2078.00', balance: '1500.50', minimumLeft: '0.00' },
      `Not enough money on the balance: 2,078.00${NB}₽ needed, 1,500.50${NB}₽ on it. Top up and try again.`],
    [{ reason: 'tariff' }, 'Your tariff does not allow mobile payments. Contact MegaFon.'],
    [{ reason: 'corporate' }, 'A corporate tariff does not allow mobile payments. Contact MegaFon.'],
    [{ reason: 'newSubscriber' }, 'New subscribers cannot pay from the balance yet. Contact MegaFon.'],
    [{ reason: 'openRequest', id: 'M-000007' }, 'Payment M-000007 still waits for your reply: answer it first.'],
    [{ reason: 'orderNotPayable' }, 'The order needs no payment now (paid or cancelled).'],
    [{ reason: 'limit', limit: { kind: 'perPurchase', max: '1000.00' }, resetsAt: null }, `MegaFon limit: at most 1,000.00${NB}₽ a purchase.`],
    [{ reason: 'limit', limit: { kind: 'amountPerPeriod', max: '30000.00', period: 'day' }, resetsAt },
      `MegaFon limit: at most 30,000.00${NB}₽ a day; resets 2026-11-23 00:00:00.`],
    [{ reason: 'limit', limit: { kind: 'amountPerPeriod', max: '30000.00', period: 'month' }, resetsAt },
      `MegaFon limit: at most 30,000.00${NB}₽ a month; resets 2026-11-23 00:00:00.`],
    [{ reason: 'limit', limit: { kind: 'countPerPeriod', max: 5, period: 'day' }, resetsAt }, 'MegaFon limit: at most 5 purchases a day; resets 2026-11-23 00:00:00.'],
    [{ reason: 'limit', limit: { kind: 'countPerPeriod', max: 10, period: 'month' }, resetsAt }, 'MegaFon limit: at most 10 purchases a month; resets 2026-11-23 00:00:00.'],
    [{ reason: 'operatorMismatch', actual: 'mts' }, 'No SMS? Usually a wrong number or operator, or an operator outage.'],
    [{ reason: 'outage' }, 'No SMS? Usually a wrong number or operator, or an operator outage.'],
    [{ reason: 'notRussian' }, 'No SMS? Usually a wrong number or operator, or an operator outage.'],
  ])('R-MOB-6: %j', (refusal, text) => {
    expect(refusalText(refusal, 'megafon', 'en')).toBe(text);
  });

  it('R-MOB-6: the operator is named in the customer\'s language', () => {
    expect(refusalText({ reason: 'corporate' }, 'mts', 'ru')).toBe('Корпоративный тариф не позволяет мобильные платежи. Обратитесь к оператору МТС.');
  });

  it('a refusal is kept as JSON; none kept reads as none', () => {
    const refusal: MobileRefusal = { reason: 'openRequest', id: 'M-000001' };
    expect(parseRefusal(JSON.stringify(refusal))).toEqual(refusal);
    expect(parseRefusal(null)).toBeNull();
    expect(parseRefusal('')).toBeNull();
  });
});
