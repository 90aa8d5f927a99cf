/**
 * Step commands of the desks (the cashier, the Post): `Set Role customer|cashier` as a step (before
 * `Go cashier`; before Launch it is the setup command) and `ExpectChange 250.00`. `Go cashier|post`
 * is the world's `Go`; `Insert 5000` hands a note to whoever takes cash; `ExpectReceipt` reads the
 * newest receipt from any place.
 */
import type { Step } from './ast.js';
import { ROLE_NAMES } from './parseSetup.js';
import { readMoney, type CommandSpec } from './values.js';

const setRoleStep: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const key = cur.word('Role (after Launch only Set Role is a step; other settings go before Launch)');
    if (key.raw !== 'Role') cur.failAt(key, 'Role (after Launch only Set Role is a step; other settings go before Launch)');
    const expected = `a role (${ROLE_NAMES.join(', ')})`;
    const token = cur.word(expected);
    const role = ROLE_NAMES.find((r) => r === token.raw) ?? cur.failAt(token, expected);
    cur.end();
    return { kind: 'setRole', role };
  },
};

const expectChangeCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const amount = readMoney(cur, 'nonNegative');
    cur.end();
    return { kind: 'expectChange', amount };
  },
};

export const DESK_STEP_COMMANDS: Readonly<Record<string, CommandSpec<Step>>> = {
  Set: setRoleStep,
  ExpectChange: expectChangeCommand,
};
