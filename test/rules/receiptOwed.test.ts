/**
 * The receipt's "still owed" line (R-CODE-5, R-TERM-5): "Price has risen" only when the order now
 * costs more than this payment was asked for; a payment short of the due amount (a timeout with
 * too little cash) just says what is still owed.
 */
import { describe, expect, it } from 'vitest';
import { receiptFooter as printedFooter, receiptText as printedText } from '../../src/domain/fiscal/receiptText.js';
import { plainSpaces } from '../../src/tape/run/assertions.js';
import type { Lang } from '../../src/domain/money.js';

// Amounts carry no-break spaces (they never wrap); these tests read the receipt as a person does.
const receiptFooter = (r: Receipt, lang: Lang) => printedFooter(r, lang).map(plainSpaces);
const receiptText = (r: Receipt, lang: Lang) => plainSpaces(printedText(r, lang));
import type { Receipt } from '../../src/domain/store.js';

const base: Receipt = {
  number: 'T-1-000001', terminalId: 'T-1', at: Date.UTC(2026, 10, 22, 7), code: '1000000001',
  due: '4750.00', accepted: '4750.00', toOrder: '4750.00', toPhone: '0.00', phone: '+79161234567', operator: 'mts',
  orderStatus: 'paid', owed: '0.00', recovered: false,
};
/** 3,000 ₽ of a 4,750 ₽ order paid when the customer walked away: the price never changed. */
const shortTimeout: Receipt = { ...base, accepted: '3000.00', toOrder: '3000.00', orderStatus: 'partially_paid', owed: '1750.00' };
/** The code was for 2,000 ₽, the price rose to 2,300 ₽, 2,000 ₽ paid. */
const priceRose: Receipt = { ...base, code: '1000000006', due: '2000.00', accepted: '2000.00', toOrder: '2000.00', orderStatus: 'partially_paid', owed: '300.00' };
/** Price rose AND the customer paid short: both the rise and the shortfall are owed. */
const roseAndShort: Receipt = { ...priceRose, accepted: '1500.00', toOrder: '1500.00', owed: '800.00' };

describe('receipt: what is still owed', () => {
  it.each([
    ['en', 'Order partially paid, still owed 1,750.00 ₽'],
    ['ru', 'Заказ оплачен частично, осталось доплатить 1 750,00 ₽'],
  ] as const)('R-CODE-5: a short timeout payment shows only the amount still owed, no "price has risen" (%s)', (lang, line) => {
    const footer = receiptFooter(shortTimeout, lang);
    expect(footer).toContain(line);
    expect(receiptText(shortTimeout, lang)).not.toMatch(/Price has risen|Цена выросла/);
  });

  it.each([
    ['en', 'Price has risen: order partially paid, still owed 300.00 ₽'],
    ['ru', 'Цена выросла: заказ оплачен частично, осталось доплатить 300,00 ₽'],
  ] as const)('R-CODE-5: a payment of the code amount after a price rise says the price rose and what is owed (%s)', (lang, line) => {
    expect(receiptFooter(priceRose, lang)).toContain(line);
  });

  it('R-CODE-5: a price rise with a short payment still says the price rose, with the whole amount owed', () => {
    expect(receiptFooter(roseAndShort, 'en')).toContain('Price has risen: order partially paid, still owed 800.00 ₽');
  });

  it('R-TERM-5: a fully paid order prints no owed line at all', () => {
    const footer = receiptFooter(base, 'en');
    expect(footer.join('\n')).not.toMatch(/owed/);
    expect(footer).toEqual(['Keep this receipt until the parcel arrives']);
  });
});
