/** Step commands of the terminal's service side: `Service "0000"` enters service mode, `Fault cassette-full|paper-out|jam` injects a fault. */
import type { Step } from './ast.js';
import type { CommandSpec } from './values.js';

const FAULTS = ['cassette-full', 'paper-out', 'jam'] as const;

const serviceCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const expected = 'a PIN of 4 to 8 digits in double quotes, like "0000"';
    const token = cur.value(expected);
    if (!/^\d{4,8}$/.test(token.value)) cur.failAt(token, expected);
    cur.end();
    return { kind: 'service', pin: token.value };
  },
};

const faultCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const expected = `a fault (${FAULTS.join(', ')})`;
    const token = cur.word(expected);
    const fault = FAULTS.find((f) => f === token.raw) ?? cur.failAt(token, expected);
    cur.end();
    return { kind: 'fault', fault };
  },
};

export const SERVICE_STEP_COMMANDS: Readonly<Record<string, CommandSpec<Step>>> = {
  Service: serviceCommand,
  Fault: faultCommand,
};
