/**
 * Keys in bursts and the cash dialogs, on the real App (in memory, SimulatedClock): what a review
 * found after issue 9 — keys read against a screen they never reached, Ctrl+C overtaking the note
 * typed before it, a "Quit?" that never closed, notes dropped by the dialogs, a watchdog left armed.
 */
import { afterEach, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { renderKiosk, toCash, toOrderEntry, waitForTitle, type Kiosk, waitForExit, waitForInserted } from './harness.js';

let kiosk: Kiosk | null = null;
const open = () => (kiosk = renderKiosk());
afterEach(() => {
  kiosk?.unmount();
  kiosk = null;
});

const inserted = waitForInserted;
const closed = waitForExit;
const cashState = (k: Kiosk) => k.view().statePath;

it('a burst across a lookup: keys after the lookup are read on the screens they reach (the phone number is typed, not lost)', async () => {
  const k = open();
  await toOrderEntry(k, 'en');
  await k.press('1000000001\r\r9161234567');
  await waitForTitle(k, 'en', 'phone');
  await k.waitForText('+7 (916) 123-45-67');
  expect(k.view().kiosk.phoneDigits).toBe('9161234567');
});

it('a burst from the order number to the cash screen and a note: everything lands, the note is journaled', async () => {
  const k = open();
  await toOrderEntry(k, 'en');
  await k.press('1000000002\r\r9161234567\r7');
  await inserted(k, '2,000.00 ₽');
  expect([...k.store.journaled.values()]).toEqual([[2000]]);
});

it('Ctrl+C after a note in the same chunk: the note is inserted first, then "Quit?" asks about it', async () => {
  const k = open();
  await toCash(k, 'en', '1000000001');
  await k.press('8\x03');
  await k.waitForText('Quit?');
  expect(cashState(k)).toBe('cash.quitAsk');
  expect([...k.store.journaled.values()]).toEqual([[5000]]);
  expect(k.exited()).toBe(false);
});

it('"Quit?" left unanswered pays with the cash in and closes after the "Need more time?" time, counting down on screen', async () => {
  const k = open();
  await toCash(k, 'en', '1000000001');
  await k.press('6');
  await inserted(k, '1,000.00 ₽');
  await k.press('\x03');
  await k.waitForText(`pays and quits in ${DEFAULT_RULES.timeouts.moreTimeMs / 1000} s`);
  k.clock.increment(1000);
  await k.waitForText(`pays and quits in ${DEFAULT_RULES.timeouts.moreTimeMs / 1000 - 1} s`);
  k.clock.increment(DEFAULT_RULES.timeouts.moreTimeMs);
  await closed(k);
  expect(k.payments.map((p) => p.receipt.accepted)).toEqual(['1000.00']);
  expect(k.actor.getSnapshot().context.paidOnQuit?.number).toBe(k.payments[0]?.receipt.number);
  expect(k.store.unfinishedSessions()).toEqual([]);
});

it('a closed terminal times nothing out: the watchdog and the countdown are off, wherever it was quit', async () => {
  const k = open();
  await toOrderEntry(k, 'en');
  await k.press('\x03');
  await closed(k);
  expect(k.actor.getSnapshot().value).toMatchObject({ flow: 'closed', watchdog: 'off', countdown: 'off' });
  const paid = open();
  await toCash(paid, 'en', '1000000001');
  await paid.press('6');
  await inserted(paid, '1,000.00 ₽');
  await paid.press('\x03', '\x03');
  await closed(paid);
  expect(paid.actor.getSnapshot().value).toMatchObject({ flow: 'closed', watchdog: 'off', countdown: 'off' });
  k.unmount();
});

it('a note key during "Need more time?" inserts the note and keeps the payment going; during "Quit?" too', async () => {
  const k = open();
  await toCash(k, 'en', '1000000001');
  await k.press('5');
  await inserted(k, '500.00 ₽');
  k.clock.increment(DEFAULT_RULES.timeouts.cashWithNoteMs);
  await k.waitForText('Need more time?');
  await k.press('6');
  await inserted(k, '1,500.00 ₽');
  expect(cashState(k)).toBe('cash.holding');
  await k.press('\x03');
  await k.waitForText('Quit?');
  await k.press('4');
  await inserted(k, '1,700.00 ₽');
  expect(cashState(k)).toBe('cash.holding');
  expect([...k.store.journaled.values()]).toEqual([[500, 1000, 200]]);
});

it('keys that arrive while a note is being stacked replay in their order: Pay before Ctrl+C pays (not a quit), then the app closes', async () => {
  const k = open();
  await toCash(k, 'en', '1000000001');
  await k.press('8p\x03');
  await closed(k);
  expect(k.payments.map((p) => [p.receipt.accepted, p.receipt.toPhone])).toEqual([['5000.00', '250.00']]);
  // "Pay" was taken first, so the payment is the customer's (trigger pay), not one made by quitting
  expect(k.store.phoneAccount('+79161234567').ledger.map((l) => l.reason)).toEqual([`change from receipt ${k.payments[0]?.receipt.number} (pay)`]);
});
