/** R-PROT-1: the buyer's protection period after delivery, and the release to the seller when it ends. */
import { describe, expect, it } from 'vitest';
import { siteStatusOf } from '../../src/domain/orders/catalog.js';
import { decideOrderAction, orderAt, OrderRefused, PROTECTION_ENDED, protectionEndsAt } from '../../src/domain/orders/orderLife.js';
import { orderTimeline } from '../../src/domain/orders/orderTimeline.js';
import { acceptTerminalPayment, newOrder, type Order } from '../../src/domain/orders/orders.js';
import { DAY_MS, DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';

const T0 = Date.UTC(2026, 10, 22, 7);
const DELIVERED_AT = T0 + 5 * DAY_MS;

/** 4,750 ₽ paid at T0 + 1 h, settled after 2 days, shipped at T0 + 3 d, delivered at T0 + 5 d. */
function delivered(): Order {
  const placed = newOrder({ code: '1000000123', codeAmount: '4750.00', phone: '+79161234567', issuedAt: T0 });
  const paid = acceptTerminalPayment(placed, '4750.00', 'T1-000001', T0 + HOUR_MS, 2 * DAY_MS);
  const shipped = decideOrderAction(paid, { kind: 'ship' }, T0 + 3 * DAY_MS, DEFAULT_RULES).order;
  return decideOrderAction(shipped, { kind: 'deliver' }, DELIVERED_AT, DEFAULT_RULES).order;
}

describe('buyer protection', () => {
  it('R-PROT-1: is 15 days after delivery by default, a rule in the rules', () => {
    expect(DEFAULT_RULES.protectionPeriodMs).toBe(15 * DAY_MS);
    expect(protectionEndsAt(delivered(), DEFAULT_RULES)).toBe(DELIVERED_AT + 15 * DAY_MS);
  });

  it('R-PROT-1: until it ends the order stays delivered; when it ends the money is released to the seller, with its history entry', () => {
    const order = delivered();
    const ends = DELIVERED_AT + 15 * DAY_MS;
    expect(orderAt(order, ends - 1, DEFAULT_RULES)).toBe(order);
    expect(siteStatusOf(order, ends - 1, DEFAULT_RULES)).toBe('delivered');
    const released = orderAt(order, ends, DEFAULT_RULES);
    expect(released.stage).toBe('released');
    expect(released.history.at(-1)).toEqual({ at: ends, kind: 'released', why: PROTECTION_ENDED, amount: '4750.00', ref: null });
    expect(siteStatusOf(order, ends + DAY_MS, DEFAULT_RULES)).toBe('released');
    // read later, the entry keeps the moment the period ended
    expect(orderTimeline(order, ends + 10 * DAY_MS, DEFAULT_RULES).at(-1)).toMatchObject({ at: ends, kind: 'released', why: PROTECTION_ENDED });
  });

  it('R-PROT-1: once released by the clock, the buyer can neither confirm nor dispute; before, both are open', () => {
    const order = delivered();
    const ends = DELIVERED_AT + 15 * DAY_MS;
    expect(decideOrderAction(order, { kind: 'confirm' }, ends - 1, DEFAULT_RULES).order.stage).toBe('released');
    expect(decideOrderAction(order, { kind: 'dispute', outcome: { kind: 'full' } }, ends - 1, DEFAULT_RULES).order.stage).toBe('refunded');
    expect(() => decideOrderAction(order, { kind: 'confirm' }, ends, DEFAULT_RULES)).toThrow(OrderRefused);
    expect(() => decideOrderAction(order, { kind: 'dispute' }, ends, DEFAULT_RULES)).toThrow(/is released: it cannot be disputed now/);
  });

  it('R-PROT-1: the period is configurable', () => {
    const rules = { ...DEFAULT_RULES, protectionPeriodMs: 3 * DAY_MS };
    expect(orderAt(delivered(), DELIVERED_AT + 3 * DAY_MS - 1, rules).stage).toBe('delivered');
    expect(orderAt(delivered(), DELIVERED_AT + 3 * DAY_MS, rules).stage).toBe('released');
  });

  it('R-PROT-1: only a delivered order is released by the clock: shipped, disputed or confirmed ones are left as they are', () => {
    const order = delivered();
    const disputed = decideOrderAction(order, { kind: 'dispute' }, DELIVERED_AT + DAY_MS, DEFAULT_RULES).order;
    expect(orderAt(disputed, DELIVERED_AT + 100 * DAY_MS, DEFAULT_RULES)).toBe(disputed);
    const confirmed = decideOrderAction(order, { kind: 'confirm' }, DELIVERED_AT + DAY_MS, DEFAULT_RULES).order;
    expect(orderAt(confirmed, DELIVERED_AT + 100 * DAY_MS, DEFAULT_RULES).history).toHaveLength(confirmed.history.length);
  });
});
