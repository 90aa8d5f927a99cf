/**
 * Desk payments in every store (R-CASH-1..4): one transaction for the order's credit, the fiscal
 * receipt and the register's counters; stores agree to the kopeck and to the fiscal numbers.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedDemo, seedDemoInto, DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { isProcessing } from '../../src/domain/orders/orderLife.js';
import type { KioskStore } from '../../src/domain/store.js';
import { DAY_MS } from '../../src/domain/rules.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { crashPoints, insertNotes, NOW, openCashSession, useTempDirs } from './helpers.js';
import { storeAdapters } from './adapters.js';

const tempDir = useTempDirs();

const ADAPTERS = storeAdapters(tempDir, { pg: true });

const QR = /^t=\d{8}T\d{4}&s=\d+\.\d{2}&fn=\d{16}&i=\d+&fp=\d{10}&n=1$/;

describe.each(ADAPTERS)('%s takes payments at a desk', (_name, open) => {
  async function seeded(): Promise<KioskStore> {
    const store = await open();
    await seedDemoInto(store, NOW);
    return store;
  }

  it('R-CASH-2: 16,990 ₽ paid at the cashier with 20,000 ₽: exactly the amount, 3,010 ₽ change, no cap of the terminal', async () => {
    const store = await seeded();
    const outcome = await store.payAtDesk({ place: 'cashier', code: '1000000003', due: '16990.00', received: '20000.00', at: NOW });
    expect(outcome).toMatchObject({ kind: 'paid', receipt: { total: '16990.00', received: '20000.00', change: '3010.00', orderStatus: 'paid' } });
    expect(await store.findOrder('1000000003')).toMatchObject({ status: 'paid', paid: '16990.00', owed: '0.00' });
    // nothing went to the phone: a person gives change in cash
    expect((await store.phoneAccount(DEMO_PHONE)).balance).toBe('0.00');
    await store.close();
  });

  it('R-CASH-1: paying at a desk shows on the site as processing, like a terminal payment (R-CODE-6)', async () => {
    const store = await seeded();
    await store.payAtDesk({ place: 'post', code: '1000000001', due: '4750.00', received: '5000.00', at: NOW });
    const order = (await store.findOrder('1000000001'))!;
    expect(order.credits).toEqual([{ receipt: 'P-101000-000001', amount: '4750.00', acceptedAt: NOW, settlesAt: NOW + 2 * DAY_MS }]);
    expect(isProcessing(order, NOW + DAY_MS)).toBe(true);
    expect(isProcessing(order, NOW + 2 * DAY_MS)).toBe(false);
    await store.close();
  });

  it('R-CASH-4: every receipt has its register\'s next numbers, never reused, and the QR payload', async () => {
    const store = await seeded();
    const first = await store.payAtDesk({ place: 'cashier', code: '1000000001', due: '4750.00', received: '5000.00', at: NOW });
    const second = await store.payAtDesk({ place: 'cashier', code: '1000000002', due: '3000.00', received: '3000.00', at: NOW + 60_000 });
    const post = await store.payAtDesk({ place: 'post', code: '1000000003', due: '16990.00', received: '17000.00', at: NOW + 120_000 });
    if (first.kind !== 'paid' || second.kind !== 'paid' || post.kind !== 'paid') throw new Error('a payment was refused');
    expect([first.receipt.number, second.receipt.number, post.receipt.number]).toEqual(['K-1-000001', 'K-1-000002', 'P-101000-000001']);
    expect([first.receipt.fd, second.receipt.fd, second.receipt.inShift, second.receipt.shift]).toEqual([1, 2, 2, 1]);
    expect(first.receipt.qr).toMatch(QR);
    // 2025-01-15 12:00 UTC is 15:00 in Moscow
    expect(first.receipt.qr).toBe(`t=20250115T1500&s=4750.00&fn=9999078900012345&i=1&fp=${first.receipt.fp}&n=1`);
    expect(first.receipt.fp).not.toBe(second.receipt.fp);
    expect((await store.deskReceipts()).map((r) => r.number)).toEqual(['K-1-000001', 'K-1-000002', 'P-101000-000001']);
    await store.close();
  });

  it('R-CASH-1: two desks and a terminal paying one code: exactly one credit, the others are refused and take nothing', async () => {
    const store = await seeded();
    await openCashSession(store, 's1', '1000000002', '3000.00');
    await insertNotes(store, 's1', [2000, 1000]);
    const atDesk = await store.payAtDesk({ place: 'cashier', code: '1000000002', due: '3000.00', received: '5000.00', at: NOW });
    const atPost = await store.payAtDesk({ place: 'post', code: '1000000002', due: '3000.00', received: '3000.00', at: NOW + 1 });
    const atTerminal = await store.completePayment('s1', 'pay', NOW + 2);
    expect(atDesk.kind).toBe('paid');
    expect(atPost).toMatchObject({ kind: 'refused', reason: 'alreadyPaid' });
    expect(atTerminal.receipt).toMatchObject({ toOrder: '0.00', toPhone: '3000.00' });
    expect(await store.findOrder('1000000002')).toMatchObject({ status: 'paid', paid: '3000.00' });
    expect((await store.findOrder('1000000002'))!.credits).toHaveLength(1);
    expect(await store.deskReceipts()).toHaveLength(1);
    await store.close();
  });

  it('R-CODE-5: a partially paid order: the desk takes only the rest', async () => {
    const store = await seeded();
    await openCashSession(store, 's1', '1000000006', '2000.00');
    await insertNotes(store, 's1', [2000]);
    await store.completePayment('s1', 'pay', NOW);
    const outcome = await store.payAtDesk({ place: 'cashier', code: '1000000006', due: '300.00', received: '500.00', at: NOW + 1 });
    expect(outcome).toMatchObject({ kind: 'paid', receipt: { total: '300.00', change: '200.00', orderStatus: 'paid' } });
    expect(await store.findOrder('1000000006')).toMatchObject({ status: 'paid', paid: '2300.00', owed: '0.00' });
    await store.close();
  });

  it('refuses an unknown code and cash that does not cover what is due, changing nothing', async () => {
    const store = await seeded();
    expect(await store.payAtDesk({ place: 'cashier', code: '9999999999', due: '1.00', received: '1.00', at: NOW })).toMatchObject({ kind: 'refused', reason: 'unknown' });
    await expect(store.payAtDesk({ place: 'cashier', code: '1000000001', due: '4750.00', received: '4000.00', at: NOW })).rejects.toThrow(/does not cover/);
    expect(await store.findOrder('1000000001')).toMatchObject({ status: 'awaiting', paid: '0.00' });
    expect(await store.deskReceipts()).toEqual([]);
    await store.close();
  });
});

describe('desk payments in SQLite are durable', () => {
  it('R-CASH-4: after a restart the receipts are there and the register counts on, never reusing a number', () => {
    const path = join(tempDir(), 'kiosk.db');
    const store = SqliteStore.open(path);
    seedDemo(store, NOW);
    store.payAtDesk({ place: 'cashier', code: '1000000001', due: '4750.00', received: '5000.00', at: NOW });
    store.close();
    const reopened = SqliteStore.open(path);
    expect(reopened.deskReceipts()).toEqual([expect.objectContaining({ number: 'K-1-000001', change: '250.00' })]);
    const next = reopened.payAtDesk({ place: 'cashier', code: '1000000002', due: '3000.00', received: '3000.00', at: NOW + 1 });
    expect(next).toMatchObject({ kind: 'paid', receipt: { number: 'K-1-000002', fd: 2 } });
    reopened.close();
  });

  it('R-CASH-1: a crash inside the payment\'s transaction leaves nothing: no credit, no receipt, the counter not moved; a refusal passes no crash point', () => {
    const path = join(tempDir(), 'kiosk.db');
    const points = crashPoints();
    points.crashAt = 'desk:during';
    const store = SqliteStore.open(path, { checkpoint: points.checkpoint });
    seedDemo(store, NOW);
    expect(() => store.payAtDesk({ place: 'cashier', code: '1000000001', due: '4750.00', received: '5000.00', at: NOW })).toThrow('killed at desk:during');
    expect(store.findOrder('1000000001')).toMatchObject({ status: 'awaiting', paid: '0.00', credits: [] });
    expect(store.deskReceipts()).toEqual([]);
    points.crashAt = '';
    const paid = store.payAtDesk({ place: 'cashier', code: '1000000001', due: '4750.00', received: '5000.00', at: NOW + 1 });
    expect(paid).toMatchObject({ kind: 'paid', receipt: { number: 'K-1-000001', fd: 1 } });
    points.seen.length = 0;
    expect(store.payAtDesk({ place: 'cashier', code: '1000000001', due: '4750.00', received: '5000.00', at: NOW + 2 })).toMatchObject({ kind: 'refused', reason: 'alreadyPaid' });
    expect(points.seen).toEqual([]);
    store.close();
  });

  it('upgrades a version-4 database: terminal credits kept, and a desk credit can join them', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 4)) raw.exec(migration.sql);
    raw.pragma('user_version = 4');
    raw.exec(`INSERT INTO orders (code, code_amount, price, phone, issued_at, region, channel, status, paid, owed)
      VALUES ('1000000006', '2000.00', '2300.00', '${DEMO_PHONE}', ${NOW}, 'RU', 'pc', 'partially_paid', '2000.00', '300.00')`);
    raw.exec(`INSERT INTO order_events (code, at, kind, amount) VALUES ('1000000006', ${NOW}, 'issued', '2000.00')`);
    raw.exec(`INSERT INTO cash_sessions (id, terminal_id, code, due, phone, operator, opened_at, state) VALUES ('s', 'T1', '1000000006', '2000.00', '${DEMO_PHONE}', 'mts', ${NOW}, 'paid')`);
    raw.exec(`INSERT INTO receipts (number, terminal_id, seq, at, code, due, accepted, to_order, to_phone, phone, operator, order_status, owed, recovered, session_id)
      VALUES ('T1-000001', 'T1', 1, ${NOW}, '1000000006', '2000.00', '2000.00', '2000.00', '0.00', '${DEMO_PHONE}', 'mts', 'partially_paid', '300.00', 0, 's')`);
    raw.exec(`INSERT INTO order_credits (code, receipt, amount, accepted_at, settles_at) VALUES ('1000000006', 'T1-000001', '2000.00', ${NOW}, ${NOW + 2 * DAY_MS})`);
    raw.close();

    const store = SqliteStore.open(path);
    expect(store.findOrder('1000000006')!.credits).toEqual([{ receipt: 'T1-000001', amount: '2000.00', acceptedAt: NOW, settlesAt: NOW + 2 * DAY_MS }]);
    const outcome = store.payAtDesk({ place: 'post', code: '1000000006', due: '300.00', received: '300.00', at: NOW + 5 });
    expect(outcome).toMatchObject({ kind: 'paid', receipt: { number: 'P-101000-000001' } });
    expect(store.findOrder('1000000006')!.credits.map((c) => c.receipt)).toEqual(['T1-000001', 'P-101000-000001']);
    store.close();
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    reopened.close();
  });
});
