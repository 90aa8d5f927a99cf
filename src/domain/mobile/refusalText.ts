/** A mobile payment's refusal in words (R-MOB-4, R-MOB-6): the reason and what to do, for the SMS and the site. */
import type { Lang } from '../money.js';
import type { OperatorId } from '../rules.js';
import { t } from '../../i18n/index.js';
import { formatDateTime, formatMoney, operatorName } from '../../i18n/format.js';
import type { MobileRefusal } from './mobilePayment.js';

export function refusalText(refusal: MobileRefusal, operator: OperatorId, lang: Lang): string {
  const op = operatorName(operator, lang);
  switch (refusal.reason) {
    case 'balance':
      return t(lang, 'mobile.refusal.balance', { needed: formatMoney(refusal.needed, lang), balance: formatMoney(refusal.balance, lang) });
    case 'tariff':
    case 'corporate':
    case 'newSubscriber':
      return t(lang, `mobile.refusal.${refusal.reason}`, { operator: op });
    case 'openRequest':
      return t(lang, 'mobile.refusal.openRequest', { id: refusal.id });
    case 'orderNotPayable':
      return t(lang, 'mobile.refusal.orderNotPayable');
    case 'limit': {
      const { limit } = refusal;
      const max = limit.kind === 'countPerPeriod' ? String(limit.max) : formatMoney(limit.max, lang);
      const key = limit.kind === 'perPurchase' ? 'mobile.refusal.perPurchase' : `mobile.refusal.${limit.kind}.${limit.period}`;
      // Stryker disable next-line StringLiteral: equivalent, because only a per-purchase limit has no reset, and its text has no {resets}
      return t(lang, key, { operator: op, max, resets: refusal.resetsAt === null ? '' : formatDateTime(refusal.resetsAt, lang) });
    }
    case 'operatorMismatch':
    case 'outage':
    case 'notRussian':
      return t(lang, 'mobile.refusal.silent');
  }
}

/** The refusal kept as JSON in a payment or an SMS; null when there is none. */
export const parseRefusal = (json: string | null): MobileRefusal | null => (json ? (JSON.parse(json) as MobileRefusal) : null);
