/**
 * The exercise condition `change: { code, is }` (src/training/exercises/FORMAT.md): what the till's
 * payment of an order gave back, as the store recorded it. A cashier exercise whose title promises
 * the change checks it with this, so a wrong change is a mistake and not full marks.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { DEFAULT_FLOAT } from '../../src/domain/cash/drawer.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { TillPaymentRequest } from '../../src/domain/cash/till.js';
import { storeProbeOf } from '../../src/tape/run/runTrainSteps.js';
import { errorOf } from './exerciseError.js';

const NOW = Date.UTC(2026, 10, 22, 7, 0, 0);

/** 16,990 ₽ paid with four 5,000 ₽ notes: 3,010 ₽ due back. */
const PAYMENT: TillPaymentRequest = {
  place: 'cashier', code: '1000000003', due: '16990.00', received: '20000.00', at: NOW + 60_000,
  handed: { '5000.00': 4 }, given: { '1000.00': 1, '500.00': 4, '10.00': 1 },
};

function paidWith(given: TillPaymentRequest['given']) {
  const store = new MemoryStore();
  seedDemo(store, NOW);
  store.openTillShift('cashier', DEFAULT_FLOAT, NOW);
  const outcome = store.payAtTill({ ...PAYMENT, given });
  expect(outcome.kind).toBe('paid');
  return storeProbeOf(store, () => NOW + 120_000, DEFAULT_RULES);
}

describe('the change condition', () => {
  it('R-CASH-2: exact change holds `exact` only; nothing holds before the order is paid at the till', () => {
    const store = new MemoryStore();
    seedDemo(store, NOW);
    const before = storeProbeOf(store, () => NOW, DEFAULT_RULES);
    expect(['exact', 'short', 'over', 'wrong'].map((w) => before.changeIs('1000000003', w as 'exact'))).toEqual([false, false, false, false]);
    const probe = paidWith(PAYMENT.given);
    expect(probe.changeIs('1000000003', 'exact')).toBe(true);
    expect(probe.changeIs('1000000003', 'wrong')).toBe(false);
    expect(probe.changeIs('1000000001', 'exact')).toBe(false);
  });

  it('R-CASH-2: 10 ₽ short is `short` and `wrong`; 10 ₽ over is `over` and `wrong`', () => {
    const short = paidWith({ '1000.00': 1, '500.00': 4 });
    expect([short.changeIs('1000000003', 'short'), short.changeIs('1000000003', 'wrong'), short.changeIs('1000000003', 'exact')]).toEqual([true, true, false]);
    const over = paidWith({ '1000.00': 1, '500.00': 4, '10.00': 2 });
    expect([over.changeIs('1000000003', 'over'), over.changeIs('1000000003', 'wrong'), over.changeIs('1000000003', 'short')]).toEqual([true, true, false]);
  });

  it('an exercise file with an unknown change word is refused at its line', () => {
    const error = errorOf(`id: X-CHANGE
title: { ru: "т", en: "t" }
goal: { ru: "ц", en: "g" }
place: cashier
role: cashier
difficulty: 1
rules: [R-CASH-2]
setup: []
story: [{ ru: "а", en: "a" }]
checkpoints:
  - id: paid
    points: 100
    rule: R-CASH-2
    title: { ru: "т", en: "t" }
    when: { change: { code: "1000000001", is: right } }
    source: { ru: "с", en: "s" }
    right: { ru: "п", en: "r" }
`);
    expect(error).toContain('my.yaml:15');
    expect(error).toMatch(/exact/);
  });
});
