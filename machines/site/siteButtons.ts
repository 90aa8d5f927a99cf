/** The buttons of each site page. Labels are i18n keys; what is not offered is disabled with its reason. */
import { cashRefusal, COUNTRIES, PRODUCTS, type CartLine, type Channel, type Country } from '../../src/domain/orders/catalog.js';
import { isExpired, type Order } from '../../src/domain/orders/orders.js';
import { orderAt, refundable } from '../../src/domain/orders/orderLife.js';
import { cmp, isPositive, type Money } from '../../src/domain/money.js';
import { isValidPhoneDigits } from '../../src/domain/mobile/phone.js';
import type { KioskRules } from '../../src/domain/rules.js';
import type { Button } from '../buttons.js';
import { mobileButtons, type MobileButtonEvent, type MobileScreen, type SiteMobile } from './mobileButtons.js';
import { topUpButtons, type SiteTopUpForm, type TopUpButtonEvent, type TopUpScreen } from './topUpButtons.js';

export type SiteScreen = 'catalog' | 'cart' | 'checkout' | 'payment' | 'methods' | 'code' | 'orders' | 'order' | 'dispute' | 'failed' | MobileScreen | TopUpScreen;

/** How a dispute ends (R-PROT-2): the partial amount is the one typed on the page. */
export type DisputeChoice = 'full' | 'partial' | 'reshipment';

export type SiteButtonEvent =
  | { type: 'site.addToCart'; productId: string }
  | { type: 'site.openCart' }
  | { type: 'site.openOrders' }
  | { type: 'site.toggleVersion' }
  | { type: 'site.openPc' }
  | { type: 'site.clearCart' }
  | { type: 'site.buyNow' }
  | { type: 'site.country' }
  | { type: 'site.toPayment' }
  | { type: 'site.otherMethods' }
  | { type: 'site.payCash' }
  | { type: 'site.payMobile' }
  | MobileButtonEvent
  | TopUpButtonEvent
  | { type: 'site.topUp' }
  | { type: 'site.renew'; code: string }
  | { type: 'site.openOrder'; code: string }
  | { type: 'site.confirm' }
  | { type: 'site.dispute' }
  | { type: 'site.resolve'; outcome: DisputeChoice }
  | { type: 'site.shop' }
  | { type: 'nav.back' }
  | { type: 'input.backspace' };

export type SiteButton = Button<SiteButtonEvent>;

export interface SiteButtonFacts {
  cart: readonly CartLine[];
  channel: Channel;
  country: Country;
  phoneDigits: string;
  orders: readonly Order[];
  /** the order whose page is open */
  selected: string | null;
  /** the partial refund typed on the dispute page, whole rubles */
  refundDigits: string;
  now: number;
  rules: KioskRules;
  mobile: SiteMobile;
  topUp: SiteTopUpForm;
}

const button = (id: string, label: string, event: SiteButtonEvent, hotkey?: string): SiteButton =>
  // Stryker disable next-line ConditionalExpression: equivalent, because `false` only adds `hotkey: undefined`, which every reader (keys, screens, JSON) takes as no hotkey
  hotkey === undefined ? { id, label, event, enabled: true } : { id, label, event, hotkey, enabled: true };
const disabled = (b: SiteButton, whyDisabled: string): SiteButton => ({ ...b, enabled: false, whyDisabled });
const back = () => button('back', 'button.back', { type: 'nav.back' }, 'esc');

/** The order's phone is complete: ten digits from 9, as on the terminal. */
export const orderPhoneComplete = (facts: Pick<SiteButtonFacts, 'phoneDigits'>): boolean => isValidPhoneDigits(facts.phoneDigits);

// Stryker disable next-line StringLiteral: equivalent, because the index is always within COUNTRIES (a country of the list, + 1, modulo its length), so the fallback is never taken
export const nextCountry = (country: Country): Country => COUNTRIES[(COUNTRIES.indexOf(country) + 1) % COUNTRIES.length] ?? 'RU';

/** The id of an order's row on "My orders": pressing it opens the order's page. */
export const orderButtonId = (code: string): string => `order-${code}`;

export const selectedOrder = (facts: Pick<SiteButtonFacts, 'orders' | 'selected'>): Order | undefined => facts.orders.find((o) => o.code === facts.selected);

/** The partial refund typed, as money: whole rubles; null when nothing is typed. */
export const typedRefund = (digits: string): Money | null => (digits === '' ? null : `${String(Number(digits))}.00`);

/** R-PROT-2: a partial refund is more than nothing and at most what was paid and not yet given back. */
export function partialRefundFits(facts: Pick<SiteButtonFacts, 'orders' | 'selected' | 'refundDigits'>): boolean {
  const order = selectedOrder(facts);
  const amount = typedRefund(facts.refundDigits);
  return !!order && amount !== null && isPositive(amount) && cmp(amount, refundable(order)) <= 0;
}

