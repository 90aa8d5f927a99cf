/**
 * The site's context as it starts (machines/site/siteContext.ts), and what it shows when the store
 * fails on each of its pages that wait for it: the failed page with the store's own words.
 */
import { createActor, fromPromise, SimulatedClock, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { siteMachine } from '../../machines/site.js';
import { isSettled } from '../../machines/settled.js';
import { siteViewOf } from '../../machines/site/siteView.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import { orderButtonId } from '../../machines/site/siteButtons.js';
import { startSite, START, type SiteDriverOptions } from './siteDriver.js';

const PHONE = '+79161234567';

describe('the site as it starts', () => {
  it('with nothing but a clock: Russian, PC, its own timer, the default rules, nothing typed or kept', () => {
    const clock = new SimulatedClock();
    clock.set(START);
    const actor = createActor(siteMachine, { clock, input: { clock } }).start();
    expect(actor.getSnapshot().context).toEqual({
      clock, now: START, lang: 'ru', rules: DEFAULT_RULES, channel: 'pc', hostTicks: false, focus: 0, notice: null, cart: [], country: 'RU',
      phoneDigits: '', sessionPhone: null, placed: null, orders: [], selected: null, refundDigits: '', sms: [], fault: null,
      mobile: { amount: '0.00', operator: null, digits: '', code: null, payment: null }, topUp: { digits: '', amountDigits: '', refusal: null },
    });
    expect(actor.getSnapshot().value).toEqual({ page: 'catalog', clock: 'ticking' });
  });

  it('with the phone in hand: the checkout starts with its ten digits', () => {
    const clock = new SimulatedClock();
    const actor = createActor(siteMachine, { clock, input: { clock, phone: PHONE, hostTicks: true } }).start();
    expect(actor.getSnapshot().context).toMatchObject({ phoneDigits: '9161234567', sessionPhone: PHONE, hostTicks: true });
    expect(actor.getSnapshot().value).toEqual({ page: 'catalog', clock: 'followingHost' });
  });

  it('an actor the host did not provide fails with its name; a rejection that is not an Error is shown as it is', async () => {
    const clock = new SimulatedClock();
    const bare = createActor(siteMachine, { clock, input: { clock } }).start();
    bare.send({ type: 'site.openOrders' });
    await waitFor(bare, isSettled);
    expect(siteViewOf(bare.getSnapshot())).toMatchObject({ page: 'failed', fault: 'the site\'s "listOrders" actor was not provided' });
    const plain = createActor(siteMachine.provide({ actors: { listOrders: fromPromise(() => Promise.reject('store down')) } }), { clock, input: { clock } }).start();
    plain.send({ type: 'site.openOrders' });
    await waitFor(plain, isSettled);
    expect(plain.getSnapshot().context.fault).toBe('store down');
  });
});

type Failing = NonNullable<SiteDriverOptions['failing']>;

/** Walks a site whose `failing` actor rejects to the page that calls it. */
const walks: Record<Failing, (site: ReturnType<typeof startSite>) => Promise<void>> = {
  listOrders: (site) => site.press('o'),
  placeCashOrder: async (site) => {
    await site.toMethods();
    await site.press('c');
  },
  requestMobile: async (site) => {
    await site.toMethods();
    await site.press('m', '1', 'enter');
  },
  checkMobile: async (site) => {
    site.store.setPhoneAccount(PHONE, 'mts', '10000.00');
    await walks.requestMobile(site);
    expect(site.view().page).toBe('mobileSent');
    site.actor.send({ type: 'clock.tick' });
    await site.settle();
  },
  placeTopUp: (site) => site.press('t', '9051234567', '100', 'enter'),
  renewOrder: async (site) => {
    site.store.addOrder(newOrder({ code: '1000000123', codeAmount: '990.00', phone: PHONE, issuedAt: START }));
    site.clock.increment(49 * HOUR_MS);
    await site.press('o');
    await site.pressButton(orderButtonId('1000000123'));
    await site.press('r');
  },
  changeOrder: async (site) => {
    const order = newOrder({ code: '1000000123', codeAmount: '990.00', phone: PHONE, issuedAt: START });
    site.store.addOrder({ ...order, status: 'paid', paid: '990.00', owed: '0.00' });
    site.store.changeOrder('1000000123', { kind: 'ship' }, START);
    await site.press('o');
    await site.pressButton(orderButtonId('1000000123'));
    await site.press('d', 'f');
  },
};

describe('the store failing under the site', () => {
  it.each(Object.keys(walks) as Failing[])('%s failing: the failed page says why, and Shop goes back to the catalog', async (failing) => {
    const site = startSite({ phone: PHONE, failing });
    await walks[failing](site);
    expect(site.view()).toMatchObject({ page: 'failed', fault: `${failing} down` });
    await site.press('s');
    expect(site.view().page).toBe('catalog');
  });
});
