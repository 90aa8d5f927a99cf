/**
 * `kiosk reconcile`'s comparison (src/store/reconcile.ts) without a server: journals and registry
 * rows made by hand, each kind of difference alone, and the line the terminal prints for it. The
 * same against a real registry is test/process/reconcile.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../src/domain/store.js';
import type { RegistryPayment } from '../../src/store/pg/pgForward.js';
import { describeDifference, reconcile } from '../../src/store/reconcile.js';
import type { JournalPayment } from '../../src/store/terminalJournal.js';

/** a payment in terminal `terminalId`'s journal: session `id`, `notes` notes, receipt `number` */
function journaled(id: string, { terminalId = 'T7', notes = 2, accepted = '1500.00', number = `R-${id}`, forwardedAt = 5 as number | null } = {}): JournalPayment {
  return {
    entry: { session: { id, terminalId, notes: Array.from({ length: notes }, () => 500) } },
    receipt: { number, accepted } as Receipt,
    order: null,
    forwardedAt,
  } as unknown as JournalPayment;
}

/** the registry's row for the same payment, as the journal has it unless told otherwise */
function registered(id: string, { terminalId = 'T7', notes = 2, accepted = '1500.00', receipt = `R-${id}` } = {}): RegistryPayment {
  return { terminalId, seq: 1, sessionId: id, receipt, accepted, notes, forwarded: true };
}

describe('reconcile', () => {
  it('a journal the registry matches has no differences; the terminals are listed once each, sorted', () => {
    const journal = [journaled('S1', { terminalId: 'T9' }), journaled('S2'), journaled('S3', { terminalId: 'T9' })];
    const result = reconcile(journal, [registered('S1', { terminalId: 'T9' }), registered('S2'), registered('S3', { terminalId: 'T9' })]);
    expect(result).toEqual({ journaled: 3, terminals: ['T7', 'T9'], differences: [] });
  });

  it('a payment the registry lacks is missing, and says whether it still waits in the outbox', () => {
    const result = reconcile([journaled('S1', { forwardedAt: null }), journaled('S2', { forwardedAt: 1234 })], []);
    expect(result.differences).toEqual([
      { kind: 'missing', receipt: 'R-S1', sessionId: 'S1', accepted: '1500.00', inOutbox: true },
      { kind: 'missing', receipt: 'R-S2', sessionId: 'S2', accepted: '1500.00', inOutbox: false },
    ]);
    expect(result.differences.map(describeDifference)).toEqual([
      'R-S1 (session S1): 1500.00 taken, missing in the registry (still in the outbox: not forwarded yet)',
      'R-S2 (session S2): 1500.00 taken, missing in the registry',
    ]);
  });

  it('the cash taken, the count of notes and the receipt number are each compared, one difference each', () => {
    const result = reconcile(
      [journaled('S1'), journaled('S2'), journaled('S3'), journaled('S4')],
      [registered('S1', { accepted: '1000.00' }), registered('S2', { notes: 3 }), registered('S3', { receipt: 'R-other' }), registered('S4')],
    );
    expect(result.differences).toEqual([
      { kind: 'differs', receipt: 'R-S1', sessionId: 'S1', what: 'accepted', journal: '1500.00', registry: '1000.00' },
      { kind: 'differs', receipt: 'R-S2', sessionId: 'S2', what: 'notes', journal: '2', registry: '3' },
      { kind: 'differs', receipt: 'R-S3', sessionId: 'S3', what: 'receipt', journal: 'R-S3', registry: 'R-other' },
    ]);
    expect(describeDifference(result.differences[0]!)).toBe('R-S1 (session S1): accepted 1500.00 in the journal, 1000.00 in the registry');
  });

  it('a registry payment of a journaling terminal that no journal has is unjournaled; other terminals\' payments are not ours to judge', () => {
    const result = reconcile([journaled('S1')], [registered('S1'), registered('S9', { accepted: '700.00' }), registered('S8', { terminalId: 'T8' })]);
    expect(result.differences).toEqual([{ kind: 'unjournaled', receipt: 'R-S9', sessionId: 'S9', accepted: '700.00' }]);
    expect(describeDifference(result.differences[0]!)).toBe('R-S9 (session S9): 700.00 in the registry, not in the journal');
  });
});
