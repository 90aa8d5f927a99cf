/**
 * The store contract for the order's life (src/domain/orders/orderLife.ts): every store persists what the
 * domain decides, to the kopeck, and a refused action changes nothing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PHONE, seedDemo } from '../../src/domain/orders/demo.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { isProcessing, OrderRefused } from '../../src/domain/orders/orderLife.js';
import { evaluateLookup } from '../../src/domain/orders/orders.js';
import { DAY_MS, DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import type { KioskStore } from '../../src/domain/store.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { insertNotes, NOW, openCashSession, useTempDirs } from './helpers.js';

const tempDir = useTempDirs();

const ADAPTERS: Array<[string, (delayMs?: number) => KioskStore]> = [
  ['MemoryStore', (processingDelayMs) => new MemoryStore({ processingDelayMs })],
  ['SqliteStore', (processingDelayMs) => SqliteStore.open(join(tempDir(), 'kiosk.db'), { processingDelayMs })],
];

describe.each(ADAPTERS)("%s keeps the order's life", (_name, open) => {
  /** A store with the demo orders and 1000000001 (4,750 ₽) paid at T1 at NOW. */
  function paid(delayMs?: number): KioskStore {
    const store = open(delayMs);
    seedDemo(store, NOW);
    openCashSession(store, 's1', '1000000001', '4750.00');
    insertNotes(store, 's1', [5000]);
    store.completePayment('s1', 'pay', NOW);
    return store;
  }
  const snapshot = (store: KioskStore) => ({ orders: store.listOrders(), phone: store.phoneAccount(DEMO_PHONE) });

  it('R-CODE-6: cash paid at a terminal is paid at once and processing until accepted + the delay (2 days by default)', () => {
    const store = paid();
    const order = store.findOrder('1000000001')!;
    expect(order).toMatchObject({ status: 'paid', credits: [{ receipt: 'T1-000001', amount: '4750.00', acceptedAt: NOW, settlesAt: NOW + 2 * DAY_MS }] });
    expect(isProcessing(order, NOW + 2 * DAY_MS - 1)).toBe(true);
    expect(isProcessing(order, NOW + 2 * DAY_MS)).toBe(false);
    expect(() => store.changeOrder('1000000001', { kind: 'ship' }, NOW + DAY_MS)).toThrow(/still processing until 2025-01-17T12:00:00.000Z/);
    store.close();
  });

  it('R-CODE-6: the delay is configurable, never above 7 days', () => {
    const store = paid(7 * DAY_MS);
    expect(store.findOrder('1000000001')!.credits[0]!.settlesAt).toBe(NOW + 7 * DAY_MS);
    store.close();
    expect(() => open(7 * DAY_MS + 1)).toThrow(/from 0 to 7 days/);
  });

  it('R-CODE-7: the seller cancels a paid order: the refund goes to the order phone, with a ledger line and an SMS', () => {
    const store = paid();
    const before = store.phoneAccount(DEMO_PHONE).balance; // 250.00 of change
    const outcome = store.changeOrder('1000000001', { kind: 'cancel', refund: '500.00', reason: 'out of stock' }, NOW + HOUR_MS);
    expect(outcome.refund).toBe('500.00');
    expect(store.findOrder('1000000001')).toMatchObject({ stage: 'cancelled', refunded: '500.00', status: 'paid' });
    expect(store.findOrder('1000000001')!.history.slice(-2)).toEqual([
      { at: NOW + HOUR_MS, kind: 'cancelled', why: 'out of stock', amount: '500.00', ref: null },
      { at: NOW + HOUR_MS, kind: 'refunded', why: 'out of stock', amount: '500.00', ref: null },
    ]);
    const phone = store.phoneAccount(DEMO_PHONE);
    expect(before).toBe('250.00');
    expect(phone.balance).toBe('750.00');
    expect(phone.ledger.at(-1)).toEqual({ at: NOW + HOUR_MS, amount: '500.00', reason: 'refund for order 1000000001 (cancelled by the seller: out of stock)' });
    expect(phone.sms.at(-1)).toEqual({ phone: DEMO_PHONE, at: NOW + HOUR_MS, sender: 'AliExpress', kind: 'cancellation', amount: '500.00', code: '1000000001' });
    // a cancelled code is refused at the terminal, even though money is still owed on it elsewhere
    expect(evaluateLookup('1000000001', store.findOrder('1000000001'), NOW + HOUR_MS, DEFAULT_RULES)).toMatchObject({ reason: 'cancelled' });
    store.close();
  });

  it('R-CODE-7: no refund above what was paid, nothing refunded on an unpaid order, never cancelled twice: nothing changes', () => {
    const store = paid();
    const before = snapshot(store);
    expect(() => store.changeOrder('1000000001', { kind: 'cancel', refund: '4750.01' }, NOW)).toThrow(OrderRefused);
    expect(() => store.changeOrder('1000000002', { kind: 'cancel', refund: '1.00' }, NOW)).toThrow('order 1000000002 has nothing paid to refund');
    expect(snapshot(store)).toEqual(before);
    store.changeOrder('1000000001', { kind: 'cancel' }, NOW);
    expect(store.phoneAccount(DEMO_PHONE).balance).toBe('5000.00'); // 250 change + 4,750 back
    expect(() => store.changeOrder('1000000001', { kind: 'cancel' }, NOW)).toThrow('order 1000000001 is cancelled: it cannot be cancelled now');
    store.close();
  });

  it('R-PROT-1: shipped, delivered, then confirmed: the money is released to the seller; out of order is refused', () => {
    const store = paid();
    const settled = NOW + 2 * DAY_MS;
    expect(() => store.changeOrder('1000000002', { kind: 'ship' }, settled)).toThrow(/not paid/);
    expect(() => store.changeOrder('1000000001', { kind: 'deliver' }, settled)).toThrow('order 1000000001 is placed: it cannot be delivered now');
    expect(() => store.changeOrder('1000000001', { kind: 'confirm' }, settled)).toThrow(OrderRefused);
    store.changeOrder('1000000001', { kind: 'ship' }, settled);
    expect(() => store.changeOrder('1000000001', { kind: 'cancel' }, settled)).toThrow(/only a dispute/);
    store.changeOrder('1000000001', { kind: 'deliver' }, settled + DAY_MS);
    store.changeOrder('1000000001', { kind: 'confirm' }, settled + 2 * DAY_MS);
    const order = store.findOrder('1000000001')!;
    expect(order.stage).toBe('released');
    expect(order.history.map((e) => e.kind)).toEqual(['issued', 'paid', 'shipped', 'delivered', 'released']);
    expect(order.history.at(-1)).toMatchObject({ at: settled + 2 * DAY_MS, amount: '4750.00' });
    store.close();
  });

  it('R-PROT-2: a dispute ends in a full refund, a partial refund or a reshipment', () => {
    const store = paid(0);
    store.changeOrder('1000000001', { kind: 'ship' }, NOW);
    store.changeOrder('1000000001', { kind: 'dispute' }, NOW + 1);
    expect(store.findOrder('1000000001')!.stage).toBe('disputed');
    store.changeOrder('1000000001', { kind: 'dispute', outcome: { kind: 'reshipment' } }, NOW + 2);
    expect(store.findOrder('1000000001')!.stage).toBe('placed');
    store.changeOrder('1000000001', { kind: 'ship' }, NOW + 3);
    store.changeOrder('1000000001', { kind: 'deliver' }, NOW + 4);
    expect(() => store.changeOrder('1000000001', { kind: 'dispute', outcome: { kind: 'partial', amount: '4750.01' } }, NOW + 5)).toThrow(/at most 4750.00/);
    store.changeOrder('1000000001', { kind: 'dispute', outcome: { kind: 'partial', amount: '1000.00' } }, NOW + 5);
    expect(store.findOrder('1000000001')).toMatchObject({ stage: 'released', refunded: '1000.00' });
    expect(store.phoneAccount(DEMO_PHONE)).toMatchObject({ balance: '1250.00' });
    expect(store.phoneAccount(DEMO_PHONE).sms.at(-1)).toMatchObject({ kind: 'refund', amount: '1000.00', code: '1000000001' });
    expect(() => store.changeOrder('1000000001', { kind: 'dispute', outcome: { kind: 'full' } }, NOW + 6)).toThrow(/is released/);
    store.close();

    const full = paid(0);
    full.changeOrder('1000000001', { kind: 'ship' }, NOW);
    full.changeOrder('1000000001', { kind: 'dispute', outcome: { kind: 'full' } }, NOW + 1); // the parcel never arrived
    expect(full.findOrder('1000000001')).toMatchObject({ stage: 'refunded', refunded: '4750.00' });
    expect(full.phoneAccount(DEMO_PHONE).balance).toBe('5000.00');
    full.close();
  });

  it('R-CODE-2: an expired unpaid order is placed again under a new code valid 48 hours, sent by SMS; a valid one is not', () => {
    const store = open();
    seedDemo(store, NOW);
    expect(() => store.changeOrder('1000000002', { kind: 'renew', newCode: '2000000002' }, NOW)).toThrow(/has not expired/);
    expect(() => store.changeOrder('1000000001', { kind: 'renew', newCode: '1000000002' }, NOW + 48 * HOUR_MS)).toThrow('order 1000000002 exists already');
    const outcome = store.changeOrder('1000000004', { kind: 'renew', newCode: '2000000004' }, NOW);
    expect(outcome.placed).toMatchObject({ code: '2000000004', codeAmount: '1200.00', issuedAt: NOW, renewedFrom: '1000000004', status: 'awaiting' });
    expect(store.findOrder('1000000004')).toMatchObject({ renewedAs: '2000000004' });
    expect(store.findOrder('2000000004')).toEqual(outcome.placed);
    expect(evaluateLookup('2000000004', store.findOrder('2000000004'), NOW + 47 * HOUR_MS, DEFAULT_RULES).kind).toBe('payable');
    expect(store.phoneAccount(DEMO_PHONE).sms.at(-1)).toEqual({ phone: DEMO_PHONE, at: NOW, sender: 'AliExpress', kind: 'code', amount: '1200.00', code: '2000000004' });
    expect(() => store.changeOrder('1000000004', { kind: 'renew', newCode: '3000000004' }, NOW)).toThrow('already placed again as 2000000004');
    store.close();
  });
});
