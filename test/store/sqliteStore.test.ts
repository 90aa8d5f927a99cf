import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEMO_PHONE, demoOrders, seedDemo } from '../../src/domain/demo.js';
import { newOrder } from '../../src/domain/orders.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { insertNotes, NOW, openCashSession, useTempDirs } from './helpers.js';

const tempDir = useTempDirs();

function freshStore(): { store: SqliteStore; path: string } {
  const path = join(tempDir(), 'kiosk.db');
  const store = SqliteStore.open(path);
  seedDemo(store, NOW);
  return { store, path };
}

describe('SqliteStore orders', () => {
  it('adds, finds and lists orders in insertion order', () => {
    const { store } = freshStore();
    expect(store.listOrders().map((o) => o.code)).toEqual(demoOrders(NOW).map((o) => o.code));
    expect(store.findOrder('1000000006')).toEqual(demoOrders(NOW)[5]);
    expect(store.findOrder('9999999999')).toBeUndefined();
    expect(() => store.addOrder(demoOrders(NOW)[0]!)).toThrow('order 1000000001 exists already');
    store.close();
  });

  it('refuses money that is not a canonical decimal string', () => {
    const { store } = freshStore();
    const order = newOrder({ code: '2000000001', codeAmount: '100.00', phone: DEMO_PHONE, issuedAt: NOW });
    expect(() => store.addOrder({ ...order, price: 100.5 as unknown as string })).toThrow(/canonical amount/);
    expect(() => store.repriceOrder('1000000001', '4800')).toThrow(/canonical amount/);
    expect(store.findOrder('2000000001')).toBeUndefined();
    store.close();
  });

  it('R-CODE-5: repricing an unpaid order changes what is owed; a paid order stays paid', () => {
    const { store } = freshStore();
    expect(store.repriceOrder('1000000002', '3500.00')).toMatchObject({ price: '3500.00', owed: '3500.00', status: 'awaiting' });
    expect(store.findOrder('1000000002')).toMatchObject({ codeAmount: '3000.00', price: '3500.00', owed: '3500.00' });
    expect(store.repriceOrder('1000000005', '1200.00')).toMatchObject({ price: '1200.00', owed: '0.00', status: 'paid' });
    expect(() => store.repriceOrder('9999999999', '1.00')).toThrow('no order 9999999999');
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

describe('SqliteStore cash journal', () => {
  it('lists open sessions that hold cash, notes in insertion order, filtered by terminal', () => {
    const { store } = freshStore();
    openCashSession(store, 's1', '1000000001', '4750.00');
    openCashSession(store, 's2', '1000000002', '3000.00', { terminalId: 'T2', openedAt: NOW + 5 });
    openCashSession(store, 's3', '1000000006', '2000.00'); // no cash yet: not unfinished
    insertNotes(store, 's1', [1000, 5000, 50]);
    insertNotes(store, 's2', [100]);

    const all = store.unfinishedSessions();
    expect(all.map((s) => [s.id, s.notes])).toEqual([
      ['s1', [1000, 5000, 50]],
      ['s2', [100]],
    ]);
    expect(all[1]).toEqual({
      id: 's2', terminalId: 'T2', code: '1000000002', due: '3000.00', phone: DEMO_PHONE, operator: 'mts', openedAt: NOW + 5,
      owner: null, notes: [100],
    });
    expect(store.unfinishedSessions('T2').map((s) => s.id)).toEqual(['s2']);
    expect(store.unfinishedSessions('T9')).toEqual([]);
    store.close();
  });

  it('never replaces a session and takes no cash for unknown, paid or abandoned sessions', () => {
    const { store } = freshStore();
    openCashSession(store, 's1', '1000000001', '4750.00');
    insertNotes(store, 's1', [5000]);
    expect(() => openCashSession(store, 's1', '1000000002', '3000.00')).toThrow('cash session s1 exists already');
    expect(() => store.journalNote('nope', 100, NOW)).toThrow('no cash session nope');
    expect(() => store.abandonSession('s1')).toThrow('cash session s1 holds cash and cannot be abandoned');

    openCashSession(store, 's2', '1000000002', '3000.00');
    store.abandonSession('s2');
    expect(() => store.journalNote('s2', 100, NOW)).toThrow(/s2 is abandoned/);
    store.completePayment('s1', 'pay', NOW);
    expect(() => store.journalNote('s1', 100, NOW)).toThrow(/s1 is paid/);
    expect(store.unfinishedSessions()).toEqual([]);
    store.close();
  });
});

describe('SqliteStore payments', () => {
  it('R-TERM-2: cash above the amount due goes to the phone balance with a receipt, ledger line and SMS', () => {
    const { store } = freshStore();
    store.setPhoneAccount(DEMO_PHONE, 'megafon', '100.00');
    openCashSession(store, 's1', '1000000001', '4750.00');
    insertNotes(store, 's1', [5000]);

    const outcome = store.completePayment('s1', 'pay', NOW + 9000);
    const receipt = {
      number: 'T1-000001', terminalId: 'T1', at: NOW + 9000, code: '1000000001', due: '4750.00', accepted: '5000.00',
      toOrder: '4750.00', toPhone: '250.00', phone: DEMO_PHONE, operator: 'mts', orderStatus: 'paid', owed: '0.00', recovered: false,
    };
    const sms = { phone: DEMO_PHONE, at: NOW + 9000, kind: 'topup', amount: '250.00', receipt: 'T1-000001' };
    expect(outcome).toEqual({ receipt, order: { ...demoOrders(NOW)[0], status: 'paid', paid: '4750.00', owed: '0.00' }, sms: [sms] });
    expect(store.receipt('T1-000001')).toEqual(receipt);
    expect(store.findOrder('1000000001')).toMatchObject({ status: 'paid', paid: '4750.00', owed: '0.00' });
    expect(store.phoneAccount(DEMO_PHONE)).toEqual({
      phone: DEMO_PHONE,
      operator: 'megafon', // the account's own operator wins over the one picked on screen
      balance: '350.00',
      ledger: [{ at: NOW + 9000, amount: '250.00', reason: 'change from receipt T1-000001 (pay)' }],
      sms: [sms],
    });
    // paying again (a second recovery, a retried commit) credits nothing and gives the same receipt
    expect(store.completePayment('s1', 'timeout', NOW + 60_000, true)).toEqual({
      receipt, order: { ...demoOrders(NOW)[0], status: 'paid', paid: '4750.00', owed: '0.00' }, sms: [sms], alreadyPaid: true,
    });
    expect(store.phoneAccount(DEMO_PHONE).balance).toBe('350.00');
    expect(store.phoneAccount(DEMO_PHONE).ledger).toHaveLength(1);
    store.close();
  });

  it('R-CODE-5: cash for the code amount leaves a risen price partially paid, and the rest can be paid later', () => {
    const { store } = freshStore();
    openCashSession(store, 's1', '1000000006', '2000.00');
    insertNotes(store, 's1', [1000, 1000]);
    const first = store.completePayment('s1', 'timeout', NOW);
    expect(first.receipt).toMatchObject({ toOrder: '2000.00', toPhone: '0.00', orderStatus: 'partially_paid', owed: '300.00' });
    expect(first.sms).toEqual([]);
    expect(store.findOrder('1000000006')).toMatchObject({ status: 'partially_paid', paid: '2000.00', owed: '300.00' });
    expect(store.phoneAccount(DEMO_PHONE)).toMatchObject({ operator: null, balance: '0.00', ledger: [] });

    openCashSession(store, 's2', '1000000006', '300.00');
    insertNotes(store, 's2', [500]);
    const second = store.completePayment('s2', 'pay', NOW);
    expect(second.receipt).toMatchObject({ number: 'T1-000002', toOrder: '300.00', toPhone: '200.00', orderStatus: 'paid', owed: '0.00' });
    expect(store.findOrder('1000000006')).toMatchObject({ status: 'paid', paid: '2300.00' });
    expect(store.phoneAccount(DEMO_PHONE)).toMatchObject({ operator: 'mts', balance: '200.00' });
    store.close();
  });

  it('two terminals on one file racing on a code: the second pays nothing to the order, all its cash to the phone', () => {
    const { store: t1, path } = freshStore();
    const t2 = SqliteStore.open(path);
    openCashSession(t1, 'a', '1000000002', '3000.00');
    openCashSession(t2, 'b', '1000000002', '3000.00', { terminalId: 'T2' });
    insertNotes(t1, 'a', [1000, 2000]);
    insertNotes(t2, 'b', [2000, 1000]);

    expect(t1.completePayment('a', 'pay', NOW).receipt).toMatchObject({ number: 'T1-000001', toOrder: '3000.00', toPhone: '0.00' });
    const late = t2.completePayment('b', 'pay', NOW);
    expect(late.receipt).toMatchObject({ number: 'T2-000001', toOrder: '0.00', toPhone: '3000.00', orderStatus: 'paid', owed: '0.00' });
    expect(late.sms).toEqual([{ phone: DEMO_PHONE, at: NOW, kind: 'topup', amount: '3000.00', receipt: 'T2-000001' }]);
    expect(t1.findOrder('1000000002')).toMatchObject({ status: 'paid', paid: '3000.00', owed: '0.00' });
    expect(t1.phoneAccount(DEMO_PHONE).balance).toBe('3000.00');
    t1.close();
    t2.close();
  });

  it('keeps the printed receipt text', () => {
    const { store } = freshStore();
    openCashSession(store, 's1', '1000000002', '3000.00');
    insertNotes(store, 's1', [1000, 2000]);
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
    openCashSession(store, 'paid', '1000000001', '4750.00');
    insertNotes(store, 'paid', [5000]);
    store.completePayment('paid', 'pay', NOW, true);
    store.setReceiptText('T1-000001', 'printed');
    openCashSession(store, 'crashed', '1000000002', '3000.00');
    insertNotes(store, 'crashed', [2000, 500]);
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

  it('opens read-only for inspection: reads work, writes fail with StoreError readonly', () => {
    const { store, path } = freshStore();
    store.close();
    const inspector = SqliteStore.open(path, { readonly: true });
    expect(inspector.listOrders()).toHaveLength(6);
    expect(() => inspector.repriceOrder('1000000001', '1.00')).toThrow(expect.objectContaining({ code: 'readonly' }));
    inspector.close();
    expect(() => SqliteStore.open(join(tempDir(), 'missing.db'), { readonly: true })).toThrow(expect.objectContaining({ code: 'io' }));
  });
});
