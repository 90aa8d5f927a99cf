/**
 * PgStore's own edges, beyond the contract every store keeps: the crash points it names to the kill
 * tests (a crash between the order's row and its SMS keeps neither), the primary key refusing a
 * second writer of one order code with the words of the first check, receipt texts, the crash points
 * of a desk payment, a till payment and a training attempt, a payment forwarded from a terminal's
 * journal for a session the registry never saw, migrations refused or rolled back, and `ping`.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOAT } from '../../src/domain/cash/drawer.js';
import { DEMO_PHONE, seedDemoInto } from '../../src/domain/orders/demo.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { StoreError } from '../../src/store/errors.js';
import { insertOrder } from '../../src/store/pg/pgRows.js';
import { PG_LATEST_VERSION } from '../../src/store/pg/pgMigrations.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { attempt, checkpoint } from '../domain/training/fixtures.js';
import { crashPoints, NOW } from './helpers.js';
import { expectEarliestDueLandsFirst } from './mobileFixtures.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

const pgUrl = usePgDatabase();

async function openStore(checkpoint: (name: string) => void = () => {}) {
  const schema = freshSchema();
  const store = await PgStore.open(pgUrl(), { schema, checkpoint });
  return { store, schema };
}

const orderSms = (code: string) => ({ phone: DEMO_PHONE, at: NOW, sender: 'AliExpress', kind: 'code' as const, amount: '10.00', code });

describe('PgStore edges', () => {
  it('placing an order passes its crash points in order; a crash between the row and the SMS keeps neither', async () => {
    const points = crashPoints();
    const { store } = await openStore(points.checkpoint);
    try {
      await store.placeOrder(newOrder({ code: '3000000001', codeAmount: '10.00', phone: DEMO_PHONE, issuedAt: NOW }), orderSms('3000000001'));
      expect(points.seen).toEqual(['order:before', 'order:during', 'order:after']);
      points.crashAt = 'order:during';
      await expect(store.placeOrder(newOrder({ code: '3000000002', codeAmount: '10.00', phone: DEMO_PHONE, issuedAt: NOW }), orderSms('3000000002')))
        .rejects.toThrow('killed at order:during');
      expect(await store.findOrder('3000000002')).toBeUndefined();
      expect((await store.phoneAccount(DEMO_PHONE)).sms.map((m) => 'code' in m ? m.code : null)).toEqual(['3000000001']);
      // placed twice: refused by the check before anything is written (no key violation behind it), the one SMS kept
      points.crashAt = '';
      const twice = (await store.placeOrder(newOrder({ code: '3000000001', codeAmount: '10.00', phone: DEMO_PHONE, issuedAt: NOW }), orderSms('3000000001'))
        .catch((e: unknown) => e)) as Error;
      expect(twice.message).toBe('order 3000000001 exists already');
      expect(twice.cause).toBeUndefined();
      expect((await store.phoneAccount(DEMO_PHONE)).sms).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('an order code is refused by the first check when it exists, and by the primary key when another writer adds it meanwhile, in the same words', async () => {
    const { store, schema } = await openStore();
    const order = newOrder({ code: '3000000003', codeAmount: '10.00', phone: DEMO_PHONE, issuedAt: NOW });
    const other = new pg.Client({ connectionString: pgUrl(), options: `-c search_path=${schema}` });
    await other.connect();
    try {
      await store.addOrder(order);
      const checked = (await store.addOrder(order).catch((e: unknown) => e)) as Error;
      expect(checked.message).toBe('order 3000000003 exists already');
      // found by the check, before anything was written: no key violation behind it
      expect(checked.cause).toBeUndefined();

      // another writer has inserted 3000000004 and not committed: the check cannot see it, the key waits for it
      const raced = newOrder({ code: '3000000004', codeAmount: '10.00', phone: DEMO_PHONE, issuedAt: NOW });
      await other.query('BEGIN');
      await insertOrder(other, raced);
      const adding = store.addOrder(raced).catch((e: unknown) => e as Error);
      await waitFor(async () => (await other.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0]!.n !== '0');
      await other.query('COMMIT');
      const keyed = await adding;
      expect(keyed).toBeInstanceOf(Error);
      expect((keyed as Error).message).toBe('order 3000000004 exists already');
      expect(((keyed as Error).cause as { code?: string }).code).toBe('23505');

      // any other failure is passed on as it is
      const bad = { ...newOrder({ code: '3000000005', codeAmount: '10.00', phone: DEMO_PHONE, issuedAt: NOW }), price: 'ten' };
      await expect(store.addOrder(bad)).rejects.toThrow(/ten/);
      await expect(store.addOrder(bad)).rejects.not.toThrow('exists already');
    } finally {
      await other.end();
      await store.close();
    }
  });

  it('keeps a receipt\'s printed text, refuses a receipt it does not have, and passes its crash point', async () => {
    const points = crashPoints();
    const { store } = await openStore(points.checkpoint);
    try {
      await seedDemoInto(store, NOW);
      await store.openSession({ id: 'T1-a', terminalId: 'T1', code: '1000000001', due: '4750.00', phone: DEMO_PHONE, operator: 'mts', openedAt: NOW });
      await store.journalNote('T1-a', 5000, NOW);
      const { receipt } = await store.completePayment('T1-a', 'pay', NOW);
      expect(await store.receiptText(receipt.number)).toBeUndefined();
      points.seen.length = 0;
      await store.setReceiptText(receipt.number, 'ЧЕК\nИТОГО 4750.00');
      expect(points.seen).toEqual(['receipt:during']);
      expect(await store.receiptText(receipt.number)).toBe('ЧЕК\nИТОГО 4750.00');
      await expect(store.setReceiptText('T9-000009', 'x')).rejects.toThrow('no receipt T9-000009');
      expect(await store.receiptText('T9-000009')).toBeUndefined();
      expect((await store.receipts(NOW + 1)).length).toBe(0);
      expect((await store.receipts(NOW)).map((r) => r.number)).toEqual([receipt.number]);
    } finally {
      await store.close();
    }
  });

  it('a desk payment passes desk:during only when it pays, a training attempt passes before, during and after; a crash inside either keeps nothing', async () => {
    const points = crashPoints();
    const { store } = await openStore(points.checkpoint);
    try {
      await seedDemoInto(store, NOW);
      const pay = { place: 'cashier' as const, code: '1000000001', due: '4750.00', received: '5000.00', at: NOW };
      points.crashAt = 'desk:during';
      await expect(store.payAtDesk(pay)).rejects.toThrow('killed at desk:during');
      expect(await store.findOrder('1000000001')).toMatchObject({ status: 'awaiting', paid: '0.00', credits: [] });
      expect(await store.deskReceipts()).toEqual([]);
      points.crashAt = '';
      points.seen.length = 0;
      expect(await store.payAtDesk(pay)).toMatchObject({ kind: 'paid', receipt: { number: 'K-1-000001', fd: 1 } });
      expect(await store.payAtDesk({ ...pay, at: NOW + 1 })).toMatchObject({ kind: 'refused', reason: 'alreadyPaid' });
      expect(await store.payAtDesk({ ...pay, code: '9999999999' })).toMatchObject({ kind: 'refused', reason: 'unknown' });
      expect(points.seen).toEqual(['desk:during']);

      const anna = attempt('Anna', 'terminal-change', [checkpoint('path', 'R-TERM-1', true)], { at: 10 });
      points.crashAt = 'training:during';
      points.seen.length = 0;
      await expect(store.recordTrainingAttempt(anna)).rejects.toThrow('killed at training:during');
      expect(await store.listTrainingAttempts()).toEqual([]);
      points.crashAt = '';
      points.seen.length = 0;
      await store.recordTrainingAttempt(anna);
      expect(points.seen).toEqual(['training:before', 'training:during', 'training:after']);
      expect(await store.listTrainingAttempts()).toEqual([anna]);
    } finally {
      await store.close();
    }
  });

  it('a till payment passes till:during; a crash there leaves no credit, no receipt and the drawer as it was', async () => {
    const points = crashPoints();
    points.crashAt = 'till:during';
    const { store } = await openStore(points.checkpoint);
    try {
      await seedDemoInto(store, NOW);
      await store.openTillShift('cashier', DEFAULT_FLOAT, NOW);
      const pay = {
        place: 'cashier' as const, code: '1000000003', due: '16990.00', received: '20000.00', at: NOW + 60_000,
        handed: { '5000.00': 4 }, given: { '1000.00': 1, '500.00': 4, '10.00': 1 },
      };
      await expect(store.payAtTill(pay)).rejects.toThrow('killed at till:during');
      expect(await store.findOrder('1000000003')).toMatchObject({ status: 'awaiting', paid: '0.00' });
      expect(await store.deskReceipts()).toEqual([]);
      expect(await store.tillState('cashier')).toMatchObject({ drawer: DEFAULT_FLOAT, payments: [] });
      points.crashAt = '';
      points.seen.length = 0;
      expect(await store.payAtTill(pay)).toMatchObject({ kind: 'paid', receipt: { number: 'K-1-000001' } });
      expect(points.seen).toEqual(['till:during']);
    } finally {
      await store.close();
    }
  });

  it('a payment forwarded for a session the registry never heard of brings the session with its owner and each note at its own time; terminalPayments tells it from a payment made on the registry', async () => {
    const { store, schema } = await openStore();
    const other = new pg.Client({ connectionString: pgUrl(), options: `-c search_path=${schema}` });
    await other.connect();
    try {
      await seedDemoInto(store, NOW);
      const owner = { host: 'kiosk-7', pid: 4242, started: '98765432' };
      const session = { id: 'T7-f', terminalId: 'T7', code: '1000000001', due: '4750.00', phone: DEMO_PHONE, operator: 'mts' as const, openedAt: NOW, owner, notes: [5000, 100] };
      // the second note's time was not kept: it takes the payment's
      const forwarded = await store.forwardPayment({ session, noteTimes: [NOW + 1000], seq: 5, trigger: 'pay', at: NOW + 3000, recovered: false });
      expect(forwarded.receipt).toMatchObject({ number: 'T7-000005', accepted: '5100.00', toOrder: '4750.00', toPhone: '350.00' });
      expect((await store.journalEntries()).map((e) => [e.sessionId, e.note, e.at])).toEqual([['T7-f', 5000, NOW + 1000], ['T7-f', 100, NOW + 3000]]);
      const row = (await other.query('SELECT owner_host, owner_pid, owner_started FROM cash_sessions WHERE id = $1', ['T7-f'])).rows[0];
      expect(row).toEqual({ owner_host: 'kiosk-7', owner_pid: 4242, owner_started: '98765432' });

      await store.openSession({ id: 'T1-a', terminalId: 'T1', code: '1000000002', due: '3000.00', phone: DEMO_PHONE, operator: 'mts', openedAt: NOW });
      await store.journalNote('T1-a', 1000, NOW);
      await store.completePayment('T1-a', 'timeout', NOW + 5000);
      expect(await store.terminalPayments()).toEqual([
        { terminalId: 'T1', seq: 1, sessionId: 'T1-a', receipt: 'T1-000001', accepted: '1000.00', notes: 1, forwarded: false },
        { terminalId: 'T7', seq: 5, sessionId: 'T7-f', receipt: 'T7-000005', accepted: '5100.00', notes: 2, forwarded: true },
      ]);
    } finally {
      await other.end();
      await store.close();
    }
  });

  it('a registry of a newer schema is refused naming both versions; a migration that fails is rolled back and says why', async () => {
    const { store, schema } = await openStore();
    await store.close();
    const other = new pg.Client({ connectionString: pgUrl(), options: `-c search_path=${schema}` });
    await other.connect();
    const broken = freshSchema();
    try {
      await other.query('UPDATE kiosk_schema SET version = $1', [PG_LATEST_VERSION + 1]);
      await expect(PgStore.open(pgUrl(), { schema })).rejects.toThrow(
        `the registry has schema version ${PG_LATEST_VERSION + 1}, newer than this kiosk knows (${PG_LATEST_VERSION}): upgrade the kiosk`);

      // a table in the way of the first migration: its transaction is rolled back, the error is the server's
      await other.query(`CREATE SCHEMA ${broken}; CREATE TABLE ${broken}.orders (x integer)`);
      await expect(PgStore.open(pgUrl(), { schema: broken })).rejects.toThrow('relation "orders" already exists');
      expect((await other.query(`SELECT count(*)::int AS n FROM ${broken}.kiosk_schema`)).rows[0]).toEqual({ n: 0 });
    } finally {
      await other.end();
    }
  });

  it('ping answers while the registry does, and names the registry when no answer comes in time (its one connection busy)', async () => {
    const schema = freshSchema();
    const store = await PgStore.open(pgUrl(), { schema, maxConnections: 1 });
    const other = new pg.Client({ connectionString: pgUrl(), options: `-c search_path=${schema}` });
    await other.connect();
    try {
      await expect(store.ping()).resolves.toBeUndefined();
      await expect(store.ping(5_000)).resolves.toBeUndefined();
      // the pool's only connection waits on another writer's lock: a ping then gets no connection, so no answer
      const held = newOrder({ code: '3000000006', codeAmount: '10.00', phone: DEMO_PHONE, issuedAt: NOW });
      await other.query('BEGIN');
      await insertOrder(other, held);
      const adding = store.addOrder(held).catch((e: unknown) => e);
      await waitFor(async () => (await other.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0]!.n !== '0');
      const error = await store.ping(300).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as Error).message).toMatch(/^postgres:\/\/.*: no answer within 300 ms$/);
      await other.query('ROLLBACK');
      await expect(adding).resolves.toBeUndefined();
      await expect(store.ping(5_000)).resolves.toBeUndefined();
    } finally {
      await other.end();
      await store.close();
    }
  });

  it('R-MOB-8: refunds landing together land the earliest due first, in whatever order the server reads them (index scans off: the heap\'s order, the later due first)', async () => {
    const database = new URL(pgUrl()).pathname.slice(1);
    const admin = new pg.Client({ connectionString: pgUrl() });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} SET enable_indexscan = off`);
    await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} SET enable_bitmapscan = off`);
    const { store } = await openStore(); // its connections start with the settings above
    try {
      await expectEarliestDueLandsFirst(store);
    } finally {
      await store.close();
      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} RESET enable_indexscan`);
      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} RESET enable_bitmapscan`);
      await admin.end();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the condition never held');
}
