/**
 * The site in the world, on the real App: an order placed on the site with Cash, its code read on
 * the phone (the SMS comes from the store, R-CODE-1), then paid at the terminal.
 */
import { afterEach, expect, it } from 'vitest';
import { siteViewOf } from '../../machines/site/siteView.js';
import { KEY, renderKiosk, toCash, type Kiosk } from './harness.js';

const F1 = '\x1bOP';
const F2 = '\x1bOQ';
const F3 = '\x1bOR';

let k: Kiosk | null = null;
afterEach(() => k?.unmount());

it('R-CODE-1: Cash on the site shows a 10-digit code, the phone\'s inbox has it by SMS, and the terminal takes that code', async () => {
  k = renderKiosk({ lang: 'en' });
  await k.press(F1);
  await k.waitForText('Products');
  // earbuds (1,990 ₽) → cart → Buy now → the order's phone → Other payment methods → Cash
  await k.press('1', 'c', 'b');
  await k.waitForText('Checkout');
  await k.press(...Array.from({ length: 10 }, () => KEY.backspace), ...'9161234567'.split(''), KEY.enter);
  await k.waitForText('Payment');
  await k.press('m');
  await k.waitForText('Other payment methods');
  await k.press('c');
  await k.waitForText('Pay in cash');
  const placed = siteViewOf(k.site().getSnapshot()).placed!;
  expect(placed.code).toMatch(/^\d{10}$/);
  expect(k.lastFrame()).toContain(placed.code);
  expect(k.store.findOrder(placed.code)).toMatchObject({ phone: '+79161234567', codeAmount: '1990.00', status: 'awaiting' });
  // the countdown follows the world's clock: one tick of the world after an hour, no timer of the site's own
  expect(placed.remainingMs).toBe(48 * 3_600_000);
  k.clock.increment(3_600_000);
  k.world.send({ type: 'clock.tick' });
  await k.settle();
  expect(siteViewOf(k.site().getSnapshot()).placed!.remainingMs).toBe(47 * 3_600_000);

  await k.press(F2);
  await k.waitForText(`AliExpress`);
  await k.waitForText(placed.code);
  expect(k.phone.getSnapshot().context.inbox[0]).toMatchObject({ kind: 'code', code: placed.code, amount: '1990.00', sender: 'AliExpress' });

  await k.press(F3);
  await toCash(k, 'en', placed.code);
  await k.press('7'); // a 2,000 ₽ note
  await k.waitForText('2,000.00 ₽');
  await k.press('p');
  await k.settle();
  await k.waitUntil(() => k!.payments.length === 1, () => `no payment; the screen is:\n${k!.lastFrame()}`);
  expect(k.payments[0]!.receipt).toMatchObject({ code: placed.code, toOrder: '1990.00', toPhone: '10.00' });
  expect(k.store.findOrder(placed.code)).toMatchObject({ paid: '1990.00', owed: '0.00' });
});
