/** The receipt as printed: fixed fields in a fixed order (R-TERM-5, R-CASH-4). */
import { cmp, isPositive, isZero, sub, ZERO, type Lang } from '../money.js';
import { isTopUp } from '../mobile/topup.js';
import type { Receipt } from '../store.js';
import { t } from '../../i18n/index.js';
import { formatDateTime, formatMoney, formatPhone, operatorName } from '../../i18n/format.js';

export interface ReceiptLine {
  label: string;
  value: string;
}

export function receiptLines(r: Receipt, lang: Lang): ReceiptLine[] {
  const money = (m: string) => formatMoney(m, lang);
  if (isTopUp(r)) return topUpLines(r, lang);
  const lines: ReceiptLine[] = [
    { label: t(lang, 'receipt.number'), value: r.number },
    { label: t(lang, 'receipt.terminal'), value: r.terminalId },
    { label: t(lang, 'receipt.date'), value: formatDateTime(r.at, lang) },
    { label: t(lang, 'receipt.order'), value: r.code },
    { label: t(lang, 'receipt.due'), value: money(r.due) },
    { label: t(lang, 'receipt.accepted'), value: money(r.accepted) },
    { label: t(lang, 'receipt.toOrder'), value: money(r.toOrder) },
    { label: t(lang, 'receipt.toPhone', { phone: formatPhone(r.phone), operator: operatorName(r.operator, lang) }), value: money(r.toPhone) },
  ];
  return lines;
}

/** A top-up at the terminal: no order, no commission [choice], everything to the balance. */
function topUpLines(r: Receipt, lang: Lang): ReceiptLine[] {
  const money = (m: string) => formatMoney(m, lang);
  return [
    { label: t(lang, 'receipt.number'), value: r.number },
    { label: t(lang, 'receipt.terminal'), value: r.terminalId },
    { label: t(lang, 'receipt.date'), value: formatDateTime(r.at, lang) },
    { label: t(lang, 'topup.receipt.service'), value: t(lang, 'topup.receipt.serviceName') },
    { label: t(lang, 'topup.receipt.phone'), value: `${formatPhone(r.phone)} (${operatorName(r.operator, lang)})` },
    { label: t(lang, 'receipt.accepted'), value: money(r.accepted) },
    { label: t(lang, 'topup.receipt.commission'), value: money(ZERO) },
    { label: t(lang, 'topup.receipt.credited'), value: money(r.toPhone) },
  ];
}

/**
 * The price rose (R-CODE-5) when the order now owes more than this payment left unpaid of what it
 * was asked for: `due - toOrder` is the shortfall of the payment itself (a timeout with too little
 * cash), anything owed beyond it is the rise. For an order paid for the first time this is exactly
 * "price now above the code's amount".
 */
export const priceRoseSince = (r: Receipt): boolean => cmp(r.owed, sub(r.due, r.toOrder)) > 0;

function owedLine(r: Receipt, lang: Lang): string[] {
  if (r.orderStatus !== 'partially_paid' || !isPositive(r.owed)) return [];
  return [t(lang, priceRoseSince(r) ? 'receipt.priceRose' : 'receipt.owed', { owed: formatMoney(r.owed, lang) })];
}

/** Notes printed under the fields: what is still owed, recovery, and the keep-the-receipt line. */
export function receiptFooter(r: Receipt, lang: Lang): string[] {
  if (isTopUp(r)) return [...(r.recovered ? [t(lang, 'receipt.recovered')] : []), t(lang, 'topup.receipt.keep')];
  return [
    ...owedLine(r, lang),
    // another terminal paid the order first (two terminals, one code): this cash all went to the phone
    ...(r.orderStatus === 'paid' && isZero(r.toOrder) && isPositive(r.accepted) ? [t(lang, 'receipt.alreadyPaid')] : []),
    ...(r.recovered ? [t(lang, 'receipt.recovered')] : []),
    t(lang, 'receipt.keep'),
  ];
}

/** Plain text, as stored with the payment and shown by `kiosk receipts show`; `header` is the terminal brand's (R-TERM-4). */
export function receiptText(r: Receipt, lang: Lang, header?: string): string {
  const lines = receiptLines(r, lang);
  const width = Math.max(...lines.map((l) => l.label.length)) + 2;
  return [
    ...(header ? [header] : []),
    t(lang, 'receipt.title').toUpperCase(),
    ...lines.map((l) => `${l.label.padEnd(width)}${l.value}`),
    ...receiptFooter(r, lang),
  ].join('\n');
}
