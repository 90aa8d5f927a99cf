/**
 * The site's I/O: its named actors, implemented on a `KioskStore` and the program's clock. Placing
 * an order (or placing it again) writes it and its code SMS to the store in one operation (R-CODE-1),
 * so the phone's inbox shows it; the SMS is also returned to the machine, which keeps it and announces it.
 */
import { randomInt } from 'node:crypto';
import { fromPromise } from 'xstate';
import { siteMachine, type ChangeOrderInput, type PlaceCashOrderInput, type PlacedOrder } from '../../machines/site.js';
import { cashOrder, cashRefusal, codeSmsOf, paymentCode, siteTopUpOrder, type Channel } from '../domain/orders/catalog.js';
import { decideSiteTopUp, type SiteTopUp } from '../domain/mobile/siteTopUp.js';
import type { PlaceTopUpInput, PlaceTopUpOutput } from '../../machines/site/topUpButtons.js';
import { ALIEXPRESS_SENDER } from '../domain/orders/orderLife.js';
import { isExpired, type Order } from '../domain/orders/orders.js';
import type { KioskRules } from '../domain/rules.js';
import type { KioskStore } from '../domain/store.js';
import type { Clock } from './terminalActors.js';

export interface SiteDeps {
  store: KioskStore;
  clock: Clock;
  rules: KioskRules;
  /** a number in [0, 1) for the payment codes' digits; injected so tests are deterministic */
  random?: () => number;
}

/** Gives up after this many codes that are all taken: the store is then nearly full of codes, or `random` is stuck. */
const CODE_ATTEMPTS = 1000;

/** A payment code of the rules' length that no order in the store has. */
export async function uniqueCode(store: Pick<KioskStore, 'findOrder'>, rules: Pick<KioskRules, 'orderNumberLength'>, random: () => number): Promise<string> {
  for (let i = 0; i < CODE_ATTEMPTS; i++) {
    const code = paymentCode(random, rules.orderNumberLength);
    if (!(await store.findOrder(code))) return code;
  }
  throw new Error('no free payment code: every code tried is taken');
}

/** The site machine with its actors bound to a store and a clock. */
export function provideSite(deps: SiteDeps) {
  const { store, clock, rules } = deps;
  const random = deps.random ?? (() => randomInt(0, 1_000_000) / 1_000_000);
  const ordersOf = async (phone: string) => (await store.listOrders()).filter((o) => o.phone === phone).sort((a, b) => b.issuedAt - a.issuedAt);
  const placed = async (order: Order): Promise<PlacedOrder> => {
    const sms = codeSmsOf(order, rules);
    // one write: a crash leaves both or neither, never an order whose code never reached the phone (R-CODE-1)
    const validHours = sms.validHours === undefined ? {} : { validHours: sms.validHours };
    await store.placeOrder(order, { phone: sms.phone, at: sms.at, sender: ALIEXPRESS_SENDER, kind: 'code', amount: sms.amount, code: sms.code, ...validHours });
    return { order, sms };
  };
  return siteMachine.provide({
    actors: {
      placeCashOrder: fromPromise(async ({ input }: { input: PlaceCashOrderInput }) => {
        // the machine offers Cash only where it may; the store side refuses anything else all the same
        const refusal = cashRefusal(input.country, input.channel, rules);
        if (refusal) throw new Error(`cash is not offered: ${refusal}`);
        return placed(cashOrder({ code: await uniqueCode(store, rules, random), amount: input.amount, phone: input.phone, country: input.country, now: clock.now() }));
      }),
      renewOrder: fromPromise(async ({ input }: { input: { code: string; channel: Channel } }) => {
        const expired = await store.findOrder(input.code);
        if (!expired || !isExpired(expired, clock.now(), rules)) throw new Error(`order ${input.code} is not expired`);
        const refusal = cashRefusal(expired.region, input.channel, rules);
        if (refusal) throw new Error(`cash is not offered: ${refusal}`);
        // one write (R-CODE-2): the old order marked placed again, the new one and its code SMS
        const outcome = await store.changeOrder(input.code, { kind: 'renew', newCode: await uniqueCode(store, rules, random) }, clock.now(), rules);
        const order = outcome.placed!;
        return { order, sms: codeSmsOf(order, rules) };
      }),
      listOrders: fromPromise(async ({ input }: { input: { phone: string } }) => ordersOf(input.phone)),
      // R-MOB-10: decided on the top-up orders in the store, then placed like a cash order (code by SMS, 1 hour)
      placeTopUp: fromPromise(async ({ input }: { input: PlaceTopUpInput }): Promise<PlaceTopUpOutput> => {
        const now = clock.now();
        const earlier = (await store.listOrders()).flatMap((o): SiteTopUp[] =>
          o.topUpPhone === null ? [] : [{ phone: o.topUpPhone, amount: o.codeAmount, at: o.issuedAt, paid: o.status === 'paid' }]);
        const decision = decideSiteTopUp(input.phone, input.amount, now, earlier);
        if (decision.kind === 'overMonthlyLimit') return { kind: 'refused', refusal: decision };
        const code = await uniqueCode(store, rules, random);
        return { kind: 'placed', placed: await placed(siteTopUpOrder({ code, amount: input.amount, phone: input.orderPhone, topUpPhone: input.phone, channel: input.channel, now })) };
      }),
      // R-PROT-1, R-PROT-2: one store operation (the order, its refund to the phone, the SMS); a refusal changes nothing
      changeOrder: fromPromise(async ({ input }: { input: ChangeOrderInput }) => {
        await store.changeOrder(input.code, input.action, clock.now(), rules);
        return ordersOf(input.phone);
      }),
    },
  });
}
