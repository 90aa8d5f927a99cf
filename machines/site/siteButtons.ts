/** The buttons of each site page. Labels are i18n keys; what is not offered is disabled with its reason. */
import { cashRefusal, COUNTRIES, PRODUCTS, type CartLine, type Channel, type Country } from '../../src/domain/orders/catalog.js';
import { isExpired, type Order } from '../../src/domain/orders/orders.js';
import { isValidPhoneDigits } from '../../src/domain/mobile/phone.js';
import type { KioskRules } from '../../src/domain/rules.js';
import type { Button } from '../buttons.js';
import { mobileButtons, type MobileButtonEvent, type MobileScreen, type SiteMobile } from './mobileButtons.js';

export type SiteScreen = 'catalog' | 'cart' | 'checkout' | 'payment' | 'methods' | 'code' | 'orders' | 'failed' | MobileScreen;

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
  | { type: 'site.renew'; code: string }
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
  now: number;
  rules: KioskRules;
  mobile: SiteMobile;
}

const button = (id: string, label: string, event: SiteButtonEvent, hotkey?: string): SiteButton =>
  hotkey === undefined ? { id, label, event, enabled: true } : { id, label, event, hotkey, enabled: true };
const disabled = (b: SiteButton, whyDisabled: string): SiteButton => ({ ...b, enabled: false, whyDisabled });
const back = () => button('back', 'button.back', { type: 'nav.back' }, 'esc');

/** The order's phone is complete: ten digits from 9, as on the terminal. */
export const orderPhoneComplete = (facts: Pick<SiteButtonFacts, 'phoneDigits'>): boolean => isValidPhoneDigits(facts.phoneDigits);

export const nextCountry = (country: Country): Country => COUNTRIES[(COUNTRIES.indexOf(country) + 1) % COUNTRIES.length] ?? 'RU';

/** The id of an order's row on "My orders": pressing an expired one places it again (R-CODE-2). */
export const orderButtonId = (code: string): string => `order-${code}`;

export function siteButtons(screen: SiteScreen, facts: SiteButtonFacts): SiteButton[] {
  switch (screen) {
    case 'catalog': {
      const cart = button('cart', 'site.button.cart', { type: 'site.openCart' }, 'c');
      return [
        ...PRODUCTS.map((p, i) => button(p.id, p.name, { type: 'site.addToCart', productId: p.id }, String(i + 1))),
        facts.cart.length > 0 ? cart : disabled(cart, 'site.notice.cartEmpty'),
        button('orders', 'site.button.orders', { type: 'site.openOrders' }, 'o'),
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
      return [
        ...facts.orders.map((o) => {
          const row = button(orderButtonId(o.code), 'site.button.renew', { type: 'site.renew', code: o.code });
          if (!isExpired(o, facts.now, facts.rules)) return disabled(row, 'site.notice.notExpired');
          // a new code is a cash code: the app issues none (R-CODE-3)
          const refusal = cashRefusal(o.region, facts.channel, facts.rules);
          return refusal ? disabled(row, refusal) : row;
        }),
        back(),
      ];
    case 'failed':
      return [button('shop', 'site.button.shop', { type: 'site.shop' }, 's')];
    default:
      return mobileButtons(screen, facts.mobile);
  }
}
