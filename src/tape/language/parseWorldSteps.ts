/** Step commands of the world around the kiosk: `Go` a place, `Dial` on the phone, and what the phone shows. */
import type { Step } from './ast.js';
import { readMoney, readPhone, type CommandSpec } from './values.js';

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


export const WORLD_STEP_COMMANDS: Readonly<Record<string, CommandSpec<Step>>> = {
  ExpectBalance: expectBalanceCommand,
  ExpectSms: expectSmsCommand,
  Go: goCommand,
  Dial: dialCommand,
};
