/**
 * R-MOB-10: a phone top-up bought on the site as an order: at most 1,500 ₽ a calendar month per phone
 * (Moscow calendar), and the top-up order must be paid within 1 hour, else it expires. Pure decisions
 * on the program's clock; the limits are data. Not wired to the site or the stores yet.
 */
import { add, cmp, isPositive, sub, ZERO, type Money } from '../money.js';

export interface SiteTopUpRules {
  monthlyLimit: Money;
  payWithinMs: number;
}
export const SITE_TOPUP_RULES: SiteTopUpRules = { monthlyLimit: '1500.00', payWithinMs: 3_600_000 };

/** A top-up order of a phone: placed at `at`, paid or not. */
export interface SiteTopUp {
  phone: string;
  amount: Money;
  at: number;
  paid: boolean;
}

export type SiteTopUpDecision =
  | { kind: 'accepted'; payBy: number }
  | { kind: 'overMonthlyLimit'; limit: Money; used: Money; left: Money; resetsAt: number };

const MOSCOW_OFFSET_MS = 3 * 3_600_000;
/** The first instant of the Moscow calendar month after the one holding `at`. */
export function nextMonthStart(at: number): number {
  const local = new Date(at + MOSCOW_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - MOSCOW_OFFSET_MS;
}
const sameMonth = (a: number, b: number) => nextMonthStart(a) === nextMonthStart(b);

/** Open (unpaid, not expired) or paid top-ups count toward the month; expired ones do not. */
export const counts = (t: SiteTopUp, now: number, rules: SiteTopUpRules = SITE_TOPUP_RULES): boolean => t.paid || now < t.at + rules.payWithinMs;

/** R-MOB-10: may `phone` order a top-up of `amount` at `at`, given its earlier top-up orders? */
export function decideSiteTopUp(phone: string, amount: Money, at: number, earlier: readonly SiteTopUp[], rules: SiteTopUpRules = SITE_TOPUP_RULES): SiteTopUpDecision {
  const used = add(ZERO, ...earlier.filter((t) => t.phone === phone && sameMonth(t.at, at) && counts(t, at, rules)).map((t) => t.amount));
  if (cmp(add(used, amount), rules.monthlyLimit) > 0) {
    const left = sub(rules.monthlyLimit, used);
    return { kind: 'overMonthlyLimit', limit: rules.monthlyLimit, used, left: isPositive(left) ? left : ZERO, resetsAt: nextMonthStart(at) };
  }
  return { kind: 'accepted', payBy: at + rules.payWithinMs };
}

/** R-MOB-10: an unpaid top-up order expires 1 hour after it was placed. */
export const siteTopUpExpired = (t: SiteTopUp, now: number, rules: SiteTopUpRules = SITE_TOPUP_RULES): boolean => !t.paid && now >= t.at + rules.payWithinMs;
