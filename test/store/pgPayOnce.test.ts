/**
 * Issue 20, bench row 18: a terminal payment on PostgreSQL plans in TypeScript from what it read (or
 * what the store knows already: the session it opened, the notes it journaled), then writes
 * everything in one conditional statement (src/store/pg/pgPayOnce.ts, pgPayStatement.ts). These
 * tests put another payment (or a note) between the read and the write — the race the statement's
 * claim must lose cleanly, or win with its plan for the order paid elsewhere — by running it from
 * the connection wrapper just before the write goes out.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import { changeReason, paidElsewhere } from '../../src/domain/cash/payment.js';
import type { CashSession, PaymentOutcome } from '../../src/domain/store.js';
import { payOnce } from '../../src/store/pg/pgPayOnce.js';
import { KnownSessions } from '../../src/store/pg/pgKnown.js';
import { planTerminalPayment } from '../../src/store/pg/pgPaymentPlan.js';
import { journalNoteIn, openSessionIn } from '../../src/store/pg/pgSessions.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

const pgUrl = usePgDatabase();
const NOW = Date.UTC(2026, 11, 2, 9);
const CODE = '4100000001';
const PHONE = '+79161234567';
const DELAY_MS = 60_000;

const opened: Array<{ end(): Promise<void> } | PgStore> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => ('close' in o ? o.close() : o.end())));
});

async function registry(codes: string[]) {
  const schema = freshSchema();
  const store = await PgStore.open(pgUrl(), { schema, processingDelayMs: DELAY_MS });
  opened.push(store);
  for (const code of codes) await store.addOrder(newOrder({ code, codeAmount: '4750.00', phone: PHONE, issuedAt: NOW }));
  const pool = new pg.Pool({
    connectionString: pgUrl(), options: `-c search_path=${schema}`, max: 1,
    types: { getTypeParser: (oid: number, format?: string) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')) },
  });
  opened.push(pool);
  return { store, pool };
}

async function sessionWithNote(store: PgStore, id: string, terminalId: string, code: string, phone: string) {
  await store.openSession({ id, terminalId, code, due: '4750.00', phone, operator: 'mts', openedAt: NOW });
  await store.journalNote(id, 5000, NOW);
}

/** the pool, except that `meanwhile` runs (once) just before the first write statement goes out; reads are counted */
function racedBy(pool: pg.Pool, meanwhile: () => Promise<unknown>) {
  let raced = false;
  const seen = { reads: 0 };
  const sql = {
    async query(config: pg.QueryConfig | string, values?: unknown[]) {
      const name = typeof config === 'string' ? '' : config.name ?? '';
      if (name === 'pay-once-read') seen.reads++;
      else if (name.startsWith('pay-once-') && !raced) {
        raced = true;
        await meanwhile();
      }
      return pool.query(config as string, values);
    },
  } as unknown as pg.Pool;
  return { sql, seen };
}

const pay = (sql: pg.Pool, sessionId: string, known?: KnownSessions): Promise<PaymentOutcome> =>
  payOnce(sql, sessionId, 'pay', NOW, false, DELAY_MS, () => {}, known);

/** a session opened and its notes journaled as PgStore does, remembered in `known` as PgStore remembers them */
async function knownSession(pool: pg.Pool, known: KnownSessions, id: string, terminalId: string, code: string, notes: number[]) {
  const session: Omit<CashSession, 'notes'> = { id, terminalId, code, due: '4750.00', phone: PHONE, operator: 'mts', openedAt: NOW };
  const opened = await openSessionIn(pool, session);
  known.opened(session, opened.order, opened.orderVersion, opened.counterSeq);
  for (const note of notes) {
    await journalNoteIn(pool, id, note, NOW, () => {});
    known.noted(id, note);
  }
}

