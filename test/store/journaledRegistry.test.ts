/**
 * Issue 20, part 4: a terminal on a registry keeps its own journal and an outbox. On a server of its
 * own (this file stops and restarts it): a payment sent twice is stored once; the server stopped in the
 * middle of a payment, the payment is finished from the journal (receipt printed), new customers are
 * refused, and the payment is forwarded once when the server is back; a terminal stopped between the
 * registry's commit and its own mark sends it again on its next start, and the registry keeps one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import pg from 'pg';
import { startThrowawayServer, type ThrowawayServer } from '../../src/bench/pgServer.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { JournaledRegistry } from '../../src/store/journaledRegistry.js';
import { TerminalJournal } from '../../src/store/terminalJournal.js';
import { OutboxForwarder } from '../../src/store/outboxForwarder.js';
import { StoreError } from '../../src/store/errors.js';
import { NOW, useTempDirs } from './helpers.js';
import { startTerminal } from '../../src/app/session.js';
import { t as say } from '../../src/i18n/index.js';
import { insert, kioskOf, kioskState, lookUp, send, settle, toCash } from '../machines/terminalDriver.js';

const PHONE = '+79161234567';
const CODE = '1000000777';
let server: ThrowawayServer;
const tempDir = useTempDirs();
let schemas = 0;
const opened: { close(): unknown }[] = [];

beforeAll(async () => {
  server = await startThrowawayServer({ user: 'kiosk_outbox', password: 'outbox-test-only', purpose: 'outbox test', settings: ['fsync=off'] });
}, 60_000);
afterAll(() => server?.stop());
afterEach(async () => {
  for (const store of opened.splice(0).reverse()) await Promise.resolve(store.close()).catch(() => undefined);
});

async function terminal(dir: string, schema: string, points: { crashAt?: string } = {}) {
  const registry = await PgStore.open(server.url, { schema, checkpoint: (point) => { if (point === points.crashAt) throw new Error(`killed at ${point}`); } });
  const journal = TerminalJournal.open(dir);
  const journaled = new JournaledRegistry(registry, journal, {
    processingDelayMs: 0,
    checkpoint: (point) => { if (point === points.crashAt) throw new Error(`killed at ${point}`); },
  });
  opened.push(journaled);
  return { journaled, store: journaled.asStore(), registry, journal };
}

async function registryCount(schema: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: server.url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

const session = (id: string) => ({ id, terminalId: 'T7', code: CODE, due: '1500.00', phone: PHONE, operator: 'mts' as const, openedAt: NOW });

describe('a terminal on a registry keeps its journal and forwards its outbox once', () => {
  it('a payment forwarded twice is stored once, under the terminal\'s key and receipt number', async () => {
    const schema = `o${++schemas}`;
    const { store, journal, registry } = await terminal(tempDir(), schema);
    await registry.addOrder(newOrder({ code: CODE, codeAmount: '1500.00', phone: PHONE, issuedAt: NOW - 1000 }));
    await store.openSession(session('S1'));
    await store.journalNote('S1', 1000, NOW + 1000);
    await store.journalNote('S1', 500, NOW + 2000);
    const paid = await store.completePayment('S1', 'pay', NOW + 3000);
    expect(paid.receipt).toMatchObject({ number: 'T7-000001', accepted: '1500.00', toOrder: '1500.00' });
    expect(journal.outbox()).toEqual([]);
    const again = await registry.forwardPayment(journal.payment('S1')!.entry);
    expect(again).toMatchObject({ alreadyPaid: true, receipt: { number: 'T7-000001' } });
    expect(await registryCount(schema, 'SELECT count(*) AS n FROM forwarded_payments')).toBe(1);
    expect(await registryCount(schema, 'SELECT count(*) AS n FROM receipts')).toBe(1);
    expect(await registry.findOrder(CODE)).toMatchObject({ status: 'paid', paid: '1500.00' });
  });

  it('the server stopped in the middle of a payment: finished from the journal, new customers refused, forwarded once when back', async () => {
    const schema = `o${++schemas}`;
    const { store, journal, registry, journaled } = await terminal(tempDir(), schema);
    await registry.addOrder(newOrder({ code: CODE, codeAmount: '1500.00', phone: PHONE, issuedAt: NOW - 1000 }));
    await store.openSession(session('S1'));
    await store.journalNote('S1', 1000, NOW + 1000);
    await server.pause();
    try {
      await store.journalNote('S1', 1000, NOW + 2000);
      const paid = await store.completePayment('S1', 'pay', NOW + 3000);
      // the receipt as the journal computed it: the order as known when the session opened
      expect(paid).toMatchObject({ receipt: { number: 'T7-000001', accepted: '2000.00', toOrder: '1500.00', toPhone: '500.00' }, sms: [] });
      // the driver's words for the screen, without the registry's URL (nor its password) in front
      expect(journaled.status()).toEqual({ reachable: false, reason: expect.stringMatching(/^(connect ECONNREFUSED|read ECONNRESET|Connection terminated)/) });
      expect(journaled.status().reason).not.toMatch(/:\/\/|outbox-test-only/);
      expect(journal.outbox()).toHaveLength(1);
      await expect(store.openSession(session('S2'))).rejects.toBeInstanceOf(StoreError);
      expect(await store.unfinishedSessions('T7')).toEqual([]);
    } finally {
      await server.resume();
    }
    const forwarder = new OutboxForwarder(journaled, { setTimeout: () => 0, clearTimeout: () => undefined });
    expect(await forwarder.run()).toEqual({ forwarded: 1, left: 0 });
    expect(await forwarder.run()).toEqual({ forwarded: 0, left: 0 });
    expect(journaled.status()).toEqual({ reachable: true, reason: null });
    expect(await registryCount(schema, 'SELECT count(*) AS n FROM forwarded_payments')).toBe(1);
    expect(await registry.receipt('T7-000001')).toMatchObject({ accepted: '2000.00', toOrder: '1500.00', toPhone: '500.00' });
    expect(await registryCount(schema, `SELECT count(*) AS n FROM cash_journal WHERE session_id = 'S1'`)).toBe(2);
    expect(await registry.findOrder(CODE)).toMatchObject({ status: 'paid', paid: '1500.00' });
    expect((await registry.phoneAccount(PHONE)).balance).toBe('500.00');
  }, 30_000);

  it('forward:during — stopped after the registry committed, before the journal knew: the next start sends it again, stored once', async () => {
    const schema = `o${++schemas}`;
    const dir = tempDir();
    const first = await terminal(dir, schema, { crashAt: 'forward:during' });
    await first.registry.addOrder(newOrder({ code: CODE, codeAmount: '1500.00', phone: PHONE, issuedAt: NOW - 1000 }));
    await first.store.openSession(session('S1'));
    await first.store.journalNote('S1', 1000, NOW + 1000);
    await first.store.journalNote('S1', 500, NOW + 2000);
    // the forward failed (the "kill"): the customer still gets the journal's receipt
    expect((await first.store.completePayment('S1', 'pay', NOW + 3000)).receipt.number).toBe('T7-000001');
    expect(first.journal.outbox()).toHaveLength(1);
    await first.journaled.close();
    opened.splice(0);

    const second = await terminal(dir, schema);
    expect(await new OutboxForwarder(second.journaled, { setTimeout: () => 0, clearTimeout: () => undefined }).run()).toEqual({ forwarded: 1, left: 0 });
    expect(await registryCount(schema, 'SELECT count(*) AS n FROM receipts')).toBe(1);
    expect(await second.registry.findOrder(CODE)).toMatchObject({ status: 'paid', paid: '1500.00' });
    expect((await second.registry.phoneAccount(PHONE)).balance).toBe('0.00');
  });

  it('the forwarder waits longer after each failed pass, on the injected clock, and stops once the outbox is empty', async () => {
    const schema = `o${++schemas}`;
    const { store, registry, journaled, journal } = await terminal(tempDir(), schema);
    await registry.addOrder(newOrder({ code: CODE, codeAmount: '1500.00', phone: PHONE, issuedAt: NOW - 1000 }));
    await store.openSession(session('S1'));
    await server.pause();
    const clock = new SimulatedClock();
    const forwarder = new OutboxForwarder(journaled, clock, { firstDelayMs: 1000, maxDelayMs: 4000 });
    try {
      await store.journalNote('S1', 1000, NOW + 1000);
      await store.completePayment('S1', 'pay', NOW + 2000);
      expect(await forwarder.run()).toEqual({ forwarded: 0, left: 1 });
      clock.increment(999);
      clock.increment(1);
      await expect.poll(() => forwarder.failuresSoFar).toBe(2);
    } finally {
      await server.resume();
    }
    // the second wait is 2 s: nothing before, the payment at it
    clock.increment(1999);
    expect(journal.outbox()).toHaveLength(1);
    clock.increment(1);
    await expect.poll(() => journal.outbox().length).toBe(0);
    expect(await registryCount(schema, 'SELECT count(*) AS n FROM forwarded_payments')).toBe(1);
    forwarder.stop();
  }, 30_000);

  it('the real terminal: the registry gone in the middle of a payment, the payment finishes with its receipt; the next customer is refused with the reason', async () => {
    const schema = `o${++schemas}`;
    const { store, registry, journaled } = await terminal(tempDir(), schema);
    await registry.addOrder(newOrder({ code: CODE, codeAmount: '1500.00', phone: PHONE, issuedAt: NOW - 1000 }));
    await registry.addOrder(newOrder({ code: '1000000778', codeAmount: '900.00', phone: PHONE, issuedAt: NOW - 1000 }));
    const clock = new SimulatedClock();
    clock.set(NOW);
    const paid: string[] = [];
    const t = startTerminal({ store, clock, lang: 'en', terminalId: 'T7', onPayment: (o) => void paid.push(o.receipt.number) });
    await settle(t);
    await toCash(t, CODE);
    await insert(t, 1000);
    await server.pause();
    try {
      await insert(t, 500);
      await send(t, { type: 'cash.pay' });
      expect(kioskState(t)).toBe('receipt');
      expect(paid).toEqual(['T7-000001']);
      await send(t, { type: 'nav.press', id: 'done' });
      expect(await lookUp(t, '1000000778')).toBe('refused');
      expect(kioskOf(t).context.refusal).toMatchObject({ reason: 'registryUnreachable' });
      expect(say('en', 'refused.registryUnreachable')).toContain('the order registry cannot be reached');
    } finally {
      await server.resume();
      t.stop();
    }
    await new OutboxForwarder(journaled, { setTimeout: () => 0, clearTimeout: () => undefined }).run();
    expect(await registry.receipt('T7-000001')).toMatchObject({ accepted: '1500.00', toOrder: '1500.00' });
    expect(await registry.findOrder(CODE)).toMatchObject({ status: 'paid' });
  }, 30_000);
});
