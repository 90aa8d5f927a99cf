/** Step commands: `Launch` and everything after it, VHS keys included. */
import { DESK_STEP_COMMANDS } from './parseDeskSteps.js';
import { BANKNOTES, isBanknote, type Banknote } from '../../domain/rules.js';
import { DEFAULT_WAIT_MS, KEY_NAMES, type KeyName, type Step } from './ast.js';
import { parseDuration } from '../../domain/time.js';
import { ORDER_STEP_COMMANDS } from './parseOrderSteps.js';
import { WORLD_STEP_COMMANDS } from './parseWorldSteps.js';
import { VARIABLE_STEP_COMMANDS } from './parseVariableSteps.js';
import { MOBILE_STEP_COMMANDS } from './parseMobileSteps.js';
import { SERVICE_STEP_COMMANDS } from './parseServiceSteps.js';
import { TILL_STEP_COMMANDS } from './parseTillSteps.js';
import { TRAIN_STEP_COMMANDS } from './parseTrainSteps.js';
import { TOUCH_STEP_COMMANDS } from './parseTouchSteps.js';
import { durationOf, readDuration, readRepeat, type Body, type CommandContext, type CommandSpec } from './values.js';

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
    const readNote = (): Banknote => {
      const token = cur.word(expected);
      const note = Number(token.raw);
      return !/^\d+$/.test(token.raw) || !isBanknote(note) ? cur.failAt(token, expected) : note;
    };
    // `Insert 2000 500`: several notes one after the other (a varied exercise's `$notes`)
    const notes = [readNote()];
    while (/^\d+$/.test(cur.peek()?.raw ?? '')) notes.push(readNote());
    const worn = cur.optionalWord(['worn']) !== null;
    cur.end(worn ? 'end of line' : 'worn or end of line');
    return { kind: 'insert', notes, worn };
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
  ExpectReceipt: expectReceiptCommand,
  Wait: waitCommand,
  Snapshot: snapshotCommand,
  Crash: bare('crash'),
  Restart: bare('restart'),
  ...ORDER_STEP_COMMANDS,
  ...WORLD_STEP_COMMANDS,
  ...VARIABLE_STEP_COMMANDS,
  ...DESK_STEP_COMMANDS,
  ...MOBILE_STEP_COMMANDS,
  ...SERVICE_STEP_COMMANDS,
  ...TILL_STEP_COMMANDS,
  ...TRAIN_STEP_COMMANDS,
  ...TOUCH_STEP_COMMANDS,
};

/** Steps that need the app on screen; the rest also make sense between `Crash` and `Restart`. */
export const NEEDS_RUNNING_APP: ReadonlySet<Step['kind']> = new Set([
  'key', 'type', 'press', 'tap', 'expectStyle', 'resize', 'insert', 'expect', 'expectState', 'wait', 'snapshot', 'crash', 'go', 'dial', 'reply', 'service', 'fault',
]);

export type StepBody = Body<Step>;
