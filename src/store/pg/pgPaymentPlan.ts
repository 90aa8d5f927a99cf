/**
 * What a terminal payment writes, planned by the domain's rules (src/domain/cash/payment.ts) from the
 * session, its order as read and the receipt number drawn: one plan for both ways a payment is made
 * on PostgreSQL (pgPayOnce.ts's two statements, pgPayments.ts's transaction).
 */
import { isPositive } from '../../domain/money.js';
import { acceptTerminalPayment, type Order } from '../../domain/orders/orders.js';
import type { OperatorId } from '../../domain/rules.js';
import { buildReceipt, phoneCreditReason, planPayment, receiptNumber, siteTopUpCredit, siteTopUpReason } from '../../domain/cash/payment.js';
import type { Settlement } from '../../domain/cash/settlement.js';
import type { CashSession, Receipt } from '../../domain/store.js';

/** a phone's credit the payment makes: its account (made if new, on `operator`), its ledger line and its top-up SMS */
export interface PhoneCredit {
  phone: string;
  operator: OperatorId;
  amount: string;
  reason: string;
}

export interface TerminalPaymentPlan {
  receipt: Receipt;
  seq: number;
  before: Order | null;
  /** the order after the payment: `before` itself when the payment leaves it as it is (paid already) */
  after: Order | null;
  /** R-MOB-10's site top-up first, then R-TERM-2's change (or a top-up's whole amount) */
  credits: PhoneCredit[];
}

/** `before` is null for a top-up (no order) */
export function planTerminalPayment(
  session: CashSession, before: Order | null, seq: number, trigger: Settlement['trigger'], at: number, recovered: boolean, processingDelayMs: number,
): TerminalPaymentPlan {
  const planned = planPayment(session, before);
  const number = receiptNumber(session.terminalId, seq);
  if (before) planned.order = acceptTerminalPayment(before, planned.toOrder, number, at, processingDelayMs);
  const credits: PhoneCredit[] = [];
  const toTopUpPhone = siteTopUpCredit(before, planned.toOrder);
  if (before?.topUpPhone && isPositive(toTopUpPhone)) {
    credits.push({ phone: before.topUpPhone, operator: session.operator, amount: toTopUpPhone, reason: siteTopUpReason(before.code, number) });
  }
  if (isPositive(planned.toPhone)) {
    credits.push({ phone: session.phone, operator: session.operator, amount: planned.toPhone, reason: phoneCreditReason(session, number, trigger) });
  }
  return { receipt: buildReceipt(number, session, planned, at, recovered), seq, before, after: planned.order, credits };
}
