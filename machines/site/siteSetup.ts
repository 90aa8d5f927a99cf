/**
 * The site's setup: its types, named actors (unprovided here; src/adapters/siteActors.ts provides
 * them), delays, guards and actions. machines/site.ts builds the machine from it
 * (`siteSetup.createMachine`) and its header holds the state/event table.
 */
import { assign, emit, enqueueActions, fromPromise, setup } from 'xstate';
import { addToCart, cartTotal, type Channel, type CodeSms } from '../../src/domain/orders/catalog.js';
import type { Order } from '../../src/domain/orders/orders.js';
import { moveFocus, resolveNav } from '../buttons.js';
import type { IO_TAG } from '../settled.js';
import { nextCountry, orderPhoneComplete, partialRefundFits, siteButtons, type SiteScreen } from './siteButtons.js';
import { errorText, type ChangeOrderInput, type PlaceCashOrderInput, type PlacedOrder, type SiteContext, type SiteEmitted, type SiteEvent, type SiteInput } from './siteContext.js';
import { focusNextWhenComplete, keepMobile, keepPlaced, keepTopUpRefusal, typeMobilePhone, typePhone, typeRefund } from './siteUpdates.js';
import { mobileAnswered, mobilePhoneComplete, type MobileRequested, type RequestMobileInput } from './mobileButtons.js';
import type { MobilePayment } from '../../src/domain/mobile/mobilePayment.js';
import { eraseTopUp, noTopUp, topUpComplete, typeTopUp, type PlaceTopUpInput, type PlaceTopUpOutput } from './topUpButtons.js';

const unprovided = (name: string) => () => Promise.reject(new Error(`the site's "${name}" actor was not provided`));

const facts = (context: SiteContext) => context;

