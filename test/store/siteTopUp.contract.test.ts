/**
 * R-MOB-10: a phone top-up bought on the site is an order whose payment goes, whole, to the topped-up
 * phone's balance; every store keeps which phone it tops up (SQLite from schema 10, reopened and
 * upgraded from version 9), and its code may be paid for 1 hour only.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { evaluateLookup, newOrder } from '../../src/domain/orders/orders.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { insertNotes, NOW, openCashSession, useTempDirs } from './helpers.js';
import { storeAdapters } from './adapters.js';

const tempDir = useTempDirs();
const ORDER_PHONE = '+79161234567';
const TOPPED_UP = '+79051234567';
const CODE = '5000000001';
const topUpOrder = () => newOrder({ code: CODE, codeAmount: '700.00', phone: ORDER_PHONE, issuedAt: NOW, topUpPhone: TOPPED_UP });

const ADAPTERS = storeAdapters(tempDir, { pg: true });

describe.each(ADAPTERS)('%s: a site top-up order', (_name, open) => {
  it('R-MOB-10: paid in cash at the terminal, the whole amount tops up its phone (ledger line, SMS); the change still goes to the order\'s phone', async () => {
    const store = await open();
    await store.setPhoneAccount(TOPPED_UP, 'beeline', '20.00');
    await store.addOrder(topUpOrder());
    await openCashSession(store, 's1', CODE, '700.00');
    await insertNotes(store, 's1', [500, 200, 100]);
    const outcome = await store.completePayment('s1', 'pay', NOW + 60_000);

    expect(outcome.order).toMatchObject({ status: 'paid', paid: '700.00', topUpPhone: TOPPED_UP });
    expect(outcome.receipt).toMatchObject({ toOrder: '700.00', toPhone: '100.00', phone: ORDER_PHONE });
    const toppedUp = await store.phoneAccount(TOPPED_UP);
    expect(toppedUp.balance).toBe('720.00');
    expect(toppedUp.ledger.at(-1)).toEqual({ at: NOW + 60_000, amount: '700.00', reason: `site top-up order ${CODE}, receipt ${outcome.receipt.number}` });
    expect(toppedUp.sms.at(-1)).toEqual({ phone: TOPPED_UP, at: NOW + 60_000, sender: 'Beeline', kind: 'topup', amount: '700.00', receipt: outcome.receipt.number });
    expect((await store.phoneAccount(ORDER_PHONE)).balance).toBe('100.00');
    expect(outcome.sms.map((m) => [m.phone, m.amount])).toEqual([[TOPPED_UP, '700.00'], [ORDER_PHONE, '100.00']]);
    // paying the session again credits nothing more
    expect((await store.completePayment('s1', 'pay', NOW + 70_000)).alreadyPaid).toBe(true);
    expect((await store.phoneAccount(TOPPED_UP)).balance).toBe('720.00');
    await store.close();
  });

  it('R-MOB-10: paid at a desk, the whole amount tops up its phone (ledger line); the change is the cashier\'s, and paying again adds nothing', async () => {
    const store = await open();
    await store.addOrder(topUpOrder());
    const outcome = await store.payAtDesk({ place: 'post', code: CODE, due: '700.00', received: '1000.00', at: NOW + 60_000 });
    expect(outcome).toMatchObject({ kind: 'paid', receipt: { total: '700.00', change: '300.00' } });
    const number = outcome.kind === 'paid' ? outcome.receipt.number : '';
    const toppedUp = await store.phoneAccount(TOPPED_UP);
    expect(toppedUp.balance).toBe('700.00');
    expect(toppedUp.ledger).toEqual([{ at: NOW + 60_000, amount: '700.00', reason: `site top-up order ${CODE}, receipt ${number}` }]);
    expect((await store.payAtDesk({ place: 'cashier', code: CODE, due: '700.00', received: '700.00', at: NOW + 70_000 })).kind).toBe('refused');
    expect((await store.phoneAccount(TOPPED_UP)).balance).toBe('700.00');
    expect((await store.phoneAccount(ORDER_PHONE)).balance).toBe('0.00');
    await store.close();
  });

  it('R-MOB-10: an order of goods tops up nothing: its payment stays with the order', async () => {
    const store = await open();
    await store.addOrder(newOrder({ code: CODE, codeAmount: '700.00', phone: ORDER_PHONE, issuedAt: NOW }));
    await openCashSession(store, 's1', CODE, '700.00');
    await insertNotes(store, 's1', [500, 200]);
    const outcome = await store.completePayment('s1', 'pay', NOW + 1000);
    expect(outcome.sms).toEqual([]);
    expect((await store.phoneAccount(TOPPED_UP)).balance).toBe('0.00');
    await store.close();
  });

  it('R-MOB-10: the stored order keeps its phone to top up, and its code is refused as expired from 1 hour after it was placed', async () => {
    const store = await open();
    await store.addOrder(topUpOrder());
    const stored = await store.findOrder(CODE);
    expect(stored?.topUpPhone).toBe(TOPPED_UP);
    expect(evaluateLookup(CODE, stored, NOW + 3_599_999, DEFAULT_RULES).kind).toBe('payable');
    expect(evaluateLookup(CODE, stored, NOW + 3_600_000, DEFAULT_RULES)).toMatchObject({ kind: 'refused', reason: 'expired' });
    await store.close();
  });
});

describe('SqliteStore: the phone a site order tops up', () => {
  it('R-MOB-10: survives reopening the file', () => {
    const path = join(tempDir(), 'kiosk.db');
    const store = SqliteStore.open(path);
    store.addOrder(topUpOrder());
    store.close();
    const reopened = SqliteStore.open(path);
    expect(reopened.findOrder(CODE)?.topUpPhone).toBe(TOPPED_UP);
    expect(reopened.listOrders().map((o) => o.topUpPhone)).toEqual([TOPPED_UP]);
    reopened.close();
  });

  it('R-MOB-10: upgrades a version-9 database: its orders top up nothing, new ones keep their phone', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 9)) raw.exec(migration.sql);
    raw.pragma('user_version = 9');
    raw.exec(`INSERT INTO orders (code, code_amount, price, phone, issued_at, region, channel, status, paid, owed, stage, refunded)
      VALUES ('1000000001', '4750.00', '4750.00', '${ORDER_PHONE}', 0, 'RU', 'pc', 'awaiting', '0.00', '4750.00', 'placed', '0.00')`);
    raw.close();
    const store = SqliteStore.open(path);
    expect(store.findOrder('1000000001')?.topUpPhone).toBeNull();
    store.addOrder(topUpOrder());
    expect(store.findOrder(CODE)?.topUpPhone).toBe(TOPPED_UP);
    store.close();
    const reopened = new Database(path);
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    reopened.close();
  });
});
