/**
 * What the site shows now, from its snapshot: the page, its buttons and focus, and every value a
 * page prints, computed here (countdowns, totals, statuses) so the screens only draw. The world's
 * view (src/app/view.ts) can carry this as its site part.
 */
import type { SnapshotFrom } from 'xstate';
import { cartCount, cartTotal, cashRefusal, overTerminalCap, PAY_PLACES, PRODUCTS, productOf, siteStatusOf, type Channel, type CodeSms, type Country, type Product } from '../../src/domain/orders/catalog.js';
import { codeValidityOf, type Order } from '../../src/domain/orders/orders.js';
import { maskPhone } from '../../src/domain/mobile/phone.js';
import type { Lang, Money } from '../../src/domain/money.js';
import type { KioskRules } from '../../src/domain/rules.js';
import type { siteMachine } from '../site.js';
import { mobileViewOf, type SiteMobileView } from './mobileView.js';
import { topUpAmount, type TopUpRefusal } from './topUpButtons.js';
import { SITE_TOPUP_RULES } from '../../src/domain/mobile/siteTopUp.js';
import { selectedOrder, siteButtons, typedRefund, type SiteButton, type SiteScreen } from './siteButtons.js';
import { refundable, settlesAt } from '../../src/domain/orders/orderLife.js';
import { orderTimeline, type TimelineEntry } from '../../src/domain/orders/orderTimeline.js';

export type SitePage = SiteScreen | 'placing' | 'loadingOrders' | 'renewing' | 'changing' | 'mobileSending' | 'mobileChecking' | 'placingTopUp';

/** How keys are read on this page: typing the phone, buttons, or nothing while the store answers. */
export type SiteInputMode = 'digits' | 'buttons' | 'busy';

export interface SiteOrderRow {
  code: string;
  /** the order's price now (it may have risen since the code, R-CODE-5) */
  amount: Money;
  /** key of SITE_STATUS_LABELS: awaiting, expired, partially_paid, paid, … */
  status: string;
  owed: Money;
  expiresAt: number;
  /** when the cash paid at a terminal is credited (R-CODE-6); null when nothing is processing */
  settlesAt: number | null;
  /** money given back to the order's phone (R-CODE-7, R-PROT-2) */
  refunded: Money;
}

/** An order's page: its row, its history (each change with its time and why), and the dispute's amounts. */
export interface SiteOrderPage {
  row: SiteOrderRow;
  history: TimelineEntry[];
  /** what a refund can give back at most (R-PROT-2) */
  refundable: Money;
  /** the partial refund typed on the dispute page; null when nothing is typed */
  refundTyped: Money | null;
}

export interface SiteView {
  page: SitePage;
  mode: SiteInputMode;
  lang: Lang;
  channel: Channel;
  now: number;
  rules: KioskRules;
  buttons: SiteButton[];
  focus: number;
  notice: string | null;
  products: readonly Product[];
  cart: { name: string; quantity: number; price: Money }[];
  cartCount: number;
  total: Money;
  country: Country;
  phoneMasked: string;
  /** i18n key of why Cash is not offered (R-CODE-3, R-CODE-4); null when it is */
  cashRefusal: string | null;
  /** i18n key of what the methods page says about Cash: use the PC version (app), or why not (country) */
  methodsReason: string | null;
  placed: { code: string; amount: Money; phone: string; expiresAt: number; remainingMs: number; overCap: boolean } | null;
  payPlaces: readonly string[];
  orders: SiteOrderRow[];
  /** the open order's page (pages `order` and `dispute`) */
  order: SiteOrderPage | null;
  sessionPhone: string | null;
  sms: CodeSms[];
  fault: string | null;
  mobile: SiteMobileView;
  /** R-MOB-10: the phone top-up page */
  topUp: { phoneMasked: string; amount: Money | null; refusal: TopUpRefusal | null; payWithinMinutes: number; monthlyLimit: Money };
}

const IO_PAGES: readonly SitePage[] = ['placing', 'loadingOrders', 'renewing', 'changing', 'mobileSending', 'mobileChecking', 'placingTopUp'];
/** Pages where digits are typed into a field rather than pressing buttons. */
const DIGIT_PAGES: readonly SitePage[] = ['checkout', 'dispute', 'mobilePhone', 'topUp'];

const orderRow = (order: Order, now: number, rules: KioskRules): SiteOrderRow => ({
  code: order.code,
  amount: order.price,
  status: siteStatusOf(order, now, rules),
  owed: order.owed,
  expiresAt: order.issuedAt + codeValidityOf(order, rules),
  settlesAt: settlesAt(order, now),
  refunded: order.refunded,
});

function orderPage(c: SnapshotFrom<typeof siteMachine>['context']): SiteOrderPage | null {
  const order = selectedOrder(c);
  if (!order) return null;
  return { row: orderRow(order, c.now, c.rules), history: orderTimeline(order, c.now, c.rules), refundable: refundable(order), refundTyped: typedRefund(c.refundDigits) };
}

export function siteViewOf(snapshot: SnapshotFrom<typeof siteMachine>): SiteView {
  const c = snapshot.context;
  const page = (snapshot.value as { page: SitePage }).page;
  const busy = IO_PAGES.includes(page);
  const refusal = cashRefusal(c.country, c.channel, c.rules);
  const methodsReason = c.channel === 'app' ? 'site.app.usePc' : refusal;
  const placed = c.placed
    ? {
        code: c.placed.order.code,
        amount: c.placed.order.codeAmount,
        phone: c.placed.order.phone,
        expiresAt: c.placed.sms.expiresAt,
        remainingMs: Math.max(0, c.placed.sms.expiresAt - c.now),
        overCap: overTerminalCap(c.placed.order.codeAmount, c.rules),
      }
    : null;
  return {
    page,
    mode: busy ? 'busy' : DIGIT_PAGES.includes(page) ? 'digits' : 'buttons',
    lang: c.lang,
    channel: c.channel,
    now: c.now,
    rules: c.rules,
    buttons: busy ? [] : siteButtons(page as SiteScreen, c),
    focus: c.focus,
    // a notice the page already states in full is not said twice
    notice: page === 'methods' && c.notice === methodsReason ? null : c.notice,
    products: PRODUCTS,
    // Stryker disable next-line StringLiteral: equivalent, because a cart line is only ever added from a product's button (PRODUCTS), so productOf always finds it
    cart: c.cart.map((l) => ({ name: productOf(l.productId)?.name ?? l.productId, quantity: l.quantity, price: productOf(l.productId)?.price ?? '0.00' })),
    cartCount: cartCount(c.cart),
    total: cartTotal(c.cart),
    country: c.country,
    phoneMasked: maskPhone(c.phoneDigits),
    cashRefusal: refusal,
    methodsReason,
    placed,
    payPlaces: PAY_PLACES,
    orders: c.orders.map((o) => orderRow(o, c.now, c.rules)),
    order: orderPage(c),
    sessionPhone: c.sessionPhone,
    sms: c.sms,
    fault: c.fault,
    mobile: mobileViewOf(c.mobile, c.rules),
    topUp: {
      phoneMasked: maskPhone(c.topUp.digits),
      amount: topUpAmount(c.topUp),
      refusal: c.topUp.refusal,
      payWithinMinutes: Math.round(SITE_TOPUP_RULES.payWithinMs / 60_000),
      monthlyLimit: SITE_TOPUP_RULES.monthlyLimit,
    },
  };
}
