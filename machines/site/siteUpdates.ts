/**
 * The site machine's context updates and actors' inputs as plain functions of its context
 * (machines/site.ts names them in its `setup()`): what a typed digit or an answer changes.
 */
import { cartTotal } from '../../src/domain/orders/catalog.js';
import type { OrderAction } from '../../src/domain/orders/orderLife.js';
import { PHONE_DIGITS, toE164 } from '../../src/domain/mobile/phone.js';
import { typeDigits } from '../terminal/kioskContext.js';
import { orderPhoneComplete, siteButtons, typedRefund } from './siteButtons.js';
import type { ChangeOrderInput, PlaceCashOrderInput, PlacedOrder, SiteContext, SiteEvent } from './siteContext.js';
import type { RequestMobileInput } from './mobileButtons.js';
import { topUpAmount, type PlaceTopUpInput, type PlaceTopUpOutput } from './topUpButtons.js';
import type { MobilePayment } from '../../src/domain/mobile/mobilePayment.js';

/** Rubles of a partial refund: at most eight digits (more than any order the site sells). */
const REFUND_DIGITS = 8;

/** The store action a button on an order's page asks for (R-PROT-1, R-PROT-2). */
function buyerAction(context: SiteContext, event: SiteEvent): OrderAction {
  if (event.type !== 'site.resolve') return { kind: 'confirm' };
  // Stryker disable next-line StringLiteral: equivalent, because resolutionFits lets a partial refund through only with an amount typed
  if (event.outcome === 'partial') return { kind: 'dispute', outcome: { kind: 'partial', amount: typedRefund(context.refundDigits) ?? '0.00' } };
  return { kind: 'dispute', outcome: { kind: event.outcome } };
}

/** A complete phone (typed, or the session's): Next is what comes next, so Enter goes on rather than erasing. */
export const focusNextWhenComplete = (context: SiteContext): { focus?: number } =>
  orderPhoneComplete(context) ? { focus: Math.max(0, siteButtons('checkout', context).findIndex((b) => b.id === 'next')) } : {};

/** The order's phone: ten digits from 9, as on every phone field (a first digit other than 9 erases it). */
export function typePhone(context: SiteContext, text: string): Partial<SiteContext> {
  const { digits, notice } = typeDigits(context.phoneDigits, text, PHONE_DIGITS);
  const firstNotNine = digits.length > 0 && digits[0] !== '9';
  const phoneDigits = firstNotNine ? '' : digits;
  return { phoneDigits, notice: firstNotNine ? 'hint.phoneStartsWith9' : notice, ...focusNextWhenComplete({ ...context, phoneDigits }) };
}

/** A partial refund in whole rubles, without leading zeros (R-PROT-2). */
export function typeRefund(context: SiteContext, text: string): Partial<SiteContext> {
  const { digits, notice } = typeDigits(context.refundDigits, text, REFUND_DIGITS);
  return { refundDigits: digits.replace(/^0+/, ''), notice };
}

/** The paying phone of a mobile payment: ten digits from 9. */
export function typeMobilePhone(context: SiteContext, text: string): Partial<SiteContext> {
  const { digits, notice } = typeDigits(context.mobile.digits, text, PHONE_DIGITS);
  const fromNine = digits[0] === '9' || digits === '';
  return { mobile: { ...context.mobile, digits: fromNine ? digits : '' }, notice: fromNine ? notice : 'hint.phoneStartsWith9' };
}

export const cashOrderInput = (context: SiteContext): PlaceCashOrderInput =>
  ({ phone: toE164(context.phoneDigits), amount: cartTotal(context.cart), country: context.country, channel: context.channel });

export const changeOrderInput = (context: SiteContext, event: SiteEvent): ChangeOrderInput =>
  // Stryker disable next-line StringLiteral: equivalent, because an order's page is open only with an order selected from the session phone's list
  ({ code: context.selected ?? '', action: buyerAction(context, event), phone: context.sessionPhone ?? '' });

export const mobileRequestInput = (context: SiteContext): RequestMobileInput => ({
  code: context.mobile.code, amount: context.mobile.amount, orderPhone: toE164(context.phoneDigits), country: context.country,
  channel: context.channel, phone: toE164(context.mobile.digits), operator: context.mobile.operator ?? 'mts',
});

export const topUpInput = (context: SiteContext): PlaceTopUpInput => ({
  // Stryker disable next-line StringLiteral: equivalent, because topUpComplete lets Place through only with an amount typed
  phone: toE164(context.topUp.digits), amount: topUpAmount(context.topUp) ?? '0.00', channel: context.channel,
  // the code goes to the session's phone when there is one, else to the phone topped up
  orderPhone: context.sessionPhone ?? toE164(context.topUp.digits),
});

/** An order placed or renewed: its code page, the session's phone, the SMS kept; the cart emptied. */
export const keepPlaced = (context: SiteContext, placed: PlacedOrder): Partial<SiteContext> =>
  ({ placed, sessionPhone: placed.order.phone, sms: [...context.sms, placed.sms], cart: [], now: context.clock.now() });

/** The mobile payment's order and the store's latest word on it; the cart emptied. */
export const keepMobile = (context: SiteContext, code: string, payment: MobilePayment): Partial<SiteContext> =>
  ({ mobile: { ...context.mobile, code, payment }, cart: [], now: context.clock.now() });

/** A top-up refused over the month's allowance (R-MOB-10) stays on its form with the reason. */
export const keepTopUpRefusal = (context: SiteContext, output: PlaceTopUpOutput): Partial<SiteContext> =>
  (output.kind === 'refused' ? { topUp: { ...context.topUp, refusal: output.refusal }, now: context.clock.now() } : {});
