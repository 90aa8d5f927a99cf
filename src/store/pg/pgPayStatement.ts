/**
 * The one statement that writes a terminal's planned payment (pgPayOnce.ts): data-modifying CTEs,
 * each conditional on a claim the statement itself takes. The rows written are the ones TypeScript
 * planned (pgPaymentPlan.ts); SQL only checks that what the plan was made from still holds.
 *
 * `locked` claims the plan made from what was read or known: the session still open with the notes
 * the plan counted, the order still the version read (its `xmin`) and the receipt counter still at
 * the number read, all locked. An optional second plan, `late`, is the one for "the order was paid
 * elsewhere meanwhile": tried only when `locked` finds the order changed, it locks the order for
 * share, as it is now, and holds only if every column of the order's row equals the order that plan
 * was made from (its life aside: a plan for a paid order leaves the order as it is). A late payer of
 * a contested code thus writes its cash to its phone in the same round trip, instead of planning
 * again from a fresh read. Neither claim holding writes nothing.
 */
import { createHash } from 'node:crypto';
import type { Order } from '../../domain/orders/orders.js';
import { OPERATOR_NAMES } from '../../domain/rules.js';
import type { CashSession } from '../../domain/store.js';
import * as rows from '../rows.js';
import { orderJson, stillOpen } from './pgRows.js';
import type { TerminalPaymentPlan as Plan } from './pgPaymentPlan.js';

/** what a plan was made from: the session with its notes, its order and that row's version, the terminal's receipt counter */
export interface PaymentBasis {
  session: CashSession;
  /** null: the terminal has drawn no receipt number yet */
  counterSeq: number | null;
  order: Order | null;
  orderVersion: string | null;
}

export interface PaymentStatement {
  name: string;
  text: string;
  values: unknown[];
}

/** the order's columns as they are in its row, in the order `lateOrderRow` lists them */
const ORDER_ROW = ['code_amount', 'price', 'phone', 'issued_at', 'region', 'channel', 'status', 'paid', 'owed', 'stage', 'refunded',
  'renewed_from', 'renewed_as', 'site_order_id', 'top_up_phone'] as const;

const lateOrderRow = (o: Order): unknown[] => [o.codeAmount, o.price, o.phone, o.issuedAt, o.region, o.channel, o.status, o.paid, o.owed,
  o.stage, o.refunded, o.renewedFrom, o.renewedAs, o.siteOrderId, o.topUpPhone];

/**
 * The planned rows as one statement; its text depends only on the plans' shapes, so it is prepared
 * once a shape. `late`: the plan for the order paid elsewhere meanwhile (its `before` paid, left as it is).
 */
