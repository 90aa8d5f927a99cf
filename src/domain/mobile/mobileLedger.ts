/**
 * What each step of a mobile payment writes (R-MOB-2 … R-MOB-7), as plain data: the payment after
 * it, the SMS, the ledger lines and the order after it. Both stores compute the plan here and only
 * persist it, in one transaction, so they agree to the kopeck.
 */
import { add, cmp, isPositive, sub, ZERO, type Money } from '../money.js';
import { OPERATOR_NAMES, type OperatorId } from '../rules.js';
import { acceptTerminalPayment, amountDue, type Order } from '../orders/orders.js';
import type { LedgerEntry, MobileSms } from '../store.js';
import {
  commissionOf, decideAnswer, decideRequest, isSilentRefusal, type MobileEvent, type MobilePayment, type MobileRefusal, type PhoneSettings,
} from './mobilePayment.js';
import type { MobileRules } from './mobileRules.js';
import { guessOperator } from './phone.js';
import { addWorkingDays } from './workingDays.js';

export interface MobilePlan {
  payment: MobilePayment;
  sms: MobileSms[];
  /** balance changes, in order (negative: debited) */
  ledger: LedgerEntry[];
  /** the phone's balance after the plan */
  balance: Money;
  /** the order after it, when it changed */
  order: Order | null;
}

export interface RequestFacts {
  id: string;
  phone: string;
  operator: OperatorId;
  order: Order;
  /** the operator the number belongs to; null when the store knows none */
  actualOperator: OperatorId | null;
  balance: Money;
  settings: PhoneSettings;
  payments: readonly MobilePayment[];
  at: number;
}

const event = (at: number, kind: MobileEvent['kind'], why: string, amount: Money | null = null): MobileEvent => ({ at, kind, why, amount });

const smsOf = (p: MobilePayment, at: number, kind: MobileSms['kind'], detail: string | null = null): MobileSms => ({
  phone: p.phone, at, sender: OPERATOR_NAMES[p.operator], kind, amount: p.total, code: p.code, transaction: p.id, detail,
});

const payable = (order: Order): boolean => order.status !== 'paid' && order.stage !== 'cancelled';

/** R-MOB-1: Send SMS. The request is kept even when refused, so the ledger tells every attempt. */
export function planRequest(facts: RequestFacts, rules: MobileRules): MobilePlan {
  const { id, phone, operator, order, at } = facts;
  const amount = amountDue(order);
  const decision: ReturnType<typeof decideRequest> = payable(order)
    // a number the store knows no operator of is on the one its DEF code names (as the phone shows it)
    // Stryker disable next-line Regex: equivalent, because a phone here is E.164 and holds +7 only at its start
    ? decideRequest({ phone, operator, amount, actualOperator: facts.actualOperator ?? guessOperator(phone.replace(/^\+7/, '')), balance: facts.balance, settings: facts.settings, payments: facts.payments, now: at }, rules)
    : { kind: 'refused', refusal: { reason: 'orderNotPayable' } };
  // the commission is known before Send SMS (R-MOB-3), so even a refusal says what it would have cost
  const commission = commissionOf(amount, operator, rules);
  const base: MobilePayment = {
    id, phone, operator, code: order.code, amount, commission, total: add(amount, commission), requestedAt: at, expiresAt: at,
    // Stryker disable next-line StringLiteral: equivalent, because refused() and the accepted payment below both set the state again
    state: 'refused', answeredAt: at, settlesAt: null, reason: null,
    events: [event(at, 'requested', `order ${order.code} from the ${OPERATOR_NAMES[operator]} balance`, amount)],
  };
  const nothingElse = { ledger: [], balance: facts.balance, order: null };
  if (decision.kind === 'refused') {
    const payment = refused(base, decision.refusal, at);
    // a wrong operator or an outage sends nothing at all (R-MOB-6)
    return { payment, sms: isSilentRefusal(decision.refusal) ? [] : [smsOf(payment, at, 'mobileRefused', payment.reason)], ...nothingElse };
  }
  const payment: MobilePayment = {
    ...base, commission: decision.commission, total: decision.total, expiresAt: decision.expiresAt, state: 'awaiting', answeredAt: null,
    events: [...base.events, event(at, 'smsSent', `confirm by reply within ${Math.round(rules.replyTimeoutMs / 60_000)} min`, decision.total)],
  };
  return { payment, sms: [smsOf(payment, at, 'mobileRequest')], ...nothingElse };
}

function refused(payment: MobilePayment, refusal: MobileRefusal, at: number): MobilePayment {
  const reason = JSON.stringify(refusal);
  return { ...payment, state: 'refused', answeredAt: at, reason, events: [...payment.events, event(at, 'refused', refusal.reason)] };
}

/**
 * R-MOB-2: a reply. Confirmed: debited (the price, then the commission: two ledger lines) and the
 * order credited, processing until settlesAt (R-MOB-7). Null: answered before, nothing to write.
 */
