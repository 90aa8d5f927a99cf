import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SimulatedClock, waitFor } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { crashHookFromEnv } from '../../src/adapters/crashHook.js';
import { currentOwner, mayRecover, ownerAlive } from '../../src/adapters/sessionOwner.js';
import { startTerminal } from '../../src/app/session.js';
import { DEMO_PHONE, seedDemo } from '../../src/domain/orders/demo.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { SessionOwner } from '../../src/domain/store.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { NOW, useTempDirs, openCashSessionSync, insertNotesSync } from './helpers.js';

const tempDir = useTempDirs();
const HOST = 'kiosk-host';
const me: SessionOwner = { host: HOST, pid: 500, started: '9000' };

describe('who may finish an unfinished session', () => {
  const alive = new Set([700]);
  const policy = { terminalId: 'T-new', me, isAlive: (o: SessionOwner) => alive.has(o.pid) };

  it('a dead process on this host: anyone; a live one: no one, not even a terminal with its id', () => {
    expect(mayRecover({ terminalId: 'T-old', owner: { host: HOST, pid: 600 } }, policy)).toBe(true);
    expect(mayRecover({ terminalId: 'T-old', owner: { host: HOST, pid: 700 } }, policy)).toBe(false);
    expect(mayRecover({ terminalId: 'T-new', owner: { host: HOST, pid: 700 } }, policy)).toBe(false);
  });

  it('our own pid at start-up is a previous process that had it; unknown owners go by terminal id', () => {
    expect(mayRecover({ terminalId: 'T-old', owner: { host: HOST, pid: 500 } }, policy)).toBe(true);
    expect(mayRecover({ terminalId: 'T-new', owner: null }, policy)).toBe(true);
    expect(mayRecover({ terminalId: 'T-old', owner: null }, policy)).toBe(false);
    expect(mayRecover({ terminalId: 'T-new', owner: { host: 'elsewhere', pid: 600 } }, policy)).toBe(true);
    expect(mayRecover({ terminalId: 'T-old', owner: { host: 'elsewhere', pid: 600 } }, policy)).toBe(false);
  });

  it('asks the OS: this process runs; an exited child, or our pid with another start time, does not', () => {
    const self = currentOwner();
    expect(ownerAlive(self)).toBe(true);
    expect(ownerAlive({ ...self, started: null })).toBe(true);
    const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    expect(ownerAlive({ host: self.host, pid: Number(child.stdout.trim()) })).toBe(false);
    if (self.started) expect(ownerAlive({ ...self, started: `${self.started}1` })).toBe(false);
  });
});

describe('recovery on start, across processes', () => {
  function storeWithOrphans() {
    const store = SqliteStore.open(join(tempDir(), 'kiosk.db'));
    seedDemo(store, NOW);
    openCashSessionSync(store, 'dead', '1000000001', '4750.00', { terminalId: 'host-600', owner: { host: HOST, pid: 600 } });
    insertNotesSync(store, 'dead', [5000]);
    openCashSessionSync(store, 'live', '1000000002', '3000.00', { terminalId: 'host-700', owner: { host: HOST, pid: 700 } });
    insertNotesSync(store, 'live', [1000]);
    return store;
  }

  async function startAndRecover(store: SqliteStore) {
    const clock = new SimulatedClock();
    clock.set(NOW + 60_000);
    const actor = startTerminal({
      store: asyncStore(store), clock, rules: DEFAULT_RULES, terminalId: 'host-500', newSessionId: () => 'fresh',
      owner: me, isAlive: (o) => o.pid === 700,
    });
    // start-up is done once recovery and the look for a held note (a jam left by an earlier run) are over
    const snapshot = await waitFor(actor, (s) => !s.matches({ flow: 'recovering' }) && !s.matches({ flow: 'checkingJam' }));
    actor.stop();
    return snapshot;
  }

  it("finishes a dead process's session with a receipt marked recovered, and leaves a live terminal's alone", async () => {
    const store = storeWithOrphans();
    const snapshot = await startAndRecover(store);
    expect(snapshot.matches({ flow: 'recovered' })).toBe(true);
    expect(snapshot.context.recovered).toEqual([
      expect.objectContaining({ number: 'host-600-000001', code: '1000000001', accepted: '5000.00', toPhone: '250.00', recovered: true }),
    ]);
    expect(store.unfinishedSessions().map((s) => s.id)).toEqual(['live']);
    expect(store.findOrder('1000000002')).toMatchObject({ status: 'awaiting', paid: '0.00' });
    store.close();
  });

  it('shows nothing for a session another terminal finished first, and credits it once', async () => {
    const store = storeWithOrphans();
    const unfinished = store.unfinishedSessions.bind(store);
    // another terminal starting at the same moment pays "dead" between our query and our payment
    vi.spyOn(store, 'unfinishedSessions').mockImplementation((terminalId) => {
      const found = unfinished(terminalId);
      store.completePayment('dead', 'timeout', NOW, true);
      return found;
    });
    const snapshot = await startAndRecover(store);
    expect(snapshot.matches({ flow: 'kiosk' })).toBe(true);
    expect(store.phoneAccount(DEMO_PHONE).balance).toBe('250.00');
    expect(store.phoneAccount(DEMO_PHONE).ledger).toHaveLength(1);
    store.close();
  });
});

