/**
 * The AliExpress site's data and checkout rules (R-CODE-1…4): the demo products, the delivery
 * countries and which of them may pay in cash, where a cash code can be paid, and the order
 * statuses the "My orders" page names. Pure: the site machine and its adapter decide with these.
 */
import { add, cmp, type Money } from '../money.js';
import { codeValidityOf, isExpired, newOrder, type Order } from './orders.js';
import { isProcessing, orderAt } from './orderLife.js';
import type { KioskRules, OrderLifeRules } from '../rules.js';

export interface Product {
  id: string;
  /** i18n key of the product's name */
  name: string;
  price: Money;
}

/** A few demo products: one cheap, two ordinary, one over the terminal's cap (to rehearse that refusal). */
export const PRODUCTS: readonly Product[] = [
  { id: 'earbuds', name: 'product.earbuds', price: '1990.00' },
  { id: 'watch', name: 'product.watch', price: '4750.00' },
  { id: 'backpack', name: 'product.backpack', price: '2760.50' },
  { id: 'phone', name: 'product.phone', price: '16990.00' },
];

export type CartLine = { productId: string; quantity: number };

export const productOf = (id: string): Product | undefined => PRODUCTS.find((p) => p.id === id);

export function addToCart(cart: readonly CartLine[], productId: string): CartLine[] {
  const line = cart.find((l) => l.productId === productId);
  if (!line) return [...cart, { productId, quantity: 1 }];
  return cart.map((l) => (l === line ? { ...l, quantity: l.quantity + 1 } : l));
}

export const cartTotal = (cart: readonly CartLine[]): Money =>
  add('0.00', ...cart.flatMap((l) => Array.from({ length: l.quantity }, () => productOf(l.productId)?.price ?? '0.00')));

export const cartCount = (cart: readonly CartLine[]): number => cart.reduce((n, l) => n + l.quantity, 0);

/** Delivery countries, Russia first (the default). The region codes are the ones orders keep. */
export const COUNTRIES = ['RU', 'UA', 'KZ', 'BY'] as const;
export type Country = (typeof COUNTRIES)[number];

/** R-CODE-4: only residents of the regions the rules name may pay in cash. */
export const cashAllowedIn = (country: string, rules: Pick<KioskRules, 'cashRegions'>): boolean => rules.cashRegions.includes(country);

/** The site's version: the desktop one by default; the app issues no cash codes (R-CODE-3). */
export type Channel = Order['channel'];
export const CASH_CHANNELS: readonly Channel[] = ['pc'];

/** Why Cash is not offered on the payment page, as an i18n key; null when it is. */
export function cashRefusal(country: string, channel: Channel, rules: Pick<KioskRules, 'cashRegions'>): string | null {
  if (!CASH_CHANNELS.includes(channel)) return 'site.cash.appOnly';
  if (!cashAllowedIn(country, rules)) return 'site.cash.country';
  return null;
}

/** Where a cash code can be paid (the payment page and the code page list them). */
export const PAY_PLACES = ['site.where.salons', 'site.where.sberbank', 'site.where.shops', 'site.where.post'] as const;

/** The terminal takes at most the rules' cap: the code page warns when the amount is over it. */
export const overTerminalCap = (amount: Money, rules: Pick<KioskRules, 'terminalCap'>): boolean => cmp(amount, rules.terminalCap) > 0;

/** A payment code: `length` digits, the first not 0 (a code read aloud keeps its length). */
export function paymentCode(random: () => number, length: number): string {
  const digit = (min: number) => String(min + Math.floor(random() * (10 - min)));
  return digit(1) + Array.from({ length: length - 1 }, () => digit(0)).join('');
}

/** The SMS that carries a payment code to the order's phone (R-CODE-1). */
export interface CodeSms {
  phone: string;
  at: number;
  kind: 'code';
  code: string;
  amount: Money;
  expiresAt: number;
  /** R-MOB-10: a site top-up's code says it is valid 1 hour; absent on an order's (48 hours) */
  validHours?: number;
}

export const codeSmsOf = (order: Order, rules: Pick<KioskRules, 'codeValidityMs'>): CodeSms => ({
  phone: order.phone,
  at: order.issuedAt,
  kind: 'code',
  code: order.code,
  amount: order.codeAmount,
  expiresAt: order.issuedAt + codeValidityOf(order, rules),
  ...(order.topUpPhone === null ? {} : { validHours: Math.round(codeValidityOf(order, rules) / 3_600_000) }),
});

/** A new cash order on the desktop site: the code is valid for the rules' 48 hours from `now`. */
export const cashOrder = (fields: { code: string; amount: Money; phone: string; country: string; now: number }): Order =>
  newOrder({ code: fields.code, codeAmount: fields.amount, phone: fields.phone, issuedAt: fields.now, region: fields.country, channel: 'pc' });

/** R-CODE-2: placing an expired order again gives the same order a new code, issued now. */
export const renewedOrder = (expired: Order, code: string, now: number): Order =>
  newOrder({ code, codeAmount: expired.price, phone: expired.phone, issuedAt: now, region: expired.region, channel: expired.channel });

/**
 * What "My orders" calls an order: where the goods are once the seller has acted (shipped,
 * delivered, released, disputed, refunded, cancelled), else where the payment is: awaiting, expired
 * (R-CODE-2), partially paid (R-CODE-5), processing until the cash settles (R-CODE-6), paid. The
 * labels are data: a new status from the order's life is one line here and one i18n key.
 */
export const SITE_STATUS_LABELS: Readonly<Record<string, string>> = {
  awaiting: 'site.status.awaiting',
  expired: 'site.status.expired',
  partially_paid: 'site.status.partial',
  paid: 'site.status.paid',
  processing: 'site.status.processing',
  shipped: 'site.status.shipped',
  delivered: 'site.status.delivered',
  released: 'site.status.released',
  cancelled: 'site.status.cancelled',
  refunded: 'site.status.refunded',
  disputed: 'site.status.disputed',
};

export function siteStatusOf(stored: Order, now: number, rules: OrderLifeRules): string {
  const order = orderAt(stored, now, rules);
  if (order.stage !== 'placed') return order.stage;
  if (isExpired(order, now, rules)) return 'expired';
  if (order.status !== 'paid') return order.status;
  return isProcessing(order, now) ? 'processing' : 'paid';
}

/** R-MOB-10: a phone top-up bought on the site: an order whose code (by SMS to the order's phone) is valid 1 hour. */
export const siteTopUpOrder = (fields: { code: string; amount: Money; phone: string; topUpPhone: string; channel: Channel; now: number }): Order =>
  newOrder({ code: fields.code, codeAmount: fields.amount, phone: fields.phone, issuedAt: fields.now, region: 'RU', channel: fields.channel, topUpPhone: fields.topUpPhone });
