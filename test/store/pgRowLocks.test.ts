/**
 * The registry's order rows as pgRows.ts reads and writes them, on the run's server: which lock each
 * read takes (a plain read none, `'share'` FOR SHARE, `true`/'update' FOR UPDATE), seen from a second
 * connection with a short lock_timeout while another transaction holds the row (no sleeps: the
 * server answers 55P03 at once when the lock cannot be had); an order saved twice keeps each credit
 * once; a phone credited with `keepOperator` false takes the operator when the account had none.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptTerminalPayment, newOrder } from '../../src/domain/orders/orders.js';
import { creditPhone, findOrder, insertOrder, mustOrder, saveOrder } from '../../src/store/pg/pgRows.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

const pgUrl = usePgDatabase();
const NOW = Date.UTC(2026, 11, 3, 9);
const CODE = '4300000001';
const types = { getTypeParser: (oid: number, format?: string) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')) };

const opened: Array<{ end(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.end()));
});

/** a migrated schema with one order, and two connections to it: `holder` and `reader` (lock_timeout 200 ms) */
async function twoConnections() {
  const schema = freshSchema();
  const store = await PgStore.open(pgUrl(), { schema });
  await store.close();
  const connect = async () => {
    const client = new pg.Client({ connectionString: pgUrl(), options: `-c search_path=${schema}`, types });
    await client.connect();
    opened.push(client);
    return client;
  };
  const [holder, reader] = [await connect(), await connect()];
  await insertOrder(holder, newOrder({ code: CODE, codeAmount: '4750.00', phone: '+79161234567', issuedAt: NOW }));
  await reader.query("SET lock_timeout = '200ms'");
  return { holder, reader };
}

/** what `read` gets while `holder` holds the order's row with `held`: 'read', or 'waits' (lock timeout) */
async function whileHeld(holder: pg.Client, reader: pg.Client, held: 'UPDATE' | 'SHARE', read: () => Promise<unknown>): Promise<'read' | 'waits'> {
  await holder.query('BEGIN');
  await holder.query(`SELECT code FROM orders WHERE code = $1 FOR ${held}`, [CODE]);
  await reader.query('BEGIN');
  try {
    await read();
    return 'read';
  } catch (error) {
    if ((error as { code?: unknown }).code === '55P03') return 'waits';
    throw error;
  } finally {
    await reader.query('ROLLBACK');
    await holder.query('ROLLBACK');
  }
}

describe('the locks of an order read (pgRows.ts)', () => {
  it('a plain read takes no lock: it reads a row another transaction holds for update', async () => {
    const { holder, reader } = await twoConnections();
    expect(await whileHeld(holder, reader, 'UPDATE', () => findOrder(reader, CODE))).toBe('read');
    expect(await whileHeld(holder, reader, 'UPDATE', () => mustOrder(reader, CODE))).toBe('read');
    expect(await whileHeld(holder, reader, 'UPDATE', () => findOrder(reader, CODE, false))).toBe('read');
  });

  it('\'share\' locks for share: beside another share lock it reads, behind an update lock it waits', async () => {
    const { holder, reader } = await twoConnections();
    expect(await whileHeld(holder, reader, 'SHARE', () => mustOrder(reader, CODE, 'share'))).toBe('read');
    expect(await whileHeld(holder, reader, 'UPDATE', () => mustOrder(reader, CODE, 'share'))).toBe('waits');
  });

  it('true and \'update\' lock for update: they wait even behind a share lock', async () => {
    const { holder, reader } = await twoConnections();
    expect(await whileHeld(holder, reader, 'SHARE', () => findOrder(reader, CODE, true))).toBe('waits');
    expect(await whileHeld(holder, reader, 'SHARE', () => mustOrder(reader, CODE, 'update'))).toBe('waits');
  });
});

describe('writing an order and a phone (pgRows.ts)', () => {
  it('an order saved after each of two payments keeps two credits, each once, and its events once', async () => {
    const { holder: sql } = await twoConnections();
    const placed = (await mustOrder(sql, CODE));
    const once = acceptTerminalPayment(placed, '1000.00', 'R-1', NOW, 60_000);
    await saveOrder(sql, placed, once);
    const twice = acceptTerminalPayment(once, '1000.00', 'R-2', NOW + 1, 60_000);
    await saveOrder(sql, once, twice);
    const stored = await mustOrder(sql, CODE);
    expect(stored.credits.map((c) => c.receipt)).toEqual(['R-1', 'R-2']);
    expect(stored.history).toEqual(twice.history);
    expect(stored.paid).toBe('2000.00');
  });

  it('a credit with keepOperator false gives an account without an operator the one named; true keeps the account\'s', async () => {
    const { holder: sql } = await twoConnections();
    const phone = '+79160000009';
    expect(await creditPhone(sql, phone, null, '100.00', 'a refund', NOW, true)).toBeNull();
    expect(await creditPhone(sql, phone, 'mts', '50.00', 'change', NOW, false)).toBe('mts');
    expect(await creditPhone(sql, phone, 'beeline', '25.00', 'change', NOW, false)).toBe('mts');
    const account = await sql.query<{ operator: string; balance: string }>('SELECT operator, balance FROM phone_accounts WHERE phone = $1', [phone]);
    expect(account.rows).toEqual([{ operator: 'mts', balance: '175.00' }]);
  });
});
