/**
 * Which lock each registry write takes on the order it changes, seen from outside: a second
 * connection holds the order's row, and the write either waits for it or goes on. pgRowLocks.test.ts
 * checks what each lock mode does; this checks that each caller asks for the one its header promises.
 *
 * FOR KEY SHARE (what a row referring to the order takes) lets a plain read and a later UPDATE of the
 * row through, and stops a FOR UPDATE: a write that read the order without locking it would go on.
 * FOR SHARE lets another share lock through: the late payers of a paid order commit side by side.
 * No sleeps: a wait is seen in pg_blocking_pids, and an outcome reached first is seen as reached.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { BEELINE, MIN } from './mobileFixtures.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

const pgUrl = usePgDatabase();
const NOW = Date.UTC(2026, 11, 4, 9);
const CODE = '4400000001';

const opened: Array<{ end(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.end()));
});

/** a store with one order on a Beeline phone, and a holder connection to the same schema */
async function storeAndHolder() {
  const schema = freshSchema();
  const store = await PgStore.open(pgUrl(), { schema });
  opened.push({ end: () => store.close() });
  await store.addOrder(newOrder({ code: CODE, codeAmount: '2000.00', phone: BEELINE, issuedAt: NOW - MIN }));
  const holder = new pg.Client({ connectionString: pgUrl(), options: `-c search_path=${schema}` });
  await holder.connect();
  opened.push(holder);
  return { store, holder };
}

/**
 * Runs `write` while `holder` holds the row of order `code` `FOR <held>`: 'waits' when the write was seen
 * blocked by the holder (it then finishes once the holder lets go), 'goes on' when it finished first.
 */
async function whileHeld(holder: pg.Client, held: 'KEY SHARE' | 'SHARE', write: () => Promise<unknown>, code = CODE): Promise<'waits' | 'goes on'> {
  await holder.query('BEGIN');
  await holder.query(`SELECT code FROM orders WHERE code = $1 FOR ${held}`, [code]);
  const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  let finished = false;
  const writing = write().then(() => {
    finished = true;
  });
  writing.catch(() => undefined);
  try {
    for (;;) {
      if (finished) return 'goes on';
      const blocked = await holder.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [holderPid]);
      if (blocked.rows[0]!.n > 0) return 'waits';
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await holder.query('ROLLBACK');
    await writing;
  }
}

/**
 * Runs `write` while `holder` has changed the order (`change`, not committed yet): the write must
 * wait for it, and commits after it. Returns once both have committed.
 */
async function whileChanging(holder: pg.Client, change: string, write: () => Promise<unknown>): Promise<void> {
  await holder.query('BEGIN');
  await holder.query(change, [CODE]);
  const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  const writing = write();
  writing.catch(() => undefined);
  for (;;) {
    const blocked = await holder.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [holderPid]);
    if (blocked.rows[0]!.n > 0) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await holder.query('COMMIT');
  await writing;
}

describe('the order lock each registry write takes (PgStore)', () => {
  it('repricing and the seller\'s actions lock the order for update before reading it', async () => {
    const { store, holder } = await storeAndHolder();
    expect(await whileHeld(holder, 'KEY SHARE', () => store.repriceOrder(CODE, '2100.00'))).toBe('waits');
    expect(await whileHeld(holder, 'KEY SHARE', () => store.changeOrder(CODE, { kind: 'cancel' }, NOW))).toBe('waits');
    expect(await store.findOrder(CODE)).toMatchObject({ price: '2100.00', stage: 'cancelled' });
  });

  it('R-CASH-1: a desk payment locks the order for update before reading it', async () => {
    const { store, holder } = await storeAndHolder();
    const pay = { place: 'cashier' as const, code: CODE, due: '2000.00', received: '2000.00', at: NOW };
    expect(await whileHeld(holder, 'KEY SHARE', () => store.payAtDesk(pay))).toBe('waits');
    expect(await store.findOrder(CODE)).toMatchObject({ status: 'paid' });
  });

  it('R-MOB-2: a reply to a mobile payment locks the order before reading it: a change another writer has not committed yet is kept', async () => {
    const { store, holder } = await storeAndHolder();
    await store.setPhoneAccount(BEELINE, 'beeline', '2500.00');
    const { payment } = await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: CODE, at: NOW }, DEFAULT_MOBILE_RULES);
    // the reply reads the order after the seller's uncommitted change: it waits, and plans on the change
    await whileChanging(holder, `UPDATE orders SET stage = 'shipped' WHERE code = $1`,
      () => store.answerMobilePayment(payment.id, '1', NOW + MIN, DEFAULT_MOBILE_RULES));
    expect(await store.findOrder(CODE)).toMatchObject({ status: 'paid', stage: 'shipped' });
  });

  it('R-TERM-2: cash cleared from a jam for an order paid already takes only a share lock: it goes on beside another share', async () => {
    const { store, holder } = await storeAndHolder();
    await store.payAtDesk({ place: 'cashier', code: CODE, due: '2000.00', received: '2000.00', at: NOW });
    await store.openSession({ id: 'T1-late', terminalId: 'T1', code: CODE, due: '2000.00', phone: BEELINE, operator: 'beeline', openedAt: NOW + MIN });
    await store.holdNote('T1-late', 1000, NOW + MIN);
    expect(await whileHeld(holder, 'SHARE', () => store.clearJam('T1-late', NOW + 2 * MIN))).toBe('goes on');
    expect((await store.jammedSessions()).length).toBe(0);
    // an order not paid yet is locked for update: the same clear on an unpaid order waits
    await store.addOrder(newOrder({ code: '4400000002', codeAmount: '2000.00', phone: BEELINE, issuedAt: NOW - MIN }));
    await store.openSession({ id: 'T1-next', terminalId: 'T1', code: '4400000002', due: '2000.00', phone: BEELINE, operator: 'beeline', openedAt: NOW + MIN });
    await store.holdNote('T1-next', 1000, NOW + MIN);
    expect(await whileHeld(holder, 'SHARE', () => store.clearJam('T1-next', NOW + 2 * MIN), '4400000002')).toBe('waits');
  });
});
