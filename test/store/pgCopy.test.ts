/**
 * `kiosk store copy` in-process (src/store/pg/pgCopy.ts): a filled SQLite data directory into an
 * empty registry, all of it or nothing. The registry then reads as the directory did, numbers on after
 * the copied rows, and refuses a second copy or a table it does not know. The built command's
 * wording and exit codes are tested in test/process/storeCopy.test.ts.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import type { CommandStore, StoreReports, SyncKioskStore } from '../../src/domain/store.js';
import { openDataStore } from '../../src/store/dataDir.js';
import { COPIED_TABLES, copySqliteToPg, CopyRefused } from '../../src/store/pg/pgCopy.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { BEELINE, fillDataDir, HOUR, MTS } from './filledDataDir.js';
import { NOW, useTempDirs } from './helpers.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

const pgUrl = usePgDatabase();
const tempDir = useTempDirs();

/** a new, migrated, empty registry in its own schema: the URL both the copy and a store open */
async function emptyRegistry(): Promise<string> {
  const schema = freshSchema();
  const url = new URL(pgUrl());
  url.searchParams.set('options', `-c search_path=${schema}`);
  await (await PgStore.open(url.toString(), { schema })).close();
  return url.toString();
}

/** a data directory filled and migrated as `kiosk store copy` leaves it before copying */
function filled(options: Parameters<typeof fillDataDir>[2] = {}): string {
  const dir = tempDir();
  fillDataDir(dir, NOW, options);
  openDataStore(dir).close();
  return join(dir, 'kiosk.db');
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** everything a reader of the data sees, from either store */
async function reads(store: CommandStore | (SyncKioskStore & StoreReports)) {
  return {
    orders: await store.listOrders(),
    phones: [await store.phoneAccount(MTS), await store.phoneAccount(BEELINE)],
    mobile: await store.mobilePayments(),
    receipts: await store.receipts(),
    receiptText: await store.receiptText('T1-000001'),
    journal: await store.journalEntries(),
    encashments: await store.encashments(),
    cassette: await store.cassette('T1'),
    desk: await store.deskReceipts(),
    attempts: await store.listTrainingAttempts(),
    drill: [await store.drillCards('Anna'), await store.drillCards('Boris')],
    clock: await store.programClockOffset(),
  };
}

describe('copySqliteToPg', () => {
  it('copies every table in one transaction: the registry reads as the directory, counts per table', async () => {
    const path = filled({ deskPayment: true, secondEncashment: true });
    const url = await emptyRegistry();
    const counts = await copySqliteToPg(path, url, 'the test registry');
    expect(Object.keys(counts)).toEqual([...COPIED_TABLES]);
    const source = new Database(path, { readonly: true });
    for (const table of COPIED_TABLES) {
      const { n } = source.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number };
      expect(counts[table], table).toBe(n);
    }
    source.close();
    expect(counts).toMatchObject({ orders: 11, encashments: 2, cash_journal: 5, receipts: 3, desk_receipts: 1, mobile_payments: 1, mobile_refunds: 1 });
    expect(counts.training_attempts).toBeGreaterThan(0);
    expect(counts.training_drill).toBeGreaterThan(0);

    const local = SqliteStore.open(path);
    const registry = await PgStore.open(url);
    try {
      const expected = await reads(local);
      // each note belongs to the first encashment after it: the second took only the note between the two
      expect(expected.encashments.map((e) => e.total)).toEqual(['5000.00', '1000.00']);
      expect(expected.cassette).toMatchObject({ count: 2, total: '200.00' });
      expect(await reads(registry)).toEqual(expected);
    } finally {
      local.close();
      await registry.close();
    }
    // which encashment took each note, kept only by the registry: derived from SQLite's last journal row per encashment
    const taken = await query<{ note: number; number: number | null }>(url,
      `SELECT j.note, e.number FROM cash_journal j LEFT JOIN encashments e ON e.id = j.encashment WHERE j.kind = 'accepted' ORDER BY j.id`);
    expect(taken.map((row) => [row.note, row.number === null ? null : Number(row.number)])).toEqual([[5000, 1], [500, 2], [500, 2], [100, null], [100, null]]);
  });

  it('the registry numbers on after the copied rows: the next order, receipt, mobile payment, encashment and desk receipt', async () => {
    const url = await emptyRegistry();
    await copySqliteToPg(filled({ deskPayment: true }), url, 'the test registry');
    const registry = await PgStore.open(url);
    try {
      await registry.addOrder(newOrder({ code: '7000000004', codeAmount: '100.00', phone: BEELINE, issuedAt: NOW }));
      await registry.addOrder(newOrder({ code: '7000000007', codeAmount: '100.00', phone: MTS, issuedAt: NOW }));
      expect((await registry.listOrders()).slice(-2).map((o) => o.code)).toEqual(['7000000004', '7000000007']);
      await registry.openSession({ id: 'T1-c', terminalId: 'T1', code: '7000000004', due: '100.00', phone: MTS, operator: 'mts', openedAt: NOW + 5 * HOUR });
      await registry.journalNote('T1-c', 100, NOW + 5 * HOUR);
      expect((await registry.completePayment('T1-c', 'pay', NOW + 5 * HOUR)).receipt.number).toBe('T1-000003');
      expect((await registry.journalEntries()).at(-1)).toMatchObject({ sessionId: 'T1-c', note: 100 });
      expect((await registry.encash('T1', NOW + 6 * HOUR)).number).toBe(2);
      const mobile = await registry.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '7000000002', at: NOW + 5 * HOUR }, DEFAULT_MOBILE_RULES);
      expect(mobile.payment.id).toBe('M-000002');
      await registry.payAtDesk({ place: 'post', code: '7000000007', due: '100.00', received: '100.00', at: NOW + 6 * HOUR });
      const receipts = await registry.deskReceipts();
      expect(receipts).toHaveLength(2);
      expect(receipts[1]!.number).not.toBe(receipts[0]!.number);
    } finally {
      await registry.close();
    }
  });

  // 4,509 orders of 16 columns copied: one INSERT of them all would pass PostgreSQL's 65,535 parameters
  it('copies a table of more rows than one INSERT holds (500) and than one statement could, every row once and in order', async () => {
    const path = filled({ extraOrders: 4_500 });
    const url = await emptyRegistry();
    const counts = await copySqliteToPg(path, url, 'the test registry');
    expect(counts.orders).toBe(9 + 4_500);
    const local = SqliteStore.open(path);
    const registry = await PgStore.open(url);
    try {
      expect(await registry.listOrders()).toEqual(local.listOrders());
    } finally {
      local.close();
      await registry.close();
    }
  });

  it('all or nothing: a row the registry refuses leaves every table empty, and says why', async () => {
    const path = filled();
    const raw = new Database(path);
    raw.exec(`DROP TRIGGER phone_balance_not_negative_update; UPDATE phone_accounts SET balance = '-1.00' WHERE phone = '${BEELINE}'`);
    raw.close();
    const url = await emptyRegistry();
    await expect(copySqliteToPg(path, url, 'the test registry')).rejects.toThrow(/below zero/);
    const [left] = await query<{ n: string }>(url, `SELECT ${COPIED_TABLES.map((t) => `(SELECT COUNT(*) FROM ${t})`).join(' + ')} AS n`);
    expect(Number(left!.n)).toBe(0);
    // and a copy of a good directory then goes in whole
    await expect(copySqliteToPg(filled(), url, 'the test registry')).resolves.toMatchObject({ orders: 9 });
  });

  it('refuses a registry that holds anything, naming each filled table and its rows; nothing is doubled', async () => {
    const url = await emptyRegistry();
    const path = filled();
    const first = await copySqliteToPg(path, url, 'the test registry');
    const error = await copySqliteToPg(path, url, 'the test registry').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopyRefused);
    expect((error as Error).message).toBe(
      `the registry the test registry is not empty (${Object.entries(first).filter(([, n]) => n > 0).map(([t, n]) => `${t}: ${n}`).join(', ')}, receipt_counters: 1, mobile_counter: 1); ` +
      'copy into a new, empty database (kiosk store migrate --store URL makes its tables)');
    const [orders] = await query<{ n: string }>(url, 'SELECT COUNT(*) AS n FROM orders');
    expect(Number(orders!.n)).toBe(first.orders);
  });

  it('refuses a registry with tables this kiosk does not know, naming them', async () => {
    const url = await emptyRegistry();
    await query(url, 'CREATE TABLE loyalty_points (id int); CREATE TABLE coupons (id int)');
    const error = await copySqliteToPg(filled(), url, 'the test registry').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopyRefused);
    expect((error as Error).message).toBe('the registry the test registry has tables this kiosk cannot copy into (coupons, loyalty_points): upgrade the kiosk');
  });
});
