/**
 * A cash session on PostgreSQL keeps who opened it (src/store/pg/pgSessions.ts): the owner's host,
 * pid and start time come back with the unfinished session, so a recovery can tell a live terminal
 * from a dead one; a session opened without an owner has none. A note journaled passes the
 * `journal:during` crash point.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import { PgStore } from '../../src/store/pg/pgStore.js';
import { freshSchema, usePgDatabase } from './pgServer.js';

const pgUrl = usePgDatabase();
const NOW = Date.UTC(2026, 11, 3, 9);
const CODE = '4500000001';

const opened: PgStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe('a PostgreSQL cash session and its owner', () => {
  it('keeps the owner\'s host, pid and start with the session; none when opened without one; a note passes journal:during', async () => {
    const points: string[] = [];
    const store = await PgStore.open(pgUrl(), { schema: freshSchema(), checkpoint: (point) => { points.push(point); } });
    opened.push(store);
    await store.addOrder(newOrder({ code: CODE, codeAmount: '4750.00', phone: '+79161234567', issuedAt: NOW }));
    const base = { code: CODE, due: '4750.00', phone: '+79160000001', operator: 'mts' as const, openedAt: NOW };
    await store.openSession({ ...base, id: 'S1', terminalId: 'T1', owner: { host: 'kiosk-7', pid: 4242, started: '123456' } });
    await store.openSession({ ...base, id: 'S2', terminalId: 'T2' });
    await store.journalNote('S1', 5000, NOW);
    expect(points).toEqual(['journal:during']);
    await store.journalNote('S2', 1000, NOW);
    const owners = (await store.unfinishedSessions()).map((s) => [s.id, s.owner]);
    expect(owners).toEqual([['S1', { host: 'kiosk-7', pid: 4242, started: '123456' }], ['S2', null]]);
  });
});
