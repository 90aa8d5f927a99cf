/**
 * The demo orders of a first start (README, `kiosk --help`): each order is what its summary line
 * promises, read as data, and seeding puts them into an empty store only.
 */
import { describe, expect, it } from 'vitest';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { DEMO_CODE_LENGTH, DEMO_PHONE, DEMO_SUMMARY, demoCodesFit, demoOrders, seedDemo, seedDemoInto } from '../../src/domain/orders/demo.js';
import { isExpired, newOrder } from '../../src/domain/orders/orders.js';
import { DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';

/** 2026-11-20 09:00 UTC */
const NOW = Date.UTC(2026, 10, 20, 9, 0, 0);

// each test makes the orders itself: a mutation run switches a change on only when a test begins
describe('the demo orders', () => {
  it('are the six the summary lists, in its order, on the demo phone', () => {
    const orders = demoOrders(NOW);
    expect(orders.map((o) => o.code)).toEqual(DEMO_SUMMARY.map((d) => d.code));
    expect(orders.map((o) => o.code)).toEqual(['1000000001', '1000000002', '1000000003', '1000000004', '1000000005', '1000000006']);
    expect(DEMO_PHONE).toBe('+79161234567');
    for (const order of orders) expect(order.phone, order.code).toBe(DEMO_PHONE);
  });

  it('each is what its summary line says: the amounts, the cap, the expired one, the paid one, the risen price', () => {
    const orders = demoOrders(NOW);
    expect(orders.map((o) => [o.codeAmount, o.price, o.status, o.paid, o.owed])).toEqual([
      ['4750.00', '4750.00', 'awaiting', '0.00', '4750.00'],
      ['3000.00', '3000.00', 'awaiting', '0.00', '3000.00'],
      ['16990.00', '16990.00', 'awaiting', '0.00', '16990.00'],
      ['1200.00', '1200.00', 'awaiting', '0.00', '1200.00'],
      ['990.00', '990.00', 'paid', '990.00', '0.00'],
      ['2000.00', '2300.00', 'awaiting', '0.00', '2300.00'],
    ]);
    // issued 2 h ago, the 4th 49 h ago: only it is past the 48 hours (R-CODE-2)
    expect(orders.map((o) => NOW - o.issuedAt)).toEqual([2, 2, 2, 49, 2, 2].map((h) => h * HOUR_MS));
    expect(orders.map((o) => isExpired(o, NOW, DEFAULT_RULES))).toEqual([false, false, false, true, false, false]);
    expect(DEMO_SUMMARY.map((d) => d.summary)).toEqual([
      '4,750.00 ₽ (5,000 in → 250 to the phone)',
      '3,000.00 ₽ (round)',
      '16,990.00 ₽ (over the 15,000 ₽ cap)',
      'issued 49 h ago (expired)',
      'already paid',
      'code for 2,000.00 ₽, price since risen to 2,300.00 ₽',
    ]);
  });

  it('fit a kiosk taking 10-digit codes only', () => {
    expect(DEMO_CODE_LENGTH).toBe(10);
    expect(demoCodesFit({ orderNumberLength: 10 })).toBe(true);
    expect(demoCodesFit({ orderNumberLength: 6 })).toBe(false);
  });

  it('are seeded into an empty store, and into no store that holds an order already', async () => {
    const empty = new MemoryStore();
    seedDemo(empty, NOW);
    expect(empty.listOrders().map((o) => o.code)).toEqual(DEMO_SUMMARY.map((d) => d.code));
    const used = new MemoryStore();
    used.addOrder(newOrder({ code: '2000000001', codeAmount: '100.00', phone: DEMO_PHONE, issuedAt: NOW }));
    seedDemo(used, NOW);
    expect(used.listOrders().map((o) => o.code)).toEqual(['2000000001']);

    const emptyAsync = asyncStore(new MemoryStore());
    await seedDemoInto(emptyAsync, NOW);
    expect((await emptyAsync.listOrders()).map((o) => o.code)).toEqual(DEMO_SUMMARY.map((d) => d.code));
    const usedAsync = asyncStore(new MemoryStore());
    await usedAsync.addOrder(newOrder({ code: '2000000001', codeAmount: '100.00', phone: DEMO_PHONE, issuedAt: NOW }));
    await seedDemoInto(usedAsync, NOW);
    expect((await usedAsync.listOrders()).map((o) => o.code)).toEqual(['2000000001']);
  });
});
