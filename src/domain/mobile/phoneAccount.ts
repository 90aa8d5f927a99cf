/**
 * A phone as the store keeps it: its balance, its ledger and its inbox, with every kind of SMS that
 * reaches it (the terminal's change, AliExpress's codes and refunds, the operator's mobile payments).
 */
import type { ReceiptSms } from '../fiscal/paper.js';
import type { Money } from '../money.js';
import type { OperatorId } from '../rules.js';

/** Change a terminal credited to the phone (R-TERM-2): the SMS the kiosk's phone panel shows. */
export interface Sms {
  phone: string;
  at: number;
  /** who sent it: the operator's name */
  sender: string;
  kind: 'topup';
  amount: Money;
  receipt: string;
}

/**
 * An SMS about an order, from AliExpress: its payment code (R-CODE-1, R-CODE-2), money back to
 * the phone (R-CODE-7, R-PROT-2), the seller's cancellation. `amount`: the code's amount, the
 * refund, or 0.00 for a cancellation that gave nothing back.
 */
export interface OrderSms {
  phone: string;
  at: number;
  sender: string;
  kind: 'code' | 'refund' | 'cancellation';
  amount: Money;
  code: string;
  /** R-MOB-10: a site top-up's code says how long it is valid (1 hour); absent on other SMS (48 hours) */
  validHours?: number;
}

/**
 * An SMS of a mobile payment, from the operator (R-MOB-2, R-MOB-6): the request to confirm (the only
 * kind that expects a reply), then the payment made, cancelled by the user, expired, or refused.
 * `amount`: price + commission; `detail`: the refusal as JSON (see mobilePayment.ts), else null.
 */
export interface MobileSms {
  phone: string;
  at: number;
  sender: string;
  kind: 'mobileRequest' | 'mobilePaid' | 'mobileCancelled' | 'mobileExpired' | 'mobileRefused' | 'mobileRefund';
  amount: Money;
  /** the order's code */
  code: string;
  /** the transaction number */
  transaction: string;
  detail: string | null;
}
export const MOBILE_SMS_KINDS: readonly MobileSms['kind'][] = ['mobileRequest', 'mobilePaid', 'mobileCancelled', 'mobileExpired', 'mobileRefused', 'mobileRefund'];

/** Everything in a phone's inbox, oldest first. */
/** `ReceiptSms` (src/domain/fiscal/paper.ts): a receipt sent by SMS when the printer has no paper; shown, not stored. */
export type PhoneMessage = Sms | OrderSms | MobileSms | ReceiptSms;
export type SmsKind = PhoneMessage['kind'];
export const SMS_KINDS: readonly SmsKind[] = ['code', 'topup', 'refund', 'cancellation', ...MOBILE_SMS_KINDS];

export interface LedgerEntry {
  at: number;
  amount: Money;
  reason: string;
}

export interface PhoneAccount {
  phone: string;
  operator: OperatorId | null;
  balance: Money;
  ledger: LedgerEntry[];
  sms: PhoneMessage[];
}
