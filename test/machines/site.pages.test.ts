/**
 * Each site page's buttons as the screens draw them (machines/site/siteButtons.ts): id, label (an
 * i18n key), hotkey, and, when off, why. Read along one purchase through the keys, then on the
 * order pages (delivered, expired in the app), so a renamed key or a lost hotkey is noticed.
 */
import { describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import { HOUR_MS } from '../../src/domain/rules.js';
import { startSite, START } from './siteDriver.js';

const PHONE = '+79161234567';
const CODE = '1000000123';

type Site = ReturnType<typeof startSite>;
const rows = (site: Site) => site.view().buttons.map((b) => [b.id, b.label, b.hotkey, b.enabled, b.whyDisabled]);
const BACK = ['back', 'button.back', 'esc', true, undefined];

describe('what each site page offers', () => {
  it('one purchase: catalog, cart, checkout, payment, methods, code, My orders and the order\'s page', async () => {
    const site = startSite({ phone: PHONE });
    expect(rows(site)).toEqual([
      ['earbuds', 'product.earbuds', '1', true, undefined],
      ['watch', 'product.watch', '2', true, undefined],
      ['backpack', 'product.backpack', '3', true, undefined],
      ['phone', 'product.phone', '4', true, undefined],
      ['cart', 'site.button.cart', 'c', false, 'site.notice.cartEmpty'],
      ['orders', 'site.button.orders', 'o', true, undefined],
      ['topUp', 'site.button.topUp', 't', true, undefined],
      ['version', 'site.button.toApp', 'v', true, undefined],
    ]);
    await site.press('1', 'c');
    expect(rows(site)).toEqual([['buy', 'site.button.buyNow', 'b', true, undefined], ['clear', 'site.button.clearCart', 'x', true, undefined], BACK]);
    await site.press('b');
    expect(rows(site)).toEqual([
      ['backspace', 'button.backspace', 'backspace', true, undefined],
      ['country', 'site.button.country', 'tab', true, undefined],
      BACK,
      ['next', 'button.next', undefined, true, undefined],
    ]);
    await site.press('enter');
    expect(rows(site)).toEqual([['card', 'site.button.payCard', undefined, false, 'site.card.outside'], ['other', 'site.button.otherMethods', 'm', true, undefined], BACK]);
    await site.press('m');
    expect(rows(site)).toEqual([['cash', 'site.button.cash', 'c', true, undefined], ['mobile', 'site.button.mobile', 'm', true, undefined], BACK]);
    await site.press('c');
    const code = site.view().placed!.code;
    expect(rows(site)).toEqual([['orders', 'site.button.orders', 'o', true, undefined], ['shop', 'site.button.shop', 's', true, undefined]]);
    await site.press('o');
    expect(rows(site)).toEqual([[`order-${code}`, 'site.button.openOrder', undefined, true, undefined], BACK]);
    await site.pressButton(`order-${code}`);
    expect(site.view().order!.row.code).toBe(code);
    expect(rows(site)).toEqual([BACK]);
  });

  it('R-PROT-1: a delivered order offers Confirm (c), Dispute (d) and Back', async () => {
    const site = startSite({ phone: PHONE });
    site.store.addOrder({ ...newOrder({ code: CODE, codeAmount: '4750.00', phone: PHONE, issuedAt: START }), status: 'paid', paid: '4750.00', owed: '0.00' });
    site.store.changeOrder(CODE, { kind: 'ship' }, START);
    site.store.changeOrder(CODE, { kind: 'deliver' }, START);
    await site.press('o');
    await site.pressButton(`order-${CODE}`);
    expect(rows(site)).toEqual([['confirm', 'site.button.confirm', 'c', true, undefined], ['dispute', 'site.button.dispute', 'd', true, undefined], BACK]);
  });

  it('R-CODE-2, R-CODE-3: an expired order offers Renew (r), but the app issues no cash code, so there it is off and says why; the methods page points to the PC version', async () => {
    const site = startSite({ phone: PHONE, channel: 'app' });
    site.store.addOrder(newOrder({ code: CODE, codeAmount: '990.00', phone: PHONE, issuedAt: START }));
    site.clock.increment(49 * HOUR_MS);
    await site.settle();
    await site.press('o');
    await site.pressButton(`order-${CODE}`);
    expect(rows(site)).toEqual([['renew', 'site.button.renew', 'r', false, 'site.cash.appOnly'], BACK]);
    await site.press('esc', 'esc');
    expect(rows(site)[7]).toEqual(['version', 'site.button.toPc', 'v', true, undefined]);
    await site.toMethods();
    expect(rows(site)).toEqual([['openPc', 'site.button.openPc', 'v', true, undefined], BACK]);
  });

  it('R-CODE-4, R-MOB-1: Next is off until the phone is full, Mobile payment is off abroad, and the failed page offers Shop (s)', async () => {
    const site = startSite({ phone: null });
    await site.press('1', 'c', 'b');
    expect(rows(site)[3]).toEqual(['next', 'button.next', undefined, false, 'notice.phoneIncomplete']);
    await site.toMethods('9161234567', 1);
    expect(rows(site)[1]).toEqual(['mobile', 'site.button.mobile', 'm', false, 'site.mobile.country']);
    const failed = startSite({ phone: null, failing: 'placeCashOrder' });
    await failed.toMethods();
    await failed.press('c');
    expect(failed.view().page).toBe('failed');
    expect(rows(failed)).toEqual([['shop', 'site.button.shop', 's', true, undefined]]);
  });
});