describe('crash points inside the store', () => {
  class Crash extends Error {}
  const crashAt = (point: string) => (reached: string) => {
    if (reached === point) throw new Crash(point);
  };

  it.each(['journal:during', 'payment:during', 'recovery:during', 'receipt:during'])('a crash at %s rolls its transaction back', (point) => {
    const path = join(tempDir(), 'kiosk.db');
    const store = SqliteStore.open(path, { checkpoint: crashAt(point), seed: (s) => seedDemo(s, NOW) });
    openCashSessionSync(store, 's1', '1000000001', '4750.00');
    const journal = () => insertNotesSync(store, 's1', [5000]);
    if (point === 'journal:during') {
      expect(journal).toThrow(Crash);
      expect(store.unfinishedSessions()).toEqual([]);
      return store.close();
    }
    journal();
    if (point === 'payment:during' || point === 'recovery:during') {
      // a payment completed after a restart (recovered) passes its own point
      const recovered = point === 'recovery:during';
      expect(() => store.completePayment('s1', recovered ? 'timeout' : 'pay', NOW, recovered)).toThrow(Crash);
      expect(store.unfinishedSessions().map((s) => s.notes)).toEqual([[5000]]);
      expect(store.findOrder('1000000001')).toMatchObject({ paid: '0.00' });
      expect(store.phoneAccount(DEMO_PHONE).balance).toBe('0.00');
      expect(store.receipt('T1-000001')).toBeUndefined();
      return store.close();
    }
    store.completePayment('s1', 'pay', NOW);
    expect(() => store.setReceiptText('T1-000001', 'printed')).toThrow(Crash);
    expect(store.receiptText('T1-000001')).toBeUndefined();
    store.close();
  });

  it('KIOSK_TEST_CRASH_AT kills at the Nth time a point is reached, and names a malformed value', () => {
    const kill = vi.fn();
    const hook = crashHookFromEnv({ KIOSK_TEST_CRASH_AT: 'journal:after:3' }, kill);
    for (const point of ['journal:before', 'journal:after', 'journal:after', 'payment:after']) hook(point);
    expect(kill).not.toHaveBeenCalled();
    hook('journal:after');
    expect(kill).toHaveBeenCalledTimes(1);
    expect(() => crashHookFromEnv({ KIOSK_TEST_CRASH_AT: 'journal:later' })).toThrow('got "journal:later"');
    crashHookFromEnv({})('journal:after'); // no variable: nothing happens
  });
});

