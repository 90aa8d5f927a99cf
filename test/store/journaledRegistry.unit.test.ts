/**
 * JournaledRegistry (src/store/journaledRegistry.ts) over a real terminal journal and a stand-in
 * registry that fails on cue: which calls go where, what the link says and when it tells, what a
 * payment returns with the registry there, gone or hearing it twice. The same paths against a real
 * server that is stopped and started are in journaledRegistry.test.ts (a server per file: too slow
 * to read every branch with).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import { TOPUP_CODE } from '../../src/domain/mobile/topup.js';
import type { CashSession, PaymentOutcome } from '../../src/domain/store.js';
import { isUnreachable, JournaledRegistry, linkReason, type RegistryLink } from '../../src/store/journaledRegistry.js';
import { TerminalJournal } from '../../src/store/terminalJournal.js';
import { StoreError } from '../../src/store/errors.js';
import type { PgStore } from '../../src/store/pg/pgStore.js';
import { NOW, useTempDirs } from './helpers.js';

const PHONE = '+79161234567';
const CODE = '1000000777';
const URL = 'postgres://registry';
const tempDir = useTempDirs();
const journals: TerminalJournal[] = [];
afterEach(() => {
  for (const journal of journals.splice(0)) journal.close();
});

const gone = () => new StoreError('io', URL, `${URL}: connect ECONNREFUSED 127.0.0.1:5432`);
const session = (id: string, fields: Partial<Omit<CashSession, 'notes'>> = {}) =>
  ({ id, terminalId: 'T7', code: CODE, due: '1500.00', phone: PHONE, operator: 'mts' as const, openedAt: NOW, ...fields });
const registryOutcome = (number: string): PaymentOutcome =>
  ({ receipt: { number } as PaymentOutcome['receipt'], order: null, sms: [{ phone: PHONE } as PaymentOutcome['sms'][number]], alreadyPaid: true });

/** a registry that records each call and throws `fail` (once set) from every call */
function standIn() {
  const calls: Array<[string, ...unknown[]]> = [];
  let fail: unknown = null;
  const call = <T>(name: string, result: T) => async (...args: unknown[]): Promise<T> => {
    calls.push([name, ...args]);
    if (fail) throw fail;
    return result;
  };
  const registry = {
    path: URL,
    schema: 'kiosk',
    findOrder: call('findOrder', newOrder({ code: CODE, codeAmount: '1500.00', phone: PHONE, issuedAt: NOW - 1000 })),
    lastReceiptSeq: call('lastReceiptSeq', 41),
    openSession: call('openSession', undefined),
    journalNote: call('journalNote', undefined),
    completePayment: call('completePayment', registryOutcome('R-1')),
    forwardPayment: call('forwardPayment', registryOutcome('T7-000042')),
    abandonSession: call('abandonSession', undefined),
    unfinishedSessions: call('unfinishedSessions', [{ ...session('S1'), notes: [100] }, { ...session('R9'), notes: [500] }]),
    ping: call('ping', undefined),
    receipt: call('receipt', undefined),
    close: call('close', undefined),
    sum: (a: number, b: number) => a + b,
  };
  return { registry: registry as unknown as PgStore, calls, failWith: (error: unknown) => { fail = error; } };
}

function setUp() {
  const fake = standIn();
  const journal = TerminalJournal.open(tempDir());
  journals.push(journal);
  const links: RegistryLink[] = [];
  const points: string[] = [];
  let outboxed = 0;
  const journaled = new JournaledRegistry(fake.registry, journal, {
    processingDelayMs: 0,
    checkpoint: (point) => void points.push(point),
    onLink: (link) => void links.push(link),
    onOutbox: () => void outboxed++,
  });
  return { ...fake, journal, journaled, store: journaled.asStore(), links, points, outboxes: () => outboxed };
}
const names = (calls: Array<[string, ...unknown[]]>) => calls.map(([name]) => name);

describe('what is the registry being out of reach', () => {
  it('only a StoreError of the io kind; the screen gets the driver\'s words without the URL', () => {
    expect(isUnreachable(gone())).toBe(true);
    expect(isUnreachable(new StoreError('corrupt', URL, 'bad'))).toBe(false);
    expect(isUnreachable(Object.assign(new Error('x'), { code: 'io' }))).toBe(false);
    expect(linkReason(gone())).toBe('connect ECONNREFUSED 127.0.0.1:5432');
    expect(linkReason(new StoreError('io', URL, 'timeout'))).toBe('timeout');
    expect(linkReason(new Error(`${URL}: kept`))).toBe(`${URL}: kept`);
    expect(linkReason('plain words')).toBe('plain words');
  });
});

