/**
 * The receipt printer's paper (issue 14): it runs out after N receipts [choice: off by default,
 * `--paper-receipts N`]. Without paper the receipt is still stored, and the customer gets it by SMS
 * on the change phone instead. Pure: the terminal keeps the count, service mode's "Load paper" resets it.
 */
import type { Receipt } from '../cash/cashSession.js';
import type { Money } from '../money.js';

/** Receipts left on the roll; null = the printer never runs out. */
export type PaperLeft = number | null;

export const paperOut = (left: PaperLeft): boolean => left !== null && left <= 0;

/** After one receipt: printed on paper while some is left, else sent by SMS. */
export function afterReceipt(left: PaperLeft): { printed: boolean; left: PaperLeft } {
  if (left === null) return { printed: true, left };
  return left > 0 ? { printed: true, left: left - 1 } : { printed: false, left: 0 };
}

/** The receipt by SMS to the change phone: its number and amounts, sent under the terminal's brand. */
export interface ReceiptSms {
  phone: string;
  at: number;
  sender: string;
  kind: 'receipt';
  receipt: string;
  /** the order code the receipt pays (the top-up code for a top-up) */
  code: string;
  /** what was accepted in cash */
  amount: Money;
  toOrder: Money;
  toPhone: Money;
}

export const receiptSms = (receipt: Receipt, sender: string): ReceiptSms => ({
  phone: receipt.phone,
  at: receipt.at,
  sender,
  kind: 'receipt',
  receipt: receipt.number,
  code: receipt.code,
  amount: receipt.accepted,
  toOrder: receipt.toOrder,
  toPhone: receipt.toPhone,
});