describe('the plan for the order paid elsewhere', () => {
  it('R-TERM-2: depends on none of the order\'s events or credits (the statement checks only its row) and leaves the order as it is', () => {
    const order = newOrder({ code: CODE, codeAmount: '4750.00', phone: PHONE, issuedAt: NOW });
    const session: CashSession = { id: 's', terminalId: 'T1', code: CODE, due: '4750.00', phone: PHONE, operator: 'mts', openedAt: NOW, notes: [5000] };
    const paid = paidElsewhere(order)!;
    const lived = { ...paid, history: [...paid.history, { at: NOW, kind: 'paid' as const, why: '', amount: '4750.00', ref: 'T2-000001' }],
      credits: [{ receipt: 'T2-000001', amount: '4750.00', acceptedAt: NOW, settlesAt: NOW + DELAY_MS }] };
    const [bare, full] = [paid, lived].map((o) => planTerminalPayment(session, o, 7, 'pay', NOW, false, DELAY_MS));
    expect([bare!.after, full!.after]).toEqual([paid, lived]);
    expect(full!.after).toBe(lived);
    expect([full!.receipt, full!.credits]).toEqual([bare!.receipt, bare!.credits]);
    expect(full!.credits).toEqual([{ phone: PHONE, operator: 'mts', amount: '5000.00', reason: changeReason('T1-000007', 'pay') }]);
  });
});

describe('PgStore: a payment raced between its read and its write', () => {
  it('R-TERM-2: the order paid by another terminal meanwhile: the plan for it holds in the same statement, and the cash goes to the phone; one credit', async () => {
    const { store, pool } = await registry([CODE]);
    await sessionWithNote(store, 'late', 'T1', CODE, PHONE);
    await sessionWithNote(store, 'first', 'T2', CODE, '+79160000002');
    const { sql, seen } = racedBy(pool, () => store.completePayment('first', 'pay', NOW));

    const late = await pay(sql, 'late');

    expect(seen.reads).toBe(1);
    expect([late.receipt.toOrder, late.receipt.toPhone, late.receipt.orderStatus]).toEqual(['0.00', '5000.00', 'paid']);
    expect(late.sms.map((m) => [m.phone, m.amount, m.sender])).toEqual([[PHONE, '5000.00', 'MTS']]);
    const order = (await store.findOrder(CODE))!;
    expect(order.credits.map((c) => [c.receipt, c.amount])).toEqual([['T2-000001', '4750.00']]);
    expect(late.order).toEqual(order);
    expect((await store.phoneAccount(PHONE)).balance).toBe('5000.00');
    expect((await store.phoneAccount('+79160000002')).balance).toBe('250.00');
  });

  it('R-TERM-2: the order partly paid elsewhere meanwhile (not foreseen): the statement writes nothing, the payment is planned again from a fresh read', async () => {
    const { store, pool } = await registry([CODE]);
    await sessionWithNote(store, 'late', 'T1', CODE, PHONE);
    const { sql, seen } = racedBy(pool, async () => {
      await store.openSession({ id: 'part', terminalId: 'T2', code: CODE, due: '1000.00', phone: '+79160000002', operator: 'mts', openedAt: NOW });
      await store.journalNote('part', 1000, NOW);
      await store.completePayment('part', 'pay', NOW);
    });

    const late = await pay(sql, 'late');

    expect(seen.reads).toBe(2);
    expect([late.receipt.toOrder, late.receipt.toPhone, late.receipt.orderStatus]).toEqual(['3750.00', '1250.00', 'paid']);
    const order = (await store.findOrder(CODE))!;
    expect(order.credits.map((c) => [c.receipt, c.amount])).toEqual([['T2-000001', '1000.00'], ['T1-000001', '3750.00']]);
    expect(late.order).toEqual(order);
    expect((await store.phoneAccount(PHONE)).balance).toBe('1250.00');
  });

  it('R-TERM-2: the same session paid meanwhile (another process recovering it): the earlier payment is the answer, nothing credited twice', async () => {
    const { store, pool } = await registry([CODE]);
    await sessionWithNote(store, 'once', 'T1', CODE, PHONE);
    let earlier: PaymentOutcome | undefined;
    const { sql } = racedBy(pool, async () => (earlier = await store.completePayment('once', 'pay', NOW)));

    const again = await pay(sql, 'once');

    expect(again.alreadyPaid).toBe(true);
    expect(again.receipt).toEqual(earlier!.receipt);
    expect((await store.findOrder(CODE))!.credits).toHaveLength(1);
    expect((await store.phoneAccount(PHONE)).balance).toBe('250.00');
  });

  it.each([
    ['its first receipt (the counter row is new)', 0],
    ['a later receipt (the counter row is updated)', 1],
  ])('two payments of one terminal at once, %s: each draws its own number, in turn', async (_, before) => {
    const codes = ['4100000001', '4100000002', '4100000003'];
    const { store, pool } = await registry(codes);
    for (let i = 0; i < before; i++) {
      await sessionWithNote(store, `before${i}`, 'T1', codes[2]!, PHONE);
      await store.completePayment(`before${i}`, 'pay', NOW);
    }
    await sessionWithNote(store, 'a', 'T1', codes[0]!, PHONE);
    await sessionWithNote(store, 'b', 'T1', codes[1]!, PHONE);
    let other: PaymentOutcome | undefined;
    const { sql, seen } = racedBy(pool, async () => (other = await store.completePayment('b', 'pay', NOW)));

    const mine = await pay(sql, 'a');

    expect(seen.reads).toBe(2);
    const seq = (n: number) => `T1-${String(n).padStart(6, '0')}`;
    expect([other!.receipt.number, mine.receipt.number]).toEqual([seq(before + 1), seq(before + 2)]);
    expect(await store.lastReceiptSeq('T1')).toBe(before + 2);
    expect((await store.findOrder(codes[0]!))!.credits.map((c) => c.receipt)).toEqual([seq(before + 2)]);
  });
});