describe('a terminal journaling in front of its registry', () => {
  it('passes every other call to the registry as it is, and tells the link only when it changes', async () => {
    const { store, calls, failWith, links, journaled } = setUp();
    expect(store.path).toBe(URL);
    expect((store as unknown as { sum(a: number, b: number): number }).sum(2, 3)).toBe(5);
    await store.receipt('R-1');
    expect(calls).toEqual([['receipt', 'R-1']]);
    // a failure of the registry's own (not of reaching it) says nothing of the link
    failWith(new Error('syntax error'));
    await expect(store.receipt('R-0')).rejects.toThrow('syntax error');
    expect(links).toEqual([]);
    expect(journaled.status()).toEqual({ reachable: true, reason: null });
    failWith(gone());
    await expect(store.receipt('R-2')).rejects.toBeInstanceOf(StoreError);
    // a call passed through to the registry tells the link too, not only the journal's own calls
    expect(links).toEqual([{ reachable: false, reason: 'connect ECONNREFUSED 127.0.0.1:5432' }]);
    await expect(journaled.probe(250)).rejects.toBeInstanceOf(StoreError);
    expect(calls.at(-1)).toEqual(['ping', 250]);
    expect(links).toEqual([{ reachable: false, reason: 'connect ECONNREFUSED 127.0.0.1:5432' }]);
    expect(journaled.status()).toEqual(links[0]);
    failWith(new Error('syntax error'));
    await expect(store.receipt('R-3')).rejects.toThrow('syntax error');
    expect(links).toHaveLength(1);
    failWith(null);
    await journaled.probe();
    await store.receipt('R-4');
    expect(links).toEqual([{ reachable: false, reason: 'connect ECONNREFUSED 127.0.0.1:5432' }, { reachable: true, reason: null }]);
  });

  it('opens a session in the journal with the registry\'s order, asking the receipt floor once a terminal', async () => {
    const { store, calls, journal } = setUp();
    await store.openSession(session('S1'));
    await store.openSession(session('S2'));
    await store.openSession(session('S3', { terminalId: 'T8', code: TOPUP_CODE }));
    expect(calls).toEqual([
      ['findOrder', CODE], ['lastReceiptSeq', 'T7'], ['openSession', session('S1')],
      ['findOrder', CODE], ['openSession', session('S2')],
      ['lastReceiptSeq', 'T8'], ['openSession', session('S3', { terminalId: 'T8', code: TOPUP_CODE })],
    ]);
    await store.journalNote('S1', 2000, NOW + 1000);
    // the order as the registry gave it, and the terminal's numbers above the registry's 41
    const { payment } = journal.pay('S1', 'pay', NOW + 2000, false, 0);
    expect(payment.receipt).toMatchObject({ number: 'T7-000042', toOrder: '1500.00', toPhone: '500.00' });
    expect(payment.order).toMatchObject({ status: 'paid' });
  });

  it('a registry that refuses the session leaves it abandoned in the journal; out of reach, nothing is kept', async () => {
    const { store, registry, failWith, journal } = setUp();
    (registry as unknown as { openSession: () => Promise<void> }).openSession = async () => { throw new Error('duplicate'); };
    await expect(store.openSession(session('S1'))).rejects.toThrow('duplicate');
    expect(() => journal.journalNote('S1', 100, NOW)).toThrow('cash session S1 is abandoned');
    failWith(gone());
    await expect(store.openSession(session('S2'))).rejects.toBeInstanceOf(StoreError);
    expect(journal.has('S2')).toBe(false);
  });

  it('journals each note; the registry hears each until it is out of reach, then none until the payment', async () => {
    const { store, calls, failWith, journal } = setUp();
    await store.openSession(session('S1'));
    await store.journalNote('S1', 100, NOW + 1);
    failWith(gone());
    await store.journalNote('S1', 200, NOW + 2);
    failWith(null);
    await store.journalNote('S1', 500, NOW + 3);
    expect(calls.filter(([name]) => name === 'journalNote')).toEqual([['journalNote', 'S1', 100, NOW + 1], ['journalNote', 'S1', 200, NOW + 2]]);
    expect(journal.unfinished().map((s) => s.notes)).toEqual([[100, 200, 500]]);
  });

  it('a note the registry refuses for a reason of its own fails, though the journal kept it', async () => {
    const { store, registry, journal } = setUp();
    await store.openSession(session('S1'));
    (registry as unknown as { journalNote: () => Promise<void> }).journalNote = async () => { throw new Error('no cash session S1'); };
    await expect(store.journalNote('S1', 100, NOW + 1)).rejects.toThrow('no cash session S1');
    expect(journal.unfinished().map((s) => s.notes)).toEqual([[100]]);
  });

  it('pays in the journal, forwards, marks it forwarded; the outcome is the registry\'s, never "already paid" on a first payment', async () => {
    const { store, calls, journal, points, outboxes } = setUp();
    await store.openSession(session('S1'));
    await store.journalNote('S1', 2000, NOW + 1000);
    const paid = await store.completePayment('S1', 'pay', NOW + 2000);
    expect(paid).toEqual({ receipt: { number: 'T7-000042' }, order: null, sms: [{ phone: PHONE }] });
    expect(calls.at(-1)).toEqual(['forwardPayment', journal.payment('S1')!.entry]);
    expect(points).toEqual(['forward:before', 'forward:during', 'forward:after']);
    expect(journal.payment('S1')!.forwardedAt).toBe(NOW + 2000);
    // a payment is not a recovery unless the caller says so
    expect(journal.payment('S1')!.entry.recovered).toBe(false);
    expect(journal.payment('S1')!.receipt.recovered).toBe(false);
    expect(outboxes()).toBe(0);
    // asked again: the journal's earlier payment, said to be paid already
    expect(await store.completePayment('S1', 'pay', NOW + 9000)).toEqual({ ...paid, alreadyPaid: true });
  });

  it('the registry gone at the payment: the journal\'s receipt, no SMS, the payment left in the outbox', async () => {
    const { store, failWith, journal, points, outboxes } = setUp();
    await store.openSession(session('S1'));
    await store.journalNote('S1', 2000, NOW + 1000);
    failWith(gone());
    const paid = await store.completePayment('S1', 'timeout', NOW + 2000, true);
    const kept = journal.payment('S1')!;
    expect(paid).toEqual({ receipt: kept.receipt, order: kept.order, sms: [] });
    expect(kept.receipt).toMatchObject({ number: 'T7-000042', recovered: true });
    expect(kept.entry).toMatchObject({ trigger: 'timeout', recovered: true });
    expect(kept.forwardedAt).toBeNull();
    expect(points).toEqual(['forward:before']);
    expect(outboxes()).toBe(1);
    expect(await store.completePayment('S1', 'pay', NOW + 3000)).toEqual({ ...paid, alreadyPaid: true });
  });

  it('a session the journal never had is paid by the registry; forwarding a payment the journal lacks is refused', async () => {
    const { store, calls, journaled } = setUp();
    expect(await store.completePayment('R9', 'timeout', NOW, true)).toEqual(registryOutcome('R-1'));
    expect(calls).toEqual([['completePayment', 'R9', 'timeout', NOW, true]]);
    await expect(journaled.forward('S9')).rejects.toThrow('no journal payment of cash session S9');
  });

  it('abandons in the journal and the registry; out of reach is no failure, another refusal is', async () => {
    const { store, calls, failWith, journal } = setUp();
    await store.openSession(session('S1'));
    await store.openSession(session('S2'));
    failWith(gone());
    await store.abandonSession('S1');
    expect(calls.at(-1)).toEqual(['abandonSession', 'S1']);
    expect(() => journal.journalNote('S1', 1, NOW)).toThrow('is abandoned');
    failWith(new Error('S2 holds cash'));
    await expect(store.abandonSession('S2')).rejects.toThrow('S2 holds cash');
  });

  it('unfinished sessions: the journal\'s, then the registry\'s it never had; the registry out of reach adds none', async () => {
    const { store, calls, failWith } = setUp();
    await store.openSession(session('S1'));
    await store.journalNote('S1', 1000, NOW + 1);
    const unfinished = await store.unfinishedSessions('T7');
    expect(calls.at(-1)).toEqual(['unfinishedSessions', 'T7']);
    expect(unfinished).toEqual([{ ...session('S1'), notes: [1000] }, { ...session('R9'), notes: [500] }]);
    failWith(gone());
    expect((await store.unfinishedSessions()).map((s) => s.id)).toEqual(['S1']);
    failWith(new Error('permission denied'));
    await expect(store.unfinishedSessions()).rejects.toThrow('permission denied');
  });

  it('closes the journal and the registry', async () => {
    const { store, calls, journal } = setUp();
    await store.close();
    journals.splice(0);
    expect(names(calls)).toEqual(['close']);
    expect(() => journal.has('S1')).toThrow();
  });
});
