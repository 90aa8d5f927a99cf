/**
 * The AliExpress site, desktop version by default (issue 11, "The site"): products and a cart, Buy
 * now → checkout (delivery country, the order's phone) → payment page (card form, Other payment
 * methods) → Cash places the order, whose code goes by SMS to the order's phone (R-CODE-1, 3, 4);
 * "My orders" lists the session phone's orders; an order's page shows its status and history and
 * offers what fits it: place an expired one again (R-CODE-2), confirm receipt (R-PROT-1), open a
 * dispute ending in a full or partial refund or a reshipment (R-PROT-2).
 * The store is reached only through the named actors of ./site/siteSetup.ts (unprovided there; src/adapters/siteActors.ts
 * provides them). Time comes only from the injected clock, read on the `second` delay and on answers.
 * Each SMS sent is kept in `context.sms` and announced as `site.smsSent` for the host to deliver: emitted
 * by default (`actor.on`), or sent to the parent when the host provides the `announceSms` action.
 *
 * | region | state          | events                                          | goes to                          |
 * |--------|----------------|-------------------------------------------------|----------------------------------|
 * | page   | catalog        | site.addToCart · site.openCart · site.openOrders · site.toggleVersion | catalog · cart · loadingOrders |
 * | page   | cart           | site.buyNow · site.clearCart (→ catalog) · nav.back | checkout · catalog           |
 * | page   | checkout       | input.* (phone) · site.country · site.toPayment · nav.back | payment · cart        |
 * | page   | payment        | site.otherMethods · nav.back                    | methods · checkout               |
 * | page   | methods        | site.payCash (PC, cash country) · site.openPc (app) · nav.back | placing · methods · payment |
 * | page   | placing (io)   | (placeCashOrder done / error)                   | code · failed                    |
 * | page   | code           | site.openOrders · site.shop · nav.back          | loadingOrders · catalog          |
 * | page   | loadingOrders (io) | (listOrders done / error)                   | orders · failed                  |
 * | page   | orders         | site.openOrder {code} · nav.back                | order · catalog                  |
 * | page   | order          | site.renew (expired, PC version) · site.confirm (delivered) · site.dispute (shipped, delivered, disputed) · nav.back | renewing · changing · dispute · loadingOrders (the list read again) |
 * | page   | dispute        | input.* (partial amount) · site.resolve {full, partial (amount fits), reshipment} · nav.back | changing · order |
 * | page   | changing (io)  | (changeOrder done / error)                      | order · failed                   |
 * | page   | renewing (io)  | (renewOrder done / error)                       | code · failed                    |
 * | page   | failed         | site.shop · nav.back                            | catalog                          |
 * | page   | methods        | site.payMobile (PC)                             | mobileOperator (issue 13)        |
 * | page   | mobileOperator | site.mobileOperator · nav.back                  | mobilePhone · methods            |
 * | page   | mobilePhone    | input.* · site.sendSms (phone complete) · nav.back | mobileSending · mobileOperator |
 * | page   | mobileSending (io) | (requestMobile done / error)                | mobileSent · failed              |
 * | page   | mobileSent     | clock.tick · site.retry · site.shop             | mobileChecking · mobilePhone · catalog |
 * | page   | mobileChecking (io) | (checkMobile done / error)                 | mobileSent (→ mobileResult once answered) |
 * | page   | mobileResult   | site.retry · site.shop                          | mobilePhone · catalog            |
 * | page   | catalog        | site.topUp (PC and app)                         | topUp (R-MOB-10)                 |
 * | page   | topUp          | input.* (phone, then amount) · site.placeTopUp (complete) · nav.back | placingTopUp · catalog |
 * | page   | placingTopUp (io) | (placeTopUp done: placed / refused over the month's allowance; error) | code · topUp · failed |
 * | page   | (with buttons) | nav.* on a disabled button                      | (stays, notice says why)         |
 * | clock  | ticking        | after 1 s (`second`)                            | ticking (reads the clock)        |
 * | clock  | followingHost  | clock.tick (the host ticks: input `hostTicks`)  | (reads the clock)                |
 * | (root) |                | site.lang                                       | (language changes)               |
 */
import { enqueueActions } from 'xstate';
import { IO_TAG } from './settled.js';
import type { SiteScreen } from './site/siteButtons.js';
import { initialSiteContext } from './site/siteContext.js';
import { cashOrderInput, changeOrderInput, mobileRequestInput, topUpInput } from './site/siteUpdates.js';
import { siteSetup } from './site/siteSetup.js';

