/**
 * The site's Mobile payment pages (issue 13, R-MOB-1): the operator, the phone with the commission
 * (R-MOB-3), then waiting for the reply on the phone, then the outcome. Buttons as data; the state
 * of the flow is one context field, `SiteMobile`.
 */
import { isValidPhoneDigits } from '../../src/domain/mobile/phone.js';
import { isSilentRefusal, type MobilePayment } from '../../src/domain/mobile/mobilePayment.js';
import { parseRefusal } from '../../src/domain/mobile/refusalText.js';
import type { Money } from '../../src/domain/money.js';
import { OPERATORS, type OperatorId } from '../../src/domain/rules.js';
import type { Button } from '../buttons.js';

export type MobileScreen = 'mobileOperator' | 'mobilePhone' | 'mobileSent' | 'mobileResult';

export type MobileButtonEvent =
  | { type: 'site.mobileOperator'; operator: OperatorId }
  | { type: 'site.sendSms' }
  | { type: 'site.retry' }
  | { type: 'site.shop' }
  | { type: 'nav.back' }
  | { type: 'input.backspace' };

/** The mobile payment under way on the site. */
export interface SiteMobile {
  /** what the order costs (the cart's total when Mobile payment was chosen) */
  amount: Money;
  operator: OperatorId | null;
  /** the paying phone as typed: ten digits from 9 (it starts as the order's phone) */
  digits: string;
  /** the order placed at the first Send SMS; a retry pays the same order */
  code: string | null;
  /** the latest request, as the store has it */
  payment: MobilePayment | null;
}

export const noMobile = (): SiteMobile => ({ amount: '0.00', operator: null, digits: '', code: null, payment: null });

// Stryker disable next-line ConditionalExpression: equivalent, because the phone page (the only place Send SMS is read) is entered only by picking an operator, so `operator !== null` there is always true
export const mobilePhoneComplete = (mobile: SiteMobile): boolean => mobile.operator !== null && isValidPhoneDigits(mobile.digits);

/** The request got its answer (or was refused with an SMS): the outcome page. A silent refusal keeps waiting, as no SMS came. */
export function mobileAnswered(mobile: SiteMobile): boolean {
  const payment = mobile.payment;
  if (!payment || payment.state === 'awaiting') return false;
  const refusal = parseRefusal(payment.reason);
  // Stryker disable next-line ConditionalExpression: equivalent, because only a refused payment carries a reason (mobileLedger's `refused`), so `state === 'refused'` is true whenever a silent refusal is read
  return !(payment.state === 'refused' && refusal && isSilentRefusal(refusal));
}

const button = (id: string, label: string, event: MobileButtonEvent, hotkey?: string): Button<MobileButtonEvent> =>
  // Stryker disable next-line ConditionalExpression: equivalent, because `false` only adds `hotkey: undefined`, which every reader (keys, screens, JSON) takes as no hotkey
  hotkey === undefined ? { id, label, event, enabled: true } : { id, label, event, hotkey, enabled: true };
const shop = () => button('shop', 'site.button.shop', { type: 'site.shop' }, 's');
const retry = () => button('retry', 'site.button.retry', { type: 'site.retry' }, 'r');

export function mobileButtons(screen: MobileScreen, mobile: SiteMobile): Button<MobileButtonEvent>[] {
  switch (screen) {
    case 'mobileOperator':
      return [
        ...OPERATORS.map((id, i) => button(id, `operator.${id}`, { type: 'site.mobileOperator', operator: id }, String(i + 1))),
        button('back', 'button.back', { type: 'nav.back' }, 'esc'),
      ];
    case 'mobilePhone': {
      const send = button('send', 'site.button.sendSms', { type: 'site.sendSms' });
      return [
        mobilePhoneComplete(mobile) ? send : { ...send, enabled: false, whyDisabled: 'notice.phoneIncomplete' },
        button('backspace', 'button.backspace', { type: 'input.backspace' }, 'backspace'),
        button('back', 'button.back', { type: 'nav.back' }, 'esc'),
      ];
    }
    // Stryker disable next-line ConditionalExpression: equivalent, because without this case mobileSent falls to mobileResult's, whose payment is never confirmed while the page waits (a confirmed one leaves for mobileResult at once): Retry and Shop either way
    case 'mobileSent':
      return [retry(), shop()];
    case 'mobileResult':
      return mobile.payment?.state === 'confirmed' ? [shop()] : [retry(), shop()];
  }
}

/** What the site asks the store for at Send SMS: place the order once (code null), then request the payment. */
export interface RequestMobileInput {
  code: string | null;
  amount: Money;
  /** the order's phone, from checkout */
  orderPhone: string;
  country: string;
  channel: 'pc' | 'app';
  /** the paying phone (E.164) and the operator picked */
  phone: string;
  operator: OperatorId;
}

export interface MobileRequested {
  code: string;
  payment: MobilePayment;
}
