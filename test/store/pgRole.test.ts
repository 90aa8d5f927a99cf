/**
 * Issue 20's security: the README's salon role. A role with exactly the README's GRANTs (the block
 * between <!-- salon-grants --> marks) runs the kiosk's writes: payments with change, a jam, an
 * encashment, mobile payments and a refund, a till's shift, a desk payment, a training attempt with
 * its drill cards, the program clock. It can create, delete or empty nothing else; and every table
 * of the registry is named in the GRANTs.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOAT } from '../../src/domain/cash/drawer.js';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import { DEMO_PHONE, seedDemoInto } from '../../src/domain/orders/demo.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { reviewDrill } from '../../src/domain/training/drill.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { attempt, checkpoint } from '../domain/training/fixtures.js';
import { NOW } from './helpers.js';
import { usePgDatabase } from './pgServer.js';

const pgUrl = usePgDatabase();
const BEELINE = '+79051234567';
const MIN = 60_000;

/** the README's GRANT statements for the role `kiosk`, as written there */
function readmeGrants(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /<!-- salon-grants -->\n```sql\n([\s\S]*?)```\n<!-- \/salon-grants -->/.exec(readme);
  if (!block) throw new Error('README.md has no salon-grants block');
  return block[1]!;
}

async function asAdmin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("the README's salon role", () => {
  it('names every table of the registry, and runs every kind of write the kiosk makes with those rights only', async () => {
    const admin = pgUrl();
    const owner = await PgStore.open(admin);
    await seedDemoInto(owner, NOW);
    await owner.close();
    const role = `kiosk_${randomBytes(4).toString('hex')}`;
    const grants = readmeGrants().replace(/\bTO kiosk;/g, `TO ${role};`);
    const granted = new Set([...grants.matchAll(/ ON ([a-z_, \n]+?) TO /g)].flatMap((m) => m[1]!.split(',').map((t) => t.trim())).filter((t) => !t.includes(' ')));

    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    const tables = (await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).rows.map((r) => r.name);
    await client.end();
    expect(tables.filter((t) => !granted.has(t))).toEqual([]);

    await asAdmin(admin, `CREATE ROLE ${role} LOGIN PASSWORD 'clerk-only'; REVOKE CREATE ON SCHEMA public FROM PUBLIC; REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC; ${grants}`);
    const clerkUrl = new URL(admin);
    clerkUrl.username = role;
    clerkUrl.password = 'clerk-only';
    const store = await PgStore.open(clerkUrl.toString());
    try {
      await store.openSession({ id: 's1', terminalId: 'T1', code: '1000000001', due: '4750.00', phone: DEMO_PHONE, operator: 'mts', openedAt: NOW });
      await store.journalNote('s1', 5000, NOW + 1000);
      const { receipt } = await store.completePayment('s1', 'pay', NOW + 2000);
      await store.setReceiptText(receipt.number, 'printed');
      await store.openSession({ id: 's2', terminalId: 'T1', code: '1000000002', due: '990.00', phone: DEMO_PHONE, operator: 'mts', openedAt: NOW });
      await store.holdNote('s2', 1000, NOW + 3000);
      await store.clearJam('s2', NOW + 4000);
      expect((await store.encash('T1', NOW + 5000)).count).toBeGreaterThan(0);

      await store.addOrder(newOrder({ code: '7000000001', codeAmount: '100.00', phone: BEELINE, issuedAt: NOW }));
      await store.setPhoneAccount(BEELINE, 'beeline', '500.00');
      await store.setPhoneSettings(BEELINE, { tariff: 'standard', newSubscriber: false, outage: false });
      const { payment } = await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '7000000001', at: NOW }, DEFAULT_MOBILE_RULES);
      await store.answerMobilePayment(payment.id, '1', NOW + MIN, DEFAULT_MOBILE_RULES);
      await store.changeOrder('7000000001', { kind: 'cancel', reason: 'out of stock' }, NOW + 2 * MIN);
      expect(await store.landMobileRefunds(NOW + 30 * 86_400_000)).toHaveLength(1);

      await store.openTillShift('cashier', DEFAULT_FLOAT, NOW);
      const till = await store.payAtTill({
        place: 'cashier', code: '1000000003', due: '16990.00', received: '20000.00', at: NOW + MIN,
        handed: { '5000.00': 4 }, given: { '1000.00': 1, '500.00': 4, '10.00': 1 },
      });
      expect(till.kind).toBe('paid');
      await store.tillReport('cashier', 'Z', NOW + 2 * MIN);
      expect((await store.payAtDesk({ place: 'post', code: '1000000004', due: '120.50', received: '200.00', at: NOW + 3 * MIN })).kind).toBe('paid');

      const record = attempt('Anna', 'terminal-change', [checkpoint('no-change', 'R-TERM-2', false)], { at: 0 });
      await store.recordTrainingAttempt(record, reviewDrill([], record, NOW));
      await store.setProgramClockOffset(5000);
      expect(await store.drillCards('Anna')).toHaveLength(1);
    } finally {
      await store.close();
    }

    const clerk = new pg.Client({ connectionString: clerkUrl.toString() });
    await clerk.connect();
    try {
      for (const forbidden of ['CREATE TABLE sneaky (id int)', 'DELETE FROM orders', 'TRUNCATE ledger', 'DROP TABLE sms', 'UPDATE ledger SET amount = amount']) {
        await expect(clerk.query(forbidden), forbidden).rejects.toThrow(/permission denied|must be owner/);
      }
    } finally {
      await clerk.end();
      await asAdmin(admin, `DROP OWNED BY ${role}; DROP ROLE ${role}`);
    }
  });
});
