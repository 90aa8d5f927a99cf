/**
 * Tills in every store (the cashier's role, issue 12): a shift with its float, payments taken with
 * the customer's pieces in and the change chosen from the drawer out, in one transaction with the
 * desk payment; X/Z reports whose totals match the store; the 24-hour rule; refusals move nothing.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedDemo, seedDemoInto } from '../../src/domain/orders/demo.js';
import type { KioskStore } from '../../src/domain/store.js';
import { add, ZERO } from '../../src/domain/money.js';
import { DEFAULT_FLOAT, drawerTotal } from '../../src/domain/cash/drawer.js';
import { SHIFT_LIMIT_MS } from '../../src/domain/cash/shift.js';
import type { TillPaymentRequest } from '../../src/domain/cash/till.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { NOW, useTempDirs } from './helpers.js';
import { storeAdapters } from './adapters.js';

const tempDir = useTempDirs();

const ADAPTERS = storeAdapters(tempDir, { pg: true });

/** 16,990 ₽ with four 5,000 ₽ notes, 3,010 ₽ given back as 1,000 + 4 × 500 + 10 (from the default float). */
const DEMO_3: TillPaymentRequest = {
  place: 'cashier', code: '1000000003', due: '16990.00', received: '20000.00', at: NOW + 60_000,
  handed: { '5000.00': 4 }, given: { '1000.00': 1, '500.00': 4, '10.00': 1 },
};

