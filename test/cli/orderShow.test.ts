/** `kiosk orders show`: the order as the clock leaves it (R-PROT-1). */
import { describe, expect, it } from 'vitest';
import { orderText } from '../../src/cli/storeOutput.js';
import { decideOrderAction } from '../../src/domain/orders/orderLife.js';
import { acceptTerminalPayment, newOrder } from '../../src/domain/orders/orders.js';
import { DAY_MS, DEFAULT_RULES } from '../../src/domain/rules.js';

const T0 = Date.UTC(2026, 10, 22, 7);
const DELIVERED_AT = T0 + 5 * DAY_MS;

function delivered() {
  const paid = acceptTerminalPayment(newOrder({ code: '1000000123', codeAmount: '4750.00', phone: '+79161234567', issuedAt: T0 }), '4750.00', 'T1-000001', T0, 2 * DAY_MS);
  const shipped = decideOrderAction(paid, { kind: 'ship' }, T0 + 3 * DAY_MS, DEFAULT_RULES).order;
  return decideOrderAction(shipped, { kind: 'deliver' }, DELIVERED_AT, DEFAULT_RULES).order;
}

describe('kiosk orders show', () => {
  it('R-PROT-1: names a delivered order released once its protection ended, and the release in its history', () => {
    const ends = DELIVERED_AT + DEFAULT_RULES.protectionPeriodMs;
    expect(orderText(delivered(), undefined, ends - 1)).toMatch(/order\s+delivered\n/);
    const text = orderText(delivered(), undefined, ends);
    expect(text).toMatch(/order\s+released\n/);
    expect(text).toContain(`${new Date(ends).toISOString()}  4750.00 released to the seller (buyer protection ended)`);
  });
});
