/**
 * Mobile payment decisions (R-MOB-2 … R-MOB-7), pure: what a request costs, whether the operator
 * sends the SMS at all, and what a reply does. The stores keep payments; this decides.
 */
import { add, cmp, percentOf, sub, type Money } from '../money.js';
import { DAY_MS, type OperatorId } from '../rules.js';
import { moscowOffsetMs } from '../time.js';
import type { LimitPeriod, MobileLimit, MobileRules } from './mobileRules.js';

/** A phone's settings at its operator (CLI `phones set`, a tape's `Phone … tariff corporate new outage`). */
export type Tariff = 'standard' | 'corporate' | 'forbidden';
export const TARIFFS: readonly Tariff[] = ['standard', 'corporate', 'forbidden'];
export interface PhoneSettings {
  tariff: Tariff;
  /** a new subscriber: the operator allows no mobile payments yet */
  newSubscriber: boolean;
  /** the operator is down: no SMS arrives */
  outage: boolean;
}
export const DEFAULT_PHONE_SETTINGS: PhoneSettings = { tariff: 'standard', newSubscriber: false, outage: false };

export type MobileState = 'awaiting' | 'confirmed' | 'cancelled' | 'expired' | 'refused';

/** One request to pay an order from a phone balance, with its transaction number. */
export interface MobilePayment {
  id: string;
  phone: string;
  operator: OperatorId;
  /** the order's payment code */
  code: string;
  amount: Money;
  commission: Money;
  /** amount + commission: what the balance pays */
  total: Money;
  requestedAt: number;
  /** a request not answered by then is cancelled (the reply timeout) */
  expiresAt: number;
  state: MobileState;
  /** when it was confirmed, cancelled, expired or refused */
  answeredAt: number | null;
  /** R-MOB-7: when a confirmed payment stops "processing" */
  settlesAt: number | null;
  /** the refusal as JSON (a MobileRefusal), when refused */
  reason: string | null;
  /** what happened to it, oldest first: the mobile part of the phone's ledger */
  events: MobileEvent[];
}

export type MobileEventKind = 'requested' | 'smsSent' | 'refused' | 'confirmed' | 'debited' | 'commission' | 'cancelled' | 'expired' | 'refundDue' | 'refunded';
export const MOBILE_EVENT_KINDS: readonly MobileEventKind[] = ['requested', 'smsSent', 'refused', 'confirmed', 'debited', 'commission', 'cancelled', 'expired', 'refundDue', 'refunded'];
export interface MobileEvent {
  at: number;
  kind: MobileEventKind;
  /** why, in words, for the ledger */
  why: string;
  amount: Money | null;
}

/** Why the operator sends no request SMS, or refuses one. `silent`: no SMS at all (R-MOB-6). */
export type MobileRefusal =
  | { reason: 'notRussian' }
  | { reason: 'operatorMismatch'; actual: OperatorId | null }
  | { reason: 'outage' }
  | { reason: 'tariff' }
  | { reason: 'corporate' }
  | { reason: 'newSubscriber' }
  | { reason: 'openRequest'; id: string }
  | { reason: 'limit'; limit: MobileLimit; resetsAt: number | null }
  | { reason: 'balance'; needed: Money; balance: Money; minimumLeft: Money }
  /** the order is paid already (elsewhere, meanwhile) or cancelled */
  | { reason: 'orderNotPayable' };
export type MobileRefusalReason = MobileRefusal['reason'];

/** Refusals with no SMS at all: a wrong operator or an outage (R-MOB-6, "no SMS at all"). */
export const isSilentRefusal = (r: MobileRefusal): boolean => r.reason === 'operatorMismatch' || r.reason === 'outage' || r.reason === 'notRussian';

export const commissionOf = (amount: Money, operator: OperatorId, rules: MobileRules): Money =>
  percentOf(amount, rules.operators[operator].commissionPercent);

export interface MobileRequest {
  phone: string;
  /** the operator the buyer picked on the site */
  operator: OperatorId;
  amount: Money;
  /** the operator the number really belongs to (the phone's account); null when no operator serves it */
  actualOperator: OperatorId | null;
  balance: Money;
  settings: PhoneSettings;
  /** the phone's earlier payments, any state */
  payments: readonly MobilePayment[];
  now: number;
}

export type RequestDecision =
  | { kind: 'accepted'; commission: Money; total: Money; expiresAt: number }
  | { kind: 'refused'; refusal: MobileRefusal };

