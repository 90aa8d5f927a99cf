/**
 * An order's history as the site and `kiosk orders show` print it: the stored events plus what the
 * clock alone decides (the code's expiry, each terminal payment settling), in time order.
 */
import { describe, expect, it } from 'vitest';
import { decideOrderAction } from '../../src/domain/orders/orderLife.js';
import { describeEntry, orderTimeline, type TimelineEntry } from '../../src/domain/orders/orderTimeline.js';
import { acceptTerminalPayment, newOrder } from '../../src/domain/orders/orders.js';
import { DAY_MS, DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';

const T0 = Date.UTC(2026, 10, 22, 7);
const placed = () => newOrder({ code: '1000000123', codeAmount: '4750.00', phone: '+79161234567', issuedAt: T0 });
const kinds = (entries: TimelineEntry[]) => entries.map((e) => `${e.kind}@${(e.at - T0) / HOUR_MS}h`);

describe('order timeline', () => {
  it('R-CODE-6: a terminal payment shows as credited only once it settles, at the moment it settles', () => {
    const paid = acceptTerminalPayment(placed(), '4750.00', 'T1-000001', T0 + HOUR_MS, 2 * DAY_MS);
    const settles = T0 + HOUR_MS + 2 * DAY_MS;
    expect(kinds(orderTimeline(paid, settles - 1, DEFAULT_RULES))).toEqual(['issued@0h', 'paid@1h']);
    expect(orderTimeline(paid, settles, DEFAULT_RULES)).toEqual([
      { at: T0, kind: 'issued', why: '', amount: '4750.00', ref: null },
      { at: T0 + HOUR_MS, kind: 'paid', why: '', amount: '4750.00', ref: 'T1-000001' },
      { at: settles, kind: 'credited', why: '', amount: '4750.00', ref: 'T1-000001' },
    ]);
  });

  it('R-CODE-6: a payment with no processing delay is credited with the payment itself, not as a second line', () => {
    const paid = acceptTerminalPayment(placed(), '4750.00', 'T1-000001', T0 + HOUR_MS, 0);
    expect(kinds(orderTimeline(paid, T0 + 3 * DAY_MS, DEFAULT_RULES))).toEqual(['issued@0h', 'paid@1h']);
  });

  it('R-CODE-2: an unpaid code shows as expired 48 hours after issue, not before', () => {
    expect(kinds(orderTimeline(placed(), T0 + 48 * HOUR_MS - 1, DEFAULT_RULES))).toEqual(['issued@0h']);
    expect(orderTimeline(placed(), T0 + 60 * HOUR_MS, DEFAULT_RULES)).toEqual([
      { at: T0, kind: 'issued', why: '', amount: '4750.00', ref: null },
      { at: T0 + 48 * HOUR_MS, kind: 'expired', why: '', amount: null, ref: null },
    ]);
  });

  it('R-CODE-2: a paid order and a cancelled one never show as expired', () => {
    const paid = acceptTerminalPayment(placed(), '4750.00', 'T1-000001', T0 + HOUR_MS, HOUR_MS);
    expect(kinds(orderTimeline(paid, T0 + 5 * DAY_MS, DEFAULT_RULES))).toEqual(['issued@0h', 'paid@1h', 'credited@2h']);
    const cancelled = decideOrderAction(placed(), { kind: 'cancel', reason: 'out of stock' }, T0 + 2 * HOUR_MS, DEFAULT_RULES).order;
    expect(kinds(orderTimeline(cancelled, T0 + 5 * DAY_MS, DEFAULT_RULES))).toEqual(['issued@0h', 'cancelled@2h']);
  });

  it('lists entries by time; at one moment the stored events keep their order and come before the derived ones', () => {
    const first = acceptTerminalPayment(placed(), '1000.00', 'T1-000001', T0 + 3 * HOUR_MS, 2 * HOUR_MS);
    // the second payment is accepted the moment the first settles, and then repriced at that moment too
    const second = acceptTerminalPayment(first, '500.00', 'T1-000002', T0 + 5 * HOUR_MS, DAY_MS);
    const order = { ...second, history: [...second.history, { at: T0 + 5 * HOUR_MS, kind: 'repriced' as const, why: '', amount: '5000.00', ref: null }] };
    expect(orderTimeline(order, T0 + 10 * DAY_MS, DEFAULT_RULES).map((e) => `${e.kind} ${e.ref ?? ''}@${(e.at - T0) / HOUR_MS}h`)).toEqual([
      'issued @0h', 'paid T1-000001@3h', 'paid T1-000002@5h', 'repriced @5h', 'credited T1-000001@5h', 'credited T1-000002@29h',
    ]);
  });

  it('R-CODE-6: a payment credited before a later event is listed before it, where it happened', () => {
    const first = acceptTerminalPayment(placed(), '1000.00', 'T1-000001', T0 + 3 * HOUR_MS, 2 * HOUR_MS);
    // the second payment comes an hour after the first was credited
    const second = acceptTerminalPayment(first, '3750.00', 'T1-000002', T0 + 6 * HOUR_MS, DAY_MS);
    expect(orderTimeline(second, T0 + 10 * DAY_MS, DEFAULT_RULES).map((e) => `${e.kind} ${e.ref ?? ''}@${(e.at - T0) / HOUR_MS}h`)).toEqual([
      'issued @0h', 'paid T1-000001@3h', 'credited T1-000001@5h', 'paid T1-000002@6h', 'credited T1-000002@30h',
    ]);
  });
});

describe('a history line in plain English', () => {
  const line = (kind: TimelineEntry['kind'], fields: Partial<TimelineEntry> = {}) =>
    describeEntry({ at: T0, kind, why: '', amount: '4750.00', ref: null, ...fields });

  it('says what happened, with the amount, the receipt or the other order, and why when a reason was given', () => {
    expect(line('issued')).toBe('code issued for 4750.00, valid 48 hours');
    expect(line('paid', { ref: 'T1-000001' })).toBe('4750.00 accepted at a terminal, receipt T1-000001; processing');
    expect(line('credited', { ref: 'T1-000001' })).toBe('4750.00 credited (receipt T1-000001)');
    expect(line('expired', { amount: null })).toBe('code expired unpaid');
    expect(line('repriced', { amount: '5000.00' })).toBe('price changed to 5000.00');
    expect(line('cancelled', { why: 'out of stock' })).toBe('cancelled by the seller (out of stock)');
    expect(line('cancelled')).toBe('cancelled by the seller');
    expect(line('shipped')).toBe('shipped by the seller');
    expect(line('delivered')).toBe('delivered');
    expect(line('released')).toBe('receipt confirmed: 4750.00 released to the seller');
    expect(line('released', { why: 'protection ended' })).toBe('4750.00 released to the seller (protection ended)');
    expect(line('disputed', { why: 'never arrived' })).toBe('dispute opened (never arrived)');
    expect(line('refunded', { why: 'dispute won' })).toBe("4750.00 refunded to the order's phone (dispute won)");
    expect(line('reshipment')).toBe('dispute settled: the goods will be sent again');
    expect(line('renewed', { ref: '1000000124' })).toBe('placed again as order 1000000124');
    expect(line('renewedFrom', { ref: '1000000122' })).toBe('placed again from expired order 1000000122');
  });

  it('R-CASH-1, R-CASH-3: a payment says where it was taken, from its receipt number: the cashier, the Post or a terminal', () => {
    expect(line('paid', { ref: 'K-1-000001' })).toBe('4750.00 accepted at a cashier, receipt K-1-000001; processing');
    expect(line('paid', { ref: 'P-101000-000002' })).toBe('4750.00 accepted at the Post, receipt P-101000-000002; processing');
    expect(line('paid', { ref: 'T-1-000003' })).toBe('4750.00 accepted at a terminal, receipt T-1-000003; processing');
    expect(line('paid', { ref: null })).toContain('accepted at a terminal');
  });

  it('leaves the amount out when an entry has none', () => {
    expect(line('repriced', { amount: null })).toBe('price changed to ');
  });
});
