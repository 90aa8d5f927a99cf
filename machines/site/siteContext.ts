/** The site machine's input, context and events (machines/site.ts runs them). */
import type { CartLine, Channel, CodeSms, Country } from '../../src/domain/orders/catalog.js';
import type { Lang, Money } from '../../src/domain/money.js';
import type { Order } from '../../src/domain/orders/orders.js';
import type { OrderAction } from '../../src/domain/orders/orderLife.js';
import { DEFAULT_RULES, type KioskRules } from '../../src/domain/rules.js';
import type { NavEvent } from '../buttons.js';
import type { SiteButtonEvent } from './siteButtons.js';
import { noMobile, type SiteMobile } from './mobileButtons.js';
import { noTopUp, type SiteTopUpForm } from './topUpButtons.js';

/** Anything that tells the time: the world's clock (real, or XState's SimulatedClock in tests and tapes). */
export interface SiteClock {
  now(): number;
}

export interface SiteInput {
  /** the program's clock: the site reads the time from it only, on its own delays and actors' answers */
  clock: SiteClock;
  lang?: Lang;
  rules?: KioskRules;
  /** the phone in the customer's hand (E.164): "My orders" lists its orders, checkout starts with it */
  phone?: string | null;
  channel?: Channel;
  /** the host sends `clock.tick` whenever the time shown should move (the world does), so the site arms no timer */
  hostTicks?: boolean;
}

/** What placing or renewing an order answers: the order as stored and the SMS that carries its code. */
export interface PlacedOrder {
  order: Order;
  sms: CodeSms;
}

/** What the buyer does to an order on its page (R-PROT-1, R-PROT-2); the answer is the phone's orders after it. */
export interface ChangeOrderInput {
  code: string;
  action: OrderAction;
  phone: string;
}

export interface PlaceCashOrderInput {
  phone: string;
  amount: Money;
  country: Country;
  channel: Channel;
}

export interface SiteContext {
  clock: SiteClock;
  /** the program's time when last read (on every tick of the countdown and every answer) */
  now: number;
  lang: Lang;
  rules: KioskRules;
  channel: Channel;
  /** the countdown moves on the host's `clock.tick`, not on a timer of the site's own */
  hostTicks: boolean;
  focus: number;
  /** i18n key of a one-line notice, cleared by the next key */
  notice: string | null;
  cart: CartLine[];
  country: Country;
  /** the order's phone as typed: ten digits from 9 (src/domain/mobile/phone.ts) */
  phoneDigits: string;
  /** the session's phone: the last order's, or the input's; "My orders" lists its orders */
  sessionPhone: string | null;
  /** the order whose code page shows */
  placed: PlacedOrder | null;
  orders: Order[];
  /** the order whose page is open (its code), from My orders */
  selected: string | null;
  /** a partial refund's amount as typed on the dispute page: whole rubles (R-PROT-2) */
  refundDigits: string;
  /** every SMS the site sent, oldest first (also emitted as `site.smsSent`) */
  sms: CodeSms[];
  /** why the store could not do what was asked */
  fault: string | null;
  /** the mobile payment under way (issue 13) */
  mobile: SiteMobile;
  /** the phone top-up being ordered (R-MOB-10) */
  topUp: SiteTopUpForm;
}

export type SiteEvent =
  | SiteButtonEvent
  | NavEvent
  | { type: 'input.text'; text: string }
  | { type: 'input.backspace' }
  | { type: 'input.clear' }
  | { type: 'nav.back' }
  | { type: 'site.lang'; lang: Lang }
  | { type: 'clock.tick' };

/** What the site emits for its host (the world puts the SMS on the phone). */
export type SiteEmitted = { type: 'site.smsSent'; sms: CodeSms };

export const initialSiteContext = (input: SiteInput): SiteContext => {
  const sessionPhone = input.phone ?? null;
  return {
    clock: input.clock,
    now: input.clock.now(),
    lang: input.lang ?? 'ru',
    rules: input.rules ?? DEFAULT_RULES,
    channel: input.channel ?? 'pc',
    hostTicks: input.hostTicks ?? false,
    focus: 0,
    notice: null,
    cart: [],
    country: 'RU',
    // Stryker disable next-line Regex: equivalent, because a phone has one `+` at most, at its start, so `+7` unanchored matches only there too
    phoneDigits: sessionPhone ? sessionPhone.replace(/^\+7/, '') : '',
    sessionPhone,
    placed: null,
    orders: [],
    selected: null,
    refundDigits: '',
    sms: [],
    fault: null,
    mobile: noMobile(),
    topUp: noTopUp(),
  };
};

export { errorText } from '../../src/domain/errorText.js';