export type { ChangeOrderInput, PlaceCashOrderInput, PlacedOrder, SiteContext, SiteEmitted, SiteEvent, SiteInput } from './site/siteContext.js';

const navOn = (screen: SiteScreen) => ({
  'nav.move': { actions: { type: 'moveFocus', params: { screen } } },
  'nav.activate': { actions: { type: 'pressButton', params: { screen } } },
  'nav.press': { actions: { type: 'pressButton', params: { screen } } },
}) as const;

export const siteMachine = siteSetup.createMachine({
  id: 'site',
  type: 'parallel',
  context: ({ input }) => initialSiteContext(input),
  on: { 'site.lang': { actions: 'setLang' } },
  states: {
    page: {
      initial: 'catalog',
      states: {
        catalog: {
          entry: 'resetFocus',
          on: {
            ...navOn('catalog'),
            'site.addToCart': { actions: 'addToCart' },
            'site.openCart': 'cart',
            'site.openOrders': 'loadingOrders',
            'site.toggleVersion': { actions: 'toggleVersion' },
            'site.topUp': { target: 'topUp', actions: 'startTopUp' },
          },
        },
        topUp: {
          entry: 'resetFocus',
          on: {
            ...navOn('topUp'),
            'input.text': { actions: 'typeTopUp' },
            'input.backspace': { actions: 'eraseTopUp' },
            'site.placeTopUp': { guard: 'topUpComplete', target: 'placingTopUp' },
            'nav.back': 'catalog',
          },
        },
        placingTopUp: {
          tags: [IO_TAG],
          invoke: {
            src: 'placeTopUp',
            input: ({ context }) => topUpInput(context),
            onDone: [
              { guard: { type: 'topUpRefused', params: ({ event }) => ({ output: event.output }) }, target: 'topUp', actions: { type: 'keepTopUpRefusal', params: ({ event }) => ({ output: event.output }) } },
              {
                target: 'code',
                actions: enqueueActions(({ enqueue, event }) => {
                  if (event.output.kind !== 'placed') return;
                  enqueue({ type: 'keepPlaced', params: { placed: event.output.placed } });
                  enqueue({ type: 'announceSms', params: { sms: event.output.placed.sms } });
                }),
              },
            ],
            onError: { target: 'failed', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        cart: {
          entry: 'resetFocus',
          on: { ...navOn('cart'), 'site.buyNow': 'checkout', 'site.clearCart': { target: 'catalog', actions: 'clearCart' }, 'nav.back': 'catalog' },
        },
        checkout: {
          entry: ['resetFocus', 'focusNext'],
          on: {
            ...navOn('checkout'),
            'input.text': { actions: 'typePhone' },
            'input.backspace': { actions: 'erasePhone' },
            'input.clear': { actions: 'clearPhone' },
            'site.country': { actions: 'cycleCountry' },
            'site.toPayment': { guard: 'phoneComplete', target: 'payment' },
            'nav.back': 'cart',
          },
        },
        payment: { entry: 'resetFocus', on: { ...navOn('payment'), 'site.otherMethods': 'methods', 'nav.back': 'checkout' } },
        methods: {
          entry: 'resetFocus',
          on: {
            ...navOn('methods'), 'site.payCash': 'placing', 'site.openPc': { actions: 'openPc' }, 'nav.back': 'payment',
            'site.payMobile': { target: 'mobileOperator', actions: 'startMobile' },
          },
        },
        mobileOperator: {
          entry: 'resetFocus',
          on: { ...navOn('mobileOperator'), 'site.mobileOperator': { target: 'mobilePhone', actions: 'pickOperator' }, 'nav.back': 'methods' },
        },
        mobilePhone: {
          entry: 'resetFocus',
          on: {
            ...navOn('mobilePhone'),
            'input.text': { actions: 'typeMobilePhone' },
            'input.backspace': { actions: 'eraseMobilePhone' },
            'site.sendSms': { guard: 'mobilePhoneComplete', target: 'mobileSending' },
            'nav.back': 'mobileOperator',
          },
        },
        mobileSending: {
          tags: [IO_TAG],
          invoke: {
            src: 'requestMobile',
            input: ({ context }) => mobileRequestInput(context),
            onDone: { target: 'mobileSent', actions: ['resetFocus', { type: 'keepMobile', params: ({ event }) => event.output }] },
            onError: { target: 'failed', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        // no focus reset here: the page is re-entered after every check of the store (each clock tick)
        mobileSent: {
          always: { guard: 'mobileAnswered', target: 'mobileResult' },
          on: { ...navOn('mobileSent'), 'clock.tick': 'mobileChecking', 'site.retry': 'mobilePhone', 'site.shop': 'catalog' },
        },
        mobileChecking: {
          tags: [IO_TAG],
          invoke: {
            src: 'checkMobile',
            // Stryker disable next-line StringLiteral: equivalent, because mobileSent (the only way here) is entered with the payment kept
            input: ({ context }) => ({ id: context.mobile.payment?.id ?? '' }),
            // Stryker disable next-line StringLiteral: equivalent, because the code is kept when the SMS is sent, before mobileSent is first entered
            onDone: { target: 'mobileSent', actions: { type: 'keepMobile', params: ({ context, event }) => ({ code: context.mobile.code ?? '', payment: event.output }) } },
            onError: { target: 'failed', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        mobileResult: { entry: 'resetFocus', on: { ...navOn('mobileResult'), 'site.retry': 'mobilePhone', 'site.shop': 'catalog' } },
        placing: {
          tags: [IO_TAG],
          invoke: {
            src: 'placeCashOrder',
            input: ({ context }) => cashOrderInput(context),
            onDone: { target: 'code', actions: [{ type: 'keepPlaced', params: ({ event }) => ({ placed: event.output }) }, { type: 'announceSms', params: ({ event }) => ({ sms: event.output.sms }) }] },
            onError: { target: 'failed', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        code: { entry: 'resetFocus', on: { ...navOn('code'), 'site.openOrders': 'loadingOrders', 'site.shop': 'catalog', 'nav.back': 'catalog' } },
        loadingOrders: {
          tags: [IO_TAG],
          invoke: {
            src: 'listOrders',
            // Stryker disable next-line StringLiteral: equivalent, because no order has an empty phone, nor any other phone not typed (the list is empty either way)
            input: ({ context }) => ({ phone: context.sessionPhone ?? '' }),
            onDone: { target: 'orders', actions: { type: 'keepOrders', params: ({ event }) => ({ orders: event.output }) } },
            onError: { target: 'failed', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        orders: { entry: 'resetFocus', on: { ...navOn('orders'), 'site.openOrder': { target: 'order', actions: 'selectOrder' }, 'nav.back': 'catalog' } },
        order: {
          entry: 'resetFocus',
          on: { ...navOn('order'), 'site.renew': 'renewing', 'site.confirm': 'changing', 'site.dispute': 'dispute', 'nav.back': 'loadingOrders' },
        },
        dispute: {
          entry: ['resetFocus', 'clearRefund'],
          on: {
            ...navOn('dispute'),
            'input.text': { actions: 'typeRefund' },
            'input.backspace': { actions: 'eraseRefund' },
            'input.clear': { actions: 'clearRefund' },
            'site.resolve': { guard: 'resolutionFits', target: 'changing' },
            'nav.back': 'order',
          },
        },
        changing: {
          tags: [IO_TAG],
          invoke: {
            src: 'changeOrder',
            input: ({ context, event }) => changeOrderInput(context, event),
            onDone: { target: 'order', actions: { type: 'keepOrders', params: ({ event }) => ({ orders: event.output }) } },
            onError: { target: 'failed', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        renewing: {
          tags: [IO_TAG],
          invoke: {
            src: 'renewOrder',
            // Stryker disable next-line StringLiteral: equivalent, because only site.renew enters renewing (the test narrows the event's type)
            input: ({ context, event }) => ({ code: event.type === 'site.renew' ? event.code : '', channel: context.channel }),
            onDone: { target: 'code', actions: [{ type: 'keepPlaced', params: ({ event }) => ({ placed: event.output }) }, { type: 'announceSms', params: ({ event }) => ({ sms: event.output.sms }) }] },
            onError: { target: 'failed', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        failed: { entry: 'resetFocus', on: { ...navOn('failed'), 'site.shop': 'catalog', 'nav.back': 'catalog' } },
      },
    },
    clock: {
      initial: 'choosing',
      states: {
        choosing: { always: [{ guard: 'hostTicks', target: 'followingHost' }, { target: 'ticking' }] },
        ticking: { after: { second: { target: 'ticking', reenter: true, actions: 'readClock' } } },
        // no timer of its own: one every second would make a 2-day clock jump stop 172,800 times
        followingHost: { on: { 'clock.tick': { actions: 'readClock' } } },
      },
    },
  },
});

export type SiteActor = import('xstate').Actor<typeof siteMachine>;