export function writeStatement(basis: PaymentBasis, planned: Plan, late: Plan | null = null): PaymentStatement {
  const values: unknown[] = [];
  const $ = (value: unknown, type = ''): string => `$${values.push(value)}${type}`;
  const { session } = basis;
  const sessionId = $(session.id);
  const from = ['cash_sessions s'];
  // the notes the plan counted are the session's accepted notes, no more and no fewer
  const where = [`s.id = ${sessionId}`, stillOpen('s'),
    `ARRAY(SELECT note FROM cash_journal j WHERE j.session_id = s.id AND j.kind = 'accepted' ORDER BY j.id) = ${$(session.notes, '::int[]')}`];
  const locks = ['FOR UPDATE OF s'];
  const counterLock = [];
  if (basis.counterSeq !== null) {
    from.push('receipt_counters r');
    where.push(`r.terminal_id = s.terminal_id`, `r.seq = ${$(basis.counterSeq)}`);
    counterLock.push('FOR UPDATE OF r');
  }
  const { before } = planned;
  let code = '';
  const claims = [];
  if (before) {
    code = $(before.code);
    const changesOrder = planned.after !== null && planned.after !== before;
    // a late payer leaves the order as it is: its lock is shared, so late payers commit side by side
    claims.push(`locked AS (SELECT 1 FROM ${[...from, 'orders o'].join(', ')} WHERE ${[...where, `o.code = ${code}`, `o.xmin = ${$(basis.orderVersion, '::xid')}`].join(' AND ')}
      ${[...locks, changesOrder ? 'FOR UPDATE OF o' : 'FOR SHARE OF o', ...counterLock].join(' ')})`);
  } else {
    claims.push(`locked AS (SELECT 1 FROM ${from.join(', ')} WHERE ${where.join(' AND ')} ${[...locks, ...counterLock].join(' ')})`);
  }
  if (late) {
    if (!before || !late.before || late.after !== late.before || late.seq !== planned.seq) throw new Error('a late plan pays the same order with the same number and leaves it as it is');
    // tried only once `locked` holds nothing (so its own lock on the order comes first); the row
    // returned is the order's latest version, locked: compared as it is now, not as the statement began
    claims.push(`late AS (SELECT x.version FROM (SELECT o.xmin::text AS version, ${ORDER_ROW.map((c) => `o.${c}`).join(', ')}
        FROM ${[...from, 'orders o'].join(', ')} WHERE NOT EXISTS (SELECT 1 FROM locked) AND ${[...where, `o.code = ${code}`].join(' AND ')}
        ${[...locks, 'FOR SHARE OF o', ...counterLock].join(' ')}) x
      WHERE (${ORDER_ROW.map((c) => `x.${c}`).join(', ')}) IS NOT DISTINCT FROM (${lateOrderRow(late.before).map((v) => $(v)).join(', ')}))`);
  }
  const claim = late ? `claim AS (SELECT 'planned' AS plan FROM locked UNION ALL SELECT 'late' FROM late)` : `claim AS (SELECT 'planned' AS plan FROM locked)`;
  const ctes = [...claims, claim,
    `paid AS (UPDATE cash_sessions SET state = 'paid' WHERE id = ${sessionId} AND EXISTS (SELECT 1 FROM claim))`,
    basis.counterSeq === null
      // the terminal's first receipt: a second first receipt at once breaks a key, and the whole statement with it
      ? `counter AS (INSERT INTO receipt_counters (terminal_id, seq) SELECT ${$(session.terminalId)}, ${$(planned.seq)} FROM claim)`
      : `counter AS (UPDATE receipt_counters SET seq = ${$(planned.seq)} WHERE terminal_id = ${$(session.terminalId)} AND EXISTS (SELECT 1 FROM claim))`,
  ];
  const senders = [...planCtes('a', 'locked', planned), ...(late ? planCtes('b', 'late', late) : [])];
  function planCtes(prefix: string, claimed: string, plan: Plan): string[] {
    const { receipt, before: was, after } = plan;
    ctes.push(`${prefix}receipt AS (INSERT INTO receipts (number, terminal_id, seq, at, code, due, accepted, to_order, to_phone, phone, operator, order_status, owed, recovered, session_id)
       SELECT ${[receipt.number, receipt.terminalId, plan.seq, receipt.at, receipt.code, receipt.due, receipt.accepted, receipt.toOrder, receipt.toPhone,
      receipt.phone, receipt.operator, receipt.orderStatus, receipt.owed, receipt.recovered ? 1 : 0, session.id].map((v) => $(v)).join(', ')} FROM ${claimed})`);
    if (was && after && after !== was) {
      rows.assertMoney(after.price, after.paid, after.owed, after.refunded);
      ctes.push(
        // the columns saveOrder writes (pgRows.ts)
        `${prefix}saved AS (UPDATE orders SET price = ${$(after.price)}, status = ${$(after.status)}, paid = ${$(after.paid)}, owed = ${$(after.owed)},
           stage = ${$(after.stage)}, refunded = ${$(after.refunded)}, renewed_from = ${$(after.renewedFrom)}, renewed_as = ${$(after.renewedAs)},
           site_order_id = ${$(after.siteOrderId)} WHERE code = ${code} AND EXISTS (SELECT 1 FROM ${claimed}))`,
        `${prefix}events AS (INSERT INTO order_events (code, at, kind, why, amount, ref) SELECT ${code}, e.at, e.kind, e.why, e.amount, e.ref
           FROM ${claimed}, json_to_recordset(${$(JSON.stringify(after.history.slice(was.history.length)), '::json')}) AS e(at bigint, kind text, why text, amount text, ref text))`,
        `${prefix}credits AS (INSERT INTO order_credits (code, receipt, amount, accepted_at, settles_at) SELECT ${code}, c.receipt, c.amount, c."acceptedAt", c."settlesAt"
           FROM ${claimed}, json_to_recordset(${$(JSON.stringify(after.credits.slice(was.credits.length)), '::json')})
             AS c(receipt text, amount text, "acceptedAt" bigint, "settlesAt" bigint))`,
      );
    }
    const names = plan.credits.length > 0 ? $(JSON.stringify(OPERATOR_NAMES), '::json') : '';
    return plan.credits.map((credit, i) => {
      const [phone, amount, at, account] = [$(credit.phone), $(credit.amount), $(receipt.at), `${prefix}account${i}`];
      // the SMS comes from the account's operator: the session's unless the account had one already
      ctes.push(
        `${account} AS (INSERT INTO phone_accounts (phone, operator, balance) SELECT ${phone}, ${$(credit.operator)}, ${amount} FROM ${claimed}
           ON CONFLICT (phone) DO UPDATE SET balance = ((phone_accounts.balance)::numeric + (EXCLUDED.balance)::numeric)::numeric(16, 2)::text,
             operator = COALESCE(phone_accounts.operator, EXCLUDED.operator)
           RETURNING operator)`,
        `${prefix}line${i} AS (INSERT INTO ledger (phone, at, amount, reason) SELECT ${phone}, ${at}, ${amount}, ${$(credit.reason)} FROM ${claimed})`,
        `${prefix}sms${i} AS (INSERT INTO sms (phone, at, sender, kind, amount, receipt) SELECT ${phone}, ${at}, ${names} ->> ${account}.operator, 'topup', ${amount}, ${$(receipt.number)}
           FROM ${account} RETURNING sender)`,
      );
      return `(SELECT sender FROM ${prefix}sms${i}) AS ${prefix}sender${i}`;
    });
  }
  // a late payer's order as the statement's snapshot has it: current unless the order was paid after the statement began
  const outputs = ['(SELECT plan FROM claim) AS plan', ...senders,
    ...(late ? ['(SELECT version FROM late) AS late_version', `(SELECT ${orderJson(code)} FROM late) AS late_order`] : [])];
  const text = `WITH ${ctes.join(',\n')}\nSELECT ${outputs.join(', ')}`;
  return { name: `pay-once-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text, values };
}
