import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEMO_PHONE, seedDemo } from '../../src/domain/orders/demo.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { crashPoints, NOW, useTempDirs, openCashSessionSync, insertNotesSync } from './helpers.js';

const tempDir = useTempDirs();

function freshStore(): { store: SqliteStore; path: string } {
  const path = join(tempDir(), 'kiosk.db');
  const store = SqliteStore.open(path);
  seedDemo(store, NOW);
  return { store, path };
}

describe('SqliteStore orders', () => {
  it('refuses money that is not a canonical decimal string', () => {
    const { store } = freshStore();
    const order = newOrder({ code: '2000000001', codeAmount: '100.00', phone: DEMO_PHONE, issuedAt: NOW });
    expect(() => store.addOrder({ ...order, price: 100.5 as unknown as string })).toThrow(/canonical amount/);
    expect(() => store.repriceOrder('1000000001', '4800')).toThrow(/canonical amount/);
    for (const price of ['100.5', '100.500', 'x100.50', '100.50 ', '1e2', '']) {
      expect(() => store.addOrder({ ...order, price })).toThrow(`not a canonical amount of money: ${JSON.stringify(price)}`);
    }
    expect(store.findOrder('2000000001')).toBeUndefined();
    store.close();
  });

  it('stores every amount as TEXT and has no REAL column', () => {
    const { store, path } = freshStore();
    store.close();
    const raw = new Database(path, { readonly: true });
    const types = raw.prepare<{ t: string }>('SELECT DISTINCT typeof(price) AS t FROM orders').all();
    expect(types).toEqual([{ t: 'text' }]);
    const realColumns = raw
      .prepare<{ n: number }>(
        `SELECT COUNT(*) AS n FROM sqlite_schema s, pragma_table_info(s.name) c
         WHERE s.type = 'table' AND upper(c.type) IN ('REAL', 'FLOAT', 'DOUBLE', 'NUMERIC')`,
      )
      .get();
    expect(realColumns).toEqual({ n: 0 });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});

describe('SqliteStore payments', () => {
  it('two terminals on one file racing on a code: the second pays nothing to the order, all its cash to the phone', () => {
    const { store: t1, path } = freshStore();
    const t2 = SqliteStore.open(path);
    openCashSessionSync(t1, 'a', '1000000002', '3000.00');
    openCashSessionSync(t2, 'b', '1000000002', '3000.00', { terminalId: 'T2' });
    insertNotesSync(t1, 'a', [1000, 2000]);
    insertNotesSync(t2, 'b', [2000, 1000]);

    expect(t1.completePayment('a', 'pay', NOW).receipt).toMatchObject({ number: 'T1-000001', toOrder: '3000.00', toPhone: '0.00' });
    const late = t2.completePayment('b', 'pay', NOW);
    expect(late.receipt).toMatchObject({ number: 'T2-000001', toOrder: '0.00', toPhone: '3000.00', orderStatus: 'paid', owed: '0.00' });
    expect(late.sms).toEqual([{ phone: DEMO_PHONE, at: NOW, sender: 'MTS', kind: 'topup', amount: '3000.00', receipt: 'T2-000001' }]);
    expect(t1.findOrder('1000000002')).toMatchObject({ status: 'paid', paid: '3000.00', owed: '0.00' });
    expect(t1.phoneAccount(DEMO_PHONE).balance).toBe('3000.00');
    t1.close();
    t2.close();
  });

  it('keeps the printed receipt text', () => {
    const { store } = freshStore();
    openCashSessionSync(store, 's1', '1000000002', '3000.00');
    insertNotesSync(store, 's1', [1000, 2000]);
    store.completePayment('s1', 'pay', NOW);
    expect(store.receiptText('T1-000001')).toBeUndefined();
    store.setReceiptText('T1-000001', 'RECEIPT T1-000001\n3 000,00 ₽');
    expect(store.receiptText('T1-000001')).toBe('RECEIPT T1-000001\n3 000,00 ₽');
    expect(() => store.setReceiptText('T1-000099', 'x')).toThrow('no receipt T1-000099');
    expect(store.receiptText('T1-000099')).toBeUndefined();
    store.close();
  });
});

describe('SqliteStore durability', () => {
  it('keeps orders, accounts, receipts and unfinished cash across close and reopen', () => {
    const { store, path } = freshStore();
    store.repriceOrder('1000000003', '14000.00');
    openCashSessionSync(store, 'paid', '1000000001', '4750.00');
    insertNotesSync(store, 'paid', [5000]);
    store.completePayment('paid', 'pay', NOW, true);
    store.setReceiptText('T1-000001', 'printed');
    openCashSessionSync(store, 'crashed', '1000000002', '3000.00');
    insertNotesSync(store, 'crashed', [2000, 500]);
    const before = {
      orders: store.listOrders(), account: store.phoneAccount(DEMO_PHONE), receipt: store.receipt('T1-000001'),
      unfinished: store.unfinishedSessions(),
    };
    store.close();
    store.close(); // closing twice is harmless

    const reopened = SqliteStore.open(path);
    expect(reopened.listOrders()).toEqual(before.orders);
    expect(reopened.findOrder('1000000003')?.price).toBe('14000.00');
    expect(reopened.phoneAccount(DEMO_PHONE)).toEqual(before.account);
    expect(reopened.receipt('T1-000001')).toEqual(before.receipt);
    expect(reopened.receipt('T1-000001')?.recovered).toBe(true);
    expect(reopened.receiptText('T1-000001')).toBe('printed');
    expect(reopened.unfinishedSessions()).toEqual(before.unfinished);
    expect(before.unfinished.map((s) => s.notes)).toEqual([[2000, 500]]);
    // the journaled cash can still be paid after the restart, and numbering continues
    expect(reopened.completePayment('crashed', 'timeout', NOW, true).receipt.number).toBe('T1-000002');
    reopened.close();
  });

  it('placing an order passes its crash points in order; a crash between the row and the SMS keeps neither', () => {
    const points = crashPoints();
    const store = SqliteStore.open(join(tempDir(), 'kiosk.db'), { checkpoint: points.checkpoint });
    const sms = (code: string) => ({ phone: DEMO_PHONE, at: NOW, sender: 'AliExpress', kind: 'code' as const, amount: '10.00', code });
    store.placeOrder(newOrder({ code: '3000000001', codeAmount: '10.00', phone: DEMO_PHONE, issuedAt: NOW }), sms('3000000001'));
    expect(points.seen).toEqual(['order:before', 'order:during', 'order:after']);
    points.crashAt = 'order:during';
    expect(() => store.placeOrder(newOrder({ code: '3000000002', codeAmount: '10.00', phone: DEMO_PHONE, issuedAt: NOW }), sms('3000000002')))
      .toThrow('killed at order:during');
    expect(store.findOrder('3000000002')).toBeUndefined();
    expect(store.phoneAccount(DEMO_PHONE).sms.map((m) => ('code' in m ? m.code : null))).toEqual(['3000000001']);
    store.close();
  });

  it('the every-second look for overdue mobile requests and due refunds takes no write lock when nothing is due: another terminal\'s open write does not hold it up', () => {
    const { store, path } = freshStore();
    const otherTerminal = new Database(path);
    otherTerminal.exec('BEGIN IMMEDIATE');
    try {
      // a write here would wait out the busy timeout on this very thread, then fail with SQLITE_BUSY
      expect(store.expireMobilePayments(NOW)).toEqual([]);
      expect(store.landMobileRefunds(NOW)).toEqual([]);
    } finally {
      otherTerminal.exec('ROLLBACK');
      otherTerminal.close();
      store.close();
    }
  });

  it('opens read-only for inspection: reads work, writes fail with StoreError readonly', () => {
    const { store, path } = freshStore();
    store.close();
    const inspector = SqliteStore.open(path, { readonly: true });
    expect(inspector.listOrders()).toHaveLength(6);
    expect(() => inspector.repriceOrder('1000000001', '1.00')).toThrow(expect.objectContaining({ code: 'readonly' }));
    inspector.close();
    expect(() => SqliteStore.open(join(tempDir(), 'missing.db'), { readonly: true })).toThrow(expect.objectContaining({ code: 'io' }));
  });

  it('opened read-only, a file is never written: a rollback-journal file stays one, an older schema is refused naming both versions', () => {
    const { store, path } = freshStore();
    store.close();
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const bytes = readFileSync(path);
    const inspector = SqliteStore.open(path, { readonly: true });
    expect(inspector.listOrders()).toHaveLength(6);
    inspector.close();
    expect(readFileSync(path).equals(bytes)).toBe(true);

    const older = join(tempDir(), 'v4.db');
    const v4 = new Database(older);
    for (const migration of MIGRATIONS.slice(0, 4)) v4.exec(migration.sql);
    v4.pragma('user_version = 4');
    v4.close();
    const olderBytes = readFileSync(older);
    expect(() => SqliteStore.open(older, { readonly: true })).toThrow(expect.objectContaining({
      code: 'readonly',
      message: `${older} has schema version 4 and needs ${LATEST_SCHEMA_VERSION}, but it was opened read-only`,
    }));
    expect(readFileSync(older).equals(olderBytes)).toBe(true);
  });
});
