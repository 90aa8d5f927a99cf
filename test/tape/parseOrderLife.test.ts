/** The tape syntax of the order's life: ExpectOrder statuses, the other side's actions, ExpectSms. */
import { describe, expect, it } from 'vitest';
import { parseTape } from '../../src/tape/language/parse.js';

const steps = (text: string) => parseTape(`Launch\n${text}`).steps.slice(1).map(({ line: _l, column: _c, raw: _r, ...s }) => s);

describe('tape commands for the order life', () => {
  it('ExpectOrder takes the life statuses and refunded X; the old words keep their meaning', () => {
    expect(steps('ExpectOrder 1000000123 processing\nExpectOrder 1000000123 cancelled refunded 500.00\nExpectOrder 1000000123 awaiting')).toEqual([
      { kind: 'expectOrder', code: '1000000123', status: 'processing' },
      { kind: 'expectOrder', code: '1000000123', status: 'cancelled', refunded: '500.00' },
      { kind: 'expectOrder', code: '1000000123', status: 'awaiting' },
    ]);
    expect(() => steps('ExpectOrder 1000000123 lost')).toThrow(/expected an order status \(paid, partial, unpaid, processing/);
  });

  it('R-CODE-7, R-PROT-1, R-PROT-2, R-CODE-2: Cancel, Ship, Deliver, Confirm, Dispute, Renew', () => {
    expect(steps('Cancel 1000000123 refund 500.00 reason "out of stock"\nCancel 1000000123\nShip 1000000123\nDeliver 1000000123\nConfirm 1000000123')).toEqual([
      { kind: 'orderAction', code: '1000000123', action: { kind: 'cancel', refund: '500.00', reason: 'out of stock' } },
      { kind: 'orderAction', code: '1000000123', action: { kind: 'cancel' } },
      { kind: 'orderAction', code: '1000000123', action: { kind: 'ship' } },
      { kind: 'orderAction', code: '1000000123', action: { kind: 'deliver' } },
      { kind: 'orderAction', code: '1000000123', action: { kind: 'confirm' } },
    ]);
    expect(steps('Dispute 1000000123 outcome partial 300.00\nDispute 1000000123 reason "late" outcome full\nRenew 1000000123 as 1000000456')).toEqual([
      { kind: 'orderAction', code: '1000000123', action: { kind: 'dispute', outcome: { kind: 'partial', amount: '300.00' } } },
      { kind: 'orderAction', code: '1000000123', action: { kind: 'dispute', reason: 'late', outcome: { kind: 'full' } } },
      { kind: 'orderAction', code: '1000000123', action: { kind: 'renew', newCode: '1000000456' } },
    ]);
    expect(() => steps('Cancel 1000000123 refund 0')).toThrow(/an amount above zero/);
    expect(() => steps('Dispute 1000000123 outcome half')).toThrow(/full, partial AMOUNT or reshipment/);
    expect(() => steps('Ship 1000000123 now')).toThrow(/end of line/);
    expect(() => steps('Renew 1000000123 1000000456')).toThrow(/as/);
  });

  it('ExpectSms PHONE /regex/ and Advance in days', () => {
    expect(steps('ExpectSms "+7 (916) 123-45-67" /refund/\nAdvance 7d')).toEqual([
      { kind: 'expectSms', phone: '+79161234567', matcher: { kind: 'regex', source: 'refund', flags: '' } },
      { kind: 'advance', ms: 7 * 86_400_000 },
    ]);
  });
});
