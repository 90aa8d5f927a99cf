/** What a terminal decides about a code, before any cash (evaluateLookup) and when a price changes. */
import { describe, expect, it } from 'vitest';
import { evaluateLookup, newOrder, repriceOrder, type Order } from '../../src/domain/orders/orders.js';
import { DEFAULT_RULES, HOUR_MS } from '../../src/domain/rules.js';

const NOW = Date.UTC(2026, 10, 22, 7, 0, 0);
const order = (fields: Partial<Order> = {}): Order =>
  newOrder({ code: '1000000001', codeAmount: '4750.00', phone: '+79161234567', issuedAt: NOW - 2 * HOUR_MS, ...fields });

describe('evaluateLookup', () => {
  it('R-CODE-4: a code of an order placed outside the Russian Federation is refused; a Russian one is payable', () => {
    for (const region of ['UA', 'KZ', 'BY']) {
      expect(evaluateLookup('1000000001', order({ region }), NOW, DEFAULT_RULES)).toEqual({ kind: 'refused', code: '1000000001', reason: 'region' });
    }
    expect(evaluateLookup('1000000001', order({ region: 'RU' }), NOW, DEFAULT_RULES)).toMatchObject({ kind: 'payable', due: '4750.00' });
  });

  it('R-CODE-4: the regions that may pay in cash are data: a rule set that adds one accepts it', () => {
    const rules = { ...DEFAULT_RULES, cashRegions: ['RU', 'BY'] };
    expect(evaluateLookup('1000000001', order({ region: 'BY' }), NOW, rules)).toMatchObject({ kind: 'payable' });
  });

  it('checks in order: unknown, already paid, expired, region, over the cap', () => {
    expect(evaluateLookup('1', undefined, NOW, DEFAULT_RULES)).toMatchObject({ reason: 'unknown' });
    const paid = order({ status: 'paid', region: 'UA', issuedAt: NOW - 50 * HOUR_MS });
    expect(evaluateLookup('1000000001', paid, NOW, DEFAULT_RULES)).toMatchObject({ reason: 'alreadyPaid' });
    const expiredAbroad = order({ region: 'UA', issuedAt: NOW - 48 * HOUR_MS });
    expect(evaluateLookup('1000000001', expiredAbroad, NOW, DEFAULT_RULES)).toMatchObject({ reason: 'expired' });
    const bigAbroad = order({ region: 'UA', codeAmount: '16000.00' });
    expect(evaluateLookup('1000000001', bigAbroad, NOW, DEFAULT_RULES)).toMatchObject({ reason: 'region' });
  });
});

describe('repriceOrder', () => {
  it('R-CODE-5: an unpaid order owes the new price; a partially paid one the rest; a paid one nothing', () => {
    expect(repriceOrder(order(), '5000.00')).toMatchObject({ price: '5000.00', owed: '5000.00', status: 'awaiting' });
    const partial = order({ status: 'partially_paid', paid: '4750.00', owed: '250.00', price: '5000.00' });
    expect(repriceOrder(partial, '5100.00')).toMatchObject({ owed: '350.00', status: 'partially_paid' });
    expect(repriceOrder(partial, '4750.00')).toMatchObject({ owed: '0.00', status: 'paid' });
    expect(repriceOrder(order({ status: 'paid', paid: '4750.00', owed: '0.00' }), '9000.00')).toMatchObject({ owed: '0.00', status: 'paid' });
  });
});
