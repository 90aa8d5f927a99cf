/**
 * The order's life after its code (R-CODE-2, R-CODE-6, R-CODE-7, R-PROT-1, R-PROT-2): one pure
 * decision per action. Each says whether the action fits the order as it is at `at`, and returns
 * the order after it plus what else happens (money back to the order's phone, SMS, a new order).
 * Both stores call `decideOrderAction` and only persist what it returns; a refusal changes nothing.
 */
import { add, cmp, isPositive, sub, ZERO, type Money } from '../money.js';
import { isExpired, newOrder, type Order, type OrderEvent, type OrderStage } from './orders.js';
import type { OrderLifeRules } from '../rules.js';
import type { OrderSms } from '../mobile/phoneAccount.js';

/** Who the buyer's SMS come from. */
export const ALIEXPRESS_SENDER = 'AliExpress';

export type DisputeOutcome = { kind: 'full' } | { kind: 'partial'; amount: Money } | { kind: 'reshipment' };

/** What the seller, the carrier, the buyer or the platform does to an order, as data. */
export type OrderAction =
  /** R-CODE-7: the seller cancels; `refund` defaults to everything paid and not yet refunded */
  | { kind: 'cancel'; refund?: Money; reason?: string }
  | { kind: 'ship' }
  | { kind: 'deliver' }
  /** R-PROT-1: the buyer confirms receipt; the money is released to the seller */
  | { kind: 'confirm' }
  /** R-PROT-2: opens a dispute (`outcome` absent) or ends one (opening it first if needed) */
  | { kind: 'dispute'; outcome?: DisputeOutcome; reason?: string }
  /** R-CODE-2: an expired order placed again under a new code, valid 48 hours again */
  | { kind: 'renew'; newCode: string };
export type OrderActionKind = OrderAction['kind'];

export interface ActionOutcome {
  order: Order;
  /** credited to the order's phone balance (R-CODE-7, R-PROT-2); ZERO when nothing */
  refund: Money;
  /** the phone ledger's line for the refund */
  ledgerReason: string | null;
  sms: OrderSms[];
  /** the order `renew` placed */
  placed: Order | null;
}

/** An action that does not fit the order's state: nothing was changed. */
export class OrderRefused extends Error {
  override readonly name = 'OrderRefused';
}

/** Everything paid and not yet given back. */
export const refundable = (order: Order): Money => sub(order.paid, order.refunded);