/** The buyer's actions on an order's page, by where the order is: only what fits is offered. */
function orderPageButtons(facts: SiteButtonFacts): SiteButton[] {
  const selected = selectedOrder(facts);
  if (!selected) return [back()];
  // after its protection period a delivered order is released: nothing left to confirm or dispute (R-PROT-1)
  const order = orderAt(selected, facts.now, facts.rules);
  const buttons: SiteButton[] = [];
  if (isExpired(order, facts.now, facts.rules) && !order.renewedAs && order.stage === 'placed') {
    const renew = button('renew', 'site.button.renew', { type: 'site.renew', code: order.code }, 'r');
    // a new code is a cash code: the app issues none (R-CODE-3)
    const refusal = cashRefusal(order.region, facts.channel, facts.rules);
    buttons.push(refusal ? disabled(renew, refusal) : renew);
  }
  // R-PROT-1: the money reaches the seller only once the buyer confirms delivery
  if (order.stage === 'delivered') buttons.push(button('confirm', 'site.button.confirm', { type: 'site.confirm' }, 'c'));
  // R-PROT-2: a dispute is opened on goods sent (shipped or delivered), or ended if one is open
  if (['shipped', 'delivered', 'disputed'].includes(order.stage)) buttons.push(button('dispute', 'site.button.dispute', { type: 'site.dispute' }, 'd'));
  return [...buttons, back()];
}

function disputeButtons(facts: SiteButtonFacts): SiteButton[] {
  const partial = button('partial', 'site.button.refundPartial', { type: 'site.resolve', outcome: 'partial' }, 'p');
  return [
    button('full', 'site.button.refundFull', { type: 'site.resolve', outcome: 'full' }, 'f'),
    partialRefundFits(facts) ? partial : disabled(partial, 'site.notice.partialAmount'),
    button('reshipment', 'site.button.reshipment', { type: 'site.resolve', outcome: 'reshipment' }, 'r'),
    back(),
  ];
}

export function siteButtons(screen: SiteScreen, facts: SiteButtonFacts): SiteButton[] {
  switch (screen) {
    case 'catalog': {
      const cart = button('cart', 'site.button.cart', { type: 'site.openCart' }, 'c');
      return [
        ...PRODUCTS.map((p, i) => button(p.id, p.name, { type: 'site.addToCart', productId: p.id }, String(i + 1))),
        facts.cart.length > 0 ? cart : disabled(cart, 'site.notice.cartEmpty'),
        button('orders', 'site.button.orders', { type: 'site.openOrders' }, 'o'),
        // R-MOB-10: a phone top-up is a product of its own, in the PC version and the app
        button('topUp', 'site.button.topUp', { type: 'site.topUp' }, 't'),
        button('version', facts.channel === 'pc' ? 'site.button.toApp' : 'site.button.toPc', { type: 'site.toggleVersion' }, 'v'),
      ];
    }
    case 'cart':
      return [button('buy', 'site.button.buyNow', { type: 'site.buyNow' }, 'b'), button('clear', 'site.button.clearCart', { type: 'site.clearCart' }, 'x'), back()];
    case 'checkout': {
      const next = button('next', 'button.next', { type: 'site.toPayment' });
      return [
        button('backspace', 'button.backspace', { type: 'input.backspace' }, 'backspace'),
        button('country', 'site.button.country', { type: 'site.country' }, 'tab'),
        back(),
        orderPhoneComplete(facts) ? next : disabled(next, 'notice.phoneIncomplete'),
      ];
    }
    case 'payment':
      return [
        disabled(button('card', 'site.button.payCard', { type: 'site.toPayment' }), 'site.card.outside'),
        button('other', 'site.button.otherMethods', { type: 'site.otherMethods' }, 'm'),
        back(),
      ];
    case 'methods': {
      const refusal = cashRefusal(facts.country, facts.channel, facts.rules);
      const cash = button('cash', 'site.button.cash', { type: 'site.payCash' }, 'c');
      // only residents of Russia pay from a phone balance, as in cash (the source: "только жители РФ")
      const mobile = facts.country === 'RU' ? button('mobile', 'site.button.mobile', { type: 'site.payMobile' }, 'm') : disabled(button('mobile', 'site.button.mobile', { type: 'site.payMobile' }, 'm'), 'site.mobile.country');
      // in the app neither is offered (R-CODE-3, R-MOB-1): the page points to the PC version instead
      if (facts.channel === 'app') return [button('openPc', 'site.button.openPc', { type: 'site.openPc' }, 'v'), back()];
      return [refusal ? disabled(cash, refusal) : cash, mobile, back()];
    }
    case 'code':
      return [button('orders', 'site.button.orders', { type: 'site.openOrders' }, 'o'), button('shop', 'site.button.shop', { type: 'site.shop' }, 's')];
    case 'orders':
      return [...facts.orders.map((o) => button(orderButtonId(o.code), 'site.button.openOrder', { type: 'site.openOrder', code: o.code })), back()];
    case 'order':
      return orderPageButtons(facts);
    case 'dispute':
      return disputeButtons(facts);
    case 'failed':
      return [button('shop', 'site.button.shop', { type: 'site.shop' }, 's')];
    case 'topUp':
      return topUpButtons(facts.topUp);
    default:
      return mobileButtons(screen, facts.mobile);
  }
}
