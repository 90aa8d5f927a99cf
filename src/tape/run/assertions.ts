/** The tape's assertions on the screen, the machine state, the store and the receipts. */
import { cmp, type Lang, type Money } from '../../domain/money.js';
import type { OrderStatus } from '../../domain/orders.js';
import { receiptText } from '../../domain/receiptText.js';
import type { KioskStore, Receipt } from '../../domain/store.js';
import type { Step, TextMatcher } from '../language/ast.js';
import { StepFailure } from './failure.js';
import { describeMatcher, findLine } from './matcher.js';

export function expectScreen(lines: string[], matcher: TextMatcher, negate: boolean): void {
  const at = findLine(matcher, lines);
  if (!negate && at < 0) throw new StepFailure('assertion', `expected ${describeMatcher(matcher)} on one line of the screen; no line has it`);
  if (negate && at >= 0) {
    throw new StepFailure('assertion', `expected no line to show ${describeMatcher(matcher)}, but line ${at + 1} does`, [`line ${at + 1}: ${lines[at]}`]);
  }
}

/** `cash.inserting` matches `cash.inserting.holding`: a prefix of whole dotted segments. */
export function statePathMatches(actual: string, expected: string): boolean {
  return actual === expected || actual.startsWith(`${expected}.`);
}

export function expectState(actual: string, expected: string): void {
  if (!statePathMatches(actual, expected)) throw new StepFailure('assertion', `expected the state ${expected}, but it is ${actual}`);
}

/** The words tapes use for an order's status, next to the domain's own. */
const STATUS_WORDS: Record<OrderStatus, string> = { awaiting: 'unpaid', partially_paid: 'partial', paid: 'paid' };

export function expectOrder(store: KioskStore, step: Extract<Step, { kind: 'expectOrder' }>): void {
  const order = store.findOrder(step.code);
  if (!order) throw new StepFailure('assertion', `order ${step.code} is not in the store`);
  const problems: string[] = [];
  if (order.status !== step.status) problems.push(`status ${STATUS_WORDS[step.status]} expected, it is ${STATUS_WORDS[order.status]}`);
  if (step.paid !== undefined && cmp(order.paid, step.paid) !== 0) problems.push(`paid ${step.paid} expected, it is ${order.paid}`);
  if (step.owed !== undefined && cmp(order.owed, step.owed) !== 0) problems.push(`owed ${step.owed} expected, it is ${order.owed}`);
  if (problems.length > 0) {
    throw new StepFailure('assertion', `order ${step.code}: ${problems.join('; ')}`, [
      `order ${step.code}: ${STATUS_WORDS[order.status]}, price ${order.price}, paid ${order.paid}, owed ${order.owed}`,
    ]);
  }
}

export function expectBalance(store: KioskStore, phone: string, amount: Money): void {
  const account = store.phoneAccount(phone);
  if (cmp(account.balance, amount) !== 0) {
    const history = account.ledger.map((e) => `${e.amount} (${e.reason})`);
    throw new StepFailure('assertion', `expected the balance of ${phone} to be ${amount}, it is ${account.balance}`, history.length > 0 ? [`credits: ${history.join(', ')}`] : []);
  }
}

/** Matches the last receipt printed, as plain text in the kiosk's current language, line by line. */
export function expectReceipt(receipts: readonly Receipt[], lang: Lang, matcher: TextMatcher): void {
  const last = receipts[receipts.length - 1];
  if (!last) throw new StepFailure('assertion', `expected a receipt showing ${describeMatcher(matcher)}, but no receipt has been printed`);
  const lines = receiptText(last, lang).split('\n');
  if (findLine(matcher, lines) < 0) {
    throw new StepFailure('assertion', `expected ${describeMatcher(matcher)} on one line of receipt ${last.number}`, ['receipt:', ...lines.map((l) => `  ${l}`)]);
  }
}