describe.each(ADAPTERS)('%s keeps the tills', (_name, open) => {
  async function withShift(): Promise<KioskStore> {
    const store = await open();
    await seedDemoInto(store, NOW);
    await store.openTillShift('cashier', DEFAULT_FLOAT, NOW);
    return store;
  }

  it('R-CASH-2: 16,990 ₽ paid with 20,000 ₽ and 3,010 ₽ chosen from the drawer: the order paid, the notes in, the change out, exact', async () => {
    const store = await withShift();
    const outcome = await store.payAtTill(DEMO_3);
    expect(outcome).toMatchObject({ kind: 'paid', receipt: { total: '16990.00', change: '3010.00' }, payment: { changeDue: '3010.00', changeGiven: '3010.00', verdict: { kind: 'exact' } } });
    expect(await store.findOrder('1000000003')).toMatchObject({ status: 'paid', owed: '0.00' });
    const state = (await store.tillState('cashier'))!;
    // the float's one 1,000 ₽ note and four 500s went out: the stores keep no empty compartments
    expect(state.drawer).toMatchObject({ '5000.00': 4, '200.00': 1 });
    expect(state.drawer['1000.00']).toBeUndefined();
    expect(state.drawer['500.00']).toBeUndefined();
    expect(drawerTotal(state.drawer)).toBe('21990.00');
    expect(state.payments).toHaveLength(1);
    await store.close();
  });

  it('refuses change bigger than the drawer holds, moving nothing: the order unpaid, no receipt, the drawer as it was', async () => {
    const store = await withShift();
    const outcome = await store.payAtTill({ ...DEMO_3, given: { '2000.00': 1, '1000.00': 1, '10.00': 1 } });
    expect(outcome).toEqual({ kind: 'refused', refusal: { reason: 'notInDrawer', face: '2000.00', have: 0 } });
    expect(await store.findOrder('1000000003')).toMatchObject({ status: 'awaiting', paid: '0.00' });
    expect(await store.deskReceipts()).toEqual([]);
    expect((await store.tillState('cashier'))!.drawer).toEqual(DEFAULT_FLOAT);
    await store.close();
  });

  it('refuses notes that do not add up to the cash typed in, moving nothing', async () => {
    const store = await withShift();
    expect(await store.payAtTill({ ...DEMO_3, handed: { '5000.00': 3 } })).toEqual({ kind: 'refused', refusal: { reason: 'handedMismatch', handed: '15000.00' } });
    expect(await store.deskReceipts()).toEqual([]);
    await store.close();
  });

  it('a code paid elsewhere first: refused, the customer keeps the cash and the drawer does not move', async () => {
    const store = await withShift();
    await store.payAtDesk({ place: 'post', code: '1000000003', due: '16990.00', received: '16990.00', at: NOW + 1 });
    expect(await store.payAtTill(DEMO_3)).toEqual({ kind: 'refused', refusal: { reason: 'alreadyPaid' } });
    expect((await store.tillState('cashier'))!).toMatchObject({ drawer: DEFAULT_FLOAT, payments: [] });
    await store.close();
  });

  it('no payment before a shift is opened', async () => {
    const store = await open();
    await seedDemoInto(store, NOW);
    expect(await store.tillState('cashier')).toBeNull();
    expect(await store.payAtTill(DEMO_3)).toEqual({ kind: 'refused', refusal: { reason: 'noShift' } });
    await store.close();
  });

  it('change given short is recorded, and the Z-report\'s totals match the store: payments, takings, drawer by denomination, discrepancy', async () => {
    const store = await withShift();
    await store.payAtTill(DEMO_3);
    // 250 ₽ due on 4,750 ₽ paid with 5,000 ₽; the trainee gives 200 ₽
    const short = await store.payAtTill({ place: 'cashier', code: '1000000001', due: '4750.00', received: '5000.00', at: NOW + 120_000, handed: { '5000.00': 1 }, given: { '200.00': 1 } });
    expect(short).toMatchObject({ kind: 'paid', payment: { changeDue: '250.00', changeGiven: '200.00', verdict: { kind: 'short', by: '50.00' } } });
    const x = await store.tillReport('cashier', 'X', NOW + 180_000);
    expect((await store.tillState('cashier'))!.shift.closedAt).toBeNull();
    const z = await store.tillReport('cashier', 'Z', NOW + 240_000);
    const receipts = await store.deskReceipts();
    expect(z).toMatchObject({ kind: 'Z', shift: 1, payments: receipts.length, total: add(ZERO, ...receipts.map((r) => r.total)), changeMistakes: 1, discrepancy: '0.00' });
    expect(z.total).toBe('21740.00');
    expect(z.counted).toBe(drawerTotal((await store.tillState('cashier'))!.drawer));
    expect(z.drawer).toEqual((await store.tillState('cashier'))!.drawer);
    expect({ ...x, kind: 'Z', at: z.at }).toEqual(z);
    await store.close();
  });

  it('closing a shift twice is refused, and a closed shift takes no payment until the next is opened', async () => {
    const store = await withShift();
    await store.tillReport('cashier', 'Z', NOW + 1);
    await expect(store.tillReport('cashier', 'Z', NOW + 2)).rejects.toThrow('shift 1 is already closed');
    expect(await store.payAtTill(DEMO_3)).toEqual({ kind: 'refused', refusal: { reason: 'closed' } });
    await store.openTillShift('cashier', DEFAULT_FLOAT, NOW + 3);
    await expect(store.openTillShift('cashier', DEFAULT_FLOAT, NOW + 4)).rejects.toThrow('shift 2 is still open');
    expect(await store.payAtTill({ ...DEMO_3, at: NOW + 5 })).toMatchObject({ kind: 'paid' });
    expect((await store.tillState('cashier'))!.shift.number).toBe(2);
    await store.close();
  });

  it('R-CASH-1: a customer sent back for the code is counted in the shift: the X- and Z-report say how many, the next shift starts at none', async () => {
    const store = await withShift();
    expect(await store.sendAwayAtTill('cashier', NOW + 1)).toMatchObject({ sentAway: 1 });
    await store.payAtTill(DEMO_3);
    await store.sendAwayAtTill('cashier', NOW + 2);
    expect(await store.tillState('cashier')).toMatchObject({ sentAway: 2, payments: [{ total: '16990.00' }] });
    expect(await store.tillReport('cashier', 'X', NOW + 3)).toMatchObject({ kind: 'X', payments: 1, sentAway: 2 });
    expect(await store.tillReport('cashier', 'Z', NOW + 4)).toMatchObject({ kind: 'Z', payments: 1, sentAway: 2 });
    await expect(store.sendAwayAtTill('cashier', NOW + 5)).rejects.toThrow('shift 1 is closed');
    await store.openTillShift('cashier', DEFAULT_FLOAT, NOW + 6);
    expect(await store.tillState('cashier')).toMatchObject({ sentAway: 0 });
    await store.close();
  });

  it('no customer is sent away and no report is printed before a shift is opened', async () => {
    const store = await open();
    await expect(store.sendAwayAtTill('cashier', NOW)).rejects.toThrow('no shift has been opened at the cashier');
    await expect(store.tillReport('post', 'X', NOW)).rejects.toThrow('no shift has been opened at the post');
    await expect(store.tillReport('cashier', 'Z', NOW)).rejects.toThrow('no shift has been opened at the cashier');
    await store.close();
  });

  it('a shift open longer than 24 hours on the program\'s clock refuses every payment until it is closed with a Z-report', async () => {
    const store = await withShift();
    const late = { ...DEMO_3, at: NOW + SHIFT_LIMIT_MS + 1 };
    expect(await store.payAtTill(late)).toEqual({ kind: 'refused', refusal: { reason: 'over24h' } });
    expect(await store.findOrder('1000000003')).toMatchObject({ status: 'awaiting' });
    await store.tillReport('cashier', 'Z', late.at);
    await store.openTillShift('cashier', DEFAULT_FLOAT, late.at + 1);
    expect(await store.payAtTill({ ...late, at: late.at + 2 })).toMatchObject({ kind: 'paid' });
    await store.close();
  });
});

