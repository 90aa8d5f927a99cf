/**
 * What each site page offers, and why not (machines/site/siteButtons.ts, mobileButtons.ts), read
 * through keys on the real machine: the renewed order, an open dispute, the exact refundable amount,
 * Mobile payment abroad, the version switch, the failed page, the operators' keys.
 */
import { describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import { HOUR_MS } from '../../src/domain/rules.js';
import { orderButtonId } from '../../machines/site/siteButtons.js';
import { startSite, START } from './siteDriver.js';

const PHONE = '+79161234567';
const CODE = '1000000123';

/** A site for PHONE with CODE paid (4,750 ₽) and shipped. */
function siteWithShippedOrder() {
  const site = startSite({ phone: PHONE });
  const order = newOrder({ code: CODE, codeAmount: '4750.00', phone: PHONE, issuedAt: START });
  site.store.addOrder({ ...order, status: 'paid', paid: '4750.00', owed: '0.00' });
  site.store.changeOrder(CODE, { kind: 'ship' }, START);
  return site;
}

const ids = (site: ReturnType<typeof startSite>) => site.view().buttons.map((b) => b.id);

describe('what the site offers', () => {
  it('R-CODE-2: an expired order placed again is not offered again', async () => {
    const site = startSite({ phone: PHONE });
    site.store.addOrder(newOrder({ code: CODE, codeAmount: '990.00', phone: PHONE, issuedAt: START }));
    site.clock.increment(49 * HOUR_MS);
    await site.settle();
    await site.press('o');
    await site.pressButton(orderButtonId(CODE));
    expect(ids(site)).toEqual(['renew', 'back']);
    await site.press('r', 'o');
    expect(ids(site)).toEqual([orderButtonId(site.view().orders[0]!.code), orderButtonId(CODE), 'back']);
    await site.pressButton(orderButtonId(CODE));
    expect(site.view().order!.row.code).toBe(CODE);
    expect(ids(site)).toEqual(['back']);
  });

  it('R-PROT-2: an open dispute (opened elsewhere) is offered to be ended; a partial refund of exactly what is refundable is offered', async () => {
    const site = siteWithShippedOrder();
    site.store.changeOrder(CODE, { kind: 'dispute' }, START);
    await site.press('o');
    await site.pressButton(orderButtonId(CODE));
    expect(site.view().order!.row.status).toBe('disputed');
    expect(ids(site)).toEqual(['dispute', 'back']);
    await site.press('d', '4750');
    expect(site.view().buttons.find((b) => b.id === 'partial')?.enabled).toBe(true);
    await site.press('p');
    expect(site.store.findOrder(CODE)).toMatchObject({ refunded: '4750.00' });
  });

  it('R-PROT-2: a partial refund sent without an amount (not through its disabled button) changes nothing', async () => {
    const site = siteWithShippedOrder();
    await site.press('o');
    await site.pressButton(orderButtonId(CODE));
    await site.press('d');
    site.actor.send({ type: 'site.resolve', outcome: 'partial' });
    await site.settle();
    expect(site.view().page).toBe('dispute');
    expect(site.store.findOrder(CODE)).toMatchObject({ stage: 'shipped', refunded: '0.00' });
  });

  it('R-PROT-2: the dispute page offers full, partial (once an amount is typed) and reshipment; Back returns to the order', async () => {
    const site = siteWithShippedOrder();
    await site.press('o');
    await site.pressButton(orderButtonId(CODE));
    await site.press('d');
    expect(site.view().buttons.map((b) => [b.id, b.enabled, b.hotkey])).toEqual([
      ['full', true, 'f'], ['partial', false, 'p'], ['reshipment', true, 'r'], ['back', true, 'esc'],
    ]);
    await site.press('esc');
    expect(site.view().page).toBe('order');
    expect(site.store.findOrder(CODE)!.stage).toBe('shipped');
  });

  it('R-MOB-1: Mobile payment is for residents of Russia: abroad it is off, and a press says why', async () => {
    const site = startSite();
    await site.toMethods('9161234567', 2);
    expect(site.view().buttons.find((b) => b.id === 'mobile')).toMatchObject({ enabled: false, whyDisabled: 'site.mobile.country', hotkey: 'm' });
    await site.press('m');
    expect(site.view()).toMatchObject({ page: 'methods', notice: 'site.mobile.country' });
  });

  it('R-MOB-5: the four operators, keys 1 to 4, then Back', async () => {
    const site = startSite();
    await site.toMethods();
    await site.press('m');
    expect(site.view().buttons.map((b) => [b.id, b.label, b.hotkey])).toEqual([
      ['mts', 'operator.mts', '1'], ['megafon', 'operator.megafon', '2'], ['beeline', 'operator.beeline', '3'], ['tele2', 'operator.tele2', '4'], ['back', 'button.back', 'esc'],
    ]);
  });

  it('the version switch names the other version and flips the channel both ways; the app\'s Open PC version returns to the methods page on PC', async () => {
    const site = startSite({ channel: 'app' });
    expect(site.view().buttons.find((b) => b.id === 'version')?.label).toBe('site.button.toPc');
    await site.press('v');
    expect(site.view()).toMatchObject({ channel: 'pc', notice: null });
    expect(site.view().buttons.find((b) => b.id === 'version')?.label).toBe('site.button.toApp');
    await site.press('v');
    expect(site.view().channel).toBe('app');
    await site.toMethods();
    await site.press('right');
    expect(site.view().focus).toBe(1);
    await site.press('v');
    expect(site.view()).toMatchObject({ page: 'methods', channel: 'pc', focus: 0, notice: null });
  });

  it('the failed page offers Shop only, and Esc goes to the catalog too', async () => {
    const site = siteWithShippedOrder();
    await site.press('o');
    await site.pressButton(orderButtonId(CODE));
    site.store.changeOrder(CODE, { kind: 'deliver' }, START);
    site.store.changeOrder(CODE, { kind: 'confirm' }, START);
    await site.press('d', 'f');
    expect(site.view().page).toBe('failed');
    expect(ids(site)).toEqual(['shop']);
    await site.press('esc');
    expect(site.view().page).toBe('catalog');
  });

  it('Clear on the checkout empties the phone', async () => {
    const site = startSite({ phone: PHONE });
    await site.press('1', 'c', 'b');
    site.actor.send({ type: 'input.clear' });
    expect(site.view().phoneMasked).toBe('+7 (___) ___-__-__');
  });

  it('R-MOB-1: the phone page offers Send SMS (no key: Enter, once the number is full), Backspace and Back; waiting, Retry (r) and Shop (s)', async () => {
    const site = startSite({ phone: PHONE });
    site.store.setPhoneAccount('+79051234567', 'beeline', '10000.00');
    await site.toMethods();
    await site.press('m', '3', 'backspace');
    const row = (b: ReturnType<typeof site.view>['buttons'][number]) => [b.id, b.label, b.hotkey, b.enabled, b.whyDisabled];
    expect(site.view().buttons.map(row)).toEqual([
      ['send', 'site.button.sendSms', undefined, false, 'notice.phoneIncomplete'],
      ['backspace', 'button.backspace', 'backspace', true, undefined],
      ['back', 'button.back', 'esc', true, undefined],
    ]);
    for (let i = 0; i < 9; i++) await site.press('backspace');
    await site.press('9051234567');
    expect(row(site.view().buttons[0]!)).toEqual(['send', 'site.button.sendSms', undefined, true, undefined]);
    await site.press('enter');
    expect(site.view().page).toBe('mobileSent');
    expect(site.view().buttons.map(row)).toEqual([
      ['retry', 'site.button.retry', 'r', true, undefined],
      ['shop', 'site.button.shop', 's', true, undefined],
    ]);
  });

  it('R-MOB-10: the top-up page offers Place (once the phone and an amount are typed), Backspace and Back', async () => {
    const site = startSite({ phone: null });
    await site.press('t', '9051234567');
    const row = (b: ReturnType<typeof site.view>['buttons'][number]) => [b.id, b.label, b.hotkey, b.enabled, b.whyDisabled];
    expect(site.view().buttons.map(row)).toEqual([
      ['place', 'site.topUp.place', undefined, false, 'site.topUp.amountMissing'],
      ['backspace', 'button.backspace', 'backspace', true, undefined],
      ['back', 'button.back', 'esc', true, undefined],
    ]);
    await site.press('5');
    expect(row(site.view().buttons[0]!)).toEqual(['place', 'site.topUp.place', undefined, true, undefined]);
  });
});
