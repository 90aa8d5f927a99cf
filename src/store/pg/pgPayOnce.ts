/**
 * A terminal's payment in two round trips and no BEGIN/COMMIT (issue 20, bench row 18): one statement
 * reads the session, its notes, its order and the terminal's receipt counter; the domain plans the
 * payment from them (pgPaymentPlan.ts, shared with pgPayments.ts); one statement then writes the
 * planned rows, each data-modifying CTE conditional on `locked`: the session still open, the order
 * still the version that was read (its `xmin`) and the counter still at the number that was read,
 * all three locked. Should any have changed (another terminal paid the code meanwhile), the statement
 * writes nothing and the payment is planned again from a fresh read: a late payer's cash then goes to
 * its phone. Exactly once holds because a statement is atomic and the locks are taken by it.
 */
import { createHash } from 'node:crypto';
import type { Order } from '../../domain/orders/orders.js';
import { OPERATOR_NAMES } from '../../domain/rules.js';
import { isTopUp } from '../../domain/mobile/topup.js';
import type { Settlement } from '../../domain/cash/settlement.js';
import type { CashSession, Checkpoint, PaymentOutcome, Sms } from '../../domain/store.js';
import * as rows from '../rows.js';
import { orderJson, withLife, type OrderJson, type Sql } from './pgRows.js';
import { earlierPayment } from './pgPayments.js';
import { planTerminalPayment, type TerminalPaymentPlan as Plan } from './pgPaymentPlan.js';

/** a payment that lost its claim this many times in a row is reported, never looped on forever */
const MAX_ATTEMPTS = 50;

const READ = `SELECT s.*,
    ARRAY(SELECT note FROM cash_journal WHERE session_id = s.id AND kind = 'accepted' ORDER BY id) AS accepted,
    (SELECT seq FROM receipt_counters WHERE terminal_id = s.terminal_id) AS counter_seq,
    ${orderJson('s.code')} AS order_json
  FROM cash_sessions s WHERE s.id = $1`;

interface Read {
  state: string;
  session: CashSession;
  /** null: the terminal has drawn no receipt number yet */
  counterSeq: number | null;
  order: Order | null;
  orderVersion: string | null;
}

async function read(sql: Sql, sessionId: string): Promise<Read | undefined> {
  const found = await sql.query<rows.SessionRow & { state: string; accepted: number[]; counter_seq: number | null; order_json: OrderJson | null }>({
    name: 'pay-once-read', text: READ, values: [sessionId],
  });
  const row = found.rows[0];
  if (!row) return undefined;
  const { accepted, counter_seq: counterSeq, order_json: order, ...session } = row;
  return { state: session.state, session: rows.toSession(session, accepted), counterSeq, order: order && withLife(order), orderVersion: order?.version ?? null };
}

/** the domain's payment from what was read (pgPaymentPlan.ts) */
function plan(found: Read, trigger: Settlement['trigger'], at: number, recovered: boolean, processingDelayMs: number): Plan {
  const { session } = found;
  const before = isTopUp(session) ? null : found.order;
  if (!isTopUp(session) && !before) throw new Error(`no order ${session.code}`);
  return planTerminalPayment(session, before, (found.counterSeq ?? 0) + 1, trigger, at, recovered, processingDelayMs);
}

