/** Step commands of mobile payment (issue 13): `Reply "1"` answers the newest SMS that expects a reply. */
import type { Step } from './ast.js';
import { readMoney, readPhone, type CommandSpec } from './values.js';

const replyCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const expected = 'a reply in double quotes, like "1" (any text confirms, "0" cancels)';
    const token = cur.value(expected);
    if (token.value.trim() === '' || token.value.length > 160) cur.failAt(token, expected);
    cur.end();
    return { kind: 'reply', text: token.value };
  },
};

/**
 * `TopUp +79051234567 100.00`: money onto a phone's balance, at the tape's clock: a stand-in for the
 * terminal's Mobile category (another issue), so a tape can retry after a refusal for the balance.
 */
const topUpCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const phone = readPhone(cur).value;
    const amount = readMoney(cur, 'positive');
    cur.end();
    return { kind: 'topUp', phone, amount };
  },
};

export const MOBILE_STEP_COMMANDS: Readonly<Record<string, CommandSpec<Step>>> = {
  Reply: replyCommand,
  TopUp: topUpCommand,
};
