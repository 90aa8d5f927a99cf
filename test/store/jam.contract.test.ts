/**
 * The bill acceptor jam, the same in every store (issue 14): a held note is journaled but counted
 * nowhere (not in the session's notes, not in recovery, not in the cassette) until "Clear jam" counts
 * it and pays its session once by the usual rules (R-TERM-2: the order first, the rest to the phone).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEMO_PHONE, seedDemo, seedDemoInto } from '../../src/domain/orders/demo.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { insertNotes, NOW, openCashSession, useTempDirs, openCashSessionSync } from './helpers.js';
import { storeAdapters } from './adapters.js';

const tempDir = useTempDirs();

const ADAPTERS = storeAdapters(tempDir, { pg: true });

describe.each(ADAPTERS)('%s keeps the jam contract', (_name, open) => {
  it('a held note is journaled but counted nowhere until the jam is cleared', async () => {
    const store = await open();
    await seedDemoInto(store, NOW);
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await insertNotes(store, 's1', [1000, 2000]);
    await store.holdNote('s1', 5000, NOW + 5000);
    // a session beside it on the same terminal, with cash and no jam, is not jammed
    await openCashSession(store, 's2', '1000000002', '3000.00');
    await insertNotes(store, 's2', [100]);
    expect(await store.jammedSessions('T1')).toEqual([expect.objectContaining({ id: 's1', notes: [1000, 2000], held: [5000] })]);
    expect(await store.jammedSessions('T2')).toEqual([]);
    // recovery on a restart leaves a jammed session to service: it is not paid without its held note
    expect((await store.unfinishedSessions()).map((s) => s.id)).toEqual(['s2']);
    expect(await store.cassette('T1')).toMatchObject({ count: 3, total: '3100.00' });
    // nor can it be dropped as empty
    await expect(store.abandonSession('s1')).rejects.toThrow(/holds cash/);
    await store.close();
  });

  it('a session whose only note jammed holds cash: it cannot be abandoned, and a paid session takes no held note', async () => {
    const store = await open();
    await seedDemoInto(store, NOW);
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await store.holdNote('s1', 5000, NOW + 5000);
    await expect(store.abandonSession('s1')).rejects.toThrow('cash session s1 holds cash and cannot be abandoned');
    expect(await store.jammedSessions()).toEqual([expect.objectContaining({ id: 's1', notes: [], held: [5000] })]);

    await openCashSession(store, 's2', '1000000002', '3000.00');
    await insertNotes(store, 's2', [1000, 2000]);
    await store.completePayment('s2', 'pay', NOW + 6000);
    await expect(store.holdNote('s2', 500, NOW + 7000)).rejects.toThrow('cash session s2 is paid; it takes no more cash');
    expect((await store.jammedSessions()).map((s) => s.id)).toEqual(['s1']);
    await store.close();
  });

  it('R-TERM-2: Clear jam counts the held note and pays the session once: the order first, the rest to the phone', async () => {
    const store = await open();
    await seedDemoInto(store, NOW);
    const before = (await store.phoneAccount(DEMO_PHONE)).balance;
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await insertNotes(store, 's1', [1000, 2000]);
    await store.holdNote('s1', 5000, NOW + 5000);
    const cleared = await store.clearJam('s1', NOW + 60_000);
    expect(cleared.alreadyPaid).toBeUndefined();
    expect(cleared.receipt).toMatchObject({ accepted: '8000.00', toOrder: '4750.00', toPhone: '3250.00', at: NOW + 60_000, recovered: false });
    expect((await store.findOrder('1000000001'))?.status).toBe('paid');
    expect(await store.receipt(cleared.receipt.number)).toMatchObject({ accepted: '8000.00' });
    expect(await store.jammedSessions()).toEqual([]);
    expect(await store.cassette('T1')).toMatchObject({ count: 3, total: '8000.00' });
    // a second clear (a restart that did not see the first) credits nothing more
    const again = await store.clearJam('s1', NOW + 70_000);
    expect(again.alreadyPaid).toBe(true);
    expect(again.receipt.number).toBe(cleared.receipt.number);
    expect((await store.phoneAccount(DEMO_PHONE)).ledger.filter((l) => l.amount === '3250.00')).toHaveLength(1);
    expect((await store.phoneAccount(DEMO_PHONE)).balance).not.toBe(before);
    await store.close();
  });

  it('R-TERM-2: a jam cleared after another session paid its order in full sends all its cash to the phone; an unknown session is named', async () => {
    const store = await open();
    await seedDemoInto(store, NOW);
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await insertNotes(store, 's1', [1000]);
    await store.holdNote('s1', 500, NOW + 5000);
    await openCashSession(store, 's2', '1000000001', '4750.00', { terminalId: 'T2' });
    await insertNotes(store, 's2', [5000]);
    await store.completePayment('s2', 'pay', NOW + 6000);
    const cleared = await store.clearJam('s1', NOW + 60_000);
    expect(cleared.receipt).toMatchObject({ accepted: '1500.00', toOrder: '0.00', toPhone: '1500.00', orderStatus: 'paid' });
    expect(cleared.order).toMatchObject({ code: '1000000001', status: 'paid', paid: '4750.00' });
    await expect(store.clearJam('nope', NOW + 70_000)).rejects.toThrow('no cash session nope');
    await store.close();
  });

  it('the encashment after the clear counts the cleared note, even when the cassette was taken out during the jam', async () => {
    const store = await open();
    await seedDemoInto(store, NOW);
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await insertNotes(store, 's1', [1000]);
    await store.holdNote('s1', 500, NOW + 5000);
    expect(await store.encash('T1', NOW + 10_000)).toMatchObject({ count: 1, total: '1000.00' });
    await store.clearJam('s1', NOW + 20_000);
    expect(await store.encash('T1', NOW + 30_000)).toMatchObject({ number: 2, count: 1, total: '500.00', notes: expect.objectContaining({ 500: 1 }) });
    await store.close();
  });
});

describe('SqliteStore: a held note survives', () => {
  it('a reopened database still has the jam, and clearing it there pays once', () => {
    const path = join(tempDir(), 'kiosk.db');
    const store = SqliteStore.open(path);
    seedDemo(store, NOW);
    openCashSessionSync(store, 's1', '1000000002', '3000.00');
    store.holdNote('s1', 5000, NOW + 1000);
    store.close();
    const reopened = SqliteStore.open(path);
    expect(reopened.jammedSessions()).toEqual([expect.objectContaining({ id: 's1', notes: [], held: [5000] })]);
    expect(reopened.clearJam('s1', NOW + 2000).receipt).toMatchObject({ accepted: '5000.00', toOrder: '3000.00', toPhone: '2000.00' });
    reopened.close();
  });

  it('upgrades a version-12 database: its journaled notes are all counted (kind accepted), nothing is jammed', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 12)) raw.exec(migration.sql);
    raw.pragma('user_version = 12');
    raw.exec(`INSERT INTO cash_sessions (id, terminal_id, code, due, phone, operator, opened_at) VALUES ('s1', 'T1', '1', '10.00', '+79161234567', 'mts', 0)`);
    raw.exec(`INSERT INTO cash_journal (session_id, note, at) VALUES ('s1', 500, 1), ('s1', 50, 2)`);
    raw.close();
    const store = SqliteStore.open(path);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(13);
    expect(store.jammedSessions()).toEqual([]);
    expect(store.unfinishedSessions()).toEqual([expect.objectContaining({ id: 's1', notes: [500, 50] })]);
    expect(store.cassette('T1')).toMatchObject({ count: 2, total: '550.00' });
    store.close();
  });
});
