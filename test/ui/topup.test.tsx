/**
 * The terminal's Mobile category by keys (issue 13): the number (its operator guessed, Tab changes it),
 * the same cash screen and cap as an order payment, Pay → the balance grows by all the cash, a receipt
 * and an SMS to that phone. At 80×24, in Russian (the default) and English.
 */
import { afterEach, expect, it } from 'vitest';
import { KEY, renderKiosk, rowWith, screenText, titleOf, waitForTitle, type Kiosk, type KioskOptions } from './harness.js';

let kiosk: Kiosk | null = null;
const open = (options: KioskOptions) => (kiosk = renderKiosk({ columns: 80, rows: 24, ...options }));
afterEach(() => {
  kiosk?.unmount();
  kiosk = null;
});

const PHONE = '+79051234567';

/** Idle → menu → Mobile (hotkey 1) → the number typed. */
async function toTopUpNumber(k: Kiosk, title: string): Promise<void> {
  await k.press(KEY.enter);
  await k.press('1');
  await k.waitForFrame((f) => titleOf(f) === title, `the "${title}" screen`);
  await k.press(...'9051234567'.split(''));
  await k.waitForText('+7 (905) 123-45-67');
}

it('Mobile tops up the number typed by the cash inserted, with no commission: receipt, ledger line and SMS (Russian, 80×24)', async () => {
  const k = open({ lang: 'ru' });
  await toTopUpNumber(k, 'Сотовая связь: пополнение баланса');
  expect(screenText(k.lastFrame())).toContain('Оператор: Билайн');
  await k.press(KEY.enter);
  await waitForTitle(k, 'ru', 'cash');
  await k.waitForText('Пополнение +7 (905) 123-45-67 (Билайн)');
  await k.press('2', '2');
  await k.waitForFrame((f) => rowWith(f, 'На баланс') === 'На баланс 100,00 ₽', 'На баланс 100,00 ₽');
  await k.press('p');
  await waitForTitle(k, 'ru', 'receipt');
  const frame = screenText(k.lastFrame());
  expect(frame).toContain('Пополнение баланса');
  expect(frame).toMatch(/Зачислено на баланс +100,00 ₽/);
  expect(frame).toMatch(/Комиссия +0,00 ₽/);
  expect(frame).toContain('Сохраните чек до зачисления денег на баланс');

  const account = k.store.phoneAccount(PHONE);
  expect(account.balance).toBe('100.00');
  expect(account.operator).toBe('beeline');
  expect(account.ledger.map((l) => [l.amount, l.reason])).toEqual([['100.00', 'top-up at the terminal, receipt T-1-000001 (pay)']]);
  expect(account.sms.map((m) => [m.kind, m.amount])).toEqual([['topup', '100.00']]);
  expect(k.payments.map((p) => [p.receipt.code, p.receipt.accepted, p.receipt.toOrder, p.receipt.toPhone, p.order])).toEqual([['', '100.00', '0.00', '100.00', null]]);
  // the journal holds the notes, as for an order payment: a crash before Pay would have lost nothing
  expect(k.store.unfinishedSessions()).toEqual([]);
});

it('Tab changes the guessed operator; Back with no cash in returns to the number, kept; Back from the number goes to the menu (English)', async () => {
  const k = open({ lang: 'en' });
  await toTopUpNumber(k, 'Mobile: top up a phone balance');
  expect(screenText(k.lastFrame())).toContain('Operator: Beeline');
  await k.press(KEY.tab);
  await k.waitForText('Operator: Tele2');
  await k.press(KEY.enter);
  await waitForTitle(k, 'en', 'cash');
  await k.waitForText('Top up +7 (905) 123-45-67 (Tele2)');
  // Pay before any note says what it waits for, not "0.00 ₽ more"
  await k.press('p');
  await k.waitForText('Pay is possible after the first banknote');
  expect(screenText(k.lastFrame())).not.toContain('Insert at least');
  await k.press(KEY.esc);
  await k.waitForFrame((f) => titleOf(f) === 'Mobile: top up a phone balance', 'back on the number');
  expect(screenText(k.lastFrame())).toContain('+7 (905) 123-45-67');
  await k.press(KEY.esc);
  await waitForTitle(k, 'en', 'menu');
  expect(k.payments).toEqual([]);
});

it('R-TERM-3: a top-up takes at most 15,000 ₽, like an order payment: the note over the cap is returned', async () => {
  const k = open({ lang: 'en' });
  await toTopUpNumber(k, 'Mobile: top up a phone balance');
  await k.press(KEY.enter);
  await waitForTitle(k, 'en', 'cash');
  await k.press('8', '8', '8', '3');
  await k.waitForText('limit exceeded');
  expect(rowWith(k.lastFrame(), 'Inserted')).toBe('Inserted 15,000.00 ₽');
  await k.press('p');
  await waitForTitle(k, 'en', 'receipt');
  expect(k.store.phoneAccount(PHONE).balance).toBe('15000.00');
});
