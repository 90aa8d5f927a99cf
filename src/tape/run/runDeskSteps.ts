/**
 * What the desks' tape steps do (the runner of language/parseDeskSteps.ts), and the receipts of
 * every place as one list, newest last: `ExpectReceipt` reads the newest of them.
 */
import { cmp } from '../../domain/money.js';
import { deskReceiptText } from '../../domain/fiscal/fiscalReceipt.js';
import { receiptText } from '../../domain/fiscal/receiptText.js';
import type { Lang } from '../../domain/money.js';
import type { Step } from '../language/ast.js';
import { StepFailure } from './failure.js';
import type { StepContext } from './stepContext.js';

export async function runDeskStep(ctx: StepContext, step: Extract<Step, { kind: 'setRole' | 'expectChange' }>): Promise<void> {
  if (step.kind === 'setRole') {
    if (!ctx.harness.setRole) throw new StepFailure('tape', 'Set Role as a step runs only in-process (set it before Launch for --pty)');
    return ctx.harness.setRole(step.role);
  }
  const newest = ctx.store.deskReceipts().at(-1);
  if (!newest) throw new StepFailure('assertion', `expected change of ${step.amount}, but no desk has handed a receipt`);
  if (cmp(newest.change, step.amount) !== 0) {
    throw new StepFailure('assertion', `expected change of ${step.amount}, the desk gave ${newest.change} with receipt ${newest.number}`, [
      `received ${newest.received}, total ${newest.total}`,
    ]);
  }
}

/** The newest receipt printed anywhere (a terminal's or a desk's) as its lines, with its number; null if none. */
export function newestReceipt(ctx: StepContext, lang: Lang): { number: string; lines: string[] } | null {
  const terminal = ctx.receipts.at(-1);
  const desk = ctx.store.deskReceipts().at(-1);
  // the later one; a desk's wins a tie only if the terminal's is not newer
  if (desk && (!terminal || desk.at >= terminal.at)) return { number: desk.number, lines: deskReceiptText(desk, lang).split('\n') };
  if (terminal) return { number: terminal.number, lines: receiptText(terminal, lang).split('\n') };
  return null;
}