export function decideRequest(req: MobileRequest, rules: MobileRules): RequestDecision {
  const refused = (refusal: MobileRefusal): RequestDecision => ({ kind: 'refused', refusal });
  if (!/^\+79\d{9}$/.test(req.phone)) return refused({ reason: 'notRussian' });
  if (req.actualOperator !== req.operator) return refused({ reason: 'operatorMismatch', actual: req.actualOperator });
  if (req.settings.outage) return refused({ reason: 'outage' });
  if (req.settings.tariff === 'forbidden') return refused({ reason: 'tariff' });
  if (req.settings.tariff === 'corporate') return refused({ reason: 'corporate' });
  if (req.settings.newSubscriber) return refused({ reason: 'newSubscriber' });
  const open = req.payments.find((p) => p.state === 'awaiting' && p.expiresAt > req.now);
  if (rules.oneOpenRequest && open) return refused({ reason: 'openRequest', id: open.id });
  const limit = limitRefusal(req.operator, req.amount, req.payments, req.now, rules);
  if (limit) return refused(limit);
  const commission = commissionOf(req.amount, req.operator, rules);
  const total = add(req.amount, commission);
  const balance = balanceRefusal(total, req.balance, req.operator, rules);
  if (balance) return refused(balance);
  return { kind: 'accepted', commission, total, expiresAt: req.now + rules.replyTimeoutMs };
}

/** R-MOB-3: the balance covers price + commission (and the minimum left, when that option is on). */
export function balanceRefusal(total: Money, balance: Money, operator: OperatorId, rules: MobileRules): MobileRefusal | null {
  const minimumLeft = rules.operators[operator].minimumLeft;
  const needed = add(total, minimumLeft);
  return cmp(balance, needed) < 0 ? { reason: 'balance', needed, balance, minimumLeft } : null;
}

/** R-MOB-4: the first limit this purchase would break, with when it resets (null: per purchase, never). */
export function limitRefusal(operator: OperatorId, amount: Money, payments: readonly MobilePayment[], now: number, rules: MobileRules): MobileRefusal | null {
  for (const limit of rules.operators[operator].limits) {
    if (limit.kind === 'perPurchase') {
      if (cmp(amount, limit.max) > 0) return { reason: 'limit', limit, resetsAt: null };
      continue;
    }
    const start = periodStart(now, limit.period);
    const counted = payments.filter((p) => p.state === 'confirmed' && p.answeredAt !== null && p.answeredAt >= start && p.answeredAt <= now);
    const over =
      limit.kind === 'countPerPeriod'
        ? counted.length + 1 > limit.max
        : cmp(add(amount, ...counted.map((p) => p.amount)), limit.max) > 0;
    if (over) return { reason: 'limit', limit, resetsAt: nextPeriodStart(now, limit.period) };
  }
  return null;
}

/** The start of the day or month holding `now`, on Moscow's wall clock. */
export function periodStart(now: number, period: LimitPeriod): number {
  const offset = moscowOffsetMs(now);
  const wall = new Date(now + offset);
  const startWall = period === 'day'
    ? Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())
    : Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), 1);
  return startWall - offset;
}

/** When the period holding `now` ends and its limit starts again. */
export function nextPeriodStart(now: number, period: LimitPeriod): number {
  const start = periodStart(now, period);
  if (period === 'day') return periodStart(start + DAY_MS + 2 * 3_600_000, 'day');
  return periodStart(start + 32 * DAY_MS, 'month');
}

/** R-MOB-2: `0` cancels, any other text confirms. */
export type Reply = 'confirm' | 'cancel';
export const readReply = (text: string): Reply => (text.trim() === '0' ? 'cancel' : 'confirm');

export type AnswerDecision =
  | { kind: 'confirmed'; settlesAt: number; balanceAfter: Money }
  | { kind: 'cancelled' }
  | { kind: 'expired' }
  | { kind: 'refused'; refusal: MobileRefusal }
  /** nothing to do: the payment was answered before */
  | { kind: 'closed'; state: MobileState };

/** What a reply does to a request: confirm and debit, cancel, or refuse when the balance no longer covers it. */
export function decideAnswer(payment: MobilePayment, text: string, balance: Money, now: number, rules: MobileRules): AnswerDecision {
  if (payment.state !== 'awaiting') return { kind: 'closed', state: payment.state };
  if (now >= payment.expiresAt) return { kind: 'expired' };
  if (readReply(text) === 'cancel') return { kind: 'cancelled' };
  const refusal = balanceRefusal(payment.total, balance, payment.operator, rules);
  if (refusal) return { kind: 'refused', refusal };
  return { kind: 'confirmed', settlesAt: now + rules.processingDelayMs, balanceAfter: sub(balance, payment.total) };
}

/** Requests whose reply time ran out by `now`, each expiring at its own deadline. */
export const overdue = (payments: readonly MobilePayment[], now: number): MobilePayment[] =>
  payments.filter((p) => p.state === 'awaiting' && p.expiresAt <= now);

/** "M-000001": transaction numbers, numbered per store. */
export const transactionNumber = (seq: number): string => `M-${String(seq).padStart(6, '0')}`;
