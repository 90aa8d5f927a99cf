/** Issue 9, keys: what a newcomer met at the terminal, by keys on the real App (in memory, SimulatedClock). */
import { afterEach, expect, it, vi } from 'vitest';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { quitReport } from '../../src/cli/run.js';
import { KEY, PATH_KEYS, renderKiosk, rowWith, screenText, titleOf, toCash, toOrderEntry, TEXT, waitForTitle, type Kiosk, type KioskOptions, waitForExit, waitForInserted } from './harness.js';

let kiosk: Kiosk | null = null;
const open = (options: KioskOptions = {}) => (kiosk = renderKiosk(options));
afterEach(() => {
  kiosk?.unmount();
  kiosk = null;
  vi.restoreAllMocks();
});

const inserted = waitForInserted;
const closed = waitForExit;

// 1. Ctrl+C never loses inserted cash

it('Ctrl+C with a note in asks "Quit?" and pays nothing yet; "Pay and quit" pays with what is in, then the app exits', async () => {
  const k = open();
  await toCash(k, 'en', '1000000001');
  await k.press('6');
  await inserted(k, '1,000.00 ₽');
  await k.press('\x03');
  const dialog = await k.waitForText('Quit?');
  expect(screenText(dialog)).toContain('1,000.00 ₽ is inserted. Pay with it and quit, or keep going.');
  expect(k.exited()).toBe(false);
  expect(k.payments).toEqual([]);
  await k.press('p');
  await closed(k);
  expect(k.store.completed.map((c) => c.notes)).toEqual([[1000]]);
  expect(k.store.unfinishedSessions()).toEqual([]);
  expect(k.actor.getSnapshot().context.paidOnQuit?.number).toBe(k.payments[0]?.receipt.number);
});

it('Ctrl+C twice with cash in pays and quits; Keep going (Esc) returns to the cash screen with the cash still in', async () => {
  const k = open();
  await toCash(k, 'en', '1000000001');
  await k.press('7');
  await inserted(k, '2,000.00 ₽');
  await k.press('\x03');
  await k.waitForText('Quit?');
  await k.press(KEY.esc);
  await k.waitForNoText('Quit?');
  expect(k.view().screen).toBe('cash');
  await k.press('\x03', '\x03');
  await closed(k);
  expect(k.payments.map((p) => p.receipt.accepted)).toEqual(['2000.00']);
});

it('Ctrl+C during "Need more time?" with cash in asks "Quit?" too; with no cash in, Ctrl+C quits at once and pays nothing', async () => {
  const k = open();
  await toCash(k, 'en', '1000000001');
  await k.press('5');
  await inserted(k, '500.00 ₽');
  k.clock.increment(DEFAULT_RULES.timeouts.cashWithNoteMs);
  await k.waitForText('Need more time?');
  await k.press('\x03');
  await k.waitForText('Quit?');
  await k.press('\x03');
  await closed(k);
  expect(k.payments.map((p) => p.receipt.accepted)).toEqual(['500.00']);

  kiosk?.unmount();
  const empty = open();
  await toCash(empty, 'en', '1000000002');
  await empty.press('\x03');
  await closed(empty);
  expect(empty.payments).toEqual([]);
  expect(empty.store.unfinishedSessions()).toEqual([]);
});

it('after paying on quit, one plain line names the payment; a store failure exits 1', () => {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const receipt = { number: 'T-1-000003', accepted: '1000.00' } as never;
  expect(quitReport(receipt, null, true)).toBe(0);
  expect(out).toHaveBeenCalledWith('Paid 1,000.00\u00a0₽ with the cash inserted before quitting: receipt T-1-000003\n');
  expect(quitReport(null, null, true)).toBe(0);
  expect(out).toHaveBeenCalledTimes(1);
  expect(quitReport(null, 'disk full', true)).toBe(1);
  expect(String(err.mock.calls[0]?.[0])).toContain('disk full');
  expect(String(err.mock.calls[0]?.[0])).toContain('paid when the kiosk starts again');
  // in memory nothing survives the process: the message must not promise a later payment
  expect(quitReport(null, 'disk full', false)).toBe(1);
  expect(String(err.mock.calls[1]?.[0])).not.toContain('starts again');
  expect(String(err.mock.calls[1]?.[0])).toContain('nothing is kept');
});

// 2. nothing typed quickly is dropped

it('R-TERM-3: notes in one burst are all taken in order, each journaled, each checked against the cap', async () => {
  const k = open();
  await toCash(k, 'en', '1000000001');
  await k.press('11111');
  await inserted(k, '50.00 ₽');
  await k.press('8888');
  const frame = await k.waitForText('limit exceeded');
  // 50 + 5,000 + 5,000 fit; the third 5,000 would pass 15,000 ₽ and is returned, and so is the fourth, visibly
  expect(rowWith(frame, 'Inserted')).toBe('Inserted 10,050.00 ₽');
  expect([...k.store.journaled.values()]).toEqual([[10, 10, 10, 10, 10, 5000, 5000]]);
});

