/**
 * Mobile payment from the phone balance (R-MOB-3, R-MOB-4, R-MOB-7, options from the operators'
 * published rules) as data. The seeds' figures are the defaults; every figure can be overridden
 * by passing other rules, and the options are off unless asked for (`mobileRules({ … })`).
 */
import type { Money } from '../money.js';
import { HOUR_MS, type OperatorId } from '../rules.js';

/** A calendar period on the program's clock, in Moscow time: resets at midnight / on the 1st. */
export type LimitPeriod = 'day' | 'month';

/** One limit of an operator (R-MOB-4), counted on the purchase amount (the price, without commission). */
export type MobileLimit =
  | { kind: 'perPurchase'; max: Money }
  | { kind: 'amountPerPeriod'; max: Money; period: LimitPeriod }
  | { kind: 'countPerPeriod'; max: number; period: LimitPeriod };

export interface OperatorMobileRules {
  /** R-MOB-3: commission on top of the price, in percent, as a decimal string */
  commissionPercent: string;
  limits: readonly MobileLimit[];
  /** option: what must stay on the balance after a payment (Beeline 50 ₽, Tele2 10 ₽); 0.00 when off */
  minimumLeft: Money;
}

export interface MobileRules {
  operators: Readonly<Record<OperatorId, OperatorMobileRules>>;
  /** [choice] how long the request SMS waits for a reply before it is cancelled */
  replyTimeoutMs: number;
  /** R-MOB-7 [choice]: how long a confirmed payment is "processing" before the order shows paid (at most 24 h) */
  processingDelayMs: number;
  /** option: a phone may have only one request waiting for its reply */
  oneOpenRequest: boolean;
  /** R-MOB-8 [choice]: working days a refund of a mobile payment takes to reach the balance (7–10) */
  refundWorkingDays: number;
}

export const MAX_MOBILE_PROCESSING_MS = 24 * HOUR_MS;

export const DEFAULT_MOBILE_RULES: MobileRules = {
  operators: {
    mts: {
      commissionPercent: '0.95',
      limits: [
        { kind: 'amountPerPeriod', max: '30000.00', period: 'day' },
        { kind: 'countPerPeriod', max: 5, period: 'day' },
      ],
      minimumLeft: '0.00',
    },
    megafon: { commissionPercent: '1.95', limits: [{ kind: 'amountPerPeriod', max: '30000.00', period: 'month' }], minimumLeft: '0.00' },
    beeline: {
      commissionPercent: '3.9',
      limits: [
        { kind: 'amountPerPeriod', max: '15000.00', period: 'day' },
        { kind: 'countPerPeriod', max: 10, period: 'day' },
      ],
      minimumLeft: '0.00',
    },
    tele2: { commissionPercent: '2.45', limits: [{ kind: 'perPurchase', max: '1000.00' }], minimumLeft: '0.00' },
  },
  replyTimeoutMs: HOUR_MS / 4,
  processingDelayMs: HOUR_MS,
  oneOpenRequest: false,
  refundWorkingDays: 7,
};

/** Options from the operators' published rules, each off by default (README "Choices"). */
export interface MobileOptions {
  /** Beeline keeps 50 ₽ and Tele2 10 ₽ on the balance */
  keepMinimum?: boolean;
  /** one request waiting for a reply per phone */
  oneOpenRequest?: boolean;
  /** Tele2 at 2.35 % (one passage of the source) instead of 2.45 % */
  tele2Commission235?: boolean;
  replyTimeoutMs?: number;
  processingDelayMs?: number;
}

export const MINIMUM_LEFT_OPTION: Readonly<Partial<Record<OperatorId, Money>>> = { beeline: '50.00', tele2: '10.00' };

export function mobileRules(options: MobileOptions = {}, base: MobileRules = DEFAULT_MOBILE_RULES): MobileRules {
  const processingDelayMs = options.processingDelayMs ?? base.processingDelayMs;
  if (!Number.isSafeInteger(processingDelayMs) || processingDelayMs < 0 || processingDelayMs > MAX_MOBILE_PROCESSING_MS) {
    throw new RangeError(`the mobile processing delay must be from 0 to 24 hours (R-MOB-7), got ${processingDelayMs} ms`);
  }
  const replyTimeoutMs = options.replyTimeoutMs ?? base.replyTimeoutMs;
  if (!Number.isSafeInteger(replyTimeoutMs) || replyTimeoutMs <= 0) throw new RangeError(`the reply timeout must be positive, got ${replyTimeoutMs} ms`);
  const operators = Object.fromEntries(
    Object.entries(base.operators).map(([id, op]) => {
      const minimumLeft = options.keepMinimum ? (MINIMUM_LEFT_OPTION[id as OperatorId] ?? op.minimumLeft) : op.minimumLeft;
      const commissionPercent = id === 'tele2' && options.tele2Commission235 ? '2.35' : op.commissionPercent;
      return [id, { ...op, minimumLeft, commissionPercent }];
    }),
  ) as Record<OperatorId, OperatorMobileRules>;
  return { operators, replyTimeoutMs, processingDelayMs, oneOpenRequest: options.oneOpenRequest ?? base.oneOpenRequest, refundWorkingDays: base.refundWorkingDays };
}
