/** An SMS as the phone shows it: the sender, then the text in the phone's language. */
import type { Lang } from '../money.js';
import type { PhoneMessage } from '../store.js';
import { t } from '../../i18n/index.js';
import { formatHours, formatMoney } from '../../i18n/format.js';
import { OPERATORS, OPERATOR_NAMES } from '../rules.js';
import { parseRefusal, refusalText } from './refusalText.js';

/** The operator whose name an SMS is sent under. */
const operatorOf = (sender: string) => OPERATORS.find((id) => OPERATOR_NAMES[id] === sender) ?? 'mts';

export function smsText(sms: PhoneMessage, lang: Lang): string {
  const amount = formatMoney(sms.amount, lang);
  switch (sms.kind) {
    case 'topup':
      return t(lang, 'sms.topup', { amount, receipt: sms.receipt });
    case 'receipt':
      return t(lang, 'sms.receipt', { receipt: sms.receipt, code: sms.code, amount, toOrder: formatMoney(sms.toOrder, lang), toPhone: formatMoney(sms.toPhone, lang) });
    case 'code':
      // R-MOB-10: a site top-up's code is valid for its own hours, and says what it pays
      if (sms.validHours !== undefined) return t(lang, 'sms.topUpCode', { amount, code: sms.code, hours: formatHours(sms.validHours, lang) });
      return t(lang, 'sms.code', { amount, code: sms.code });
    case 'refund':
      return t(lang, 'sms.refund', { amount, code: sms.code });
    case 'cancellation':
      return sms.amount === '0.00' ? t(lang, 'sms.cancellationNoRefund', { code: sms.code }) : t(lang, 'sms.cancellation', { amount, code: sms.code });
    case 'mobileRequest':
    case 'mobilePaid':
    case 'mobileCancelled':
    case 'mobileExpired':
    case 'mobileRefund':
      return t(lang, `sms.${sms.kind}`, { amount, code: sms.code, transaction: sms.transaction });
    case 'mobileRefused': {
      const refusal = parseRefusal(sms.detail);
      return t(lang, 'sms.mobileRefused', { code: sms.code, reason: refusal ? refusalText(refusal, operatorOf(sms.sender), lang) : '' });
    }
  }
}

/** One line: `AliExpress: Order 1000000123 was cancelled …`. */
export const smsLine = (sms: PhoneMessage, lang: Lang): string => `${sms.sender}: ${smsText(sms, lang)}`;