it('the second Enter of a burst during the order lookup is not lost: it confirms the check screen', async () => {
  const k = open();
  await toOrderEntry(k, 'en');
  await k.press('1000000001\r\r');
  await waitForTitle(k, 'en', 'phone');
});

it('Esc Esc in one chunk (Ink reads it as one meta+Esc) goes back twice: four Escs from the phone step reach Other services', async () => {
  const k = open();
  await toOrderEntry(k, 'en');
  await k.press(...'1000000001'.split(''), KEY.enter);
  await waitForTitle(k, 'en', 'check');
  await k.press(KEY.enter);
  await waitForTitle(k, 'en', 'phone');
  // phone → check → order → catalogs → Other services
  await k.press('\x1b\x1b\x1b\x1b');
  await waitForTitle(k, 'en', 'other');
  // three more from the phone step land on the catalogs exactly: none lost, none extra
  // the brand's keys from Other services to the order number (Euroset: 1, 1)
  await k.press(...PATH_KEYS.slice(1), ...'1000000001'.split(''), KEY.enter);
  await waitForTitle(k, 'en', 'check');
  await k.press(KEY.enter);
  await waitForTitle(k, 'en', 'phone');
  await k.press('\x1b\x1b\x1b');
  await waitForTitle(k, 'en', 'catalogs');
  await k.settle();
  expect(k.view().statePath).toBe('kiosk.catalogs');
});

// 3. Esc

it('Esc on the cash screen before any note returns to the phone step with the number kept; Esc on the receipt finishes', async () => {
  const k = open();
  await toCash(k, 'en', '1000000006');
  await k.press(KEY.esc);
  const phone = await waitForTitle(k, 'en', 'phone');
  expect(phone).toContain('+7 (916) 123-45-67');
  await k.press(KEY.enter);
  await waitForTitle(k, 'en', 'cash');
  await k.press('7');
  await inserted(k, '2,000.00 ₽');
  await k.press('p');
  await waitForTitle(k, 'en', 'receipt');
  await k.press(KEY.esc);
  await waitForTitle(k, 'en', 'idle');
});

// 4. the real --more-time-timeout, counting down

it('"Need more time?" shows the configured time and counts it down on the program\'s clock', async () => {
  const rules = { ...DEFAULT_RULES, timeouts: { ...DEFAULT_RULES.timeouts, moreTimeMs: 40_000 } };
  const k = open({ rules });
  await toCash(k, 'en', '1000000001');
  k.clock.increment(DEFAULT_RULES.timeouts.cashNoNoteMs);
  await k.waitForText('With no answer the payment is cancelled in 40 s.');
  expect(k.view().countdown).toBe(40);
  k.clock.increment(1000);
  await k.waitForText('cancelled in 39 s.');
  k.clock.increment(1000);
  await k.waitForText('cancelled in 38 s.');
  expect(k.view().countdown).toBe(38);
});

// 10. a disabled press says why

it('Enter on an incomplete order number and Pay before the amount is covered say why in the notice line', async () => {
  const k = open();
  await toOrderEntry(k, 'en');
  await k.press('12345', KEY.enter);
  await k.waitForText('Enter all 10 digits of the order number');
  expect(titleOf(k.lastFrame())).toBe(TEXT.en.order);
  kiosk?.unmount();
  const c = open();
  await toCash(c, 'en', '1000000001');
  await c.press('6');
  await inserted(c, '1,000.00 ₽');
  await c.press('p');
  await c.waitForText('Insert at least 3,750.00 ₽ more to pay');
});

// 13. the Russian keyboard layout

it('Russian-layout letters answer the Latin hotkeys: з pays, н answers "Need more time?" with yes', async () => {
  const k = open({ lang: 'ru' });
  await toCash(k, 'ru', '1000000006');
  k.clock.increment(DEFAULT_RULES.timeouts.cashNoNoteMs);
  await k.waitForText('Нужно больше времени?');
  await k.press('н');
  await k.waitForNoText('Нужно больше времени?');
  await k.press('7');
  await k.waitForText('Нажмите «Оплатить», чтобы завершить');
  await k.press('з');
  await waitForTitle(k, 'ru', 'receipt');
});

// 14. Enter after the field is full goes on

it('once the order number is full the focus is on Next, so Enter looks it up even if ⌫ had the focus', async () => {
  const k = open();
  await toOrderEntry(k, 'en');
  // focus the ⌫ button (the first), as a customer fixing a typo would
  await k.press(KEY.up, KEY.up, KEY.up);
  expect(k.view().buttons[k.view().focus]?.id).toBe('backspace');
  await k.press(...'1000000001'.split(''));
  expect(k.view().buttons[k.view().focus]?.id).toBe('next');
  await k.press(KEY.enter);
  await waitForTitle(k, 'en', 'check');
});
