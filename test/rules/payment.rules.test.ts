/**
 * Rules about what a payment leaves behind (R-CASH-4, R-TERM-5, R-CODE-5), proven on the real
 * terminal on a simulated clock: the receipt of every way a payment can end, what it says, and
 * the order's status afterwards.
 */
import { describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import { receiptFooter as printedFooter, receiptText as printedText } from '../../src/domain/fiscal/receiptText.js';
import { plainSpaces } from '../../src/tape/run/assertions.js';
import type { Lang } from '../../src/domain/money.js';

// Amounts carry no-break spaces (they never wrap); these tests read the receipt as a person does.
const receiptFooter = (r: Receipt, lang: Lang) => printedFooter(r, lang).map(plainSpaces);
const receiptText = (r: Receipt, lang: Lang) => plainSpaces(printedText(r, lang));
import { DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import type { Receipt } from '../../src/domain/store.js';
import { cashOf, insert, kioskOf, kioskState, lookUp, MemoryStore, send, startRig, START, toCash } from '../machines/terminalDriver.js';

const PHONE = '+79161234567';
const { cashWithNoteMs, moreTimeMs, cashNoNoteMs } = DEFAULT_RULES.timeouts;
const storeWith = (code: string, codeAmount: string, price?: string) => {
  const store = new MemoryStore();
  store.addOrder(newOrder({ code, codeAmount, ...(price ? { price } : {}), phone: PHONE, issuedAt: START - HOUR_MS }));
  return store;
};

/** The receipt is on the kiosk's screen, in the store under its number, and was handed to the payment callback. */
function expectReceiptEverywhere(rig: { payments: { receipt: Receipt }[] }, store: MemoryStore, receipt: Receipt | null | undefined): Receipt {
  expect(receipt).toBeTruthy();
  const r = receipt as Receipt;
  expect(store.receipt(r.number)).toEqual(r);
  expect(rig.payments.map((p) => p.receipt)).toContainEqual(r);
  expect(receiptFooter(r, 'en')).toContain('Keep this receipt until the parcel arrives');
  expect(receiptFooter(r, 'ru')).toContain('Сохраните чек до получения посылки');
  return r;
}

describe('R-CASH-4: every way of paying produces a receipt', () => {
  it('R-CASH-4: Pay', async () => {
    const store = storeWith('4000000001', '1000.00');
    const rig = await startRig(store);
    await toCash(rig.t, '4000000001');
    await insert(rig.t, 1000);
    await send(rig.t, { type: 'nav.press', id: 'pay' });
    expect(kioskState(rig.t)).toBe('receipt');
    expect(expectReceiptEverywhere(rig, store, kioskOf(rig.t).context.receipt)).toMatchObject({ accepted: '1000.00', toOrder: '1000.00', recovered: false });
    rig.t.stop();
  });

  it('R-CASH-4: no answer to "Need more time?": paid with what was inserted, with a receipt that says what is still owed (and no price rise)', async () => {
    const store = storeWith('4000000002', '4750.00');
    const rig = await startRig(store);
    await toCash(rig.t, '4000000002');
    await insert(rig.t, 1000, 2000);
    await rig.wait(cashWithNoteMs - 1);
    expect(cashOf(rig.t)?.value).toBe('holding');
    await rig.wait(1);
    expect(cashOf(rig.t)?.value).toBe('moreTime');
    await rig.wait(moreTimeMs);
    expect(kioskState(rig.t)).toBe('receipt');
    const r = expectReceiptEverywhere(rig, store, kioskOf(rig.t).context.receipt);
    expect(r).toMatchObject({ accepted: '3000.00', toOrder: '3000.00', toPhone: '0.00', orderStatus: 'partially_paid', owed: '1750.00' });
    expect(receiptFooter(r, 'en')).toEqual(['Order partially paid, still owed 1,750.00 ₽', 'Keep this receipt until the parcel arrives']);
    expect(receiptText(r, 'ru')).not.toContain('Цена выросла');
    expect(store.findOrder('4000000002')).toMatchObject({ status: 'partially_paid', paid: '3000.00', owed: '1750.00' });
    rig.t.stop();
  });

  it('R-CASH-4: "No" to "Need more time?" with cash in: paid at once, with a receipt', async () => {
    const store = storeWith('4000000003', '500.00');
    const rig = await startRig(store);
    await toCash(rig.t, '4000000003');
    await insert(rig.t, 1000);
    await rig.wait(cashWithNoteMs);
    await send(rig.t, { type: 'nav.press', id: 'no' });
    expect(expectReceiptEverywhere(rig, store, kioskOf(rig.t).context.receipt)).toMatchObject({ accepted: '1000.00', toOrder: '500.00', toPhone: '500.00' });
    rig.t.stop();
  });

  it('R-CASH-4: a session left with no cash in ends with no payment at all, so there is nothing to have a receipt for', async () => {
    const store = storeWith('4000000004', '500.00');
    const rig = await startRig(store);
    await toCash(rig.t, '4000000004');
    await rig.wait(cashNoNoteMs);
    await rig.wait(moreTimeMs);
    expect(kioskState(rig.t)).toBe('idle');
    expect(rig.payments).toEqual([]);
    expect(store.findOrder('4000000004')?.status).toBe('awaiting');
    rig.t.stop();
  });

  it('R-CASH-4: cash left unpaid by a crash is paid on the next start, with a receipt marked recovered', async () => {
    const store = storeWith('4000000005', '4750.00');
    store.openSession({ id: 'crashed', terminalId: 'T-1', code: '4000000005', due: '4750.00', phone: PHONE, operator: 'mts', openedAt: START - 60_000 });
    store.journalNote('crashed', 5000);
    const rig = await startRig(store);
    expect(rig.t.getSnapshot().matches({ flow: 'recovered' })).toBe(true);
    const [r] = rig.t.getSnapshot().context.recovered;
    expect(expectReceiptEverywhere(rig, store, r)).toMatchObject({ accepted: '5000.00', toOrder: '4750.00', toPhone: '250.00', recovered: true });
    expect(receiptFooter(r as Receipt, 'en')).toContain('Payment completed after an interruption');
    expect(store.unfinishedSessions()).toEqual([]);
    await send(rig.t, { type: 'recovered.ok' });
    expect(rig.t.getSnapshot().matches({ flow: 'kiosk' })).toBe(true);
    rig.t.stop();
  });
});

describe('R-TERM-5: the receipt shows what was paid and where the overpayment went', () => {
  it.each([
    ['en', [
      'RECEIPT',
      'Receipt no. | T-1-000001',
      'Terminal | T-1',
      'Date and time | 2026-11-22 10:00:00',
      'Order number | 5000000001',
      'Due | 4,750.00 ₽',
      'Accepted | 5,000.00 ₽',
      'Credited to the order | 4,750.00 ₽',
      'To phone +7 (916) 123-45-67 (MTS) | 250.00 ₽',
      'Keep this receipt until the parcel arrives',
    ]],
    ['ru', [
      'ЧЕК',
      'Чек № | T-1-000001',
      'Терминал | T-1',
      'Дата и время | 22.11.2026 10:00:00',
      'Номер заказа | 5000000001',
      'К оплате | 4 750,00 ₽',
      'Принято | 5 000,00 ₽',
      'Зачислено в оплату заказа | 4 750,00 ₽',
      'На телефон +7 (916) 123-45-67 (МТС) | 250,00 ₽',
      'Сохраните чек до получения посылки',
    ]],
  ] as const)('R-TERM-5: 5,000 ₽ for a 4,750 ₽ order: 4,750 to the order, 250 to the phone, named with its operator (%s)', async (lang, lines) => {
    const store = storeWith('5000000001', '4750.00');
    const rig = await startRig(store, { lang });
    await toCash(rig.t, '5000000001');
    await insert(rig.t, 5000);
    await send(rig.t, { type: 'nav.press', id: 'pay' });
    const r = kioskOf(rig.t).context.receipt as Receipt;
    // Label and value are separated by at least two spaces of padding.
    expect(receiptText(r, lang).split('\n').map((line) => line.replace(/ {2,}/g, ' | '))).toEqual(lines);
    expect(store.phoneAccount(PHONE).balance).toBe('250.00');
    rig.t.stop();
  });
});

describe('R-CODE-5: a price that rises before the payment arrives', () => {
  it('R-CODE-5: the price rises while the customer is at the cash screen: paid with the code amount, the order is partially paid and the receipt says how much is still owed; the rest is paid later', async () => {
    const store = storeWith('6000000001', '2000.00');
    const rig = await startRig(store);
    await toCash(rig.t, '6000000001');
    store.repriceOrder('6000000001', '2300.00');
    await insert(rig.t, 2000);
    await send(rig.t, { type: 'nav.press', id: 'pay' });
    const first = kioskOf(rig.t).context.receipt as Receipt;
    expect(first).toMatchObject({ due: '2000.00', toOrder: '2000.00', orderStatus: 'partially_paid', owed: '300.00' });
    expect(receiptFooter(first, 'en')[0]).toBe('Price has risen: order partially paid, still owed 300.00 ₽');
    expect(receiptFooter(first, 'ru')[0]).toBe('Цена выросла: заказ оплачен частично, осталось доплатить 300,00 ₽');
    expect(store.findOrder('6000000001')).toMatchObject({ status: 'partially_paid', paid: '2000.00', owed: '300.00' });

    await send(rig.t, { type: 'nav.press', id: 'done' });
    expect(await lookUp(rig.t, '6000000001')).toBe('checkData');
    expect(kioskOf(rig.t).context.payable?.due).toBe('300.00');
    await send(rig.t, { type: 'nav.press', id: 'next' }, { type: 'input.text', text: '9161234567' }, { type: 'nav.press', id: 'next' });
    await insert(rig.t, 500);
    await send(rig.t, { type: 'nav.press', id: 'pay' });
    const second = kioskOf(rig.t).context.receipt as Receipt;
    expect(second).toMatchObject({ due: '300.00', toOrder: '300.00', toPhone: '200.00', orderStatus: 'paid', owed: '0.00' });
    expect(receiptFooter(second, 'en')).toEqual(['Keep this receipt until the parcel arrives']);
    expect(store.findOrder('6000000001')).toMatchObject({ status: 'paid', paid: '2300.00', owed: '0.00' });
    rig.t.stop();
  });
});