/** The planned rows as one statement; its text depends only on the plan's shape, so it is prepared once a shape. */
function writeStatement(found: Read, planned: Plan): { name: string; text: string; values: unknown[] } {
  const values: unknown[] = [];
  const $ = (value: unknown, type = ''): string => `$${values.push(value)}${type}`;
  const { session } = found;
  const { receipt, before, after } = planned;
  const changesOrder = before !== null && after !== null && after !== before;
  const sessionId = $(session.id);
  const from = ['cash_sessions s'];
  const where = [`s.id = ${sessionId}`, `s.state = 'open'`];
  const locks = ['FOR UPDATE OF s'];
  if (before) {
    from.push('orders o');
    where.push(`o.code = ${$(before.code)}`, `o.xmin = ${$(found.orderVersion, '::xid')}`);
    // a late payer leaves the order as it is: its lock is shared, so late payers commit side by side
    locks.push(changesOrder ? 'FOR UPDATE OF o' : 'FOR SHARE OF o');
  }
  if (found.counterSeq !== null) {
    from.push('receipt_counters r');
    where.push(`r.terminal_id = s.terminal_id`, `r.seq = ${$(found.counterSeq)}`);
    locks.push('FOR UPDATE OF r');
  }
  const ctes = [
    `locked AS (SELECT 1 FROM ${from.join(', ')} WHERE ${where.join(' AND ')} ${locks.join(' ')})`,
    `paid AS (UPDATE cash_sessions SET state = 'paid' WHERE id = ${sessionId} AND EXISTS (SELECT 1 FROM locked))`,
    found.counterSeq === null
      // the terminal's first receipt: a second first receipt at once breaks a key, and the whole statement with it
      ? `counter AS (INSERT INTO receipt_counters (terminal_id, seq) SELECT ${$(session.terminalId)}, ${$(planned.seq)} FROM locked)`
      : `counter AS (UPDATE receipt_counters SET seq = ${$(planned.seq)} WHERE terminal_id = ${$(session.terminalId)} AND EXISTS (SELECT 1 FROM locked))`,
    `receipt AS (INSERT INTO receipts (number, terminal_id, seq, at, code, due, accepted, to_order, to_phone, phone, operator, order_status, owed, recovered, session_id)
       SELECT ${[receipt.number, receipt.terminalId, planned.seq, receipt.at, receipt.code, receipt.due, receipt.accepted, receipt.toOrder, receipt.toPhone,
      receipt.phone, receipt.operator, receipt.orderStatus, receipt.owed, receipt.recovered ? 1 : 0, session.id].map((v) => $(v)).join(', ')} FROM locked)`,
  ];
  if (changesOrder) {
    rows.assertMoney(after.price, after.paid, after.owed, after.refunded);
    const code = $(after.code);
    ctes.push(
      // the columns saveOrder writes (pgRows.ts)
      `saved AS (UPDATE orders SET price = ${$(after.price)}, status = ${$(after.status)}, paid = ${$(after.paid)}, owed = ${$(after.owed)},
         stage = ${$(after.stage)}, refunded = ${$(after.refunded)}, renewed_from = ${$(after.renewedFrom)}, renewed_as = ${$(after.renewedAs)},
         site_order_id = ${$(after.siteOrderId)} WHERE code = ${code} AND EXISTS (SELECT 1 FROM locked))`,
      `events AS (INSERT INTO order_events (code, at, kind, why, amount, ref) SELECT ${code}, e.at, e.kind, e.why, e.amount, e.ref
         FROM locked, json_to_recordset(${$(JSON.stringify(after.history.slice(before.history.length)), '::json')}) AS e(at bigint, kind text, why text, amount text, ref text))`,
      `credits AS (INSERT INTO order_credits (code, receipt, amount, accepted_at, settles_at) SELECT ${code}, c.receipt, c.amount, c."acceptedAt", c."settlesAt"
         FROM locked, json_to_recordset(${$(JSON.stringify(after.credits.slice(before.credits.length)), '::json')})
           AS c(receipt text, amount text, "acceptedAt" bigint, "settlesAt" bigint))`,
    );
  }
  const names = planned.credits.length > 0 ? $(JSON.stringify(OPERATOR_NAMES), '::json') : '';
  const senders = planned.credits.map((credit, i) => {
    const [phone, amount, at] = [$(credit.phone), $(credit.amount), $(receipt.at)];
    // the SMS comes from the account's operator: the session's unless the account had one already
    ctes.push(
      `account${i} AS (INSERT INTO phone_accounts (phone, operator, balance) SELECT ${phone}, ${$(credit.operator)}, ${amount} FROM locked
         ON CONFLICT (phone) DO UPDATE SET balance = ((phone_accounts.balance)::numeric + (EXCLUDED.balance)::numeric)::numeric(16, 2)::text,
           operator = COALESCE(phone_accounts.operator, EXCLUDED.operator)
         RETURNING operator)`,
      `line${i} AS (INSERT INTO ledger (phone, at, amount, reason) SELECT ${phone}, ${at}, ${amount}, ${$(credit.reason)} FROM locked)`,
      `sms${i} AS (INSERT INTO sms (phone, at, sender, kind, amount, receipt) SELECT ${phone}, ${at}, ${names} ->> account${i}.operator, 'topup', ${amount}, ${$(receipt.number)}
         FROM account${i} RETURNING sender)`,
    );
    return `(SELECT sender FROM sms${i}) AS sender${i}`;
  });
  const text = `WITH ${ctes.join(',\n')}\nSELECT EXISTS (SELECT 1 FROM locked) AS claimed${senders.map((s) => `, ${s}`).join('')}`;
  return { name: `pay-once-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text, values };
}

/**
 * A terminal's first receipt drawn twice at once: the second breaks the counter's key or the receipt
 * number's (whichever the server inserts first), the whole statement is undone and plans again.
 */
const DEADLOCK = '40P01';
const NUMBER_KEYS: ReadonlySet<unknown> = new Set(['receipt_counters_pkey', 'receipts_pkey']);
const isLostFirstReceipt = (error: unknown): boolean => {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && NUMBER_KEYS.has(constraint);
};

/** Pays a cash session without a transaction around it (see the header); the same outcome as payInTransaction's. */
export async function payOnce(
  sql: Sql, sessionId: string, trigger: Settlement['trigger'], at: number, recovered: boolean, processingDelayMs: number, checkpoint: Checkpoint,
): Promise<PaymentOutcome> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const found = await read(sql, sessionId);
    if (!found) throw new Error(`no cash session ${sessionId}`);
    if (found.state === 'paid') return earlierPayment(sql, sessionId);
    if (found.state !== 'open') throw new Error(`cash session ${sessionId} is ${found.state}; it cannot be paid`);
    const planned = plan(found, trigger, at, recovered, processingDelayMs);
    const statement = writeStatement(found, planned);
    // nothing is written before the statement: a crash here leaves the session open, as a rollback would
    checkpoint(recovered ? 'recovery:during' : 'payment:during');
    let written;
    try {
      written = await sql.query<Record<string, unknown>>(statement);
    } catch (error) {
      // a deadlock with a payment in a transaction (pgPayments.ts locks the counter before the order) undoes this statement: plan again
      if (isLostFirstReceipt(error) || (error as { code?: unknown }).code === DEADLOCK) continue;
      throw error;
    }
    const result = written.rows[0]!;
    if (!result.claimed) continue;
    const sms = planned.credits.map((credit, i): Sms => ({
      phone: credit.phone, at, sender: String(result[`sender${i}`]), kind: 'topup', amount: credit.amount, receipt: planned.receipt.number,
    }));
    return { receipt: planned.receipt, order: planned.after, sms };
  }
  throw new Error(`cash session ${sessionId}: its order or its terminal's receipt counter changed ${MAX_ATTEMPTS} times while it was being paid`);
}
