/**
 * The cassette and its encashments, the same in every store (R-TERM-4, service mode): counted from
 * the cash journal by denomination since the last encashment, per terminal; an encashment empties it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { seedDemo, seedDemoInto } from '../../src/domain/orders/demo.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { insertNotes, NOW, openCashSession, useTempDirs, openCashSessionSync, insertNotesSync } from './helpers.js';
import { storeAdapters } from './adapters.js';

const tempDir = useTempDirs();

const ADAPTERS = storeAdapters(tempDir, { pg: true });
const none = { 10: 0, 50: 0, 100: 0, 200: 0, 500: 0, 1000: 0, 2000: 0, 5000: 0 };

describe.each(ADAPTERS)('%s keeps the cassette contract', (_name, open) => {
  it('counts the journal by denomination since the last encashment, per terminal, paid or not', async () => {
    const store = await open();
    await seedDemoInto(store, NOW);
    expect(await store.cassette('T1')).toEqual({ terminalId: 'T1', cassetteId: 'T1-C1', since: null, notes: none, count: 0, total: '0.00' });
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await insertNotes(store, 's1', [1000, 2000, 1000, 500]);
    await store.completePayment('s1', 'timeout', NOW + 10_000);
    await openCashSession(store, 's2', '1000000002', '3000.00');
    await insertNotes(store, 's2', [50]);
    await openCashSession(store, 'other', '1000000002', '3000.00', { terminalId: 'T2' });
    await insertNotes(store, 'other', [5000]);
    expect(await store.cassette('T1')).toMatchObject({ notes: { ...none, 50: 1, 500: 1, 1000: 2, 2000: 1 }, count: 5, total: '4550.00' });
    expect(await store.cassette('T2')).toMatchObject({ notes: { ...none, 5000: 1 }, count: 1, total: '5000.00' });
    await store.close();
  });

  it('an encashment keeps the count and empties the cassette; the next cassette counts only what came after', async () => {
    const store = await open();
    await seedDemoInto(store, NOW);
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await insertNotes(store, 's1', [5000]);
    const first = await store.encash('T1', NOW + 60_000);
    expect(first).toEqual({ terminalId: 'T1', number: 1, cassetteId: 'T1-C1', since: null, at: NOW + 60_000, notes: { ...none, 5000: 1 }, count: 1, total: '5000.00' });
    expect(await store.cassette('T1')).toEqual({ terminalId: 'T1', cassetteId: 'T1-C2', since: NOW + 60_000, notes: none, count: 0, total: '0.00' });
    await store.journalNote('s1', 100, NOW + 70_000);
    expect(await store.encash('T1', NOW + 80_000)).toMatchObject({ number: 2, cassetteId: 'T1-C2', count: 1, total: '100.00' });
    expect(await store.encash('T2', NOW + 90_000)).toMatchObject({ number: 1, cassetteId: 'T2-C1', count: 0, total: '0.00' });
    expect((await store.encashments()).map((e) => `${e.terminalId}-E${e.number} ${e.cassetteId} since ${e.since} ${e.total}`)).toEqual([
      'T1-E1 T1-C1 since null 5000.00', `T1-E2 T1-C2 since ${NOW + 60_000} 100.00`, 'T2-E1 T2-C1 since null 0.00',
    ]);
    expect(await store.encashments('T2')).toHaveLength(1);
    await store.close();
  });

  it('an encashment of one terminal leaves another terminal\'s cassette as it was', async () => {
    const store = await open();
    await seedDemoInto(store, NOW);
    await openCashSession(store, 's1', '1000000001', '4750.00');
    await insertNotes(store, 's1', [5000]);
    await openCashSession(store, 's2', '1000000002', '3000.00', { terminalId: 'T2' });
    await insertNotes(store, 's2', [1000]);
    await store.encash('T2', NOW + 60_000);
    expect(await store.cassette('T1')).toMatchObject({ cassetteId: 'T1-C1', since: null, count: 1, total: '5000.00' });
    expect(await store.cassette('T2')).toMatchObject({ cassetteId: 'T2-C2', since: NOW + 60_000, count: 0 });
    await store.close();
  });
});

describe('SqliteStore: encashments survive', () => {
  it('a reopened database keeps every encashment and the cassette since the last one', () => {
    const path = join(tempDir(), 'kiosk.db');
    const store = SqliteStore.open(path);
    seedDemo(store, NOW);
    openCashSessionSync(store, 's1', '1000000001', '4750.00');
    insertNotesSync(store, 's1', [1000]);
    store.encash('T1', NOW + 1);
    insertNotesSync(store, 's1', [200]);
    store.close();
    const reopened = SqliteStore.open(path);
    expect(reopened.encashments('T1').map((e) => e.total)).toEqual(['1000.00']);
    expect(reopened.cassette('T1')).toMatchObject({ cassetteId: 'T1-C2', count: 1, total: '200.00' });
    reopened.close();
  });

  it('upgrades a version-4 database: its journaled cash is in the first cassette, no encashment yet', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 4)) raw.exec(migration.sql);
    raw.pragma('user_version = 4');
    raw.exec(`INSERT INTO cash_sessions (id, terminal_id, code, due, phone, operator, opened_at) VALUES ('s1', 'T1', '1', '10.00', '+79161234567', 'mts', 0)`);
    raw.exec(`INSERT INTO cash_journal (session_id, note, at) VALUES ('s1', 500, 1), ('s1', 50, 2)`);
    raw.close();
    const store = SqliteStore.open(path);
    expect(store.cassette('T1')).toMatchObject({ cassetteId: 'T1-C1', since: null, count: 2, total: '550.00' });
    expect(store.encashments()).toEqual([]);
    store.close();
    const reopened = new Database(path);
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    reopened.close();
  });
});
