/**
 * The printed receipt (src/domain/fiscal/receiptText.ts) beyond an order paid in full: a top-up at
 * the terminal, cash for an order another terminal paid first, a payment finished after a crash, and
 * the brand's header. R-TERM-5: the receipt shows what was paid and where the money went.
 */
import { describe, expect, it } from 'vitest';
import { receiptFooter as printedFooter, receiptText as printedText } from '../../src/domain/fiscal/receiptText.js';
import { plainSpaces } from '../../src/tape/run/assertions.js';
import type { Lang } from '../../src/domain/money.js';
import type { Receipt } from '../../src/domain/store.js';

const receiptText = (r: Receipt, lang: Lang, header?: string) => plainSpaces(printedText(r, lang, header));
const receiptFooter = (r: Receipt, lang: Lang) => printedFooter(r, lang).map(plainSpaces);
/** label | value, as a person reads the padded columns */
const rows = (text: string) => text.split('\n').map((line) => line.replace(/ {2,}/g, ' | '));

/** 1,500 ₽ put on a Beeline number at the terminal: no order, no commission, all to the balance. */
const topUp: Receipt = {
  number: 'T-1-000007', terminalId: 'T-1', at: Date.UTC(2026, 10, 22, 7), code: '', due: '0.00', accepted: '1500.00',
  toOrder: '0.00', toPhone: '1500.00', phone: '+79051234567', operator: 'beeline', orderStatus: 'paid', owed: '0.00', recovered: false,
};
/** 5,000 ₽ for an order another terminal paid a moment earlier: everything went to the phone. */
const paidElsewhere: Receipt = { ...topUp, code: '1000000001', due: '4750.00', accepted: '5000.00', toPhone: '5000.00' };

describe('R-TERM-5: a top-up receipt', () => {
  it.each([
    ['en', [
      'RECEIPT', 'Receipt no. | T-1-000007', 'Terminal | T-1', 'Date and time | 2026-11-22 10:00:00', 'Service | Mobile top-up',
      'Phone | +7 (905) 123-45-67 (Beeline)', 'Accepted | 1,500.00 ₽', 'Commission | 0.00 ₽', 'Credited to the balance | 1,500.00 ₽',
      'Keep this receipt until the money is on the balance',
    ]],
    ['ru', [
      'ЧЕК', 'Чек № | T-1-000007', 'Терминал | T-1', 'Дата и время | 22.11.2026 10:00:00', 'Услуга | Пополнение баланса',
      'Телефон | +7 (905) 123-45-67 (Билайн)', 'Принято | 1 500,00 ₽', 'Комиссия | 0,00 ₽', 'Зачислено на баланс | 1 500,00 ₽',
      'Сохраните чек до зачисления денег на баланс',
    ]],
  ] as const)('R-TERM-5: names the service and the phone, no commission, all of it credited (%s)', (lang, lines) => {
    expect(rows(receiptText(topUp, lang))).toEqual(lines);
  });

  it('R-TERM-5: a top-up finished after a crash says so above the keep line', () => {
    expect(receiptFooter({ ...topUp, recovered: true }, 'en')).toEqual(['Payment completed after an interruption', 'Keep this receipt until the money is on the balance']);
  });
});

describe('R-TERM-5: an order paid elsewhere first, a recovered payment, the brand', () => {
  it('R-TERM-5: cash for an order already paid all went to the phone, and the receipt says so', () => {
    expect(receiptFooter(paidElsewhere, 'en')).toEqual(['Already paid elsewhere: cash went to the phone', 'Keep this receipt until the parcel arrives']);
    expect(receiptFooter(paidElsewhere, 'ru')[0]).toBe('Заказ уже оплачен: всё зачислено на телефон');
  });

  it('R-TERM-5: only when nothing went to the order and something was accepted', () => {
    const keep = ['Keep this receipt until the parcel arrives'];
    expect(receiptFooter({ ...paidElsewhere, toOrder: '4750.00', toPhone: '250.00' }, 'en')).toEqual(keep);
    expect(receiptFooter({ ...paidElsewhere, accepted: '0.00', toPhone: '0.00' }, 'en')).toEqual(keep);
    expect(receiptFooter({ ...paidElsewhere, orderStatus: 'partially_paid' }, 'en')).toEqual(keep);
  });

  it('R-CODE-5: the owed line is printed only for a partially paid order, not for one still awaiting its first kopeck', () => {
    const awaiting: Receipt = { ...paidElsewhere, orderStatus: 'awaiting', owed: '4750.00' };
    expect(receiptFooter(awaiting, 'en')).toEqual(['Keep this receipt until the parcel arrives']);
  });

  it('R-TERM-5: a payment finished after a crash says so between the owed line and the keep line', () => {
    const recovered: Receipt = { ...paidElsewhere, toOrder: '3000.00', toPhone: '0.00', accepted: '3000.00', orderStatus: 'partially_paid', owed: '1750.00', recovered: true };
    expect(receiptFooter(recovered, 'en')).toEqual([
      'Order partially paid, still owed 1,750.00 ₽', 'Payment completed after an interruption', 'Keep this receipt until the parcel arrives',
    ]);
  });

  it('R-TERM-4: the brand\'s header is the first line, above the title; none without one', () => {
    expect(rows(receiptText(paidElsewhere, 'en', 'EUROSET')).slice(0, 3)).toEqual(['EUROSET', 'RECEIPT', 'Receipt no. | T-1-000007']);
    expect(receiptText(paidElsewhere, 'en', '').split('\n')[0]).toBe('RECEIPT');
  });

  it('R-TERM-5: the values line up two spaces after the longest label', () => {
    const lines = receiptText(paidElsewhere, 'en').split('\n').slice(1);
    const longest = 'To phone +7 (905) 123-45-67 (Beeline)';
    expect(lines.find((l) => l.startsWith('To phone'))).toBe(`${longest}  5,000.00 ₽`);
    expect(lines[0]).toBe(`${'Receipt no.'.padEnd(longest.length + 2)}T-1-000007`);
  });
});