describe('tills in SQLite are durable', () => {
  it('after a restart the shift, its drawer by denomination and its payments are there', () => {
    const path = join(tempDir(), 'kiosk.db');
    const store = SqliteStore.open(path);
    seedDemo(store, NOW);
    store.openTillShift('cashier', DEFAULT_FLOAT, NOW);
    store.payAtTill(DEMO_3);
    const before = store.tillState('cashier');
    store.close();
    const reopened = SqliteStore.open(path);
    expect(reopened.tillState('cashier')).toEqual(before);
    reopened.close();
  });

  it('a crash inside a till payment\'s transaction leaves nothing: no credit, no receipt, the drawer as it was', () => {
    const path = join(tempDir(), 'kiosk.db');
    let crash = true;
    const store = SqliteStore.open(path, {
      checkpoint: (point) => {
        if (crash && point === 'till:during') throw new Error('power cut');
      },
    });
    seedDemo(store, NOW);
    store.openTillShift('cashier', DEFAULT_FLOAT, NOW);
    expect(() => store.payAtTill(DEMO_3)).toThrow('power cut');
    expect(store.findOrder('1000000003')).toMatchObject({ status: 'awaiting', paid: '0.00' });
    expect(store.deskReceipts()).toEqual([]);
    expect(store.tillState('cashier')).toMatchObject({ drawer: DEFAULT_FLOAT, payments: [] });
    crash = false;
    expect(store.payAtTill(DEMO_3)).toMatchObject({ kind: 'paid', receipt: { number: 'K-1-000001' } });
    store.close();
  });

  it('R-CASH-1: customers sent away survive a restart, and a version-9 database upgrades with none sent away', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 9)) raw.exec(migration.sql);
    raw.pragma('user_version = 9');
    raw.close();
    const v9 = SqliteStore.open(path);
    v9.openTillShift('post', DEFAULT_FLOAT, NOW);
    expect(v9.tillState('post')).toMatchObject({ sentAway: 0 });
    v9.sendAwayAtTill('post', NOW + 1);
    v9.close();
    const reopened = SqliteStore.open(path);
    expect(reopened.tillState('post')).toMatchObject({ sentAway: 1 });
    expect(reopened.tillState('cashier')).toBeNull();
    expect(reopened.tillReport('post', 'Z', NOW + 2)).toMatchObject({ sentAway: 1 });
    reopened.close();
  });

  it('upgrades a version-5 database: its desk receipts kept, and a till shift can be opened and paid', () => {
    const path = join(tempDir(), 'kiosk.db');
    const raw = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 5)) raw.exec(migration.sql);
    raw.pragma('user_version = 5');
    raw.close();
    const v5 = SqliteStore.open(path);
    expect(v5.tillState('cashier')).toBeNull();
    seedDemo(v5, NOW);
    v5.payAtDesk({ place: 'cashier', code: '1000000001', due: '4750.00', received: '5000.00', at: NOW });
    v5.openTillShift('cashier', DEFAULT_FLOAT, NOW + 1);
    expect(v5.payAtTill(DEMO_3)).toMatchObject({ kind: 'paid', receipt: { number: 'K-1-000002' } });
    v5.close();
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(reopened.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('till_shifts', 'till_drawer', 'till_payments')").get()).toEqual({ n: 3 });
    reopened.close();
  });
});
