/**
 * The order's life as pure decisions (src/domain/orders/orderLife.ts): the exact refusals, history
 * entries and ledger lines, which the store contract (test/store/orderLife.contract.test.ts) checks only
 * in part.
 */
import { describe, expect, it } from 'vitest';
import { decideOrderAction, OrderRefused, protectionEndsAt, settlesAt, type OrderAction } from '../../src/domain/orders/orderLife.js';
import { acceptTerminalPayment, newOrder, type Order } from '../../src/domain/orders/orders.js';
import { DAY_MS, DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';

const T0 = Date.UTC(2026, 10, 22, 7);
const CODE = '1000000123';

const unpaid = (): Order => newOrder({ code: CODE, codeAmount: '4750.00', phone: '+79161234567', issuedAt: T0 });
/** 4,750 ₽ paid at T0 (settled at once). */
const paid = (): Order => acceptTerminalPayment(unpaid(), '4750.00', 'T1-000001', T0, 0);
const act = (order: Order, action: OrderAction, at = T0 + HOUR_MS) => decideOrderAction(order, action, at, DEFAULT_RULES);
const shipped = (): Order => act(paid(), { kind: 'ship' }).order;

/** The refusal's whole message (a substring match would let extra words through). */
function refusal(order: Order, action: OrderAction, at = T0 + HOUR_MS): string {
  try {
    act(order, action, at);
  } catch (error) {
    expect(error).toBeInstanceOf(OrderRefused);
    return (error as Error).message;
  }
  throw new Error('the action was not refused');
}

describe('the order life', () => {
  it('R-CODE-6: a processing order settles when its last pending payment settles, whatever order they were taken in', () => {
    const credit = (settles: number) => ({ receipt: `T1-${settles}`, amount: '1.00', acceptedAt: T0, settlesAt: settles });
    const order = unpaid();
    expect(settlesAt({ ...order, credits: [credit(T0 + 5 * DAY_MS), credit(T0 + 2 * DAY_MS)] }, T0)).toBe(T0 + 5 * DAY_MS);
    expect(settlesAt({ ...order, credits: [credit(T0 + 2 * DAY_MS), credit(T0 + 5 * DAY_MS)] }, T0)).toBe(T0 + 5 * DAY_MS);
    expect(settlesAt({ ...order, credits: [credit(T0 + 2 * DAY_MS), credit(T0 + 5 * DAY_MS), credit(T0 + 3 * DAY_MS)] }, T0)).toBe(T0 + 5 * DAY_MS);
    expect(settlesAt({ ...order, credits: [credit(T0)] }, T0)).toBeNull();
  });

  it('a refusal is an OrderRefused, by name too (the CLI prints it)', () => {
    expect(() => act(unpaid(), { kind: 'deliver' })).toThrow(OrderRefused);
    let name = '';
    try {
      act(unpaid(), { kind: 'deliver' });
    } catch (error) {
      name = (error as Error).name;
    }
    expect(name).toBe('OrderRefused');
  });

  it('the seller ships only a paid order, and says what is missing; each stage refuses what does not follow it', () => {
    expect(refusal(unpaid(), { kind: 'ship' })).toBe(`order ${CODE} is not paid (unpaid): the seller ships paid orders only`);
    const part = acceptTerminalPayment(unpaid(), '4000.00', 'T1-000001', T0, 0);
    expect(refusal(part, { kind: 'ship' })).toBe(`order ${CODE} is not paid (owes 750.00): the seller ships paid orders only`);
    expect(refusal(shipped(), { kind: 'ship' })).toBe(`order ${CODE} is shipped: it cannot be shipped now`);
    expect(refusal(paid(), { kind: 'deliver' })).toBe(`order ${CODE} is placed: it cannot be delivered now`);
    expect(refusal(paid(), { kind: 'confirm' })).toBe(`order ${CODE} is placed: it cannot be confirmed now`);
  });

  it('R-PROT-1: shipping, delivery and confirmation each leave a plain history entry; confirming releases all that was paid', () => {
    const sent = shipped();
    expect(sent.history.at(-1)).toEqual({ at: T0 + HOUR_MS, kind: 'shipped', why: '', amount: null, ref: null });
    const delivered = act(sent, { kind: 'deliver' }, T0 + DAY_MS).order;
    const confirmed = act(delivered, { kind: 'confirm' }, T0 + 2 * DAY_MS).order;
    expect(confirmed.history.slice(-2)).toEqual([
      { at: T0 + DAY_MS, kind: 'delivered', why: '', amount: null, ref: null },
      { at: T0 + 2 * DAY_MS, kind: 'released', why: '', amount: '4750.00', ref: null },
    ]);
  });

  it('R-PROT-1: the protection period runs from the latest delivery (a reshipment delivers again)', () => {
    const first = act(shipped(), { kind: 'deliver' }, T0 + DAY_MS).order;
    const reshipped = act(first, { kind: 'dispute', outcome: { kind: 'reshipment' } }, T0 + 2 * DAY_MS).order;
    const again = act(act(reshipped, { kind: 'ship' }, T0 + 3 * DAY_MS).order, { kind: 'deliver' }, T0 + 4 * DAY_MS).order;
    expect(protectionEndsAt(again, DEFAULT_RULES)).toBe(T0 + 4 * DAY_MS + DEFAULT_RULES.protectionPeriodMs);
    // an entry after the delivery (here a late note of a payment) does not move the start
    const noted: Order = { ...again, history: [...again.history, { at: T0 + 5 * DAY_MS, kind: 'paid', why: '', amount: '1.00', ref: 'T1-000009' }] };
    expect(protectionEndsAt(noted, DEFAULT_RULES)).toBe(T0 + 4 * DAY_MS + DEFAULT_RULES.protectionPeriodMs);
  });

  it('R-CODE-7: a cancellation is refused with the reason: twice says no more; once shipped, points to a dispute', () => {
    const cancelled = act(paid(), { kind: 'cancel' }).order;
    expect(refusal(cancelled, { kind: 'cancel' })).toBe(`order ${CODE} is cancelled: it cannot be cancelled now`);
    expect(refusal(shipped(), { kind: 'cancel' })).toBe(`order ${CODE} is shipped: it cannot be cancelled now (once shipped, only a dispute can give the money back)`);
    expect(refusal(paid(), { kind: 'cancel', refund: '4750.01' })).toBe(`order ${CODE} can refund at most 4750.00 (paid 4750.00, refunded 0.00), not 4750.01`);
  });

  it('R-CODE-7: a cancellation with no reason has no why, and its ledger line names only the cause', () => {
    const outcome = act(paid(), { kind: 'cancel' });
    expect(outcome.order.history.slice(-2)).toEqual([
      { at: T0 + HOUR_MS, kind: 'cancelled', why: '', amount: '4750.00', ref: null },
      { at: T0 + HOUR_MS, kind: 'refunded', why: '', amount: '4750.00', ref: null },
    ]);
    expect(outcome.ledgerReason).toBe(`refund for order ${CODE} (cancelled by the seller)`);
  });

  it('R-PROT-2: a dispute is opened once, with its entry; asked again without an outcome it is refused', () => {
    const opened = act(shipped(), { kind: 'dispute' }, T0 + DAY_MS).order;
    expect(opened.stage).toBe('disputed');
    expect(opened.history.slice(-2)).toEqual([
      { at: T0 + HOUR_MS, kind: 'shipped', why: '', amount: null, ref: null },
      { at: T0 + DAY_MS, kind: 'disputed', why: '', amount: null, ref: null },
    ]);
    expect(refusal(opened, { kind: 'dispute' }, T0 + 2 * DAY_MS)).toBe(`order ${CODE} is already disputed: give the outcome (full, partial:AMOUNT or reshipment)`);
    // ending an open dispute adds no second 'disputed' entry
    const ended = act(opened, { kind: 'dispute', outcome: { kind: 'full' } }, T0 + 2 * DAY_MS);
    expect(ended.order.history.map((e) => e.kind)).toEqual(['issued', 'paid', 'shipped', 'disputed', 'refunded']);
    expect(ended.ledgerReason).toBe(`refund for order ${CODE} (dispute)`);
  });

  it('R-PROT-2: a full refund ends the order; after a partial one the seller gets the rest, with its entry', () => {
    const full = act(shipped(), { kind: 'dispute', outcome: { kind: 'full' }, reason: 'never arrived' }, T0 + DAY_MS);
    expect(full.order.stage).toBe('refunded');
    expect(full.order.history.slice(3)).toEqual([
      { at: T0 + DAY_MS, kind: 'disputed', why: 'never arrived', amount: null, ref: null },
      { at: T0 + DAY_MS, kind: 'refunded', why: 'never arrived', amount: '4750.00', ref: null },
    ]);
    expect(full.ledgerReason).toBe(`refund for order ${CODE} (dispute: never arrived)`);
    const partial = act(shipped(), { kind: 'dispute', outcome: { kind: 'partial', amount: '1000.00' } }, T0 + DAY_MS);
    expect(partial.order.stage).toBe('released');
    expect(partial.order.history.slice(3)).toEqual([
      { at: T0 + DAY_MS, kind: 'disputed', why: '', amount: null, ref: null },
      { at: T0 + DAY_MS, kind: 'released', why: '', amount: '3750.00', ref: null },
      { at: T0 + DAY_MS, kind: 'refunded', why: '', amount: '1000.00', ref: null },
    ]);
  });

  it('R-PROT-2: a dispute cannot refund an order with nothing left paid', () => {
    const spent: Order = { ...shipped(), refunded: '4750.00' };
    expect(refusal(spent, { kind: 'dispute', outcome: { kind: 'full' } })).toBe(`order ${CODE} has nothing paid to refund`);
  });

  it('R-CODE-2: only an unpaid, expired, not cancelled order is placed again, under a new code', () => {
    const expired = T0 + 48 * HOUR_MS;
    expect(refusal(unpaid(), { kind: 'renew', newCode: '2000000123' })).toBe(`order ${CODE} has not expired: its code is still valid`);
    expect(refusal(paid(), { kind: 'renew', newCode: '2000000123' }, expired))
      .toBe(`order ${CODE} has been paid (in part or whole): only an unpaid order whose code expired is placed again`);
    const cancelled = act(unpaid(), { kind: 'cancel' }).order;
    expect(refusal(cancelled, { kind: 'renew', newCode: '2000000123' }, expired)).toBe(`order ${CODE} was cancelled by the seller`);
    expect(refusal(unpaid(), { kind: 'renew', newCode: CODE }, expired)).toBe(`order ${CODE} needs a new code to be placed again`);
  });

  it('R-CODE-2: the renewal links both orders in their histories', () => {
    const expired = T0 + 48 * HOUR_MS;
    const outcome = act(unpaid(), { kind: 'renew', newCode: '2000000123' }, expired);
    expect(outcome.order.history).toEqual([...unpaid().history, { at: expired, kind: 'renewed', why: '', amount: null, ref: '2000000123' }]);
    expect(outcome.placed!.history.at(-1)).toEqual({ at: expired, kind: 'renewedFrom', why: '', amount: null, ref: CODE });
  });
});
