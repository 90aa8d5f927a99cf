/**
 * Issue 20: `kiosk reconcile` compares each terminal's journal with the registry: a clean run says
 * nothing differs (exit 0); a payment still in the outbox, cash that differs, and a payment of the
 * terminal the journal never had are each listed (exit 1). Against the test run's real server.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { JournaledRegistry } from '../../src/store/journaledRegistry.js';
import { TerminalJournal } from '../../src/store/terminalJournal.js';
import { OutboxForwarder } from '../../src/store/outboxForwarder.js';
import { NOW, useTempDirs } from '../store/helpers.js';
import { usePgDatabase } from '../store/pgServer.js';
import { kiosk } from './helpers.js';

const pgUrl = usePgDatabase();
const tempDir = useTempDirs();
const PHONE = '+79161234567';
const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

const session = (id: string, code: string) => ({ id, terminalId: 'T7', code, due: '1500.00', phone: PHONE, operator: 'mts' as const, openedAt: NOW });

describe('kiosk reconcile', () => {
  it('a clean run says nothing differs; an unforwarded payment, differing cash and a payment no journal has are listed', async () => {
    const dir = tempDir();
    let crashAt: string | null = null;
    const registry = await PgStore.open(pgUrl());
    const journaled = new JournaledRegistry(registry, TerminalJournal.open(dir), {
      processingDelayMs: 0,
      checkpoint: (point) => { if (point === crashAt) throw new Error(`killed at ${point}`); },
    });
    open.push(journaled);
    const store = journaled.asStore();
    for (const code of ['1000000701', '1000000702', '1000000703']) {
      await registry.addOrder(newOrder({ code, codeAmount: '1500.00', phone: PHONE, issuedAt: NOW - 1000 }));
    }
    await store.openSession(session('S1', '1000000701'));
    await store.journalNote('S1', 1000, NOW + 1000);
    await store.journalNote('S1', 500, NOW + 2000);
    await store.completePayment('S1', 'pay', NOW + 3000);
    const env = { KIOSK_STORE: pgUrl() };

    const clean = kiosk(['reconcile', '--data-dir', dir], env);
    expect(clean.stdout).toMatch(/^Nothing differs: 1 payments of 1 terminals \(T7\) match the registry postgres:\/\/kiosk_test:\*\*\*@/);
    expect(clean.status).toBe(0);

    // killed after the journal's commit, before the forward: the payment waits in the outbox
    await store.openSession(session('S2', '1000000702'));
    await store.journalNote('S2', 500, NOW + 4000);
    crashAt = 'forward:before';
    await expect(store.completePayment('S2', 'pay', NOW + 5000)).rejects.toThrow('killed at forward:before');
    crashAt = null;
    const waiting = kiosk(['reconcile', '--data-dir', dir], env);
    expect(waiting.stdout).toContain('T7-000002 (session S2): 500.00 taken, missing in the registry (still in the outbox: not forwarded yet)');
    expect(waiting.status).toBe(1);

    expect(await new OutboxForwarder(journaled, { setTimeout: () => 0, clearTimeout: () => undefined }).run()).toEqual({ forwarded: 1, left: 0 });
    const admin = new pg.Client({ connectionString: pgUrl() });
    await admin.connect();
    await admin.query(`UPDATE receipts SET accepted = '1000.00' WHERE number = 'T7-000001'`);
    await admin.end();
    // a payment of T7 the registry took without the journal (its own recovery of a session it had)
    await registry.openSession(session('S3', '1000000703'));
    await registry.journalNote('S3', 100, NOW + 6000);
    await registry.completePayment('S3', 'timeout', NOW + 7000, true);
    const differs = kiosk(['reconcile', '--data-dir', dir, '--store', pgUrl()]);
    expect(differs.stdout.split('\n')).toEqual([
      expect.stringMatching(/^2 differences between the journals and the registry postgres:\/\/kiosk_test:\*\*\*@/),
      '  T7-000001 (session S1): accepted 1500.00 in the journal, 1000.00 in the registry',
      '  T7-000003 (session S3): 100.00 in the registry, not in the journal',
      '',
    ]);
    expect(differs.status).toBe(1);
  });

  it('a directory without a terminal journal is refused, naming it (exit 2)', () => {
    const dir = tempDir();
    const refused = kiosk(['reconcile', '--data-dir', dir, '--store', 'postgres://kiosk@127.0.0.1:1/kiosk']);
    expect(refused.stderr).toContain(`--data-dir: no terminal journal in "${dir}"`);
    expect(refused.status).toBe(2);
  });
});
