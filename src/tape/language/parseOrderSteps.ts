/** Step commands of the order's life: what the seller, the carrier and the platform do, and `ExpectOrder`. */
import type { Money } from '../../domain/money.js';
import type { DisputeOutcome } from '../../domain/orders/orderLife.js';
import { ORDER_CONDITIONS, type OrderCondition, type Step } from './ast.js';
import { readMoney, readOptions, readOrderCode, type CommandSpec } from './values.js';

/** Tape words for an order's status; the domain's own payment-status names are accepted too. */
const ORDER_STATUS_WORDS: Readonly<Record<string, OrderCondition>> = {
  ...Object.fromEntries(ORDER_CONDITIONS.map((c) => [c, c])),
  partial: 'partially_paid',
  unpaid: 'awaiting',
  partially_paid: 'partially_paid',
  awaiting: 'awaiting',
};

const expectOrderCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const code = readOrderCode(cur).value;
    const expected = `an order status (${ORDER_CONDITIONS.join(', ')})`;
    const token = cur.word(expected);
    const status = Object.hasOwn(ORDER_STATUS_WORDS, token.raw) ? (ORDER_STATUS_WORDS[token.raw] as OrderCondition) : cur.failAt(token, expected);
    const amounts: { paid?: Money; owed?: Money; refunded?: Money } = {};
    readOptions(cur, ['paid', 'owed', 'refunded'], (name) => {
      amounts[name as 'paid' | 'owed' | 'refunded'] = readMoney(cur, 'nonNegative');
    });
    return { kind: 'expectOrder', code, status, ...amounts };
  },
};

/** `Ship CODE`, `Deliver CODE`, `Confirm CODE`: an action with nothing but the order. */
function bareOrderAction(kind: 'ship' | 'deliver' | 'confirm'): CommandSpec<Step> {
  return {
    suffix: 'none',
    parse({ cur }) {
      const code = readOrderCode(cur).value;
      cur.end();
      return { kind: 'orderAction', code, action: { kind } };
    },
  };
}

/** `Cancel CODE [refund 500.00] [reason "out of stock"]` (R-CODE-7). */
const cancelCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const code = readOrderCode(cur).value;
    const action: { kind: 'cancel'; refund?: Money; reason?: string } = { kind: 'cancel' };
    readOptions(cur, ['refund', 'reason'], (name) => {
      if (name === 'refund') action.refund = readMoney(cur, 'positive');
      else action.reason = cur.string('a reason in double quotes').value;
    });
    return { kind: 'orderAction', code, action };
  },
};

/** `Dispute CODE [outcome full|partial 300.00|reshipment] [reason "never arrived"]` (R-PROT-2). */
const disputeCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const code = readOrderCode(cur).value;
    const action: { kind: 'dispute'; outcome?: DisputeOutcome; reason?: string } = { kind: 'dispute' };
    readOptions(cur, ['outcome', 'reason'], (name) => {
      if (name === 'reason') return void (action.reason = cur.string('a reason in double quotes').value);
      const expected = 'full, partial AMOUNT or reshipment';
      const token = cur.word(expected);
      if (token.raw === 'full' || token.raw === 'reshipment') action.outcome = { kind: token.raw };
      else if (token.raw === 'partial') action.outcome = { kind: 'partial', amount: readMoney(cur, 'positive') };
      else cur.failAt(token, expected);
    });
    return { kind: 'orderAction', code, action };
  },
};

/** `Renew CODE as NEWCODE`: the expired order placed again under a new code (R-CODE-2). */
const renewCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const code = readOrderCode(cur).value;
    const as = cur.word('as');
    if (as.raw !== 'as') cur.failAt(as, 'as');
    const newCode = readOrderCode(cur).value;
    cur.end();
    return { kind: 'orderAction', code, action: { kind: 'renew', newCode } };
  },
};


export const ORDER_STEP_COMMANDS: Readonly<Record<string, CommandSpec<Step>>> = {
  ExpectOrder: expectOrderCommand,
  Cancel: cancelCommand,
  Ship: bareOrderAction('ship'),
  Deliver: bareOrderAction('deliver'),
  Confirm: bareOrderAction('confirm'),
  Dispute: disputeCommand,
  Renew: renewCommand,
};
