/**
 * The site's I/O: its named actors, implemented on a `KioskStore` and the program's clock. The
 * store keeps no SMS of the `code` kind yet, so the SMS is returned to the machine (which keeps it
 * and emits `site.smsSent` for the phone); once the store records SMS, `placeCashOrder` writes it here.
 */
import { randomInt } from 'node:crypto';
import { fromPromise } from 'xstate';
import { siteMachine, type PlaceCashOrderInput, type PlacedOrder } from '../../machines/site.js';
import { cashOrder, cashRefusal, codeSmsOf, paymentCode, renewedOrder, type Channel } from '../domain/catalog.js';
import { isExpired, type Order } from '../domain/orders.js';
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
export function uniqueCode(store: Pick<KioskStore, 'findOrder'>, rules: Pick<KioskRules, 'orderNumberLength'>, random: () => number): string {
  for (let i = 0; i < CODE_ATTEMPTS; i++) {
    const code = paymentCode(random, rules.orderNumberLength);
    if (!store.findOrder(code)) return code;
  }
  throw new Error('no free payment code: every code tried is taken');
}

/** The site machine with its actors bound to a store and a clock. */
export function provideSite(deps: SiteDeps) {
  const { store, clock, rules } = deps;
  const random = deps.random ?? (() => randomInt(0, 1_000_000) / 1_000_000);
  const placed = (order: Order): PlacedOrder => {
    store.addOrder(order);
    return { order, sms: codeSmsOf(order, rules) };
  };
  return siteMachine.provide({
    actors: {
      placeCashOrder: fromPromise(async ({ input }: { input: PlaceCashOrderInput }) => {
        // the machine offers Cash only where it may; the store side refuses anything else all the same
        const refusal = cashRefusal(input.country, input.channel, rules);
        if (refusal) throw new Error(`cash is not offered: ${refusal}`);
        return placed(cashOrder({ code: uniqueCode(store, rules, random), amount: input.amount, phone: input.phone, country: input.country, now: clock.now() }));
      }),
      renewOrder: fromPromise(async ({ input }: { input: { code: string; channel: Channel } }) => {
        const expired = store.findOrder(input.code);
        if (!expired || !isExpired(expired, clock.now(), rules)) throw new Error(`order ${input.code} is not expired`);
        const refusal = cashRefusal(expired.region, input.channel, rules);
        if (refusal) throw new Error(`cash is not offered: ${refusal}`);
        return placed(renewedOrder(expired, uniqueCode(store, rules, random), clock.now()));
      }),
      listOrders: fromPromise(async ({ input }: { input: { phone: string } }) =>
        store.listOrders().filter((o) => o.phone === input.phone).sort((a, b) => b.issuedAt - a.issuedAt),
      ),
    },
  });
}