export const siteSetup = setup({
  types: {
    context: {} as SiteContext,
    events: {} as SiteEvent,
    input: {} as SiteInput,
    emitted: {} as SiteEmitted,
    tags: {} as typeof IO_TAG,
  },
  actors: {
    placeCashOrder: fromPromise<PlacedOrder, PlaceCashOrderInput>(unprovided('placeCashOrder')),
    renewOrder: fromPromise<PlacedOrder, { code: string; channel: Channel }>(unprovided('renewOrder')),
    listOrders: fromPromise<Order[], { phone: string }>(unprovided('listOrders')),
    /** writes the buyer's action and answers the phone's orders after it */
    changeOrder: fromPromise<Order[], ChangeOrderInput>(unprovided('changeOrder')),
    requestMobile: fromPromise<MobileRequested, RequestMobileInput>(unprovided('requestMobile')),
    checkMobile: fromPromise<MobilePayment, { id: string }>(unprovided('checkMobile')),
    placeTopUp: fromPromise<PlaceTopUpOutput, PlaceTopUpInput>(unprovided('placeTopUp')),
  },
  delays: { second: 1000 },
  guards: {
    phoneComplete: ({ context }) => orderPhoneComplete(context),
    hostTicks: ({ context }) => context.hostTicks,
    resolutionFits: ({ context, event }) => event.type === 'site.resolve' && (event.outcome !== 'partial' || partialRefundFits(context)),
    mobilePhoneComplete: ({ context }) => mobilePhoneComplete(context.mobile),
    mobileAnswered: ({ context }) => mobileAnswered(context.mobile),
    topUpComplete: ({ context }) => topUpComplete(context.topUp),
    topUpRefused: (_, params: { output: PlaceTopUpOutput }) => params.output.kind === 'refused',
  },
  actions: {
    readClock: assign(({ context }) => ({ now: context.clock.now() })),
    resetFocus: assign({ focus: 0, notice: null }),
    moveFocus: assign(({ context, event }, params: { screen: SiteScreen }) => {
      if (event.type !== 'nav.move') return {};
      const count = siteButtons(params.screen, facts(context)).length;
      return { focus: moveFocus(context.focus, count, 1, event.dir), notice: null };
    }),
    pressButton: enqueueActions(({ context, event, enqueue }, params: { screen: SiteScreen }) => {
      if (event.type !== 'nav.activate' && event.type !== 'nav.press') return;
      const resolved = resolveNav(siteButtons(params.screen, facts(context)), context.focus, event);
      if (resolved?.enabled) enqueue.raise(resolved.event);
      // a press on what is not offered says why (R-CODE-3, R-CODE-4, cards, mobile payment)
      else if (resolved?.whyDisabled) enqueue.assign({ notice: resolved.whyDisabled });
    }),
    addToCart: assign(({ context, event }) => (event.type === 'site.addToCart' ? { cart: addToCart(context.cart, event.productId), notice: 'site.notice.added' } : {})),
    clearCart: assign({ cart: [] }),
    toggleVersion: assign(({ context }) => ({ channel: context.channel === 'pc' ? ('app' as const) : ('pc' as const), notice: null })),
    openPc: assign({ channel: 'pc' as const, focus: 0, notice: null }),
    cycleCountry: assign(({ context }) => ({ country: nextCountry(context.country), notice: null })),
    typePhone: assign(({ context, event }) => (event.type === 'input.text' ? typePhone(context, event.text) : {})),
    /** A complete phone (typed, or the session's): Next is what comes next, so Enter goes on rather than erasing. */
    focusNext: assign(({ context }) => focusNextWhenComplete(context)),
    erasePhone: assign(({ context }) => ({ phoneDigits: context.phoneDigits.slice(0, -1), notice: null })),
    clearPhone: assign({ phoneDigits: '', notice: null }),
    keepPlaced: assign(({ context }, params: { placed: PlacedOrder }) => keepPlaced(context, params.placed)),
    /** Tells the host an SMS went out. Emitted by default, so the site runs alone; a host may provide `sendParent` instead. */
    announceSms: emit((_, params: { sms: CodeSms }) => ({ type: 'site.smsSent' as const, sms: params.sms })),
    keepOrders: assign(({ context }, params: { orders: Order[] }) => ({ orders: params.orders, now: context.clock.now() })),
    selectOrder: assign(({ event }) => (event.type === 'site.openOrder' ? { selected: event.code } : {})),
    typeRefund: assign(({ context, event }) => (event.type === 'input.text' ? typeRefund(context, event.text) : {})),
    eraseRefund: assign(({ context }) => ({ refundDigits: context.refundDigits.slice(0, -1), notice: null })),
    clearRefund: assign({ refundDigits: '' }),
    keepFault: assign((_, params: { error: unknown }) => ({ fault: errorText(params.error) })),
    setLang: assign(({ event }) => (event.type === 'site.lang' ? { lang: event.lang } : {})),
    startMobile: assign(({ context }) => ({ mobile: { amount: cartTotal(context.cart), operator: null, digits: context.phoneDigits, code: null, payment: null } })),
    pickOperator: assign(({ context, event }) => (event.type === 'site.mobileOperator' ? { mobile: { ...context.mobile, operator: event.operator } } : {})),
    typeMobilePhone: assign(({ context, event }) => (event.type === 'input.text' ? typeMobilePhone(context, event.text) : {})),
    eraseMobilePhone: assign(({ context }) => ({ mobile: { ...context.mobile, digits: context.mobile.digits.slice(0, -1) }, notice: null })),
    keepMobile: assign(({ context }, params: { code: string; payment: MobilePayment }) => keepMobile(context, params.code, params.payment)),
    startTopUp: assign({ topUp: noTopUp() }),
    typeTopUp: assign(({ context, event }) => (event.type === 'input.text' ? typeTopUp(context.topUp, event.text) : {})),
    eraseTopUp: assign(({ context }) => ({ topUp: eraseTopUp(context.topUp), notice: null })),
    keepTopUpRefusal: assign(({ context }, params: { output: PlaceTopUpOutput }) => keepTopUpRefusal(context, params.output)),
  },
});
