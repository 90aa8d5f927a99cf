/** What the Mobile payment pages print (issue 13), computed from the site's context so the screens only draw. */
import { commissionOf, type MobilePayment, type MobileRefusal } from '../../src/domain/mobile/mobilePayment.js';
import { mobileRulesOf } from '../../src/domain/mobile/inbox.js';
import { maskPhone, toE164 } from '../../src/domain/mobile/phone.js';
import { parseRefusal } from '../../src/domain/mobile/refusalText.js';
import { add, type Money } from '../../src/domain/money.js';
import type { KioskRules, OperatorId } from '../../src/domain/rules.js';
import type { SiteMobile } from './mobileButtons.js';

export interface SiteMobileView {
  operator: OperatorId | null;
  phoneMasked: string;
  /** the paying phone once complete (E.164) */
  phone: string | null;
  amount: Money;
  /** R-MOB-3: shown before Send SMS; null until the operator is picked */
  percent: string | null;
  commission: Money | null;
  total: Money | null;
  code: string | null;
  payment: MobilePayment | null;
  refusal: MobileRefusal | null;
  replyMinutes: number;
}

export function mobileViewOf(mobile: SiteMobile, rules: KioskRules): SiteMobileView {
  const mobileRules = mobileRulesOf(rules);
  const commission = mobile.operator ? commissionOf(mobile.amount, mobile.operator, mobileRules) : null;
  return {
    operator: mobile.operator,
    phoneMasked: maskPhone(mobile.digits),
    phone: mobile.digits.length === 10 ? toE164(mobile.digits) : null,
    amount: mobile.amount,
    percent: mobile.operator ? mobileRules.operators[mobile.operator].commissionPercent : null,
    commission,
    total: commission === null ? null : add(mobile.amount, commission),
    code: mobile.code,
    payment: mobile.payment,
    refusal: parseRefusal(mobile.payment?.reason ?? null),
    replyMinutes: Math.round(mobileRules.replyTimeoutMs / 60_000),
  };
}
