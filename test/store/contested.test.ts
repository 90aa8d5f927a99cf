/**
 * Issue 20: exactly one credit, whatever runs at once. Four clients, each with its own connections to
 * one PostgreSQL registry, pay the same codes (100 with KIOSK_HEAVY=1, 25 by default) at the same moment as a terminal does: look the
 * order up (a paid one is refused "already paid"), open a session, journal a 5,000 ₽ note, pay. A
 * client that looked the order up before another paid it has the cash in hand: it goes to the
 * phone (R-TERM-2). Each code is credited once; every rouble inserted is on an order or a phone.
 */
import { describe, expect, it } from 'vitest';
import { add, ZERO } from '../../src/domain/money.js';
import { evaluateLookup, newOrder } from '../../src/domain/orders/orders.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { KioskStore } from '../../src/domain/store.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { trials } from '../heavy.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

const pgUrl = usePgDatabase();
const NOW = Date.UTC(2026, 10, 22, 9);
const PHONE = '+79161234567';
const CODES = Array.from({ length: trials(25, 100) }, (_, i) => String(4_000_000_000 + i));
const CLIENTS = 4;

type Attempt = { kind: 'refused'; reason: string } | { kind: 'paid'; toOrder: string; toPhone: string };

async function payAsATerminal(store: KioskStore, terminalId: string, code: string): Promise<Attempt> {
  const lookup = evaluateLookup(code, await store.findOrder(code), NOW, DEFAULT_RULES);
  if (lookup.kind === 'refused') return { kind: 'refused', reason: lookup.reason };
  const id = `${terminalId}-${code}`;
  await store.openSession({ id, terminalId, code, due: '4750.00', phone: PHONE, operator: 'mts', openedAt: NOW });
  await store.journalNote(id, 5000, NOW);
  const { receipt } = await store.completePayment(id, 'pay', NOW);
  return { kind: 'paid', toOrder: receipt.toOrder, toPhone: receipt.toPhone };
}

describe('PgStore: contested payments', () => {
  it(`R-TERM-2: 4 clients paying the same ${CODES.length} codes at once credit each code once and lose no cash`, async () => {
    const schema = freshSchema();
    const setup = await PgStore.open(pgUrl(), { schema });
    for (const code of CODES) await setup.addOrder(newOrder({ code, codeAmount: '4750.00', phone: PHONE, issuedAt: NOW }));
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => PgStore.open(pgUrl(), { schema, maxConnections: 2 })));
    try {
      // each client walks the codes in the same order, so they meet on every code
      const attempts = (await Promise.all(
        clients.map(async (store, n) => {
          const done: Attempt[] = [];
          for (const code of CODES) done.push(await payAsATerminal(store, `T${n + 1}`, code));
          return done;
        }),
      )).flat();

      const orders = await setup.listOrders();
      expect(orders.map((o) => [o.status, o.credits.length, o.paid])).toEqual(CODES.map(() => ['paid', 1, '4750.00']));
      const paid = attempts.filter((a): a is Extract<Attempt, { kind: 'paid' }> => a.kind === 'paid');
      const refused = attempts.filter((a) => a.kind === 'refused');
      expect(refused.every((a) => a.kind === 'refused' && a.reason === 'alreadyPaid')).toBe(true);
      expect(paid.length + refused.length).toBe(CODES.length * CLIENTS);
      // every note inserted is on an order or on the phone, to the kopeck
      const toOrders = paid.map((a) => a.toOrder).reduce((sum, x) => add(sum, x), ZERO);
      const toPhone = paid.map((a) => a.toPhone).reduce((sum, x) => add(sum, x), ZERO);
      expect(toOrders).toBe(String(4750 * CODES.length) + '.00');
      expect(add(toOrders, toPhone)).toBe(String(5000 * paid.length) + '.00');
      expect((await setup.phoneAccount(PHONE)).balance).toBe(toPhone);
    } finally {
      await Promise.all([setup, ...clients].map((store) => store.close()));
    }
  });
});
