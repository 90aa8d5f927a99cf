/**
 * Property test of the whole terminal (machines/terminal.ts with its real actors on a MemoryStore,
 * on XState's SimulatedClock): random orders, phones and cash sessions made of random notes (good,
 * worn, foreign), keys, Pay and cancel attempts, and clock jumps that open "Need more time?" and
 * answer it yes, no, or not at all, and journal writes that fail. Money is checked after every step and after every run:
 * every journaled note is credited exactly once, to the order or to the phone; nothing is left
 * unpaid in the journal; no session takes more than 15,000 ₽ (R-TERM-3); no order is credited
 * more than it owes; every payment has its receipt (R-CASH-4).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { startTerminal } from '../../src/app/session.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { add, cmp, sub, ZERO, type Money } from '../../src/domain/money.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { BANKNOTES, DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';
import { sumNotes } from '../../src/domain/cash/settlement.js';
import type { PaymentOutcome } from '../../src/domain/store.js';
import type { TerminalActor, TerminalEvent } from '../../machines/terminal.js';
import { kioskState, settle, toCash } from './terminalDriver.js';
import { asyncStore } from '../../src/domain/asyncStore.js';

const CAP = DEFAULT_RULES.terminalCap;
const PHONES = ['9161234567', '9261234567', '9031234567', '9001234567', '9401234567'];

/** A MemoryStore that remembers every journaled note, per session, and can fail the next write. */
class JournalingStore extends MemoryStore {
  readonly journal = new Map<string, number[]>();
  failNextWrite = false;
  override journalNote(sessionId: string, note: number): void {
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('disk full');
    }
    super.journalNote(sessionId, note);
    this.journal.set(sessionId, [...(this.journal.get(sessionId) ?? []), note]);
  }
}

type Step =
  | { kind: 'send'; event: TerminalEvent }
  | { kind: 'wait'; ms: number }
  /** the journal cannot save the next note: the acceptor must hand it back uncounted */
  | { kind: 'fault' };

const note = fc.constantFrom(...BANKNOTES);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: note.map((n): Step => ({ kind: 'send', event: { type: 'cash.inserted', note: n, condition: 'good' } })) },
  { weight: 1, arbitrary: note.map((n): Step => ({ kind: 'send', event: { type: 'cash.inserted', note: n, condition: 'worn' } })) },
  { weight: 1, arbitrary: fc.constantFrom(0, 3, 25, 10_000).map((n): Step => ({ kind: 'send', event: { type: 'cash.inserted', note: n } })) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<TerminalEvent>(
      { type: 'nav.press', id: 'pay' },
      { type: 'nav.press', id: 'back' },
      { type: 'nav.press', id: 'yes' },
      { type: 'nav.press', id: 'no' },
      { type: 'nav.activate' },
      { type: 'nav.move', dir: 'down' },
      { type: 'cash.pay' },
      { type: 'cash.cancel' },
    ).map((event): Step => ({ kind: 'send', event })),
  },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'fault' }) },
  { weight: 1, arbitrary: fc.constantFrom(1_000, 14_999, 15_000, 59_999, 60_000, 120_000, 135_000).map((ms): Step => ({ kind: 'wait', ms })) },
);

const session = fc.record({
  /** the code's amount in kopecks, up to the cap */
  dueKopecks: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 500_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_500_000 }) }),
  /** a price rise after the code was issued (R-CODE-5), often none */
  riseKopecks: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 500_000 }) }),
  phone: fc.constantFrom(...PHONES),
  steps: fc.array(step, { maxLength: 40 }),
});

const rubles = (kopecks: number): Money => `${Math.floor(kopecks / 100)}.${String(kopecks % 100).padStart(2, '0')}`;

/** Invariants of a live cash session: only journaled notes count, and never above the cap. */
function checkLiveCash(t: TerminalActor, store: JournalingStore): void {
  const { cash, sessionId } = t.getSnapshot().context;
  const snap = cash?.getSnapshot();
  if (!snap || snap.status !== 'active' || !sessionId) return;
  expect(cmp(snap.context.inserted, CAP)).toBeLessThanOrEqual(0);
  if (snap.value !== 'escrow') expect(snap.context.notes).toEqual(store.journal.get(sessionId) ?? []);
}

