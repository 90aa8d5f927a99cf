/**
 * The in-memory store's last check on a mobile plan (src/domain/memoryOrders.ts): a phone balance never
 * goes below zero, and a plan's balance must be what its ledger makes of the balance it was made from.
 * The planners never produce such a plan, so the plans here are made wrong on purpose and written
 * through the store's private writer, the one way to reach the check.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import type { MobilePlan } from '../../src/domain/mobile/mobileLedger.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { newOrder } from '../../src/domain/orders/orders.js';

const T0 = Date.UTC(2026, 10, 22, 7);
const BEELINE = '+79051234567';

/** A store with a 500 ₽ Beeline balance and one payment request on it, and its plan's writer. */
function storeWithRequest() {
  const store = new MemoryStore();
  store.addOrder(newOrder({ code: '1000000123', codeAmount: '100.00', phone: BEELINE, issuedAt: T0 }));
  store.setPhoneAccount(BEELINE, 'beeline', '500.00');
  const { payment } = store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: T0 }, DEFAULT_MOBILE_RULES);
  const write = (plan: MobilePlan) => (store as unknown as { persistMobile(plan: MobilePlan): void }).persistMobile(plan);
  const plan = (debit: string, balance: string): MobilePlan => ({
    payment: { ...payment, state: 'confirmed' }, sms: [], order: null, balance,
    ledger: [{ at: T0 + 1, amount: debit, reason: `mobile payment ${payment.id}` }],
  });
  return { store, write, plan, payment };
}

describe('the memory store writes a mobile plan only if it keeps the balance right', () => {
  it('a plan that would take the balance below zero is refused whole, even when it says so itself', () => {
    const { store, write, plan, payment } = storeWithRequest();
    expect(() => write(plan('-500.01', '-0.01'))).toThrow(/^a phone balance never goes below zero \(-0\.01\)$/);
    expect(store.phoneAccount(BEELINE)).toMatchObject({ balance: '500.00', ledger: [] });
    expect(store.mobilePayments(BEELINE)).toEqual([payment]);
  });

  it('a plan whose balance is not what its ledger makes of the balance is refused whole', () => {
    const { store, write, plan, payment } = storeWithRequest();
    expect(() => write(plan('-100.00', '450.00'))).toThrow('the phone balance moved since the plan: the plan leaves 450.00, its ledger lines 400.00');
    expect(store.phoneAccount(BEELINE)).toMatchObject({ balance: '500.00', ledger: [] });
    expect(store.mobilePayments(BEELINE)).toEqual([payment]);
    // the same plan with its balance right is written
    write(plan('-100.00', '400.00'));
    expect(store.phoneAccount(BEELINE)).toMatchObject({ balance: '400.00', ledger: [{ amount: '-100.00' }] });
    expect(store.mobilePayments(BEELINE)[0]!.state).toBe('confirmed');
  });
});