describe('PgStore: a payment from what the store knows (it opened the session and journaled its notes)', () => {
  it('R-TERM-2: nothing changed since: one statement, no read; the order takes its due, the rest goes to the phone', async () => {
    const { store, pool } = await registry([CODE]);
    const known = new KnownSessions();
    await knownSession(pool, known, 'mine', 'T1', CODE, [5000]);
    const { sql, seen } = racedBy(pool, async () => undefined);

    const paid = await pay(sql, 'mine', known);

    expect(seen.reads).toBe(0);
    expect([paid.receipt.number, paid.receipt.toOrder, paid.receipt.toPhone]).toEqual(['T1-000001', '4750.00', '250.00']);
    expect(paid.order).toEqual(await store.findOrder(CODE));
    expect((await store.phoneAccount(PHONE)).balance).toBe('250.00');
    expect(known.known('mine')).toBeUndefined();
  });

  it('R-TERM-2: the order paid by another terminal meanwhile: no read either, the cash goes to the phone, the order as it is now; one credit', async () => {
    const { store, pool } = await registry([CODE]);
    const known = new KnownSessions();
    await knownSession(pool, known, 'late', 'T1', CODE, [5000]);
    await sessionWithNote(store, 'first', 'T2', CODE, '+79160000002');
    const { sql, seen } = racedBy(pool, () => store.completePayment('first', 'pay', NOW));

    const late = await pay(sql, 'late', known);

    expect(seen.reads).toBe(0);
    expect([late.receipt.toOrder, late.receipt.toPhone, late.receipt.orderStatus]).toEqual(['0.00', '5000.00', 'paid']);
    const order = (await store.findOrder(CODE))!;
    expect(order.credits.map((c) => [c.receipt, c.amount])).toEqual([['T2-000001', '4750.00']]);
    expect(late.order).toEqual(order);
    expect((await store.phoneAccount(PHONE)).balance).toBe('5000.00');
  });

  it('R-TERM-2: a note the store did not journal itself (another process): the claim finds other notes, reads, and pays every note', async () => {
    const { store, pool } = await registry([CODE]);
    const known = new KnownSessions();
    await knownSession(pool, known, 'mine', 'T1', CODE, [5000]);
    await journalNoteIn(pool, 'mine', 1000, NOW, () => {});
    const { sql, seen } = racedBy(pool, async () => undefined);

    const paid = await pay(sql, 'mine', known);

    expect(seen.reads).toBe(1);
    expect([paid.receipt.accepted, paid.receipt.toOrder, paid.receipt.toPhone]).toEqual(['6000.00', '4750.00', '1250.00']);
    expect((await store.phoneAccount(PHONE)).balance).toBe('1250.00');
  });

  it('the terminal\'s receipt counter moved since (a payment through another store): the claim finds it, reads, and draws the next number', async () => {
    const codes = ['4100000001', '4100000002'];
    const { store, pool } = await registry(codes);
    const known = new KnownSessions();
    await knownSession(pool, known, 'mine', 'T1', codes[0]!, [5000]);
    await sessionWithNote(store, 'other', 'T1', codes[1]!, PHONE);
    await store.completePayment('other', 'pay', NOW);
    const { sql, seen } = racedBy(pool, async () => undefined);

    const paid = await pay(sql, 'mine', known);

    expect(seen.reads).toBe(1);
    expect([paid.receipt.number, paid.receipt.toOrder]).toEqual(['T1-000002', '4750.00']);
    expect(await store.lastReceiptSeq('T1')).toBe(2);
  });
});
