import { describe, expect, it } from 'vitest';
import { addToCart, cartCount, cartTotal, cashOrder, cashRefusal, codeSmsOf, COUNTRIES, overTerminalCap, paymentCode, renewedOrder, SITE_STATUS_LABELS, siteStatusOf, siteTopUpOrder } from '../../src/domain/orders/catalog.js';
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

  it('counts the cart line by line; a product the site no longer has adds nothing to the total', () => {
    const cart = addToCart(addToCart(addToCart([], 'watch'), 'earbuds'), 'watch');
    expect(cart).toEqual([{ productId: 'watch', quantity: 2 }, { productId: 'earbuds', quantity: 1 }]);
    expect(cartCount(cart)).toBe(3);
    expect(cartCount([])).toBe(0);
    expect(cartTotal([])).toBe('0.00');
    expect(cartTotal([...cart, { productId: 'gone', quantity: 2 }])).toBe('11490.00');
  });

  it('R-TERM-3: the code page warns only above the terminal\'s 15,000 ₽', () => {
    expect(overTerminalCap('15000.00', DEFAULT_RULES)).toBe(false);
    expect(overTerminalCap('15000.01', DEFAULT_RULES)).toBe(true);
  });

  it('R-CODE-1: a cash order on the PC site, its region the delivery country; its SMS carries the code, the amount and the end of the 48 hours', () => {
    const order = cashOrder({ code: '1234567890', amount: '1990.00', phone: '+79161234567', country: 'KZ', now: 5 * HOUR_MS });
    expect(order).toMatchObject({ code: '1234567890', codeAmount: '1990.00', price: '1990.00', phone: '+79161234567', issuedAt: 5 * HOUR_MS, region: 'KZ', channel: 'pc', status: 'awaiting', topUpPhone: null });
    expect(codeSmsOf(order, DEFAULT_RULES)).toEqual({ phone: '+79161234567', at: 5 * HOUR_MS, kind: 'code', code: '1234567890', amount: '1990.00', expiresAt: 53 * HOUR_MS });
  });

  it('R-MOB-10: a top-up bought on the site is an order in Russia whose code is valid 1 hour, and its SMS says so', () => {
    const order = siteTopUpOrder({ code: '2234567890', amount: '500.00', phone: '+79161234567', topUpPhone: '+79031234567', channel: 'app', now: 0 });
    expect(order).toMatchObject({ code: '2234567890', codeAmount: '500.00', phone: '+79161234567', issuedAt: 0, region: 'RU', channel: 'app', topUpPhone: '+79031234567' });
    expect(codeSmsOf(order, DEFAULT_RULES)).toEqual({ phone: '+79161234567', at: 0, kind: 'code', code: '2234567890', amount: '500.00', expiresAt: HOUR_MS, validHours: 1 });
  });

  it('R-CODE-2: an order placed again keeps its country and version of the site', () => {
    const order = { ...newOrder({ code: '1234567890', codeAmount: '2000.00', phone: '+79161234567', issuedAt: 0 }), region: 'BY', channel: 'app' as const };
    expect(renewedOrder(order, '2234567890', 50 * HOUR_MS)).toMatchObject({ region: 'BY', channel: 'app' });
  });

  it('R-CODE-6: a paid order is "processing" until its last payment settles, then "paid"', () => {
    const paid = { ...newOrder({ code: '1234567890', codeAmount: '2000.00', phone: '+79161234567', issuedAt: 0 }), status: 'paid' as const, paid: '2000.00', owed: '0.00',
      credits: [{ receipt: 'R-1', amount: '2000.00', acceptedAt: HOUR_MS, settlesAt: 3 * HOUR_MS }] };
    expect(siteStatusOf(paid, 2 * HOUR_MS, DEFAULT_RULES)).toBe('processing');
    expect(siteStatusOf(paid, 3 * HOUR_MS, DEFAULT_RULES)).toBe('paid');
    expect(siteStatusOf({ ...paid, status: 'partially_paid', paid: '1000.00', owed: '1000.00' }, 2 * HOUR_MS, DEFAULT_RULES)).toBe('partially_paid');
  });
});
