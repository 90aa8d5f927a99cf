/** Text tables (coloured on a terminal, src/cli/colors.ts), CSV and JSON for the store subcommands. English, amounts as `4,750.00 ₽`. */
import type { Money } from '../domain/money.js';
import { isProcessing, orderAt, settlesAt } from '../domain/orders/orderLife.js';
import { describeEntry, orderTimeline } from '../domain/orders/orderTimeline.js';
import { isExpired, type Order } from '../domain/orders/orders.js';
import { DEFAULT_RULES } from '../domain/rules.js';
import { formatMoney, formatPhone } from '../i18n/format.js';
import { paintStatus, PLAIN, type Colors } from './colors.js';

export const rub = (amount: Money): string => formatMoney(amount, 'en');
export const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** "1 receipt", "2 receipts", "0 notes". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export interface TableOptions {
  /** columns right-aligned besides the amounts */
  right?: readonly string[];
  /** columns whose cells are statuses, painted by `paintStatus` */
  status?: readonly string[];
  /** headers bold, statuses coloured; plain by default */
  colors?: Colors;
}

/**
 * Columns padded to their widest cell, each header over its cells: amounts (`… ₽`) and the columns
 * named in `right` are right-aligned, header included; everything else (codes, ids, times) left.
 * Widths come from the plain text, and the padding stays outside the colours.
 */
export function table(headers: string[], rows: string[][], { right = [], status = [], colors = PLAIN }: TableOptions = {}): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const rightAligned = headers.map((h, i) => right.includes(h) || (rows.length > 0 && rows.every((r) => /\s₽$/.test(r[i] ?? ''))));
  const isStatus = headers.map((h) => status.includes(h));
  const line = (cells: string[], paint: (cell: string, column: number) => string) =>
    cells.map((c, i) => {
      const padding = ' '.repeat(widths[i]! - c.length);
      return rightAligned[i] ? padding + paint(c, i) : paint(c, i) + padding;
    }).join('  ').trimEnd();
  return [
    line(headers, (h) => colors.bold(h)),
    ...rows.map((r) => line(r, (cell, i) => (isStatus[i] ? paintStatus(colors, cell) : cell))),
  ].join('\n');
}

/** RFC 4180: quote a field when it holds a comma, a quote or a line break. */
export function csv(headers: string[], rows: Array<Array<string | number>>): string {
  const field = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** An order for `--json`: the stored fields, times as ISO 8601. */
export const orderJson = (order: Order) => ({
  ...order,
  issuedAt: iso(order.issuedAt),
  history: order.history.map((e) => ({ ...e, at: iso(e.at) })),
  credits: order.credits.map((c) => ({ ...c, acceptedAt: iso(c.acceptedAt), settlesAt: iso(c.settlesAt) })),
});

/** The order with its history; `now` decides what the clock decides (expired, processing). */
export function orderText(order: Order, colors: Colors = PLAIN, now = Date.now()): string {
  const pending = settlesAt(order, now);
  const life = [
    // a delivered order whose buyer protection ended is released, though nobody wrote it (R-PROT-1)
    orderAt(order, now, DEFAULT_RULES).stage,
    ...(isExpired(order, now, DEFAULT_RULES) ? ['code expired'] : []),
    ...(isProcessing(order, now) && pending !== null ? [`processing until ${iso(pending)}`] : []),
    ...(order.renewedAs ? [`placed again as ${order.renewedAs}`] : []),
    ...(order.renewedFrom ? [`placed again from ${order.renewedFrom}`] : []),
  ].join(', ');
  const rows: Array<[string, string]> = [
    ['code amount', rub(order.codeAmount)],
    ['price', rub(order.price)],
    ['status', paintStatus(colors, order.status)],
    ['paid', rub(order.paid)],
    ['owed', rub(order.owed)],
    ['order', life],
    ['refunded', rub(order.refunded)],
    ['phone', formatPhone(order.phone)],
    ['issued', iso(order.issuedAt)],
    ['region', order.region],
    ['channel', order.channel],
  ];
  const history = orderTimeline(order, now, DEFAULT_RULES).map((e) => `  ${iso(e.at)}  ${describeEntry(e)}`);
  return [colors.bold(`Order ${order.code}`), ...rows.map(([k, v]) => `  ${k.padEnd(12)}${v}`), colors.bold('History'), ...history].join('\n');
}
