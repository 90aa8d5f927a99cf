/** Bad input in the numeric fields: letters, over-long pastes, a phone that is not a mobile. */
import { afterEach, expect, it } from 'vitest';
import { splitKeys } from '../../src/app/keymap.js';
import type { Lang } from '../../src/domain/money.js';
import { KEY, renderKiosk, screenText, submitOrder, titleOf, toOrderEntry, TEXT, waitForTitle, type Kiosk } from './harness.js';

let kiosk: Kiosk | null = null;
const open = (lang: Lang) => (kiosk = renderKiosk({ lang }));
afterEach(() => {
  kiosk?.unmount();
  kiosk = null;
});

const HINT = {
  en: { digitsOnly: 'Digits only', full: 'The field is full: extra digits were cut', nine: 'A mobile number starts with 9 after +7', unknown: 'Order 1234567890 was not found. Check the number in the SMS.' },
  ru: { digitsOnly: 'Только цифры', full: 'Поле заполнено: лишние цифры отброшены', nine: 'Мобильный номер начинается с 9 после +7', unknown: 'Заказ 1234567890 не найден. Проверьте номер в SMS.' },
} as const;

/** The order-number field as drawn: ten cells, `_` for the empty ones. */
const orderField = (digits: string) => digits.padEnd(10, '_').split('').join(' ');

it.each(['en', 'ru'] as const)('letters in the order-number field are ignored with the hint "Digits only" (%s)', async (lang) => {
  const k = open(lang);
  await toOrderEntry(k, lang);
  const before = k.lastFrame();
  expect(screenText(before)).not.toContain(HINT[lang].digitsOnly);
  await k.press('a');
  let frame = await k.waitForText(HINT[lang].digitsOnly);
  expect(screenText(frame)).toContain(orderField(''));
  await k.press('1');
  frame = await k.waitForNoText(HINT[lang].digitsOnly);
  expect(screenText(frame)).toContain(orderField('1'));
  await k.press('x', 'Ж', '-');
  frame = await k.waitForText(HINT[lang].digitsOnly);
  expect(screenText(frame)).toContain(orderField('1'));
  // A pasted mix keeps its digits only.
  await k.press('2b3c');
  frame = await k.waitForText(orderField('123'));
  expect(k.view().kiosk.orderDigits).toBe('123');
  expect(titleOf(frame)).toBe(TEXT[lang].order);
});

it.each(['en', 'ru'] as const)('a paste of 15 digits is cut to the 10 of an order number, with a hint (%s)', async (lang) => {
  const k = open(lang);
  await toOrderEntry(k, lang);
  await k.press('123456789012345');
  const frame = await k.waitForText(HINT[lang].full);
  expect(screenText(frame)).toContain(orderField('1234567890'));
  expect(k.view().kiosk.orderDigits).toBe('1234567890');
  // The cut number is what is looked up.
  await k.press(KEY.enter);
  const refused = await waitForTitle(k, lang, 'refused');
  expect(screenText(refused)).toContain(HINT[lang].unknown);
});

it('Backspace erases the last digit, * clears the field, and Next stays disabled until all 10 digits are in', async () => {
  const k = open('en');
  await toOrderEntry(k, 'en');
  await k.press(...'100000000'.split(''));
  await k.waitForText(orderField('100000000'));
  await k.press(KEY.enter);
  expect(k.view().screen).toBe('orderEntry');
  await k.press(KEY.backspace, KEY.backspace);
  await k.waitForText(orderField('1000000'));
  await k.press('*');
  await k.waitForText(orderField(''));
  expect(k.view().kiosk.orderDigits).toBe('');
});

it.each(['en', 'ru'] as const)('a phone number not starting with 9 is refused with the hint; a pasted 8-916… keeps the mobile part (%s)', async (lang) => {
  const k = open(lang);
  await toOrderEntry(k, lang);
  await submitOrder(k, lang, '1000000002');
  await waitForTitle(k, lang, 'check');
  await k.press(KEY.enter);
  await waitForTitle(k, lang, 'phone');
  await k.press('8');
  let frame = await k.waitForText(HINT[lang].nine);
  expect(screenText(frame)).toContain('+7 (___) ___-__-__');
  await k.press('4', '9');
  frame = await k.waitForText('+7 (9__) ___-__-__');
  // Incomplete: Next does nothing.
  await k.press(KEY.enter);
  expect(k.view().screen).toBe('phoneEntry');
  await k.press('*', '89161234567');
  frame = await k.waitForText('+7 (916) 123-45-67');
  expect(screenText(frame)).toContain(`${lang === 'en' ? 'Operator: MTS' : 'Оператор: МТС'}`);
  await k.press(KEY.enter);
  await waitForTitle(k, lang, 'cash');
  expect(k.view().kiosk.phoneDigits).toBe('9161234567');
});

it('keys arriving in one chunk (a fast typist, tmux, a paste) act one by one: Ctrl+C in a chunk quits, it is not "any key"', async () => {
  const k = open('en');
  await k.waitForText(TEXT.en.idle);
  // a space wakes the kiosk, then Ctrl+C in the same chunk must quit rather than open a menu item
  await k.press(' \x03');
  await k.waitUntil(k.exited, () => `Ctrl+C did not quit; the screen is:\n${k.lastFrame()}`);
  expect(titleOf(k.lastFrame())).not.toBe(TEXT.en.menu);
});

it('an arrow and Enter in one chunk with digits move and press like separate keys', () => {
  expect(splitKeys('1\x1b[B\r', {})).toEqual([['1', {}], ['', { downArrow: true }], ['\r', { return: true }]]);
  expect(splitKeys('a\x03', {})).toEqual([['a', {}], ['c', { ctrl: true }]]);
  // a chunk Ink already parsed as one key stays as Ink gave it
  expect(splitKeys('\x1b[A', { upArrow: true })).toEqual([['\x1b[A', { upArrow: true }]]);
});

it('Back to the catalog and in again: the order-number field starts empty, so old digits never join a new number', async () => {
  const k = open('en');
  await toOrderEntry(k, 'en');
  await k.press(...'100000000'.split(''));
  await k.waitForText(orderField('100000000'));
  await k.press(KEY.esc);
  await waitForTitle(k, 'en', 'catalogs');
  await k.press('1');
  await waitForTitle(k, 'en', 'order');
  expect(screenText(k.lastFrame())).toContain(orderField(''));
  expect(k.view().kiosk.orderDigits).toBe('');
});
