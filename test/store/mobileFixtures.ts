/** Phones, orders and mobile payments the mobile tests of every store start from. */
import { expect } from 'vitest';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import type { KioskStore } from '../../src/domain/store.js';
import { NOW } from './helpers.js';

export const BEELINE = '+79051234567';
export const TELE2 = '+79521234567';
export const MIN = 60_000;
const rules = DEFAULT_MOBILE_RULES;

export async function withOrder(store: KioskStore, code: string, amount: string, phone = BEELINE): Promise<KioskStore> {
  await store.addOrder(newOrder({ code, codeAmount: amount, phone, issuedAt: NOW - MIN }));
  return store;
}

/** Order 1000000123 (2,000 ₽) paid from a Beeline phone as M-000001, then 1000000124 (500 ₽) from a Tele2 phone as M-000002, the last reply a minute before `at`. */
export async function paidFromTwoPhones(store: KioskStore, at: number): Promise<KioskStore> {
  await withOrder(await withOrder(store, '1000000123', '2000.00'), '1000000124', '500.00', TELE2);
  await store.setPhoneAccount(BEELINE, 'beeline', '2200.00');
  await store.setPhoneAccount(TELE2, 'tele2', '600.00');
  await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: at - 4 * MIN }, rules);
  await store.answerMobilePayment('M-000001', '1', at - 3 * MIN, rules);
  await store.requestMobilePayment({ phone: TELE2, operator: 'tele2', code: '1000000124', at: at - 2 * MIN }, rules);
  await store.answerMobilePayment('M-000002', '1', at - MIN, rules);
  return store;
}

/**
 * R-MOB-8: two paid orders cancelled, the Monday one written first and the Friday one after it (two
 * machines' clocks apart); landing both together lands the Friday one, due a working day earlier, first.
 */
export async function expectEarliestDueLandsFirst(store: KioskStore): Promise<void> {
  const friday = Date.parse('2026-11-20T12:00:00+03:00');
  const monday = Date.parse('2026-11-23T12:00:00+03:00');
  await paidFromTwoPhones(store, friday);
  await store.changeOrder('1000000124', { kind: 'cancel', reason: 'out of stock' }, monday);
  await store.changeOrder('1000000123', { kind: 'cancel', reason: 'out of stock' }, friday);
  const landed = await store.landMobileRefunds(monday + 30 * 86_400_000);
  expect(landed.map((l) => [l.payment.id, l.sms[0]!.at])).toEqual([
    ['M-000001', Date.parse('2026-12-01T12:00:00+03:00')],
    ['M-000002', Date.parse('2026-12-02T12:00:00+03:00')],
  ]);
}
