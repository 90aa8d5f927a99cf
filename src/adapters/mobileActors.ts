/**
 * Mobile payment's I/O (issue 13): the site's Send SMS and its checks of the store, and the phone's
 * reply, as named actors on a `KioskStore` and the program's clock. Every write is one store call
 * (one transaction); overdue requests are expired whenever the site or the phone reads.
 */
import { randomInt } from 'node:crypto';
import { fromPromise } from 'xstate';
import type { MobileRequested, RequestMobileInput } from '../../machines/site/mobileButtons.js';
import type { ReplyInput } from '../../machines/phone.js';
import { awaitingReply, mobileRulesOf } from '../domain/mobile/inbox.js';
import { cashOrder } from '../domain/orders/catalog.js';
import type { KioskRules } from '../domain/rules.js';
import type { KioskStore } from '../domain/store.js';
import { uniqueCode } from './siteActors.js';
import type { Clock } from './terminalActors.js';

export interface MobileDeps {
  store: KioskStore;
  clock: Clock;
  rules: KioskRules;
  random?: () => number;
}

/** The site's actors for Mobile payment: `requestMobile` (Send SMS) and `checkMobile` (has the phone answered?). */
export function mobileSiteActors(deps: MobileDeps) {
  const { store, clock, rules } = deps;
  const random = deps.random ?? (() => randomInt(0, 1_000_000) / 1_000_000);
  return {
    requestMobile: fromPromise<MobileRequested, RequestMobileInput>(async ({ input }) => {
      // the order is placed at the first Send SMS (no payment code: it is paid from the balance); a retry pays it again
      const code = input.code ?? (await uniqueCode(store, rules, random));
      if (!input.code) await store.addOrder(cashOrder({ code, amount: input.amount, phone: input.orderPhone, country: input.country, now: clock.now() }));
      const { payment } = await store.requestMobilePayment({ phone: input.phone, operator: input.operator, code, at: clock.now() }, mobileRulesOf(rules));
      return { code, payment };
    }),
    checkMobile: fromPromise(async ({ input }: { input: { id: string } }) => {
      await store.expireMobilePayments(clock.now());
      const payment = (await store.mobilePayments()).find((p) => p.id === input.id);
      if (!payment) throw new Error(`no mobile payment ${input.id}`);
      return payment;
    }),
  };
}

/** The phone's `replySms`: answers the newest SMS that expects a reply (R-MOB-2); fails when none does. */
export function mobilePhoneActors(deps: MobileDeps) {
  const { store, clock, rules } = deps;
  return {
    replySms: fromPromise(async ({ input }: { input: ReplyInput }) => {
      await store.expireMobilePayments(clock.now());
      const request = awaitingReply((await store.phoneAccount(input.phone)).sms);
      if (!request) throw new Error('no SMS waits for a reply');
      await store.answerMobilePayment(request.transaction, input.text, clock.now(), mobileRulesOf(rules));
    }),
  };
}
