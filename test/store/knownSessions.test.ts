/**
 * What a PgStore remembers of the sessions it opened itself (src/store/pg/pgKnown.ts), read as data:
 * no server. test/store/pgPayOnce.test.ts pays from it on a real server; here each rule of the memory
 * alone: a session is known only with its terminal's counter, its notes are copied out, a forgotten
 * session is gone, and a full memory forgets the oldest session first.
 */
import { describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import type { CashSession } from '../../src/domain/store.js';
import { KnownSessions } from '../../src/store/pg/pgKnown.js';

const NOW = Date.UTC(2026, 11, 3, 9);
const session = (id: string, terminalId = `T-${id}`): Omit<CashSession, 'notes'> =>
  ({ id, terminalId, code: '4100000001', due: '4750.00', phone: '+79160000001', operator: 'mts', openedAt: NOW });
const order = newOrder({ code: '4100000001', codeAmount: '4750.00', phone: '+79161234567', issuedAt: NOW });

describe('KnownSessions', () => {
  it('knows a session it opened: no notes yet, its order and version, the counter the insert found', () => {
    const known = new KnownSessions();
    known.opened(session('a'), order, '701', 4);
    expect(known.known('a')).toEqual({ session: { ...session('a'), notes: [] }, order, orderVersion: '701', counterSeq: 4 });
    expect(known.known('b')).toBeUndefined();
  });

  it('a terminal with no receipt yet has counter null, still known; the notes journaled are added in order', () => {
    const known = new KnownSessions();
    known.opened(session('a'), null, null, null);
    known.noted('a', 1000);
    known.noted('a', 500);
    known.noted('unknown', 100);
    expect(known.known('a')).toEqual({ session: { ...session('a'), notes: [1000, 500] }, order: null, orderVersion: null, counterSeq: null });
  });

  it('hands out a copy: a caller changing the notes changes nothing known', () => {
    const known = new KnownSessions();
    known.opened(session('a'), order, '701', 4);
    known.known('a')!.session.notes.push(5000);
    expect(known.known('a')!.session.notes).toEqual([]);
  });

  it('forgets a session, and counts each terminal\'s receipts as last left', () => {
    const known = new KnownSessions();
    known.opened(session('a', 'T1'), order, '701', 4);
    known.opened(session('b', 'T2'), order, '702', 9);
    known.counted('T1', 5);
    expect(known.known('a')!.counterSeq).toBe(5);
    expect(known.known('b')!.counterSeq).toBe(9);
    known.forget('a');
    expect(known.known('a')).toBeUndefined();
    expect(known.known('b')).toBeDefined();
  });

  it('keeps 1,000 sessions at most, the oldest forgotten first', () => {
    const known = new KnownSessions();
    for (let i = 0; i < 1_000; i++) known.opened(session(`s${i}`, 'T1'), order, '1', 0);
    expect(known.known('s0')).toBeDefined();
    known.opened(session('s1000', 'T1'), order, '1', 0);
    expect(known.known('s0')).toBeUndefined();
    expect(known.known('s1')).toBeDefined();
    expect(known.known('s1000')).toBeDefined();
  });
});
