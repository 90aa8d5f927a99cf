/**
 * The tape's assertions on the screen, the machine state, the store and the receipts, and how
 * `"text"` and `/regex/` match: one line at a time, so a match never spans two screen rows.
 */
import { cmp, type Lang, type Money } from '../../domain/money.js';
import { isProcessing, orderAt, settlesAt } from '../../domain/orders/orderLife.js';
import { isExpired, type Order, type OrderStatus } from '../../domain/orders/orders.js';
import type { KioskRules } from '../../domain/rules.js';
import { smsLine } from '../../domain/mobile/smsText.js';
import type { OrderCondition } from '../language/ast.js';
import { receiptText } from '../../domain/fiscal/receiptText.js';
import type { SyncKioskStore, Receipt } from '../../domain/store.js';
import type { Step, TextMatcher } from '../language/ast.js';
import { describeEntry, orderTimeline } from '../../domain/orders/orderTimeline.js';
import { StepFailure } from './failure.js';

export function describeMatcher(m: TextMatcher): string {
  return m.kind === 'text' ? JSON.stringify(m.text) : `/${m.source}/${m.flags}`;
}

/** `g` and `y` make `test()` stateful across lines, so they are dropped. */
function toRegExp(m: Extract<TextMatcher, { kind: 'regex' }>): RegExp {
  return new RegExp(m.source, m.flags.replace(/[gy]/g, ''));
}

/**
 * Amounts are printed with no-break spaces (U+00A0, and U+202F where a font has it) so they never
 * wrap; a tape writes `4 750,00 ₽` with plain spaces, as a person reads it. Both sides are compared
 * with those as plain spaces.
 */
export const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

/** The index of the first line the matcher finds, or -1. */
export function findLine(m: TextMatcher, lines: readonly string[]): number {
  const plain = lines.map(plainSpaces);
  if (m.kind === 'text') {
    const text = plainSpaces(m.text);
    return plain.findIndex((line) => line.includes(text));
  }
  const re = toRegExp(m);
  return plain.findIndex((line) => re.test(line));
}

export function expectScreen(lines: string[], matcher: TextMatcher, negate: boolean): void {
  const at = findLine(matcher, lines);
  if (!negate && at < 0) throw new StepFailure('assertion', `expected ${describeMatcher(matcher)} on one line of the screen; no line has it`);
  if (negate && at >= 0) {
    throw new StepFailure('assertion', `expected no line to show ${describeMatcher(matcher)}, but line ${at + 1} does`, [`line ${at + 1}: ${lines[at]}`]);
  }
}

/**
 * Names tapes used before ExpectState read the machines' real state paths (src/app/view.ts
 * `statePath`), each with the real paths it stands for; they keep working so no tape breaks.
 */
export const STATE_PATH_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'cash.inserting': ['cash.empty', 'cash.escrow', 'cash.holding'],
  'cash.inserting.empty': ['cash.empty'],
  'cash.inserting.escrow': ['cash.escrow'],
  'cash.inserting.holding': ['cash.holding'],
  'cash.processing': ['kiosk.cash'],
};

const aliasOf = (path: string) => (Object.hasOwn(STATE_PATH_ALIASES, path) ? STATE_PATH_ALIASES[path] : undefined);
const isPrefixPath = (actual: string, expected: string) => actual === expected || actual.startsWith(`${expected}.`);

/** `kiosk` matches `kiosk.menu`: a prefix of whole dotted segments; an alias matches what it stands for. */
export function statePathMatches(actual: string, expected: string): boolean {
  return (aliasOf(expected) ?? [expected]).some((path) => isPrefixPath(actual, path));
}

export function expectState(actual: string, expected: string): void {
  if (statePathMatches(actual, expected)) return;
  const real = aliasOf(expected);
  const alias = real ? ` (an old name for ${real.join(' or ')})` : '';
  throw new StepFailure('assertion', `expected the state ${expected}${alias}, but it is ${actual}`);
}

/** The words tapes use for an order's payment status. */
const STATUS_WORDS: Record<OrderStatus, string> = { awaiting: 'unpaid', partially_paid: 'partial', paid: 'paid' };

/** What each `ExpectOrder` status means, at the tape's clock (see ORDER_CONDITIONS in ast.ts). */
export const ORDER_CONDITION_CHECKS: Record<OrderCondition, (order: Order, now: number, rules: KioskRules) => boolean> = {
  awaiting: (o) => o.status === 'awaiting',
  partially_paid: (o) => o.status === 'partially_paid',
  paid: (o) => o.status === 'paid',
  processing: (o, now) => isProcessing(o, now),
  credited: (o, now) => o.status === 'paid' && !isProcessing(o, now),
  expired: (o, now, rules) => isExpired(o, now, rules) && o.stage !== 'cancelled',
  cancelled: (o) => o.stage === 'cancelled',
  refunded: (o) => cmp(o.refunded, '0.00') > 0,
  shipped: (o) => o.stage === 'shipped',
  delivered: (o, now, rules) => orderAt(o, now, rules).stage === 'delivered',
  disputed: (o) => o.stage === 'disputed',
  // R-PROT-1: released by the buyer, or by the clock once the protection period is over
  released: (o, now, rules) => orderAt(o, now, rules).stage === 'released',
};

