/**
 * What the site's pages print, read from siteViewOf on the real machine driven by keys: the cart's
 * lines and total, the code page's countdown and the terminal cap, the methods page's one reason,
 * how keys are read on each page, and the catalog's buttons.
 */
import { describe, expect, it } from 'vitest';
import { PAY_PLACES } from '../../src/domain/orders/catalog.js';
import { HOUR_MS } from '../../src/domain/rules.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { startSite, START } from './siteDriver.js';

describe('what the site shows', () => {
  it('the cart: each product once with its quantity and price, the count and the total; Cart is offered only once something is in it', async () => {
    const site = startSite();
    const empty = site.view();
    expect(empty).toMatchObject({ page: 'catalog', mode: 'buttons', cartCount: 0, total: '0.00', cart: [] });
    expect(empty.buttons.find((b) => b.id === 'cart')).toMatchObject({ enabled: false, whyDisabled: 'site.notice.cartEmpty' });
    await site.press('c');
    expect(site.view()).toMatchObject({ page: 'catalog', notice: 'site.notice.cartEmpty' });
    await site.press('1', '1', '3');
    const view = site.view();
    expect(view.notice).toBe('site.notice.added');
    expect(view.cart).toEqual([{ name: 'product.earbuds', quantity: 2, price: '1990.00' }, { name: 'product.backpack', quantity: 1, price: '2760.50' }]);
    expect(view).toMatchObject({ cartCount: 3, total: '6740.50' });
    expect(view.buttons.find((b) => b.id === 'cart')?.enabled).toBe(true);
    await site.press('c', 'x');
    expect(site.view()).toMatchObject({ page: 'catalog', cartCount: 0, cart: [] });
  });

  it('R-CODE-2: the code page counts down to the code\'s end on the program\'s clock and stops at zero; it lists where to pay', async () => {
    const site = startSite();
    await site.toMethods();
    await site.press('c');
    expect(site.view().placed).toMatchObject({ remainingMs: 48 * HOUR_MS, overCap: false, amount: '6740.00', phone: '+79161234567' });
    expect(site.view().payPlaces).toEqual(PAY_PLACES);
    site.clock.increment(49 * HOUR_MS);
    await site.settle();
    expect(site.view().placed!.remainingMs).toBe(0);
  });

  it('the code page warns when the amount is over what one terminal takes (15,000 ₽)', async () => {
    const site = startSite({ phone: '+79161234567' });
    await site.press('4', 'c', 'b', 'enter', 'm', 'c');
    expect(site.view().placed).toMatchObject({ amount: '16990.00', overCap: true });
  });

  it('R-CODE-3, R-CODE-4: the methods page states its one reason, and a press on refused Cash does not say it again', async () => {
    const app = startSite({ channel: 'app' });
    await app.toMethods();
    expect(app.view()).toMatchObject({ methodsReason: 'site.app.usePc', cashRefusal: 'site.cash.appOnly' });
    const abroad = startSite();
    await abroad.toMethods('9161234567', 1);
    await abroad.press('c');
    expect(abroad.actor.getSnapshot().context.notice).toBe('site.cash.country');
    expect(abroad.view()).toMatchObject({ page: 'methods', methodsReason: 'site.cash.country', notice: null });
    // elsewhere the same notice is shown: the card button on the payment page says why it is off
    await abroad.press('esc', 'enter');
    expect(abroad.view()).toMatchObject({ page: 'payment', notice: 'site.card.outside' });
  });

  it('keys are read as digits on the phone, refund and top-up pages, as buttons elsewhere, and not at all while the store answers', async () => {
    const site = startSite({ phone: '+79161234567' });
    await site.press('1', 'c', 'b');
    expect(site.view()).toMatchObject({ page: 'checkout', mode: 'digits', phoneMasked: '+7 (916) 123-45-67' });
    await site.press('enter');
    expect(site.view()).toMatchObject({ page: 'payment', mode: 'buttons' });
    await site.press('m');
    site.actor.send({ type: 'nav.press', id: 'cash' });
    expect(site.view()).toMatchObject({ page: 'placing', mode: 'busy', buttons: [] });
    await site.settle();
    expect(site.view().page).toBe('code');
  });

  it('the delivery country cycles through the four and back to Russia; the language follows site.lang', async () => {
    const site = startSite();
    await site.press('1', 'c', 'b');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      await site.press('tab');
      seen.push(site.view().country);
    }
    expect(seen).toEqual(['UA', 'KZ', 'BY', 'RU']);
    expect(site.view().lang).toBe('en');
    site.actor.send({ type: 'site.lang', lang: 'ru' });
    expect(site.view().lang).toBe('ru');
  });

  it('R-CODE-2, R-CODE-4: My orders gives each code\'s end (48 hours after it was issued); a refusal said on another page than methods is said even when it is the methods page\'s reason', async () => {
    const site = startSite({ phone: '+79161234567' });
    site.store.addOrder(newOrder({ code: '1000000123', codeAmount: '990.00', phone: '+79161234567', issuedAt: START, region: 'UA' }));
    // the checkout's country abroad: the methods page's reason would be the same refusal
    await site.press('1', 'c', 'b', 'tab', 'esc', 'esc');
    expect(site.view().country).toBe('UA');
    site.clock.increment(49 * HOUR_MS);
    await site.settle();
    await site.press('o');
    expect(site.view().orders[0]).toMatchObject({ code: '1000000123', expiresAt: START + 48 * HOUR_MS, status: 'expired' });
    await site.pressButton('order-1000000123');
    await site.press('r');
    expect(site.view()).toMatchObject({ page: 'order', methodsReason: 'site.cash.country', notice: 'site.cash.country' });
  });
});
