import { describe, expect, it } from 'vitest';
import { parseTape } from '../../src/tape/language/parse.js';
import type { OrderCommand } from '../../src/tape/language/ast.js';
import { orderOf } from '../../src/tape/run/runSetup.js';

const CLOCK = Date.parse('2026-11-22T10:00:00+03:00');
const orderLine = (options: string): OrderCommand => {
  const [command] = parseTape(`Order 1000000123 amount 4750.00 phone +79161234567 ${options}`).setup;
  if (command?.kind !== 'order') throw new Error('expected an Order setup line');
  return command;
};

// Training scenes (issue 15) start at Confirm receipt or a dispute: the setup line sets a delivered order.
describe('Order … delivered: a setup order already paid, shipped and delivered', () => {
  it('R-PROT-1 reads delivered as paid and delivered, and seeds the order at that stage', () => {
    const command = orderLine('issued -3d delivered');
    expect(command).toMatchObject({ paid: true, delivered: true });
    const order = orderOf(command, CLOCK);
    expect(order).toMatchObject({ stage: 'delivered', status: 'paid', paid: '4750.00', owed: '0.00' });
    expect(order.history.map((e) => e.kind)).toEqual(['issued', 'shipped', 'delivered']);
  });

  it('leaves a paid order without delivered at the placed stage', () => {
    expect(orderOf(orderLine('paid'), CLOCK)).toMatchObject({ stage: 'placed', status: 'paid' });
  });
});
