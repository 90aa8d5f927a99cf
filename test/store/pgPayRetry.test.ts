/**
 * When a terminal's one-statement payment (src/store/pg/pgPayOnce.ts) plans again and when it gives
 * up, on the run's server: the call of pay_terminal_session answers, once, with the error a race
 * would give (a deadlock, a lost first receipt number, a lost claim), and the payment is planned
 * again and made; any other error is the caller's at once; a claim lost every time ends after 50
 * tries with the reason. The errors are the server's codes put on the call by a wrapper of the pool
 * (test/store/pgPayOnce.test.ts makes the real races).
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import type { CashSession } from '../../src/domain/store.js';
import { payOnce } from '../../src/store/pg/pgPayOnce.js';
import { KnownSessions } from '../../src/store/pg/pgKnown.js';
import { journalNoteIn, openSessionIn } from '../../src/store/pg/pgSessions.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

const pgUrl = usePgDatabase();
const NOW = Date.UTC(2026, 11, 3, 9);
const CODE = '4400000001';
const PHONE = '+79161234567';

const opened: Array<{ end(): Promise<void> } | PgStore> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => ('close' in o ? o.close() : o.end())));
});

/** a registry with the order and a session of it holding 5,000 ₽; `withOrder` false: the order is added after the session opened */
async function sessionToPay(known?: KnownSessions, withOrder = true) {
  const schema = freshSchema();
  const store = await PgStore.open(pgUrl(), { schema, processingDelayMs: 60_000 });
  opened.push(store);
  const pool = new pg.Pool({
    connectionString: pgUrl(), options: `-c search_path=${schema}`, max: 1,
    types: { getTypeParser: (oid: number, format?: string) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')) },
  });
  opened.push(pool);
  const order = newOrder({ code: CODE, codeAmount: '4750.00', phone: PHONE, issuedAt: NOW });
  if (withOrder) await store.addOrder(order);
  const session: Omit<CashSession, 'notes'> = { id: 'S1', terminalId: 'T1', code: CODE, due: '4750.00', phone: PHONE, operator: 'mts', openedAt: NOW };
  const found = await openSessionIn(pool, session);
  known?.opened(session, found.order, found.orderVersion, found.counterSeq);
  await journalNoteIn(pool, 'S1', 5000, NOW, () => {});
  known?.noted('S1', 5000);
  if (!withOrder) await store.addOrder(order);
  return { store, pool };
}

/** the pool, except that the first `times` calls of the payment's function fail with `error`; calls counted */
function failingCalls(pool: pg.Pool, error: Record<string, unknown>, times = 1) {
  const seen = { calls: 0 };
  const sql = {
    async query(config: pg.QueryConfig | string, values?: unknown[]) {
      const name = typeof config === 'string' ? '' : config.name ?? '';
      if (name === 'pay-once-call' && ++seen.calls <= times) throw Object.assign(new Error(`injected ${String(error.code)}`), error);
      return pool.query(config as string, values);
    },
  } as unknown as pg.Pool;
  return { sql, seen };
}

const pay = (sql: pg.Pool, known?: KnownSessions) => payOnce(sql, 'S1', 'pay', NOW, false, 60_000, () => {}, known);

describe('a terminal payment that loses its call to a race plans again', () => {
  it.each([
    ['a deadlock', { code: '40P01' }],
    ['a lost claim', { code: 'KP001' }],
    ['the first receipt\'s counter drawn twice', { code: '23505', constraint: 'receipt_counters_pkey' }],
    ['the first receipt\'s number drawn twice', { code: '23505', constraint: 'receipts_pkey' }],
  ])('%s: the payment is planned again and made, once', async (_, error) => {
    const { store, pool } = await sessionToPay();
    const { sql, seen } = failingCalls(pool, error);
    const paid = await pay(sql);
    expect(seen.calls).toBe(2);
    expect([paid.receipt.number, paid.receipt.toOrder, paid.receipt.toPhone]).toEqual(['T1-000001', '4750.00', '250.00']);
    expect((await store.findOrder(CODE))!.status).toBe('paid');
  });

  it.each([
    ['another key broken', { code: '23505', constraint: 'orders_pkey' }],
    ['another error on a receipt key', { code: '23503', constraint: 'receipts_pkey' }],
    ['any other error', { code: 'XX000' }],
  ])('%s: the caller has it at once, nothing paid', async (_, error) => {
    const { store, pool } = await sessionToPay();
    const { sql, seen } = failingCalls(pool, error);
    await expect(pay(sql)).rejects.toThrow(`injected ${String(error.code)}`);
    expect(seen.calls).toBe(1);
    expect((await store.findOrder(CODE))!.status).toBe('awaiting');
  });

  it('a claim lost every time: 50 tries, then the reason', async () => {
    const { pool } = await sessionToPay();
    const { sql, seen } = failingCalls(pool, { code: 'KP001' }, Infinity);
    await expect(pay(sql)).rejects.toThrow('cash session S1: its order or its terminal\'s receipt counter changed 50 times while it was being paid');
    expect(seen.calls).toBe(50);
  });

  it('a session known without its order (added after the session opened) is paid from a read, not refused', async () => {
    const known = new KnownSessions();
    const { pool } = await sessionToPay(known, false);
    const { sql, seen } = failingCalls(pool, {}, 0);
    const paid = await pay(sql, known);
    expect(paid.receipt.toOrder).toBe('4750.00');
    expect(seen.calls).toBe(1);
  });
});
