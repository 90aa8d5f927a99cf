/** Inactivity timeouts (on the simulated clock), the language button, and the terminal-size guard. */
import { afterEach, expect, it } from 'vitest';
import type { Lang } from '../../src/domain/money.js';
import { KEY, renderKiosk, rowWith, screenText, titleOf, toCash, TEXT, waitForTitle, type Kiosk, type KioskOptions } from './harness.js';

let kiosk: Kiosk | null = null;
const open = (options: KioskOptions) => (kiosk = renderKiosk(options));
afterEach(() => {
  kiosk?.unmount();
  kiosk = null;
});

async function toMenu(k: Kiosk, lang: Lang) {
  await waitForTitle(k, lang, 'idle');
  await k.press(' ');
  return waitForTitle(k, lang, 'menu');
}

it('the main menu goes back to the idle screen after 30 s without a key, not before', async () => {
  const k = open({ lang: 'en' });
  await toMenu(k, 'en');
  k.clock.increment(20_000);
  await k.press(KEY.down); // any key restarts the 30 s
  k.clock.increment(29_999);
  await k.settle();
  expect(k.view().screen).toBe('menu');
  expect(titleOf(k.lastFrame())).toBe(TEXT.en.menu);
  k.clock.increment(1);
  const idle = await waitForTitle(k, 'en', 'idle');
  expect(screenText(idle)).toContain('Press any key to start');
});

it('"Need more time?" appears after 60 s on the cash screen; with no note and no answer the payment is cancelled', async () => {
  const k = open({ lang: 'en' });
  await toCash(k, 'en', '1000000002');
  k.clock.increment(59_999);
  await k.settle();
  expect(k.lastFrame()).not.toContain('Need more time?');
  k.clock.increment(1);
  const dialog = await k.waitForText('Need more time?');
  expect(screenText(dialog)).toContain('With no answer the payment is cancelled in 15 s.');
  expect(screenText(dialog)).toContain('▸[Y] Yes');
  k.clock.increment(15_000);
  await waitForTitle(k, 'en', 'idle');
  expect(k.payments).toEqual([]);
  expect(k.store.unfinishedSessions()).toEqual([]);
});

it.each([
  ['en', 'With no answer the payment is made with 1,000.00 ₽ in 15 s.', 'Accepted 1,000.00 ₽', 'Credited to the order 1,000.00 ₽', 'still owed 2,000.00 ₽'],
  ['ru', 'Без ответа платёж будет проведён на 1 000,00 ₽ через 15 с.', 'Принято 1 000,00 ₽', 'Зачислено в оплату заказа 1 000,00 ₽', 'осталось доплатить 2 000,00 ₽'],
] as const)('"Need more time?" answered Yes keeps the cash screen; with a note in and no answer for 15 s the payment is made (%s)', async (lang, warning, accepted, toOrder, owed) => {
  const k = open({ lang });
  await toCash(k, lang, '1000000002');
  k.clock.increment(60_000);
  await k.waitForText(lang === 'en' ? 'Need more time?' : 'Нужно больше времени?');
  await k.press('y');
  await k.waitForNoText(lang === 'en' ? 'Need more time?' : 'Нужно больше времени?');
  expect(titleOf(k.lastFrame())).toBe(TEXT[lang].cash);
  await k.press('6');
  await k.waitForText(lang === 'en' ? 'Accepted: 1,000 ₽' : 'Принята купюра 1 000 ₽');
  // Once a note is in, the terminal waits 120 s before asking.
  k.clock.increment(119_999);
  await k.settle();
  expect(k.view().screen).toBe('cash');
  k.clock.increment(1);
  await k.waitForText(warning);
  k.clock.increment(14_999);
  await k.settle();
  expect(k.view().screen).toBe('moreTime');
  expect(k.payments).toEqual([]);
  k.clock.increment(1);
  const receipt = await waitForTitle(k, lang, 'receipt');
  expect(rowWith(receipt, accepted.split(' ')[0] ?? '')).toBe(accepted);
  expect(screenText(receipt)).toContain(toOrder);
  expect(screenText(receipt)).toContain(owed);
  expect(k.store.findOrder('1000000002')).toMatchObject({ paid: '1000.00', owed: '2000.00' });
});

it('the language button switches the main menu ru → en → ru, and the idle timeout brings back the default language', async () => {
  const k = open({ lang: 'ru' });
  let menu = await toMenu(k, 'ru');
  expect(screenText(menu)).toContain('[8] Другие услуги');
  // in Russian the hotkey shows the Cyrillic letter on its key too, and that letter works
  expect(screenText(menu)).toContain('[L/Д] English');
  await k.press('д');
  menu = await waitForTitle(k, 'en', 'menu');
  expect(screenText(menu)).toContain('[8] Other services');
  expect(screenText(menu)).toContain('[L] Русский');
  expect(screenText(menu)).not.toContain('Другие услуги');
  await k.press('L');
  menu = await waitForTitle(k, 'ru', 'menu');
  expect(screenText(menu)).toContain('[8] Другие услуги');
  await k.press('l');
  await waitForTitle(k, 'en', 'menu');
  k.clock.increment(30_000);
  const idle = await waitForTitle(k, 'ru', 'idle');
  expect(screenText(idle)).toContain('Нажмите любую клавишу');
});

it('the language button switches en → ru, and the next screens follow it', async () => {
  const k = open({ lang: 'en' });
  await toMenu(k, 'en');
  await k.press('l');
  await waitForTitle(k, 'ru', 'menu');
  await k.press('8');
  const services = await waitForTitle(k, 'ru', 'other');
  expect(screenText(services)).toContain('[1] Товары по каталогам');
});

it('a terminal smaller than 80×24 asks to be enlarged; growing it shows the kiosk again, and the menu survives a shrink', async () => {
  const k = open({ lang: 'en', columns: 60, rows: 20 });
  await k.waitForText('Enlarge the terminal to at least 80×24 (now 60×20)');
  expect(k.lastFrame()).not.toContain('EUROSET');
  k.stdout.resize(100, 30);
  await toMenu(k, 'en');
  k.stdout.resize(79, 24);
  await k.waitForText('Enlarge the terminal to at least 80×24 (now 79×24)');
  k.stdout.resize(80, 23);
  await k.waitForText('Enlarge the terminal to at least 80×24 (now 80×23)');
  k.stdout.resize(80, 24);
  const menu = await waitForTitle(k, 'en', 'menu');
  expect(screenText(menu)).toContain('[8] Other services');
  expect(menu.split('\n')[0]).toHaveLength(80);
});

it('the enlarge message is in Russian for a Russian kiosk', async () => {
  const k = open({ lang: 'ru', columns: 70, rows: 30 });
  await k.waitForText('Увеличьте окно терминала до 80×24 (сейчас 70×30)');
});

it('keys pressed while the enlarge message is shown do nothing: the customer cannot act on a screen they cannot see', async () => {
  const k = open({ lang: 'en', columns: 60, rows: 20 });
  await k.waitForText('Enlarge the terminal to at least 80×24 (now 60×20)');
  const before = k.view().statePath;
  await k.press(' ', '8', '\r', '1', 'q');
  await k.settle();
  expect(k.view().statePath).toBe(before);
  k.stdout.resize(100, 30);
  await toMenu(k, 'en');
});
