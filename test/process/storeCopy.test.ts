/**
 * Issue 20: `kiosk store copy --from DIR --to URL` moves a data directory into an empty registry.
 * A SQLite store with orders, terminal payments, an encashment, a mobile payment with its refund due
 * and a class's training attempts is copied; then every store command answers the same from the
 * registry as from the directory (their outputs compared), and the registry carries on numbering.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { COPIED_TABLES } from '../../src/store/pg/pgCopy.js';
import { CLASS } from '../domain/training/classFixture.js';
import { BEELINE, fillDataDir, HOUR, MTS } from '../store/filledDataDir.js';
import { useTempDirs } from '../store/helpers.js';
import { usePgDatabase } from '../store/pgServer.js';
import { kiosk } from './helpers.js';

const pgUrl = usePgDatabase();
const tempDir = useTempDirs();
const AT = Date.now() - 5 * HOUR;

/** A data directory with something in every kind of table the store commands read. */
function filledDataDir(): string {
  const dir = tempDir();
  fillDataDir(dir, AT);
  return dir;
}

/** what a reader of the data sees: every store command that reads it */
const READS = [
  ['orders', 'list', '--json'], ['orders', 'show', '7000000001'], ['orders', 'show', '7000000003', '--json'],
  ['phones', 'show', MTS, '--json'], ['phones', 'show', BEELINE], ['journal', '--format', 'json'],
  ['receipts', 'list', '--json'], ['receipts', 'show', 'T1-000002'], ['encashments', '--format', 'json'], ['train', 'report'],
];

describe('kiosk store copy', () => {
  it('copies every table in one transaction; the registry then answers every store command as the directory did', async () => {
    const url = pgUrl();
    const password = decodeURIComponent(new URL(url).password);
    // all or nothing: a directory whose phone_accounts (copied after the orders) has a row the registry refuses leaves it empty
    const broken = filledDataDir();
    const raw = new Database(join(broken, 'kiosk.db'));
    raw.exec(`DROP TRIGGER phone_balance_not_negative_update; UPDATE phone_accounts SET balance = '-1.00' WHERE phone = '${BEELINE}'`);
    raw.close();
    const refused = kiosk(['store', 'copy', '--from', broken, '--to', url]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^kiosk store: cannot use the kiosk's data: postgres:\/\/kiosk_test:\*\*\*@127\.0\.0\.1:\d+\/\w+: .*a phone balance never goes below zero/);
    expect(refused.stderr).not.toContain(password);
    // read directly: a store command would seed the demo orders into an empty registry
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const left = (await client.query<{ n: number }>('SELECT (SELECT COUNT(*) FROM orders) + (SELECT COUNT(*) FROM training_attempts) AS n')).rows[0]!.n;
    await client.end();
    expect(Number(left)).toBe(0);

    const dir = filledDataDir();
    const copied = kiosk(['store', 'copy', '--from', dir, '--to', url, '--json']);
    expect(copied.stderr).toBe('');
    expect(copied.status).toBe(0);
    const report = JSON.parse(copied.stdout) as { to: string; tables: Record<string, number> };
    expect(report.to).toContain(':***@127.0.0.1');
    expect(Object.keys(report.tables)).toEqual([...COPIED_TABLES]);
    expect(report.tables).toMatchObject({ orders: 9, receipts: 2, encashments: 1, cash_journal: 3, mobile_payments: 1, mobile_refunds: 1, training_attempts: CLASS.length });

    for (const args of READS) {
      const local = kiosk([...args, '--data-dir', dir]);
      expect(local.status, args.join(' ')).toBe(0);
      expect(kiosk([...args, '--store', url]), args.join(' ')).toEqual(local);
    }

    // copying again is refused, and nothing is doubled
    const again = kiosk(['store', 'copy', '--from', dir, '--to', url]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/is not empty \(orders: 9, .*\); copy into a new, empty database/);
    for (const result of [copied, again]) expect(result.stdout + result.stderr).not.toContain(password);

    // the registry numbers on from the copy: the next receipt, journal row and transaction number
    const registry = await PgStore.open(url);
    try {
      // the cassette holds the two notes journaled after the encashment (SQLite's last_journal_id, the registry's marks)
      expect(await registry.cassette('T1')).toMatchObject({ count: 2, total: '1000.00' });
      await registry.addOrder(newOrder({ code: '7000000004', codeAmount: '100.00', phone: BEELINE, issuedAt: AT }));
      await registry.openSession({ id: 'T1-c', terminalId: 'T1', code: '7000000004', due: '100.00', phone: MTS, operator: 'mts', openedAt: AT + 4 * HOUR });
      await registry.journalNote('T1-c', 100, AT + 4 * HOUR);
      expect((await registry.completePayment('T1-c', 'pay', AT + 4 * HOUR)).receipt.number).toBe('T1-000003');
      expect((await registry.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '7000000002', at: AT + 4 * HOUR }, DEFAULT_MOBILE_RULES)).payment.id).toBe('M-000002');
      expect((await registry.listOrders()).at(-1)!.code).toBe('7000000004');
    } finally {
      await registry.close();
    }
  });

  it('names a directory without a kiosk database, and a target that is not a PostgreSQL URL (exit 2)', () => {
    const empty = tempDir();
    expect(kiosk(['store', 'copy', '--from', empty, '--to', pgUrl()])).toMatchObject({ status: 2, stderr: expect.stringContaining(`--from: no kiosk database in "${empty}"`) });
    expect(kiosk(['store', 'copy', '--from', empty, '--to', 'mysql://a:secret@db/k'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--to: expected a PostgreSQL URL like postgres://kiosk@host:5432/kiosk, got "mysql://a:***@db/k"') });
    expect(kiosk(['store', 'copy', '--to', pgUrl()])).toMatchObject({ status: 2, stderr: expect.stringContaining('--from is required') });
  });
});
