/**
 * The store contract for the order's life (src/domain/orders/orderLife.ts): every store persists what the
 * domain decides, to the kopeck, and a refused action changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PHONE, seedDemoInto } from '../../src/domain/orders/demo.js';
import { isProcessing, OrderRefused } from '../../src/domain/orders/orderLife.js';
import { evaluateLookup } from '../../src/domain/orders/orders.js';
import { DAY_MS, DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import type { KioskStore } from '../../src/domain/store.js';
import { insertNotes, NOW, openCashSession, useTempDirs } from './helpers.js';
import { storeAdapters } from './adapters.js';

const tempDir = useTempDirs();

const ADAPTERS = storeAdapters(tempDir, { pg: true });

describe.each(ADAPTERS)("%s keeps the order's life", (_name, open) => {
  /** A store with the demo orders and 1000000001 (4,750 ₽) paid at T1 at NOW. */
  async function paid(delayMs?: number): Promise<KioskStore> {
    const store = await open(delayMs);
    await seedDemoInto(store, NOW);
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await insertNotes(store, 's1', [5000]);
    await store.completePayment('s1', 'pay', NOW);
    return store;
  }
  const snapshot = async (store: KioskStore) => ({ orders: await store.listOrders(), phone: await store.phoneAccount(DEMO_PHONE) });

  it('R-CODE-6: cash paid at a terminal is paid at once and processing until accepted + the delay (2 days by default)', async () => {
    const store = await paid();
    const order = (await store.findOrder('1000000001'))!;
    expect(order).toMatchObject({ status: 'paid', credits: [{ receipt: 'T1-000001', amount: '4750.00', acceptedAt: NOW, settlesAt: NOW + 2 * DAY_MS }] });
    expect(isProcessing(order, NOW + 2 * DAY_MS - 1)).toBe(true);
    expect(isProcessing(order, NOW + 2 * DAY_MS)).toBe(false);
    await expect(store.changeOrder('1000000001', { kind: 'ship' }, NOW + DAY_MS)).rejects.toThrow(/still processing until 2025-01-17T12:00:00.000Z/);
    await store.close();
  });

  it('R-CODE-6: the delay is configurable, never above 7 days', async () => {
    const store = await paid(7 * DAY_MS);
    expect((await store.findOrder('1000000001'))!.credits[0]!.settlesAt).toBe(NOW + 7 * DAY_MS);
    await store.close();
    await expect(open(7 * DAY_MS + 1)).rejects.toThrow(/from 0 to 7 days/);
  });

  it('R-CODE-7: the seller cancels a paid order: the refund goes to the order phone, with a ledger line and an SMS', async () => {
    const store = await paid();
    const before = (await store.phoneAccount(DEMO_PHONE)).balance; // 250.00 of change
    const outcome = await store.changeOrder('1000000001', { kind: 'cancel', refund: '500.00', reason: 'out of stock' }, NOW + HOUR_MS);
    expect(outcome.refund).toBe('500.00');
    expect(await store.findOrder('1000000001')).toMatchObject({ stage: 'cancelled', refunded: '500.00', status: 'paid' });
    expect((await store.findOrder('1000000001'))!.history.slice(-2)).toEqual([
      { at: NOW + HOUR_MS, kind: 'cancelled', why: 'out of stock', amount: '500.00', ref: null },
      { at: NOW + HOUR_MS, kind: 'refunded', why: 'out of stock', amount: '500.00', ref: null },
    ]);
    const phone = await store.phoneAccount(DEMO_PHONE);
    expect(before).toBe('250.00');
    expect(phone.balance).toBe('750.00');
    expect(phone.ledger.at(-1)).toEqual({ at: NOW + HOUR_MS, amount: '500.00', reason: 'refund for order 1000000001 (cancelled by the seller: out of stock)' });
    expect(phone.sms.at(-1)).toEqual({ phone: DEMO_PHONE, at: NOW + HOUR_MS, sender: 'AliExpress', kind: 'cancellation', amount: '500.00', code: '1000000001' });
    // a cancelled code is refused at the terminal, even though money is still owed on it elsewhere
    expect(evaluateLookup('1000000001', await store.findOrder('1000000001'), NOW + HOUR_MS, DEFAULT_RULES)).toMatchObject({ reason: 'cancelled' });
    await store.close();
  });

  it('R-CODE-7: no refund above what was paid, nothing refunded on an unpaid order, never cancelled twice: nothing changes', async () => {
    const store = await paid();
    const before = await snapshot(store);
    await expect(store.changeOrder('1000000001', { kind: 'cancel', refund: '4750.01' }, NOW)).rejects.toThrow(OrderRefused);
    await expect(store.changeOrder('1000000002', { kind: 'cancel', refund: '1.00' }, NOW)).rejects.toThrow('order 1000000002 has nothing paid to refund');
    expect(await snapshot(store)).toEqual(before);
    await store.changeOrder('1000000001', { kind: 'cancel' }, NOW);
    expect((await store.phoneAccount(DEMO_PHONE)).balance).toBe('5000.00'); // 250 change + 4,750 back
    await expect(store.changeOrder('1000000001', { kind: 'cancel' }, NOW)).rejects.toThrow('order 1000000001 is cancelled: it cannot be cancelled now');
    await store.close();
  });

  it('R-CODE-7: a change that refunds nothing puts nothing on the phone: no ledger line, no refund SMS', async () => {
    const store = await paid();
    const before = await store.phoneAccount(DEMO_PHONE);
    await store.changeOrder('1000000002', { kind: 'cancel' }, NOW); // unpaid: cancelled with nothing to give back
    await store.changeOrder('1000000001', { kind: 'ship' }, NOW + 2 * DAY_MS);
    expect((await store.findOrder('1000000002'))!.stage).toBe('cancelled');
    expect(await store.phoneAccount(DEMO_PHONE)).toEqual({ ...before, sms: expect.any(Array) });
    expect((await store.phoneAccount(DEMO_PHONE)).sms.filter((m) => m.kind === 'refund')).toEqual([]);
    await store.close();
  });

  it('R-PROT-1: shipped, delivered, then confirmed: the money is released to the seller; out of order is refused', async () => {
    const store = await paid();
    const settled = NOW + 2 * DAY_MS;
    await expect(store.changeOrder('1000000002', { kind: 'ship' }, settled)).rejects.toThrow(/not paid/);
    await expect(store.changeOrder('1000000001', { kind: 'deliver' }, settled)).rejects.toThrow('order 1000000001 is placed: it cannot be delivered now');
    await expect(store.changeOrder('1000000001', { kind: 'confirm' }, settled)).rejects.toThrow(OrderRefused);
    await store.changeOrder('1000000001', { kind: 'ship' }, settled);
    await expect(store.changeOrder('1000000001', { kind: 'cancel' }, settled)).rejects.toThrow(/only a dispute/);
    await store.changeOrder('1000000001', { kind: 'deliver' }, settled + DAY_MS);
    await store.changeOrder('1000000001', { kind: 'confirm' }, settled + 2 * DAY_MS);
    const order = (await store.findOrder('1000000001'))!;
    expect(order.stage).toBe('released');
    expect(order.history.map((e) => e.kind)).toEqual(['issued', 'paid', 'shipped', 'delivered', 'released']);
    expect(order.history.at(-1)).toMatchObject({ at: settled + 2 * DAY_MS, amount: '4750.00' });
    await store.close();
  });

  it('R-PROT-2: a dispute ends in a full refund, a partial refund or a reshipment', async () => {
    const store = await paid(0);
    await store.changeOrder('1000000001', { kind: 'ship' }, NOW);
    await store.changeOrder('1000000001', { kind: 'dispute' }, NOW + 1);
    expect((await store.findOrder('1000000001'))!.stage).toBe('disputed');
    await store.changeOrder('1000000001', { kind: 'dispute', outcome: { kind: 'reshipment' } }, NOW + 2);
    expect((await store.findOrder('1000000001'))!.stage).toBe('placed');
    await store.changeOrder('1000000001', { kind: 'ship' }, NOW + 3);
    await store.changeOrder('1000000001', { kind: 'deliver' }, NOW + 4);
    await expect(store.changeOrder('1000000001', { kind: 'dispute', outcome: { kind: 'partial', amount: '4750.01' } }, NOW + 5)).rejects.toThrow(/at most 4750.00/);
    await store.changeOrder('1000000001', { kind: 'dispute', outcome: { kind: 'partial', amount: '1000.00' } }, NOW + 5);
    expect(await store.findOrder('1000000001')).toMatchObject({ stage: 'released', refunded: '1000.00' });
    expect(await store.phoneAccount(DEMO_PHONE)).toMatchObject({ balance: '1250.00' });
    expect((await store.phoneAccount(DEMO_PHONE)).sms.at(-1)).toMatchObject({ kind: 'refund', amount: '1000.00', code: '1000000001' });
    await expect(store.changeOrder('1000000001', { kind: 'dispute', outcome: { kind: 'full' } }, NOW + 6)).rejects.toThrow(/is released/);
    await store.close();

    const full = await paid(0);
    await full.changeOrder('1000000001', { kind: 'ship' }, NOW);
    await full.changeOrder('1000000001', { kind: 'dispute', outcome: { kind: 'full' } }, NOW + 1); // the parcel never arrived
    expect(await full.findOrder('1000000001')).toMatchObject({ stage: 'refunded', refunded: '4750.00' });
    expect((await full.phoneAccount(DEMO_PHONE)).balance).toBe('5000.00');
    await full.close();
  });

  it('a found order is a copy: changing it changes nothing stored', async () => {
    const store = await paid();
    const found = (await store.findOrder('1000000001'))!;
    const kept = structuredClone(found);
    found.stage = 'cancelled';
    found.history.push({ at: NOW, kind: 'cancelled', why: '', amount: null, ref: null });
    expect(await store.findOrder('1000000001')).toEqual(kept);
    await store.close();
  });

  it('R-CODE-2: an expired unpaid order is placed again under a new code valid 48 hours, sent by SMS; a valid one is not', async () => {
    const store = await open();
    await seedDemoInto(store, NOW);
    await expect(store.changeOrder('1000000002', { kind: 'renew', newCode: '2000000002' }, NOW)).rejects.toThrow(/has not expired/);
    await expect(store.changeOrder('1000000001', { kind: 'renew', newCode: '1000000002' }, NOW + 48 * HOUR_MS)).rejects.toThrow('order 1000000002 exists already');
    const outcome = await store.changeOrder('1000000004', { kind: 'renew', newCode: '2000000004' }, NOW);
    expect(outcome.placed).toMatchObject({ code: '2000000004', codeAmount: '1200.00', issuedAt: NOW, renewedFrom: '1000000004', status: 'awaiting' });
    expect(await store.findOrder('1000000004')).toMatchObject({ renewedAs: '2000000004' });
    expect(await store.findOrder('2000000004')).toEqual(outcome.placed);
    expect(evaluateLookup('2000000004', await store.findOrder('2000000004'), NOW + 47 * HOUR_MS, DEFAULT_RULES).kind).toBe('payable');
    expect((await store.phoneAccount(DEMO_PHONE)).sms.at(-1)).toEqual({ phone: DEMO_PHONE, at: NOW, sender: 'AliExpress', kind: 'code', amount: '1200.00', code: '2000000004' });
    await expect(store.changeOrder('1000000004', { kind: 'renew', newCode: '3000000004' }, NOW)).rejects.toThrow('already placed again as 2000000004');
    await store.close();
  });
});