/** R-CODE-6: terminal payments not yet settled at `now`. */
export const pendingCredits = (order: Order, now: number) => order.credits.filter((c) => c.settlesAt > now);
export const isProcessing = (order: Order, now: number): boolean => pendingCredits(order, now).length > 0;
/** When the last pending payment settles, or null when none is pending. */
export function settlesAt(order: Order, now: number): number | null {
  const pending = pendingCredits(order, now);
  return pending.length > 0 ? Math.max(...pending.map((c) => c.settlesAt)) : null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Why the money went to the seller with nobody confirming: the history entry's `why`. */
export const PROTECTION_ENDED = 'buyer protection ended';

/** R-PROT-1: when a delivered order's buyer protection ends (delivery + the period); null unless delivered. */
export function protectionEndsAt(order: Order, rules: Pick<OrderLifeRules, 'protectionPeriodMs'>): number | null {
  if (order.stage !== 'delivered') return null;
  const delivered = [...order.history].reverse().find((e) => e.kind === 'delivered');
  return delivered ? delivered.at + rules.protectionPeriodMs : null;
}

/**
 * The order as the clock leaves it at `now` (R-PROT-1): a delivered order whose protection period is
 * over is released to the seller, with its history entry at the moment it ended. Like expiry and
 * settlement this is decided when the order is read, so no timer has to run for it to happen.
 */
export function orderAt(order: Order, now: number, rules: Pick<OrderLifeRules, 'protectionPeriodMs'>): Order {
  const ends = protectionEndsAt(order, rules);
  if (ends === null || now < ends) return order;
  return { ...order, stage: 'released', history: [...order.history, event(ends, 'released', PROTECTION_ENDED, sub(order.paid, order.refunded))] };
}

export function decideOrderAction(stored: Order, action: OrderAction, at: number, rules: OrderLifeRules): ActionOutcome {
  // what the clock already decided comes first: after its protection period an order is released
  const order = orderAt(stored, at, rules);
  switch (action.kind) {
    case 'cancel':
      return cancel(order, action, at);
    case 'ship':
      requireStage(order, ['placed'], 'shipped');
      if (order.status !== 'paid') refuse(order, `is not paid (${order.status === 'awaiting' ? 'unpaid' : `owes ${order.owed}`}): the seller ships paid orders only`);
      if (isProcessing(order, at)) refuse(order, `is paid but still processing until ${iso(settlesAt(order, at)!)} (R-CODE-6): the seller ships once it settles`);
      return moved(order, 'shipped', event(at, 'shipped'));
    case 'deliver':
      requireStage(order, ['shipped'], 'delivered');
      return moved(order, 'delivered', event(at, 'delivered'));
    case 'confirm':
      requireStage(order, ['delivered'], 'confirmed');
      return moved(order, 'released', event(at, 'released', '', order.paid));
    case 'dispute':
      return dispute(order, action, at);
    case 'renew':
      return renew(order, action.newCode, at, rules);
  }
}

function cancel(order: Order, action: Extract<OrderAction, { kind: 'cancel' }>, at: number): ActionOutcome {
  requireStage(order, ['placed'], 'cancelled', order.stage === 'cancelled' ? '' : ' (once shipped, only a dispute can give the money back)');
  const available = refundable(order);
  const refund = action.refund ?? available;
  if (action.refund !== undefined && !isPositive(available)) refuse(order, 'has nothing paid to refund');
  if (cmp(refund, available) > 0) refuse(order, `can refund at most ${available} (paid ${order.paid}, refunded ${order.refunded}), not ${refund}`);
  const why = action.reason ?? '';
  const cancelled = moved(order, 'cancelled', event(at, 'cancelled', why, isPositive(refund) ? refund : null));
  const sms: OrderSms[] = [message(order, at, 'cancellation', refund)];
  if (!isPositive(refund)) return { ...cancelled, sms };
  return withRefund({ ...cancelled, sms }, refund, at, why, 'cancelled');
}

function dispute(order: Order, action: Extract<OrderAction, { kind: 'dispute' }>, at: number): ActionOutcome {
  const why = action.reason ?? '';
  const open = order.stage === 'disputed' ? [] : [event(at, 'disputed', why)];
  if (order.stage === 'disputed' && !action.outcome) refuse(order, 'is already disputed: give the outcome (full, partial:AMOUNT or reshipment)');
  if (order.stage !== 'disputed') requireStage(order, ['shipped', 'delivered'], 'disputed');
  const opened: Order = { ...order, stage: 'disputed', history: [...order.history, ...open] };
  const outcome = action.outcome;
  if (!outcome) return nothingElse(opened);
  if (outcome.kind === 'reshipment') return moved(opened, 'placed', event(at, 'reshipment', why));
  const available = refundable(order);
  if (!isPositive(available)) refuse(order, 'has nothing paid to refund');
  const refund = outcome.kind === 'full' ? available : outcome.amount;
  if (cmp(refund, available) > 0) refuse(order, `can refund at most ${available}, not ${refund}`);
  // a full refund ends the order; after a partial one the seller gets the rest
  const stage: OrderStage = outcome.kind === 'full' ? 'refunded' : 'released';
  const closed = moved(opened, stage, ...(stage === 'released' ? [event(at, 'released', '', sub(order.paid, add(order.refunded, refund)))] : []));
  return withRefund({ ...closed, sms: [message(order, at, 'refund', refund)] }, refund, at, why, 'dispute');
}

function renew(order: Order, newCode: string, at: number, rules: OrderLifeRules): ActionOutcome {
  if (order.renewedAs) refuse(order, `was already placed again as ${order.renewedAs}`);
  if (order.stage === 'cancelled') refuse(order, 'was cancelled by the seller');
  if (order.status !== 'awaiting' || !isExpired(order, at, rules)) {
    refuse(order, order.status === 'awaiting' ? 'has not expired: its code is still valid' : 'has been paid (in part or whole): only an unpaid order whose code expired is placed again');
  }
  if (newCode === order.code) refuse(order, 'needs a new code to be placed again');
  const placed = newOrder({
    code: newCode, codeAmount: order.price, phone: order.phone, issuedAt: at, region: order.region, channel: order.channel,
    renewedFrom: order.code, siteOrderId: order.siteOrderId,
  });
  placed.history.push(event(at, 'renewedFrom', '', null, order.code));
  const old: Order = { ...order, renewedAs: newCode, history: [...order.history, event(at, 'renewed', '', null, newCode)] };
  return { order: old, refund: ZERO, ledgerReason: null, placed, sms: [message(placed, at, 'code', placed.codeAmount)] };
}

function withRefund(outcome: ActionOutcome, refund: Money, at: number, why: string, cause: 'cancelled' | 'dispute'): ActionOutcome {
  const order = outcome.order;
  const refunded: Order = {
    ...order,
    refunded: add(order.refunded, refund),
    history: [...order.history, event(at, 'refunded', why, refund)],
  };
  const ledgerReason = `refund for order ${order.code} (${cause === 'cancelled' ? 'cancelled by the seller' : 'dispute'}${why ? `: ${why}` : ''})`;
  return { ...outcome, order: refunded, refund, ledgerReason };
}

function requireStage(order: Order, allowed: OrderStage[], becoming: string, hint = ''): void {
  if (!allowed.includes(order.stage)) refuse(order, `is ${order.stage}: it cannot be ${becoming} now${hint}`);
}

function refuse(order: Order, why: string): never {
  throw new OrderRefused(`order ${order.code} ${why}`);
}

const event = (at: number, kind: OrderEvent['kind'], why = '', amount: Money | null = null, ref: string | null = null): OrderEvent => ({ at, kind, why, amount, ref });

const moved = (order: Order, stage: OrderStage, ...events: OrderEvent[]): ActionOutcome =>
  nothingElse({ ...order, stage, history: [...order.history, ...events] });

const nothingElse = (order: Order): ActionOutcome => ({ order, refund: ZERO, ledgerReason: null, sms: [], placed: null });

const message = (order: Order, at: number, kind: OrderSms['kind'], amount: Money): OrderSms => ({
  phone: order.phone, at, sender: ALIEXPRESS_SENDER, kind, amount, code: order.code,
});
