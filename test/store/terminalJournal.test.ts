/**
 * The terminal's own journal (src/store/terminalJournal.ts) on its own, without a registry: what it
 * keeps of each session, the sequence numbers it draws (above the registry's floor), the outbox and
 * what marks a payment forwarded. Issue 22: before this file only the registry tests reached it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newOrder } from '../../src/domain/orders/orders.js';
import { TOPUP_CODE } from '../../src/domain/mobile/topup.js';
import { JOURNAL_FILE, TerminalJournal } from '../../src/store/terminalJournal.js';
import { NOW, useTempDirs } from './helpers.js';

const PHONE = '+79161234567';
const CODE = '1000000777';
const tempDir = useTempDirs();
const opened: TerminalJournal[] = [];
afterEach(() => {
  for (const journal of opened.splice(0)) journal.close();
});

function open(dir = tempDir()): TerminalJournal {
  const journal = TerminalJournal.open(dir);
  opened.push(journal);
  return journal;
}

const order = () => newOrder({ code: CODE, codeAmount: '1500.00', phone: PHONE, issuedAt: NOW - 1000 });
const session = (id: string, fields: { terminalId?: string; code?: string; due?: string } = {}) =>
  ({ id, terminalId: 'T7', code: CODE, due: '1500.00', phone: PHONE, operator: 'mts' as const, openedAt: NOW, ...fields });

describe('the terminal journal', () => {
  it('makes its data directory and its file there, and keeps what it was told across a reopen', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const first = TerminalJournal.open(dir);
    expect(first.path).toBe(join(dir, JOURNAL_FILE));
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(true);
    first.openSession(session('S1'), order());
    first.journalNote('S1', 1000, NOW + 1000);
    first.close();
    const second = open(dir);
    expect(second.has('S1')).toBe(true);
    expect(second.unfinished().map((s) => s.notes)).toEqual([[1000]]);
  });

  it('takes notes only into an open session, and says why not otherwise', () => {
    const journal = open();
    expect(() => journal.journalNote('S9', 1000, NOW)).toThrow('no cash session S9');
    journal.openSession(session('S1'), order());
    journal.abandon('S1');
    expect(() => journal.journalNote('S1', 1000, NOW)).toThrow('cash session S1 is abandoned; it takes no more cash');
    journal.openSession(session('S2'), order());
    journal.journalNote('S2', 1500, NOW + 1000);
    journal.pay('S2', 'pay', NOW + 2000, false, 0);
    expect(() => journal.journalNote('S2', 100, NOW + 3000)).toThrow('cash session S2 is paid; it takes no more cash');
  });

  it('abandons an open session only: a paid one stays paid', () => {
    const journal = open();
    journal.openSession(session('S1'), order());
    journal.journalNote('S1', 1000, NOW + 1000);
    journal.pay('S1', 'pay', NOW + 2000, false, 0);
    journal.abandon('S1');
    expect(() => journal.journalNote('S1', 100, NOW + 3000)).toThrow('cash session S1 is paid');
    expect(journal.has('S2')).toBe(false);
  });

  it('lists as unfinished the open sessions that took cash, oldest first, of one terminal or all', () => {
    const journal = open();
    journal.openSession(session('S1', { terminalId: 'T7' }), order());
    journal.openSession(session('S2', { terminalId: 'T8' }), order());
    journal.openSession(session('S3', { terminalId: 'T7' }), order());
    journal.openSession(session('S4', { terminalId: 'T7' }), order());
    journal.openSession(session('S5', { terminalId: 'T7' }), order());
    journal.journalNote('S3', 500, NOW + 1000);
    journal.journalNote('S1', 1000, NOW + 2000);
    journal.journalNote('S2', 100, NOW + 3000);
    journal.journalNote('S1', 50, NOW + 4000);
    journal.journalNote('S5', 10, NOW + 5000);
    journal.abandon('S5');
    // S4 took no cash; S5 was abandoned
    expect(journal.unfinished('T7')).toEqual([
      { ...session('S1', { terminalId: 'T7' }), notes: [1000, 50] },
      { ...session('S3', { terminalId: 'T7' }), notes: [500] },
    ]);
    expect(journal.unfinished().map((s) => s.id)).toEqual(['S1', 'S2', 'S3']);
    expect(journal.unfinished('T9')).toEqual([]);
  });

  it('pays from what it knew when the session opened: the order credited, the rest to the phone, the entry to forward', () => {
    const journal = open();
    journal.openSession(session('S1'), order());
    journal.journalNote('S1', 1000, NOW + 1000);
    journal.journalNote('S1', 1000, NOW + 2000);
    const { payment, earlier } = journal.pay('S1', 'timeout', NOW + 3000, true, 0);
    expect(earlier).toBe(false);
    expect(payment.receipt).toMatchObject({ number: 'T7-000001', accepted: '2000.00', toOrder: '1500.00', toPhone: '500.00', recovered: true, at: NOW + 3000 });
    expect(payment.order).toMatchObject({ code: CODE, status: 'paid', paid: '1500.00' });
    expect(payment.entry).toEqual({ session: { ...session('S1'), notes: [1000, 1000] }, noteTimes: [NOW + 1000, NOW + 2000], seq: 1, trigger: 'timeout', at: NOW + 3000, recovered: true });
    expect(payment.forwardedAt).toBeNull();
    // kept as it was returned
    expect(journal.payment('S1')).toEqual(payment);
    expect(journal.unfinished()).toEqual([]);
  });

  it('pays a top-up (no order) all to the phone, with no order kept', () => {
    const journal = open();
    journal.openSession(session('S1', { code: TOPUP_CODE, due: '0.00' }), null);
    journal.journalNote('S1', 100, NOW + 1000);
    const { payment } = journal.pay('S1', 'pay', NOW + 2000, false, 0);
    expect(payment.receipt).toMatchObject({ toOrder: '0.00', toPhone: '100.00', recovered: false });
    expect(payment.order).toBeNull();
    expect(journal.payment('S1')!.order).toBeNull();
  });

  it('a session paid before gives the same payment again, and one not open or unknown is refused', () => {
    const journal = open();
    expect(() => journal.pay('S9', 'pay', NOW, false, 0)).toThrow('no cash session S9');
    journal.openSession(session('S1'), order());
    journal.abandon('S1');
    expect(() => journal.pay('S1', 'pay', NOW, false, 0)).toThrow('cash session S1 is abandoned; it cannot be paid');
    journal.openSession(session('S2'), order());
    journal.journalNote('S2', 1000, NOW + 1000);
    const first = journal.pay('S2', 'pay', NOW + 2000, false, 0);
    const again = journal.pay('S2', 'pay', NOW + 9000, false, 0);
    expect(again).toEqual({ payment: first.payment, earlier: true });
    expect(journal.payments()).toHaveLength(1);
  });

  it('numbers each terminal\'s receipts on, never below the registry\'s floor, which only rises', () => {
    const journal = open();
    journal.raiseSeqFloor('T7', 41);
    journal.raiseSeqFloor('T7', 5);
    journal.raiseSeqFloor('T8', 0);
    const pay = (id: string, terminalId: string) => {
      journal.openSession(session(id, { terminalId }), order());
      journal.journalNote(id, 100, NOW + 1000);
      return journal.pay(id, 'pay', NOW + 2000, false, 0).payment;
    };
    expect(pay('S1', 'T7').receipt.number).toBe('T7-000042');
    expect(pay('S2', 'T8').receipt.number).toBe('T8-000001');
    expect(pay('S3', 'T7').entry.seq).toBe(43);
    // a floor below the journal's own numbers changes nothing
    journal.raiseSeqFloor('T8', 1);
    expect(pay('S4', 'T8').receipt.number).toBe('T8-000002');
    journal.raiseSeqFloor('T8', 10);
    expect(pay('S5', 'T8').receipt.number).toBe('T8-000011');
  });

  it('the outbox holds the payments not forwarded, by terminal and number; a payment is marked forwarded once', () => {
    const journal = open();
    const pay = (id: string, terminalId: string) => {
      journal.openSession(session(id, { terminalId }), order());
      journal.journalNote(id, 100, NOW + 1000);
      journal.pay(id, 'pay', NOW + 2000, false, 0);
    };
    pay('S1', 'T8');
    pay('S2', 'T7');
    pay('S3', 'T8');
    pay('S4', 'T7');
    const keys = (list: { entry: { session: { terminalId: string }; seq: number } }[]) => list.map((p) => `${p.entry.session.terminalId}/${p.entry.seq}`);
    expect(keys(journal.outbox())).toEqual(['T7/1', 'T7/2', 'T8/1', 'T8/2']);
    journal.markForwarded('S2', NOW + 5000);
    journal.markForwarded('S2', NOW + 6000);
    expect(journal.payment('S2')!.forwardedAt).toBe(NOW + 5000);
    expect(keys(journal.outbox())).toEqual(['T7/2', 'T8/1', 'T8/2']);
    expect(keys(journal.payments())).toEqual(['T7/1', 'T7/2', 'T8/1', 'T8/2']);
    expect(journal.payment('S9')).toBeUndefined();
  });
});
