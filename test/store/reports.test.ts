/** What the command line reads from the SQLite store: the cash journal, the receipts and their printed text. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { NOW, useTempDirs, openCashSessionSync } from './helpers.js';

const tempDir = useTempDirs();

function seededStore(): SqliteStore {
  const store = SqliteStore.open(join(tempDir(), 'kiosk.db'));
  seedDemo(store, NOW);
  return store;
}

describe('the cash journal', () => {
  it('lists every note oldest first with its session, terminal, code, state and receipt; `since` is inclusive', () => {
    const store = seededStore();
    openCashSessionSync(store, 'paid', '1000000001', '4750.00', { terminalId: 'T2' });
    store.journalNote('paid', 5000, NOW + 2000);
    store.completePayment('paid', 'pay', NOW + 3000);
    openCashSessionSync(store, 'open', '1000000002', '3000.00');
    store.journalNote('open', 1000, NOW + 1000);
    store.journalNote('open', 2000, NOW + 4000);

    const entries = store.journalEntries();
    expect(entries.map(({ id: _id, ...entry }) => entry)).toEqual([
      { at: NOW + 1000, note: 1000, sessionId: 'open', terminalId: 'T1', code: '1000000002', state: 'open', receipt: null },
      { at: NOW + 2000, note: 5000, sessionId: 'paid', terminalId: 'T2', code: '1000000001', state: 'paid', receipt: 'T2-000001' },
      { at: NOW + 4000, note: 2000, sessionId: 'open', terminalId: 'T1', code: '1000000002', state: 'open', receipt: null },
    ]);
    expect(entries.map((e) => e.id)).toEqual([2, 1, 3]); // by time, not by insertion
    expect(store.journalEntries(NOW + 2000).map((e) => e.note)).toEqual([5000, 2000]);
    expect(store.journalEntries(NOW + 5000)).toEqual([]);
    store.close();
  });
});

describe('receipts', () => {
  function payBoth(store: SqliteStore): void {
    openCashSessionSync(store, 'a', '1000000001', '4750.00', { terminalId: 'T2' });
    store.journalNote('a', 5000, NOW);
    store.completePayment('a', 'pay', NOW + 2000);
    openCashSessionSync(store, 'b', '1000000002', '3000.00');
    store.journalNote('b', 1000, NOW);
    store.completePayment('b', 'timeout', NOW + 1000);
  }

  it('lists receipts oldest first; `since` is inclusive', () => {
    const store = seededStore();
    payBoth(store);
    expect(store.receipts().map((r) => [r.number, r.at])).toEqual([
      ['T1-000001', NOW + 1000],
      ['T2-000001', NOW + 2000],
    ]);
    expect(store.receipts(NOW + 2000).map((r) => r.number)).toEqual(['T2-000001']);
    expect(store.receipts(NOW + 2001)).toEqual([]);
    expect(store.receipts()[0]).toEqual(store.receipt('T1-000001'));
    store.close();
  });

  it('keeps the printed text of a receipt, so a reprint is the same; no text before printing, none for an unknown number', () => {
    const store = seededStore();
    payBoth(store);
    expect(store.receiptText('T1-000001')).toBeUndefined();
    store.setReceiptText('T1-000001', 'RECEIPT\nT1-000001');
    expect(store.receiptText('T1-000001')).toBe('RECEIPT\nT1-000001');
    expect(store.receiptText('T2-000001')).toBeUndefined();
    expect(() => store.setReceiptText('T9-000001', 'x')).toThrow('no receipt T9-000001');
    expect(store.receiptText('T9-000001')).toBeUndefined();
    store.close();
  });
});

describe('abandoning a session', () => {
  it('is refused for a paid session, repeated harmlessly for an abandoned one, and an abandoned one lists no cash', () => {
    const store = seededStore();
    openCashSessionSync(store, 'p', '1000000001', '4750.00');
    store.journalNote('p', 5000, NOW);
    store.completePayment('p', 'pay', NOW);
    expect(() => store.abandonSession('p')).toThrow('cash session p is already paid');
    openCashSessionSync(store, 'e', '1000000002', '3000.00');
    store.abandonSession('e');
    store.abandonSession('e');
    expect(() => store.abandonSession('nope')).toThrow('no cash session nope');
    expect(store.journalEntries()).toHaveLength(1);
    store.close();
  });
});
