import { describe, expect, it } from 'vitest';
import { addToCart, cartTotal, cashRefusal, COUNTRIES, paymentCode, renewedOrder, SITE_STATUS_LABELS, siteStatusOf } from '../../src/domain/orders/catalog.js';
import { newOrder, type OrderStatus } from '../../src/domain/orders/orders.js';
import { DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import { isMessageKey } from '../../src/i18n/index.js';

describe('the site\'s catalog and checkout rules', () => {
  it('adds up the cart exactly, in kopecks (no binary floats)', () => {
    let cart = addToCart([], 'backpack');
    cart = addToCart(cart, 'backpack');
    cart = addToCart(cart, 'earbuds');
    expect(cart).toEqual([{ productId: 'backpack', quantity: 2 }, { productId: 'earbuds', quantity: 1 }]);
    expect(cartTotal(cart)).toBe('7511.00');
  });

  it('R-CODE-4: Russia keeps Cash; Ukraine, Kazakhstan and Belarus lose it, with the reason', () => {
    expect(COUNTRIES.map((c) => [c, cashRefusal(c, 'pc', DEFAULT_RULES)])).toEqual([
      ['RU', null], ['UA', 'site.cash.country'], ['KZ', 'site.cash.country'], ['BY', 'site.cash.country'],
    ]);
  });

  it('R-CODE-3: the app issues no cash code, whatever the country', () => {
    for (const c of COUNTRIES) expect(cashRefusal(c, 'app', DEFAULT_RULES)).toBe('site.cash.appOnly');
  });

  it('R-CODE-1: a payment code has the terminal\'s number of digits and never starts with 0', () => {
    expect(paymentCode(() => 0, 10)).toBe('1000000000');
    expect(paymentCode(() => 0.9999, 10)).toBe('9999999999');
    expect(paymentCode(() => 0.5, 6)).toMatch(/^[1-9]\d{5}$/);
  });

  it('R-CODE-2: an order is expired 48 hours after its code, and placed again it is new for 48 hours at its current price', () => {
    const order = newOrder({ code: '1234567890', codeAmount: '2000.00', price: '2300.00', phone: '+79161234567', issuedAt: 0 });
    expect(siteStatusOf(order, 48 * HOUR_MS - 1, DEFAULT_RULES)).toBe('awaiting');
    expect(siteStatusOf(order, 48 * HOUR_MS, DEFAULT_RULES)).toBe('expired');
    const again = renewedOrder(order, '2234567890', 50 * HOUR_MS);
    expect(again).toMatchObject({ code: '2234567890', codeAmount: '2300.00', price: '2300.00', issuedAt: 50 * HOUR_MS, status: 'awaiting', phone: order.phone });
    expect(siteStatusOf(again, 97 * HOUR_MS, DEFAULT_RULES)).toBe('awaiting');
  });

  it('every status an order has today, and expired, has a label that is a message', () => {
    const today: (OrderStatus | 'expired')[] = ['awaiting', 'partially_paid', 'paid', 'expired'];
    for (const status of today) expect(SITE_STATUS_LABELS[status], status).toBeDefined();
    for (const key of Object.values(SITE_STATUS_LABELS)) expect(isMessageKey(key), key).toBe(true);
  });
});
