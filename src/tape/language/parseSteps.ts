/** Step commands: `Launch` and everything after it, VHS keys included. */
import type { Money } from '../../domain/money.js';
import type { DisputeOutcome } from '../../domain/orderLife.js';
import { BANKNOTES, isBanknote } from '../../domain/rules.js';
import { DEFAULT_WAIT_MS, KEY_NAMES, ORDER_CONDITIONS, type KeyName, type OrderCondition, type Step } from './ast.js';
import { parseDuration } from '../../domain/time.js';
import { durationOf, readDuration, readMoney, readOptions, readOrderCode, readPhone, readRepeat, type Body, type CommandContext, type CommandSpec } from './values.js';

/** Tape words for an order's status; the domain's own payment-status names are accepted too. */
const ORDER_STATUS_WORDS: Readonly<Record<string, OrderCondition>> = {
  ...Object.fromEntries(ORDER_CONDITIONS.map((c) => [c, c])),
  partial: 'partially_paid',
  unpaid: 'awaiting',
  partially_paid: 'partially_paid',
  awaiting: 'awaiting',
};

/** `@200ms` after a key or `Type`: VHS's typing speed. */
function speedOf(ctx: CommandContext): { delayMs?: number } {
  return ctx.suffix ? { delayMs: durationOf(ctx.cur, ctx.suffix, ctx.suffix.raw.slice(1), false) } : {};
}

function keyCommand(key: KeyName): CommandSpec<Step> {
  return {
    suffix: 'speed',
    parse(ctx) {
      const speed = speedOf(ctx);
      const repeat = readRepeat(ctx.cur);
      ctx.cur.end();
      return { kind: 'key', key, repeat, ...speed };
    },
  };
}

/** A command with nothing after its name. */
function bare(kind: 'launch' | 'crash' | 'restart'): CommandSpec<Step> {
  return {
    suffix: 'none',
    parse(ctx) {
      ctx.cur.end();
      return { kind };
    },
  };
}

function expectCommand(negate: boolean): CommandSpec<Step> {
  return {
    suffix: 'none',
    parse({ cur }) {
      const { matcher } = cur.matcher('"text" or /regex/');
      cur.end();
      return { kind: 'expect', matcher, negate };
    },
  };
}

const typeCommand: CommandSpec<Step> = {
  suffix: 'speed',
  parse(ctx) {
    const { cur } = ctx;
    const speed = speedOf(ctx);
    const expected = 'text in quotes ("…", \'…\' or `…`)';
    const token = cur.string(expected, '"\'`');
    if (token.value === '') cur.failAt(token, 'non-empty text');
    cur.end();
    return { kind: 'type', text: token.value, ...speed };
  },
};

const pressCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const token = cur.string('a button label in double quotes');
    if (token.value.trim() === '') cur.failAt(token, 'a non-empty button label');
    cur.end();
    return { kind: 'press', label: token.value };
  },
};

const insertCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const expected = `a banknote (${BANKNOTES.join(', ')})`;
    const token = cur.word(expected);
    const note = Number(token.raw);
    if (!/^\d+$/.test(token.raw) || !isBanknote(note)) return cur.failAt(token, expected);
    const worn = cur.optionalWord(['worn']) !== null;
    cur.end(worn ? 'end of line' : 'worn or end of line');
    return { kind: 'insert', note, worn };
  },
};

const advanceCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const ms = readDuration(cur, true);
    cur.end();
    return { kind: 'advance', ms };
  },
};

/** VHS's `Sleep 500ms` (or `Sleep 2`, in seconds): on a simulated clock it is an `Advance`. */
const sleepCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const expected = 'a duration above zero like 500ms or 2s';
    const token = cur.word(expected);
    const seconds = /^\d+(\.\d+)?$/.test(token.raw);
    const ms = parseDuration(seconds ? `${token.raw}s` : token.raw);
    if (!ms) return cur.failAt(token, expected);
    cur.end();
    return { kind: 'advance', ms };
  },
};

const expectStateCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const expected = 'a state path like cash.inserting';
    const token = cur.word(expected);
    if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(token.raw)) cur.failAt(token, expected);
    cur.end();
    return { kind: 'expectState', path: token.raw };
  },
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

/** `ExpectSms +79161234567 /regex/`: the newest SMS to that phone. */
const expectSmsCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const phone = readPhone(cur).value;
    const { matcher } = cur.matcher('"text" or /regex/');
    cur.end();
    return { kind: 'expectSms', phone, matcher };
  },
};

const expectBalanceCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const phone = readPhone(cur).value;
    const amount = readMoney(cur, 'any');
    cur.end();
    return { kind: 'expectBalance', phone, amount };
  },
};

const expectReceiptCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const { matcher } = cur.matcher('"text" or /regex/');
    cur.end();
    return { kind: 'expectReceipt', matcher };
  },
};

/** `Wait /re/ 10s`, or VHS's `Wait@10s /re/`; 5 s of simulated time by default. */
const waitCommand: CommandSpec<Step> = {
  suffix: 'timeout',
  parse(ctx) {
    const { cur, suffix } = ctx;
    const { matcher } = cur.matcher('"text" or /regex/');
    let timeoutMs = suffix ? durationOf(cur, suffix, suffix.raw.slice(1), true) : DEFAULT_WAIT_MS;
    if (!suffix && !cur.atEnd()) timeoutMs = readDuration(cur, true);
    cur.end(suffix ? `end of line (the timeout is already ${suffix.raw})` : 'end of line');
    return { kind: 'wait', matcher, timeoutMs };
  },
};

/** Names become golden file names beside the tape, so no slashes and no duplicates. */
const snapshotCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse(ctx) {
    const { cur } = ctx;
    const expected = 'a snapshot name (letters, digits, "-", "_", ".")';
    const token = cur.word(expected);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(token.raw)) cur.failAt(token, expected);
    ctx.once('Snapshot', token.raw, token, 'a snapshot name not used before');
    cur.end();
    return { kind: 'snapshot', name: token.raw };
  },
};

const goCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const token = cur.word('a place (site, phone, terminal)');
    cur.end();
    return { kind: 'go', place: token.raw };
  },
};

const dialCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const expected = 'a code in double quotes, like "*100#"';
    const token = cur.value(expected);
    if (!/^[0-9*#]{1,16}$/.test(token.value)) cur.failAt(token, expected);
    cur.end();
    return { kind: 'dial', code: token.value };
  },
};

export const STEP_COMMANDS: Readonly<Record<string, CommandSpec<Step>>> = {
  ...Object.fromEntries(KEY_NAMES.map((key) => [key, keyCommand(key)])),
  Type: typeCommand,
  Launch: bare('launch'),
  Press: pressCommand,
  Insert: insertCommand,
  Advance: advanceCommand,
  Sleep: sleepCommand,
  Expect: expectCommand(false),
  ExpectNot: expectCommand(true),
  ExpectState: expectStateCommand,
  ExpectOrder: expectOrderCommand,
  ExpectBalance: expectBalanceCommand,
  ExpectReceipt: expectReceiptCommand,
  ExpectSms: expectSmsCommand,
  Cancel: cancelCommand,
  Ship: bareOrderAction('ship'),
  Deliver: bareOrderAction('deliver'),
  Confirm: bareOrderAction('confirm'),
  Dispute: disputeCommand,
  Renew: renewCommand,
  Wait: waitCommand,
  Snapshot: snapshotCommand,
  Crash: bare('crash'),
  Restart: bare('restart'),
  Go: goCommand,
  Dial: dialCommand,
};

/** Steps that need the app on screen; the rest also make sense between `Crash` and `Restart`. */
export const NEEDS_RUNNING_APP: ReadonlySet<Step['kind']> = new Set([
  'key', 'type', 'press', 'insert', 'expect', 'expectState', 'wait', 'snapshot', 'crash', 'go', 'dial',
]);

export type StepBody = Body<Step>;
