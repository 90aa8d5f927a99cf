/**
 * What the command line reads from a store: the cash journal and abandoned sessions (SQLite, PostgreSQL),
 * the receipts and their printed text (SQLite).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo, seedDemoInto } from '../../src/domain/orders/demo.js';
import type { CommandStore } from '../../src/domain/store.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { storeAdapters } from './adapters.js';
import { NOW, useTempDirs, openCashSession, openCashSessionSync } from './helpers.js';

const tempDir = useTempDirs();

function seededStore(): SqliteStore {
  const store = SqliteStore.open(join(tempDir(), 'kiosk.db'));
  seedDemo(store, NOW);
  return store;
}

// the stores the command line reads (the memory store keeps no journal and forgets an abandoned session)
const COMMAND_STORES = storeAdapters(tempDir, { pg: true }).filter(([name]) => name !== 'MemoryStore');

describe.each(COMMAND_STORES)('%s: the cash journal', (_name, open) => {
  async function seeded(): Promise<CommandStore> {
    const store = (await open()) as CommandStore;
    await seedDemoInto(store, NOW);
    return store;
  }

  it('lists every note oldest first with its session, terminal, code, state and receipt; `since` is inclusive', async () => {
    const store = await seeded();
    await openCashSession(store, 'paid', '1000000001', '4750.00', { terminalId: 'T2' });
    await store.journalNote('paid', 5000, NOW + 2000);
    await store.completePayment('paid', 'pay', NOW + 3000);
    await openCashSession(store, 'open', '1000000002', '3000.00');
    await store.journalNote('open', 1000, NOW + 1000);
    await store.journalNote('open', 2000, NOW + 4000);

    const entries = await store.journalEntries();
    expect(entries.map(({ id: _id, ...entry }) => entry)).toEqual([
      { at: NOW + 1000, note: 1000, sessionId: 'open', terminalId: 'T1', code: '1000000002', state: 'open', receipt: null },
      { at: NOW + 2000, note: 5000, sessionId: 'paid', terminalId: 'T2', code: '1000000001', state: 'paid', receipt: 'T2-000001' },
      { at: NOW + 4000, note: 2000, sessionId: 'open', terminalId: 'T1', code: '1000000002', state: 'open', receipt: null },
    ]);
    // by time, not by insertion: the ids count up in the order the notes were written
    const [second, first, third] = entries.map((e) => e.id);
    expect(first! < second! && second! < third!).toBe(true);
    expect((await store.journalEntries(NOW + 2000)).map((e) => e.note)).toEqual([5000, 2000]);
    expect(await store.journalEntries(NOW + 5000)).toEqual([]);
    await store.close();
  });

  it('abandoning is refused for a paid session and an unknown one, repeated harmlessly for an abandoned one, and an abandoned one lists no cash', async () => {
    const store = await seeded();
    await openCashSession(store, 'p', '1000000001', '4750.00');
    await store.journalNote('p', 5000, NOW);
    await store.completePayment('p', 'pay', NOW);
    await expect(store.abandonSession('p')).rejects.toThrow('cash session p is already paid');
    await openCashSession(store, 'e', '1000000002', '3000.00');
    await store.abandonSession('e');
    await store.abandonSession('e');
    await expect(store.abandonSession('nope')).rejects.toThrow('no cash session nope');
    await expect(store.clearJam('e', NOW)).rejects.toThrow('cash session e is abandoned; it cannot be paid');
    expect(await store.journalEntries()).toHaveLength(1);
    expect(await store.unfinishedSessions()).toEqual([]);
    await store.close();
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