describe('schema upgrades and seeding', () => {
  it('upgrades a version-1 database, keeping its orders, sessions and cash', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    raw.exec(MIGRATIONS[0]!.sql);
    raw.pragma('user_version = 1');
    raw.exec(`INSERT INTO orders VALUES ('1000000002', '3000.00', '3000.00', '${DEMO_PHONE}', ${NOW}, 'RU', 'pc', 'awaiting', '0.00', '3000.00')`);
    raw.exec(`INSERT INTO cash_sessions (id, terminal_id, code, due, phone, operator, opened_at) VALUES ('old', 'T1', '1000000002', '3000.00', '${DEMO_PHONE}', 'mts', ${NOW})`);
    raw.exec(`INSERT INTO cash_journal (session_id, note, at) VALUES ('old', 2000, ${NOW}), ('old', 1000, ${NOW})`);
    raw.close();

    const seed = vi.fn();
    const store = SqliteStore.open(path, { seed });
    expect(seed).not.toHaveBeenCalled(); // not a new database
    expect(store.unfinishedSessions('T1')).toEqual([expect.objectContaining({ id: 'old', owner: null, notes: [2000, 1000] })]);
    expect(store.completePayment('old', 'timeout', NOW, true).order).toMatchObject({ status: 'paid', paid: '3000.00' });
    store.close();
  });

  it('upgrades a version-3 database in place: orders, payments and SMS kept, the payments become settled history', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 3)) raw.exec(migration.sql);
    raw.pragma('user_version = 3');
    raw.exec(`INSERT INTO orders VALUES ('1000000001', '4750.00', '4750.00', '${DEMO_PHONE}', ${NOW}, 'RU', 'pc', 'paid', '4750.00', '0.00')`);
    raw.exec(`INSERT INTO orders VALUES ('1000000002', '3000.00', '3000.00', '${DEMO_PHONE}', ${NOW}, 'RU', 'pc', 'awaiting', '0.00', '3000.00')`);
    raw.exec(`INSERT INTO phone_accounts VALUES ('${DEMO_PHONE}', 'beeline', '250.00')`);
    raw.exec(`INSERT INTO ledger (phone, at, amount, reason) VALUES ('${DEMO_PHONE}', ${NOW + 5}, '250.00', 'change from receipt T1-000001 (pay)')`);
    raw.exec(`INSERT INTO cash_sessions (id, terminal_id, code, due, phone, operator, opened_at, state) VALUES ('s', 'T1', '1000000001', '4750.00', '${DEMO_PHONE}', 'beeline', ${NOW}, 'paid')`);
    raw.exec(`INSERT INTO receipts (number, terminal_id, seq, at, code, due, accepted, to_order, to_phone, phone, operator, order_status, owed, recovered, session_id)
      VALUES ('T1-000001', 'T1', 1, ${NOW + 5}, '1000000001', '4750.00', '5000.00', '4750.00', '250.00', '${DEMO_PHONE}', 'beeline', 'paid', '0.00', 0, 's')`);
    raw.exec(`INSERT INTO sms (phone, at, kind, amount, receipt) VALUES ('${DEMO_PHONE}', ${NOW + 5}, 'topup', '250.00', 'T1-000001')`);
    raw.close();

    const store = SqliteStore.open(path);
    expect(store.findOrder('1000000001')).toMatchObject({
      status: 'paid', paid: '4750.00', stage: 'placed', refunded: '0.00', renewedFrom: null, renewedAs: null, siteOrderId: null,
      history: [
        { at: NOW, kind: 'issued', why: '', amount: '4750.00', ref: null },
        { at: NOW + 5, kind: 'paid', why: '', amount: '4750.00', ref: 'T1-000001' },
      ],
      // paid before processing was kept: settled when it was accepted, so it is not "processing" now
      credits: [{ receipt: 'T1-000001', amount: '4750.00', acceptedAt: NOW + 5, settlesAt: NOW + 5 }],
    });
    expect(store.findOrder('1000000002')).toMatchObject({ status: 'awaiting', history: [{ kind: 'issued' }], credits: [] });
    expect(store.phoneAccount(DEMO_PHONE)).toEqual({
      phone: DEMO_PHONE, operator: 'beeline', balance: '250.00',
      ledger: [{ at: NOW + 5, amount: '250.00', reason: 'change from receipt T1-000001 (pay)' }],
      sms: [{ phone: DEMO_PHONE, at: NOW + 5, sender: 'Beeline', kind: 'topup', amount: '250.00', receipt: 'T1-000001' }],
    });
    // and the upgraded file takes the new life at once
    store.changeOrder('1000000001', { kind: 'cancel', refund: '750.00', reason: 'wrong quality' }, NOW + 10);
    expect(store.phoneAccount(DEMO_PHONE).balance).toBe('1000.00');
    store.close();
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    reopened.close();
  });

  it('seeds a new database once, in the transaction that creates it', () => {
    const path = join(tempDir(), 'kiosk.db');
    const seed = vi.fn((s) => seedDemo(s, NOW));
    SqliteStore.open(path, { seed }).close();
    SqliteStore.open(path, { seed }).close();
    expect(seed).toHaveBeenCalledTimes(1);
    const failing = join(tempDir(), 'kiosk.db');
    expect(() => SqliteStore.open(failing, { seed: () => { throw new Error('power cut while seeding'); } })).toThrow('power cut');
    const reopened = SqliteStore.open(failing, { seed: (s) => seedDemo(s, NOW) });
    expect(reopened.listOrders()).toHaveLength(6); // the half-made database was rolled back, so it is seeded now
    reopened.close();
  });
});