export function planAnswer(payment: MobilePayment, text: string, balance: Money, order: Order, at: number, rules: MobileRules): MobilePlan | null {
  const decision = decideAnswer(payment, text, balance, at, rules);
  const unchanged = { ledger: [], balance, order: null };
  switch (decision.kind) {
    case 'closed':
      return null;
    case 'expired':
      return planExpiry(payment, balance);
    case 'cancelled': {
      const cancelled: MobilePayment = { ...payment, state: 'cancelled', answeredAt: at, events: [...payment.events, event(at, 'cancelled', 'the user replied 0')] };
      return { payment: cancelled, sms: [smsOf(cancelled, at, 'mobileCancelled')], ...unchanged };
    }
    case 'refused': {
      const after = refused(payment, decision.refusal, at);
      return { payment: after, sms: [smsOf(after, at, 'mobileRefused', after.reason)], ...unchanged };
    }
    case 'confirmed': {
      if (!payable(order)) {
        const after = refused(payment, { reason: 'orderNotPayable' }, at);
        return { payment: after, sms: [smsOf(after, at, 'mobileRefused', after.reason)], ...unchanged };
      }
      const name = OPERATOR_NAMES[payment.operator];
      const percent = rules.operators[payment.operator].commissionPercent;
      const ledger: LedgerEntry[] = [
        { at, amount: sub(ZERO, payment.amount), reason: `mobile payment ${payment.id} for order ${payment.code}` },
        ...(isPositive(payment.commission)
          ? [{ at, amount: sub(ZERO, payment.commission), reason: `commission ${name} ${percent} % on mobile payment ${payment.id}` }]
          : []),
      ];
      const confirmed: MobilePayment = {
        ...payment, state: 'confirmed', answeredAt: at, settlesAt: decision.settlesAt,
        events: [
          ...payment.events,
          event(at, 'confirmed', 'the user replied'),
          event(at, 'debited', `order ${payment.code}`, payment.amount),
          event(at, 'commission', `${name} ${percent} %`, payment.commission),
        ],
      };
      return {
        payment: confirmed,
        sms: [smsOf(confirmed, at, 'mobilePaid')],
        ledger,
        balance: decision.balanceAfter,
        order: acceptTerminalPayment(order, payment.amount, payment.id, at, rules.processingDelayMs),
      };
    }
  }
}

/** No reply in time: cancelled at its own deadline, with an SMS dated then. */
export function planExpiry(payment: MobilePayment, balance: Money): MobilePlan {
  const at = payment.expiresAt;
  const expired: MobilePayment = { ...payment, state: 'expired', answeredAt: at, events: [...payment.events, event(at, 'expired', 'no reply in time')] };
  return { payment: expired, sms: [smsOf(expired, at, 'mobileExpired')], ledger: [], balance, order: null };
}

/**
 * The balance a plan leaves on the phone, checked by each store before it writes: never below zero,
 * and the one the plan was made for (if the ledger gives another, the balance moved since the plan).
 */
export function checkedBalance(current: Money, plan: Pick<MobilePlan, 'ledger' | 'balance'>): Money {
  const balance = add(current, ...plan.ledger.map((l) => l.amount));
  if (cmp(balance, ZERO) < 0) throw new Error(`a phone balance never goes below zero (${balance})`);
  if (balance !== plan.balance) throw new Error(`the phone balance moved since the plan: the plan leaves ${plan.balance}, its ledger lines ${balance}`);
  return balance;
}

/** R-MOB-8: a refund of an order paid from a phone balance, due back to that balance after working days. */
export interface DueRefund {
  payment: string;
  phone: string;
  code: string;
  amount: Money;
  at: number;
  dueAt: number;
  why: string;
}

/**
 * The refund an order action gives back, when the order was paid by a mobile payment: to the phone
 * that paid, `refundWorkingDays` working days later (R-MOB-8). Null: not a mobile payment's refund.
 */
export function dueRefundOf(order: Order, refund: Money, why: string, payments: readonly MobilePayment[], at: number, rules: MobileRules): DueRefund | null {
  const paidBy = payments.filter((p) => p.code === order.code && p.state === 'confirmed').at(-1);
  if (!paidBy || !isPositive(refund)) return null;
  return { payment: paidBy.id, phone: paidBy.phone, code: order.code, amount: refund, at, dueAt: addWorkingDays(at, rules.refundWorkingDays), why };
}

/** The refund reaches the balance: the payment's events, a ledger line and the operator's SMS, dated when due. */
export function planRefundLanding(payment: MobilePayment, refund: DueRefund, balance: Money): MobilePlan {
  const at = refund.dueAt;
  const reason = `refund of mobile payment ${payment.id}: ${refund.why}`;
  const landed: MobilePayment = { ...payment, events: [...payment.events, event(at, 'refunded', refund.why, refund.amount)] };
  return {
    payment: landed,
    sms: [{ ...smsOf(payment, at, 'mobileRefund'), amount: refund.amount }],
    ledger: [{ at, amount: refund.amount, reason }],
    balance: add(balance, refund.amount),
    order: null,
  };
}
