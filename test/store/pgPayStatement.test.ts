/**
 * Issue 20, bench row 18: a terminal's payment statement (src/store/pg/pgPayStatement.ts) is a named
 * prepared statement, parsed and planned once a connection and then only bound and executed. Its
 * name must name its text: one name reused for another text would run the wrong statement on a
 * connection that prepared the first (pg refuses only where it sees both texts), and one text under
 * many names would prepare again and again. Pure: no server.
 */
import { describe, expect, it } from 'vitest';
import { newOrder, type Order } from '../../src/domain/orders/orders.js';
import { paidElsewhere } from '../../src/domain/cash/payment.js';
import type { CashSession } from '../../src/domain/store.js';
import { planTerminalPayment } from '../../src/store/pg/pgPaymentPlan.js';
import { writeStatement, type PaymentStatement } from '../../src/store/pg/pgPayStatement.js';

const NOW = Date.UTC(2026, 11, 2, 9);
const DELAY_MS = 60_000;

const order = (code: string, codeAmount = '4750.00'): Order => newOrder({ code, codeAmount, phone: '+79161234567', issuedAt: NOW });
const session = (id: string, code: string, notes: number[], due = '4750.00'): CashSession =>
  ({ id, terminalId: `T-${id}`, code, due, phone: `+7916${id.padStart(7, '0')}`, operator: 'mts', openedAt: NOW, notes });

/** the statement for `s` paying `o` as read (version `v`), with the counter at `seq` (null: no receipt yet), and the late plan when `withLate` */
function statement(s: CashSession, o: Order, seq: number | null, withLate: boolean, v = '700'): PaymentStatement {
  const planned = planTerminalPayment(s, o, (seq ?? 0) + 1, 'pay', NOW, false, DELAY_MS);
  const late = withLate ? planTerminalPayment(s, paidElsewhere(o)!, planned.seq, 'pay', NOW, false, DELAY_MS) : null;
  return writeStatement({ session: s, counterSeq: seq, order: o, orderVersion: v }, planned, late);
}

describe('the payment statement\'s name', () => {
  // shapes: with or without the late plan, a first receipt or a later one, the exact sum or change to the phone,
  // the order paid already (all of it to the phone); each in two sets of values (other sessions, codes, notes, versions)
  const statements = [
    statement(session('1', '4100000001', [5000]), order('4100000001'), 4, true),
    statement(session('2', '4100000002', [5000]), order('4100000002'), 9, true, '701'),
    statement(session('3', '4100000003', [5000]), order('4100000003'), null, true),
    statement(session('4', '4100000004', [1000, 5000]), order('4100000004'), null, true, '9'),
    statement(session('5', '4100000005', [5000]), order('4100000005'), 4, false),
    statement(session('6', '4100000006', [100, 5000]), order('4100000006'), 12, false),
    statement(session('7', '4100000007', [5000], '5000.00'), order('4100000007', '5000.00'), 4, false),
    statement(session('8', '4100000008', [2000, 3000], '5000.00'), order('4100000008', '5000.00'), 30, false),
    statement(session('9', '4100000009', [5000]), paidElsewhere(order('4100000009'))!, 4, false),
    statement(session('10', '4100000010', [1000, 1000]), paidElsewhere(order('4100000010'))!, 2, false),
    // paid in part: the same shape as paid exactly (the order's row, its event and credit; nothing to a phone)
    statement(session('11', '4100000011', [1000]), order('4100000011'), 4, false),
  ];

  it('one text, one name: equal names have equal texts, and different texts different names', () => {
    for (const a of statements) {
      for (const b of statements) expect(a.name === b.name, `${a.name} / ${b.name}`).toBe(a.text === b.text);
    }
  });

  it('the text depends only on the shape: values go in parameters, so each shape is prepared once a connection', () => {
    const names = statements.map((s) => s.name);
    // the pairs above share a shape; the five shapes are five statements
    for (let i = 0; i < 10; i += 2) expect(names[i + 1], `pair ${i / 2 + 1}`).toBe(names[i]);
    expect(names[10]).toBe(names[6]);
    expect(new Set(names).size).toBe(5);
    for (const s of statements) expect(s.name).toMatch(/^pay-once-[0-9a-f]{16}$/);
  });
});
