/**
 * Issue 20: mobile payments on the PostgreSQL registry with the SQLite store's guarantees. A crash
 * between "confirmed" and "debited" writes neither; four machines replying to the same payments at
 * once (and landing the same refunds) debit and credit each exactly once; a reply and a terminal's
 * cash for the same order at once credit it once.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

const pgUrl = usePgDatabase();
const rules = DEFAULT_MOBILE_RULES;
const NOW = Date.UTC(2026, 10, 22, 9);
const MIN = 60_000;
const BEELINE = '+79051234567';
const MTS = '+79161234567';
const CLIENTS = 4;
const PAYMENTS = 20;

describe('PgStore: mobile payments are atomic and credited once', () => {
  it('R-MOB-2: a crash between "confirmed" and "debited" writes neither; the retried reply debits once', async () => {
    const schema = freshSchema();
    let crash = true;
    const store = await PgStore.open(pgUrl(), { schema, checkpoint: (point) => { if (crash && point === 'mobile:during') throw new Error('power cut'); } });
    try {
      await store.addOrder(newOrder({ code: '1000000123', codeAmount: '2000.00', phone: BEELINE, issuedAt: NOW - MIN }));
      await store.setPhoneAccount(BEELINE, 'beeline', '2200.00');
      await store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: NOW }, rules);
      await expect(store.answerMobilePayment('M-000001', '1', NOW + MIN, rules)).rejects.toThrow('power cut');
      expect((await store.mobilePayments())[0]).toMatchObject({ state: 'awaiting' });
      expect(await store.phoneAccount(BEELINE)).toMatchObject({ balance: '2200.00', ledger: [] });
      expect(await store.findOrder('1000000123')).toMatchObject({ status: 'awaiting', credits: [] });
      crash = false;
      await store.answerMobilePayment('M-000001', '1', NOW + 2 * MIN, rules);
      await store.answerMobilePayment('M-000001', '1', NOW + 3 * MIN, rules);
      expect(await store.phoneAccount(BEELINE)).toMatchObject({ balance: '122.00', ledger: [{ amount: '-2000.00' }, { amount: '-78.00' }] });
      expect(await store.findOrder('1000000123')).toMatchObject({ status: 'paid', paid: '2000.00' });
    } finally {
      await store.close();
    }
  });

  it(`R-MOB-2, R-MOB-8: ${CLIENTS} machines replying "1" to the same ${PAYMENTS} payments at once debit each once; the refunds land once`, async () => {
    const schema = freshSchema();
    const setup = await PgStore.open(pgUrl(), { schema });
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => PgStore.open(pgUrl(), { schema, maxConnections: 2 })));
    try {
      await setup.setPhoneAccount(BEELINE, 'beeline', '100000.00');
      const ids: string[] = [];
      for (let i = 0; i < PAYMENTS; i++) {
        const code = String(5_000_000_000 + i);
        await setup.addOrder(newOrder({ code, codeAmount: '100.00', phone: BEELINE, issuedAt: NOW - MIN }));
      }
      // requests from every machine at once: numbers drawn without a gap or a repeat
      const requested = await Promise.all(Array.from({ length: PAYMENTS }, (_, i) =>
        clients[i % CLIENTS]!.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: String(5_000_000_000 + i), at: NOW }, rules)));
      for (const { payment } of requested) ids.push(payment.id);
      expect([...ids].sort()).toEqual(Array.from({ length: PAYMENTS }, (_, i) => `M-${String(i + 1).padStart(6, '0')}`));

      const answers = await Promise.all(clients.flatMap((store) => ids.map((id) => store.answerMobilePayment(id, '1', NOW + MIN, rules))));
      // exactly one reply per payment sent the "paid" SMS; the others changed nothing
      expect(answers.filter((a) => a.sms.length > 0)).toHaveLength(PAYMENTS);
      const account = await setup.phoneAccount(BEELINE);
      // 100 ₽ and Beeline's 3.9 ₽ commission, once for each payment
      expect(account.ledger).toHaveLength(2 * PAYMENTS);
      expect(account.balance).toBe((100000 - PAYMENTS * 103.9).toFixed(2));
      expect((await setup.listOrders()).map((o) => [o.status, o.credits.length])).toEqual(ids.map(() => ['paid', 1]));

      for (let i = 0; i < PAYMENTS; i++) await setup.changeOrder(String(5_000_000_000 + i), { kind: 'cancel', reason: 'out of stock' }, NOW + 2 * MIN);
      const landed = (await Promise.all(clients.map((store) => store.landMobileRefunds(NOW + 30 * 86_400_000)))).flat();
      expect(landed).toHaveLength(PAYMENTS);
      expect((await setup.phoneAccount(BEELINE)).balance).toBe((100000 - PAYMENTS * 3.9).toFixed(2));
    } finally {
      await Promise.all([setup, ...clients].map((store) => store.close()));
    }
  });
  it(`R-MOB-2, R-TERM-2: a reply "1" and a terminal's cash for the same ${PAYMENTS} orders at once: each order credited once, no rouble lost`, async () => {
    const schema = freshSchema();
    const setup = await PgStore.open(pgUrl(), { schema });
    const [phoneSide, terminalSide] = await Promise.all([0, 1].map(() => PgStore.open(pgUrl(), { schema, maxConnections: 2 })));
    try {
      await setup.setPhoneAccount(BEELINE, 'beeline', '100000.00');
      const codes = Array.from({ length: PAYMENTS }, (_, i) => String(5_100_000_000 + i));
      for (const code of codes) {
        await setup.addOrder(newOrder({ code, codeAmount: '100.00', phone: BEELINE, issuedAt: NOW - MIN }));
        await setup.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code, at: NOW }, rules);
        await setup.openSession({ id: `S-${code}`, terminalId: 'T1', code, due: '100.00', phone: MTS, operator: 'mts', openedAt: NOW });
        await setup.journalNote(`S-${code}`, 100, NOW);
      }
      const [answers, receipts] = await Promise.all([
        Promise.all(codes.map((_, i) => phoneSide!.answerMobilePayment(`M-${String(i + 1).padStart(6, '0')}`, '1', NOW + MIN, rules))),
        Promise.all(codes.map((code) => terminalSide!.completePayment(`S-${code}`, 'pay', NOW + MIN).then((o) => o.receipt))),
      ]);
      expect((await setup.listOrders()).map((o) => [o.status, o.paid, o.credits.length])).toEqual(codes.map(() => ['paid', '100.00', 1]));
      const byPhone = answers.filter((a) => a.payment.state === 'confirmed').length;
      const byCash = receipts.filter((r) => r.toOrder === '100.00').length;
      expect(byPhone + byCash).toBe(PAYMENTS);
      // the refused replies debited nothing; the cash that came too late went to the terminal customer's phone
      expect((await setup.phoneAccount(BEELINE)).balance).toBe((100000 - byPhone * 103.9).toFixed(2));
      expect((await setup.phoneAccount(MTS)).balance).toBe((100 * (PAYMENTS - byCash)).toFixed(2));
    } finally {
      await Promise.all([setup, phoneSide!, terminalSide!].map((store) => store.close()));
    }
  });
});
