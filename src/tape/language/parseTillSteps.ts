/**
 * Step commands of the till (the cashier's role, issue 12): `Customer 1000000123 brings 5000 [says "…"]`
 * queues a scripted customer (served before the demo queue; `Customer site-order 8123456789012345 …`:
 * one with only the site's order id, no code, R-CASH-1), `Give 200` puts a note or coin from the
 * drawer into the change tray (`Give 200 50`: one after the other, as a varied exercise's `$change` lists them), `ExpectDrawer 5000 x3` reads the drawer as the store saved it.
 * `ExpectChange` (parseDeskSteps.ts) reads the change of the newest desk receipt, the till's too.
 */
import { RUSSIAN_DENOMINATIONS } from '../../domain/cash/change.js';
import type { Money } from '../../domain/money.js';
import type { Step } from './ast.js';
import type { LineCursor } from './lineCursor.js';
import { readMoney, readOrderCode, type CommandSpec } from './values.js';

const FACE_EXPECTED = 'a note or coin, like 5000, 200, 10 or 0.50';

function readFace(cur: LineCursor): Money {
  const next = cur.peek();
  const face = readMoney(cur, 'positive');
  if (!RUSSIAN_DENOMINATIONS.some((d) => d.value === face)) cur.failAt(next ?? cur.word(FACE_EXPECTED), FACE_EXPECTED);
  return face;
}

const SITE_ORDER_EXPECTED = "the site's order id, digits";

function readSiteOrderId(cur: LineCursor): string {
  const token = cur.word(SITE_ORDER_EXPECTED);
  if (!/^\d{1,30}$/.test(token.raw)) cur.failAt(token, SITE_ORDER_EXPECTED);
  return token.raw;
}

const customerCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    // R-CASH-1: a customer who has only the site's order id (any run of digits), not the SMS code
    const siteOrder = cur.optionalWord(['site-order']) ? readSiteOrderId(cur) : null;
    const code = siteOrder === null ? readOrderCode(cur).value : null;
    const brings = cur.word('brings');
    if (brings.raw !== 'brings') cur.failAt(brings, 'brings');
    const notes: Money[] = [readFace(cur)];
    while (!cur.atEnd() && cur.peek()?.raw !== 'says') notes.push(readFace(cur));
    let says: string | undefined;
    if (cur.optionalWord(['says'])) says = cur.string('what the customer says, in double quotes').value;
    cur.end();
    return { kind: 'tillCustomer', code, brings: notes, ...(siteOrder !== null ? { siteOrderId: siteOrder } : {}), ...(says !== undefined ? { says } : {}) };
  },
};

const giveCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const faces: Money[] = [readFace(cur)];
    while (!cur.atEnd()) faces.push(readFace(cur));
    return { kind: 'give', faces };
  },
};

const expectDrawerCommand: CommandSpec<Step> = {
  suffix: 'none',
  parse({ cur }) {
    const face = readFace(cur);
    const expected = 'a count like x3';
    const token = cur.word(expected);
    const match = /^x(\d{1,6})$/.exec(token.raw);
    if (!match) cur.failAt(token, expected);
    cur.end();
    return { kind: 'expectDrawer', face, count: Number(match![1]) };
  },
};

export const TILL_STEP_COMMANDS: Readonly<Record<string, CommandSpec<Step>>> = {
  Customer: customerCommand,
  Give: giveCommand,
  ExpectDrawer: expectDrawerCommand,
};
