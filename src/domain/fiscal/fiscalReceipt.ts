/**
 * The cash receipt a desk's till prints (54-FZ fields, R-CASH-1, R-CASH-4): the seller, the register
 * and its fiscal drive, shift and receipt numbers, "Приход", the item as an agent's payment, total,
 * cash, received, change, the taxation system, the fiscal document number and sign, and the QR
 * code's payload `t=YYYYMMDDTHHMM&s=RUB.KK&fn=…&i=FD&fp=FP&n=1`. Numbers are simulated but
 * consistent: the stores count per register and never reuse one.
 */
import { formatMoney, isPositive, type Lang, type Money } from '../money.js';
import type { OrderStatus } from '../orders/orders.js';
import { moscowOffsetMs } from '../time.js';
import { t } from '../../i18n/index.js';
import { formatDateTime, formatPhone } from '../../i18n/format.js';
import { DESKS, type DeskPlace } from './desks.js';

/** A register's counters after a receipt: the fiscal document number runs on across shifts. */
export interface RegisterCounters {
  shift: number;
  /** receipts in this shift */
  inShift: number;
  /** fiscal documents of the drive: never reused */
  fd: number;
}

/** What a desk sold: the order paid, the money that changed hands and the order after it. */
export interface DeskSale {
  place: DeskPlace;
  /** epoch milliseconds */
  at: number;
  code: string;
  /** what went to the order: the item's price and the total */
  total: Money;
  /** what the customer handed over */
  received: Money;
  change: Money;
  /** the order after this payment (a risen price leaves some owed, R-CODE-5) */
  orderStatus: OrderStatus;
  owed: Money;
}

/** The sale as the till printed it, with its register's numbers, its fiscal sign and QR payload. */
export interface DeskReceipt extends DeskSale {
  /** `K-1-000001`: the register and its fiscal document number */
  number: string;
  registerId: string;
  shift: number;
  inShift: number;
  fd: number;
  /** the fiscal sign, 10 digits */
  fp: string;
  /** the QR code's payload, exactly as tax checkers read it */
  qr: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `20261122T1000`: the receipt's Moscow date and time to the minute, as the QR code carries it. */
export function qrTime(at: number): string {
  const d = new Date(at + moscowOffsetMs(at));
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
}

/** The QR payload: n=1 is "приход" (money in). */
export const qrPayload = (at: number, total: Money, fiscalDrive: string, fd: number, fp: string): string =>
  `t=${qrTime(at)}&s=${total}&fn=${fiscalDrive}&i=${fd}&fp=${fp}&n=1`;

/**
 * A simulated fiscal sign: 10 digits from FNV-1a over what the real one signs (drive, document,
 * time, sum), so the same document always has the same sign and two documents differ.
 */
export function fiscalSign(fiscalDrive: string, fd: number, at: number, total: Money): string {
  let hash = 0x811c9dc5;
  for (const ch of `${fiscalDrive}|${fd}|${at}|${total}`) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return String(hash % 10_000_000_000).padStart(10, '0');
}

export const deskReceiptNumber = (registerId: string, fd: number): string => `${registerId}-${String(fd).padStart(6, '0')}`;


/** The receipt for a sale, numbered by the register's counters after it. */
export function buildDeskReceipt(sale: DeskSale, counters: RegisterCounters): DeskReceipt {
  const desk = DESKS[sale.place];
  const fp = fiscalSign(desk.fiscalDrive, counters.fd, sale.at, sale.total);
  return {
    ...sale,
    number: deskReceiptNumber(desk.registerId, counters.fd),
    registerId: desk.registerId,
    shift: counters.shift,
    inShift: counters.inShift,
    fd: counters.fd,
    fp,
    qr: qrPayload(sale.at, sale.total, desk.fiscalDrive, counters.fd, fp),
  };
}

/** The counters for the next receipt of a register (one shift until the till role opens and closes them). */
export const nextCounters = (last: RegisterCounters | null): RegisterCounters =>
  last ? { shift: last.shift, inShift: last.inShift + 1, fd: last.fd + 1 } : { shift: 1, inShift: 1, fd: 1 };

/** The receipt as printed, line by line, in the form of its place (the Post's header and words differ). */
export function deskReceiptLines(r: DeskReceipt, lang: Lang): string[] {
  const desk = DESKS[r.place];
  const money = (m: Money) => formatMoney(m, lang);
  const w = (key: string, vars: Record<string, string | number> = {}) => t(lang, `desk.receipt.${key}`, vars);
  return [
    t(lang, `desk.${r.place}.receiptHeader`),
    desk.sellerName,
    `${w('inn')} ${desk.sellerInn}`,
    desk.address,
    ...(desk.window !== null ? [w('window', { window: desk.window })] : []),
    `${w('shift')} ${r.shift}  ${w('number')} ${r.inShift}`,
    formatDateTime(r.at, lang),
    w('income'),
    w('item', { code: r.code }),
    `  1 × ${money(r.total)} = ${money(r.total)}`,
    `  ${w('agentFlag')}`,
    `  ${w('agentOperation')}`,
    `  ${w('agentPhone')} ${formatPhone(desk.agent.agentPhone)}`,
    `  ${w('operatorPhone')} ${formatPhone(desk.agent.operatorPhone)}`,
    `  ${w('supplier')} ${desk.agent.supplierName}`,
    `  ${w('supplierInn')} ${desk.agent.supplierInn}`,
    `${w('total')} ${money(r.total)}`,
    `${w('cash')} ${money(r.total)}`,
    `${w('received')} ${money(r.received)}`,
    `${w('change')} ${money(r.change)}`,
    `${w('taxation')} ${t(lang, desk.taxation)}`,
    `${w('register')} ${desk.registerNumber}`,
    `${w('drive')} ${desk.fiscalDrive}`,
    `${w('fd')} ${r.fd}  ${w('fp')} ${r.fp}`,
    `QR: ${r.qr}`,
    ...(r.orderStatus === 'partially_paid' && isPositive(r.owed) ? [w('owed', { owed: money(r.owed) })] : []),
    t(lang, `desk.${r.place}.keep`),
  ];
}

/** Plain text, as the store keeps it and tapes read it (`ExpectReceipt`). */
export const deskReceiptText = (r: DeskReceipt, lang: Lang): string => deskReceiptLines(r, lang).join('\n');
