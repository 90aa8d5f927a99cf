/**
 * An order's history as people read it (the site's "My orders", `kiosk orders show`): the stored
 * events plus what the clock alone decides, each at its time: the code's expiry (R-CODE-2), each
 * terminal payment being credited once it settles (R-CODE-6), and the release to the seller once the
 * buyer protection of a delivered order ends (R-PROT-1).
 */
import { codeValidityOf, isExpired, type Order, type OrderEvent } from './orders.js';
import { orderAt } from './orderLife.js';
import type { OrderLifeRules } from '../rules.js';
import { deskOfReceipt } from '../fiscal/desks.js';

/** Where a payment was taken, from its receipt's number: a terminal, the cashier or the Post's window. */
const placeOf = (receipt: string | null): string => {
  const desk = receipt ? deskOfReceipt(receipt) : null;
  return desk === 'cashier' ? 'at a cashier' : desk === 'post' ? 'at the Post' : 'at a terminal';
};

export type TimelineEntry = Omit<OrderEvent, 'kind'> & { kind: OrderEvent['kind'] | 'expired' | 'credited' };

export function orderTimeline(stored: Order, now: number, rules: OrderLifeRules): TimelineEntry[] {
  const order = orderAt(stored, now, rules);
  const derived: TimelineEntry[] = order.credits
    .filter((c) => c.settlesAt <= now && c.settlesAt > c.acceptedAt)
    .map((c) => ({ at: c.settlesAt, kind: 'credited', why: '', amount: c.amount, ref: c.receipt }));
  if (isExpired(order, now, rules) && order.stage !== 'cancelled') {
    derived.push({ at: order.issuedAt + codeValidityOf(order, rules), kind: 'expired', why: '', amount: null, ref: null });
  }
  // Array.prototype.sort is stable (ES2019): at one moment, stored events keep their order and come before derived ones
  return [...order.history, ...derived].sort((a, b) => a.at - b.at);
}

/** One history line in plain English, for the command line and failure reports. */
export function describeEntry(entry: TimelineEntry): string {
  const amount = entry.amount ?? '';
  const why = entry.why ? ` (${entry.why})` : '';
  const TEXT: Record<TimelineEntry['kind'], string> = {
    issued: `code issued for ${amount}, valid 48 hours`,
    paid: `${amount} accepted ${placeOf(entry.ref)}, receipt ${entry.ref}; processing`,
    credited: `${amount} credited (receipt ${entry.ref})`,
    expired: 'code expired unpaid',
    repriced: `price changed to ${amount}`,
    cancelled: `cancelled by the seller${why}`,
    shipped: 'shipped by the seller',
    delivered: 'delivered',
    released: entry.why ? `${amount} released to the seller${why}` : `receipt confirmed: ${amount} released to the seller`,
    disputed: `dispute opened${why}`,
    refunded: `${amount} refunded to the order's phone${why}`,
    reshipment: 'dispute settled: the goods will be sent again',
    renewed: `placed again as order ${entry.ref}`,
    renewedFrom: `placed again from expired order ${entry.ref}`,
  };
  return TEXT[entry.kind];
}