/** The order as a tape's failure shows it: payment, stage, what the clock says, the history. */
function orderSummary(order: Order, now: number, rules: KioskRules): string[] {
  const pending = settlesAt(order, now);
  return [
    `order ${order.code}: ${STATUS_WORDS[order.status]}, ${order.stage}` +
      (pending !== null ? `, processing until ${new Date(pending).toISOString()}` : '') +
      (isExpired(order, now, rules) ? ', expired' : '') +
      `, price ${order.price}, paid ${order.paid}, owed ${order.owed}, refunded ${order.refunded}`,
    ...orderTimeline(order, now, rules).map((e) => `  ${new Date(e.at).toISOString()}  ${describeEntry(e)}`),
  ];
}

export function expectOrder(store: SyncKioskStore, step: Extract<Step, { kind: 'expectOrder' }>, now: number, rules: KioskRules): void {
  const order = store.findOrder(step.code);
  if (!order) throw new StepFailure('assertion', `order ${step.code} is not in the store`);
  const problems: string[] = [];
  if (!ORDER_CONDITION_CHECKS[step.status](order, now, rules)) {
    const payment = step.status === 'awaiting' || step.status === 'partially_paid' || step.status === 'paid';
    const word = payment ? STATUS_WORDS[step.status as OrderStatus] : step.status;
    problems.push(`status ${word} expected, it is ${payment ? STATUS_WORDS[order.status] : `not (${STATUS_WORDS[order.status]}, ${order.stage})`}`);
  }
  if (step.paid !== undefined && cmp(order.paid, step.paid) !== 0) problems.push(`paid ${step.paid} expected, it is ${order.paid}`);
  if (step.owed !== undefined && cmp(order.owed, step.owed) !== 0) problems.push(`owed ${step.owed} expected, it is ${order.owed}`);
  if (step.refunded !== undefined && cmp(order.refunded, step.refunded) !== 0) problems.push(`refunded ${step.refunded} expected, it is ${order.refunded}`);
  if (problems.length > 0) throw new StepFailure('assertion', `order ${step.code}: ${problems.join('; ')}`, orderSummary(order, now, rules));
}

/** The newest SMS to `phone` matches; a failure shows the whole inbox, newest first. */
export function expectSms(store: SyncKioskStore, phone: string, matcher: TextMatcher, lang: Lang): void {
  const inbox = store.phoneAccount(phone).sms.map((m) => smsLine(m, lang));
  const newest = inbox.at(-1);
  if (newest === undefined) throw new StepFailure('assertion', `expected an SMS to ${phone} showing ${describeMatcher(matcher)}, but it has none`);
  if (findLine(matcher, [newest]) < 0) {
    throw new StepFailure('assertion', `expected the newest SMS to ${phone} to show ${describeMatcher(matcher)}`, ['inbox, newest first:', ...inbox.reverse().map((l) => `  ${l}`)]);
  }
}

export function expectBalance(store: SyncKioskStore, phone: string, amount: Money): void {
  const account = store.phoneAccount(phone);
  if (cmp(account.balance, amount) !== 0) {
    const history = account.ledger.map((e) => `${e.amount} (${e.reason})`);
    throw new StepFailure('assertion', `expected the balance of ${phone} to be ${amount}, it is ${account.balance}`, history.length > 0 ? [`credits: ${history.join(', ')}`] : []);
  }
}

/** Matches the last receipt printed (a terminal's, or any place's when given), as plain text in the kiosk's current language, line by line. */
export function expectReceipt(receipts: readonly Receipt[], lang: Lang, matcher: TextMatcher, newest?: { number: string; lines: string[] } | null): void {
  const terminal = receipts[receipts.length - 1];
  const last = newest !== undefined ? newest : terminal ? { number: terminal.number, lines: receiptText(terminal, lang).split('\n') } : null;
  if (!last) throw new StepFailure('assertion', `expected a receipt showing ${describeMatcher(matcher)}, but no receipt has been printed`);
  const { lines } = last;
  if (findLine(matcher, lines) < 0) {
    throw new StepFailure('assertion', `expected ${describeMatcher(matcher)} on one line of receipt ${last.number}`, ['receipt:', ...lines.map((l) => `  ${l}`)]);
  }
}
