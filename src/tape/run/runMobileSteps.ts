/** Runs mobile payment's steps (language/parseMobileSteps.ts): the phone's reply, as a person types it. */
import { add } from '../../domain/money.js';
import type { Step } from '../language/ast.js';
import { KEY_BYTES } from '../language/keys.js';
import { StepFailure } from './failure.js';
import type { StepContext } from './stepContext.js';

/**
 * `Reply "1"`: F2 gives the phone the keys, `r` opens the reply to the newest SMS that expects one,
 * the text is typed and Enter sends it. The phone keeps the keys, as after `Dial`.
 */
export async function reply(ctx: StepContext, step: Extract<Step, { kind: 'reply' }>): Promise<void> {
  const waiting = () => ctx.store.mobilePayments().filter((p) => p.state === 'awaiting').map((p) => p.id);
  const before = waiting();
  if (before.length === 0) throw new StepFailure('assertion', 'Reply: no SMS waits for a reply (no mobile payment is waiting for its confirmation)');
  await ctx.harness.keys(KEY_BYTES.F2);
  await ctx.harness.keys('r');
  for (const ch of step.text) await ctx.harness.keys(ch);
  await ctx.harness.keys(KEY_BYTES.Enter);
  const after = new Set(waiting());
  if (before.every((id) => after.has(id))) {
    throw new StepFailure('assertion', `Reply "${step.text}": the phone answered nothing (does the phone on F2 hold the SMS that waits for a reply?)`);
  }
}

/** `TopUp PHONE AMOUNT`: the balance grows by the amount (the account keeps its operator). */
export function topUp(ctx: StepContext, step: Extract<Step, { kind: 'topUp' }>): void {
  const account = ctx.store.phoneAccount(step.phone);
  if (!account.operator) throw new StepFailure('assertion', `TopUp: the store knows no operator of ${step.phone}; declare it with Phone … operator …`);
  ctx.store.setPhoneAccount(step.phone, account.operator, add(account.balance, step.amount));
}
