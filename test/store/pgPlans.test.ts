/**
 * Issue 20, bench row 18: the statements that find a cash session by its id (a note journaled, a
 * terminal's payment) reach it through the primary key, also on a registry whose statistics are not
 * gathered yet (a new one, before autovacuum's first ANALYZE). There the planner costs
 * cash_sessions_by_state's `state = 'open'` the same as the primary key's `id = $1`, and a statement
 * written `state = 'open'` read every open session on each note and payment (src/store/pg/pgRows.ts,
 * `stillOpen`). Each statement is explained (EXPLAIN, not run) just before it runs.
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
const NOW = Date.UTC(2026, 11, 2, 9);
const PHONE = '+79161234567';
const OPEN = 30;

const opened: Array<{ end(): Promise<void> } | PgStore> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => ('close' in o ? o.close() : o.end())));
});

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }

/** how a plan reads cash_sessions (its indexes, or a sequential scan), walking every node */
function sessionIndexes(node: PlanNode, into: Set<string>): Set<string> {
  if (node['Index Name']?.startsWith('cash_sessions')) into.add(node['Index Name']);
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'cash_sessions') into.add('a sequential scan');
  for (const child of node.Plans ?? []) sessionIndexes(child, into);
  return into;
}

/** the pool, except that every statement naming cash_sessions is explained first; the indexes it would use are collected */
function explaining(pool: pg.Pool) {
  const used = new Set<string>();
  const sql = {
    async query(config: pg.QueryConfig | string, values?: unknown[]) {
      const { text, values: given } = typeof config === 'string' ? { text: config, values } : config;
      if (text.includes('cash_sessions')) {
        const plan = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>({ text: `EXPLAIN (FORMAT JSON) ${text}`, values: given ?? [] });
        sessionIndexes(plan.rows[0]!['QUERY PLAN'][0].Plan, used);
      }
      return pool.query(config as string, values);
    },
  } as unknown as pg.Pool;
  return { sql, used };
}

describe('a session found by its id on a new registry (no statistics yet)', () => {
  it(`a note and the payment read it through the primary key, with ${OPEN} other sessions open`, async () => {
    const schema = freshSchema();
    const store = await PgStore.open(pgUrl(), { schema });
    opened.push(store);
    const pool = new pg.Pool({
      connectionString: pgUrl(), options: `-c search_path=${schema}`, max: 1,
      types: { getTypeParser: (oid: number, format?: string) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')) },
    });
    opened.push(pool);
    for (let n = 0; n <= OPEN; n++) {
      const code = String(4_200_000_000 + n);
      await store.addOrder(newOrder({ code, codeAmount: '4750.00', phone: PHONE, issuedAt: NOW }));
      await store.openSession({ id: `S${n}`, terminalId: `T${n % 4}`, code, due: '4750.00', phone: PHONE, operator: 'mts', openedAt: NOW });
      await store.journalNote(`S${n}`, 5000, NOW);
    }
    const { sql, used } = explaining(pool);
    const known = new KnownSessions();
    const session: Omit<CashSession, 'notes'> = { id: 'X', terminalId: 'T9', code: '4200000000', due: '4750.00', phone: PHONE, operator: 'mts', openedAt: NOW };
    const found = await openSessionIn(sql, session);
    known.opened(session, found.order, found.orderVersion, found.counterSeq);
    await journalNoteIn(sql, 'X', 5000, NOW, () => {});
    known.noted('X', 5000);
    const paid = await payOnce(sql, 'X', 'pay', NOW, false, 60_000, () => {}, known);
    expect(paid.receipt.toOrder).toBe('4750.00');
    expect([...used]).toEqual(['cash_sessions_pkey']);
  });
});