describe('terminal, property-based (fast-check)', () => {
  it('R-TERM-2 R-TERM-3 R-CASH-4: random notes, keys and timeouts: every journaled note is credited exactly once, nothing is lost, no payment exceeds 15,000 ₽, no order gets more than it owes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(session, { minLength: 1, maxLength: 3 }), async (sessions) => {
        const clock = new SimulatedClock();
        clock.set(Date.UTC(2026, 10, 22, 7));
        const store = new JournalingStore();
        const payments: PaymentOutcome[] = [];
        const t = startTerminal({ store: asyncStore(store), clock, lang: 'en', onPayment: (o) => payments.push(o) });
        await settle(t);
        let orderCredit = ZERO;
        try {
          for (const [i, s] of sessions.entries()) {
            const code = String(2_000_000_001 + i);
            const due = rubles(s.dueKopecks);
            store.addOrder(newOrder({ code, codeAmount: due, price: rubles(s.dueKopecks + s.riseKopecks), phone: '+79160000000', issuedAt: clock.now() - HOUR_MS }));
            await toCash(t, code, s.phone);
            const sessionId = t.getSnapshot().context.sessionId ?? '';
            const paidBefore = payments.length;
            for (const st of s.steps) {
              if (kioskState(t) !== 'cash') break;
              if (st.kind === 'send') t.send(st.event);
              else if (st.kind === 'wait') clock.increment(st.ms);
              else store.failNextWrite = true;
              await settle(t);
              checkLiveCash(t, store);
            }
            // The customer walks away: the terminal's own timeouts end the session, never losing cash.
            for (let waited = 0; kioskState(t) === 'cash' && waited < 10; waited++) {
              clock.increment(DEFAULT_RULES.timeouts.cashWithNoteMs);
              await settle(t);
            }
            expect(kioskState(t)).not.toBe('cash');
            const sessionNotes = store.journal.get(sessionId) ?? [];
            if (payments.length > paidBefore) {
              // One payment, for exactly the notes journaled, split between the order and the phone.
              expect(payments.length).toBe(paidBefore + 1);
              const { receipt, order } = payments[payments.length - 1] as PaymentOutcome;
              expect(receipt.code).toBe(code);
              expect(receipt.accepted).toBe(sumNotes(sessionNotes));
              expect(add(receipt.toOrder, receipt.toPhone)).toBe(receipt.accepted);
              expect(cmp(receipt.accepted, CAP)).toBeLessThanOrEqual(0);
              expect(cmp(receipt.toOrder, due)).toBeLessThanOrEqual(0);
              expect(order?.paid).toBe(receipt.toOrder);
              expect(cmp(order?.paid ?? '', order?.price ?? '')).toBeLessThanOrEqual(0);
              expect(store.receipt(receipt.number)).toEqual(receipt);
              expect(kioskState(t)).toBe('receipt');
              orderCredit = add(orderCredit, receipt.toOrder);
              t.send({ type: 'nav.press', id: 'done' });
            } else {
              // Cancelled: only ever with no cash in.
              expect(sessionNotes).toEqual([]);
              expect(store.findOrder(code)?.paid).toBe(ZERO);
              // Back with nothing in returns to the phone step; walking away from there ends at idle too
              if (kioskState(t) === 'phoneEntry') {
                clock.increment(DEFAULT_RULES.timeouts.entryMs);
                await settle(t);
              }
            }
            expect(kioskState(t)).toBe('idle');
          }
          // Nothing lost: every journaled note is in exactly one payment, and the store holds no unpaid cash.
          const journaled = sumNotes([...store.journal.values()].flat());
          const phoneCredit = add(ZERO, ...PHONES.map((p) => store.phoneAccount(`+7${p}`).balance));
          expect(store.unfinishedSessions()).toEqual([]);
          expect(add(ZERO, ...payments.map((p) => p.receipt.accepted))).toBe(journaled);
          expect(add(orderCredit, phoneCredit)).toBe(journaled);
          expect(add(ZERO, ...store.listOrders().map((o) => o.paid))).toBe(orderCredit);
          expect(sub(journaled, orderCredit)).toBe(phoneCredit);
        } finally {
          t.stop();
        }
      }),
      { numRuns: 80 },
    );
  });
});
