/** Rows of the registry read and written inside a caller's transaction (a pg client with BEGIN). */
import type { PoolClient } from 'pg';
import type { Order, OrderEvent } from '../../domain/orders/orders.js';
import type { PhoneMessage } from '../../domain/store.js';
import * as rows from '../rows.js';

export type Sql = Pick<PoolClient, 'query'>;

const ORDER_COLUMNS = `code, code_amount, price, phone, issued_at, region, channel, status, paid, owed, stage, refunded,
  renewed_from, renewed_as, site_order_id, top_up_phone`;

/**
 * An order's row with its life (events and credits) as JSON arrays, in one statement: a payment
 * holding the order's lock makes one round trip for it, not three.
 */
const ORDER_WITH_LIFE = `SELECT ${ORDER_COLUMNS},
  COALESCE((SELECT json_agg(json_build_object('at', e.at, 'kind', e.kind, 'why', e.why, 'amount', e.amount, 'ref', e.ref) ORDER BY e.id)
    FROM order_events e WHERE e.code = orders.code), '[]') AS history,
  COALESCE((SELECT json_agg(json_build_object('receipt', c.receipt, 'amount', c.amount, 'accepted_at', c.accepted_at, 'settles_at', c.settles_at) ORDER BY c.id)
    FROM order_credits c WHERE c.code = orders.code), '[]') AS credit_rows
  FROM orders`;

/**
 * The order of the code `codeExpr` names, with its life and its row's version (`xmin`, the id of the
 * transaction that wrote this version of the row: any change to the order changes it), as one JSON
 * value, so that a read of other rows can carry it; null when there is no such order.
 */
export const orderJson = (codeExpr: string): string =>
  `(SELECT row_to_json(o) FROM (${ORDER_WITH_LIFE.replace('SELECT ', 'SELECT orders.xmin::text AS version, ')} WHERE orders.code = ${codeExpr}) o)`;

export type OrderJson = OrderWithLife & { version: string };

/**
 * "The session `alias` is still open", for a statement that finds the session by its id: written so
 * that the planner cannot answer it from cash_sessions_by_state (state, terminal_id). On a registry
 * whose statistics are not gathered yet (a new one, until autovacuum's first ANALYZE: reltuples -1)
 * the planner costs that index's `state = 'open'` the same as the primary key's `id = $1`, took it,
 * and filtered every open session by id on each payment and each note (bench row 18, EXPLAIN ANALYZE
 * with 400 sessions open: "Rows Removed by Filter: 397", twice a payment). Meaning unchanged: `state`
 * is NOT NULL.
 */
export const stillOpen = (alias: string): string => `(${alias}.state = 'open') IS TRUE`;

type OrderWithLife = rows.OrderRow & { history: OrderEvent[]; credit_rows: rows.CreditRow[] };

export const withLife = ({ history, credit_rows, ...row }: OrderWithLife): Order => rows.toOrder(row as rows.OrderRow, history, credit_rows)!;

/**
 * The order, its row locked until the transaction ends when `lock` says so: `true` (or 'update') for
 * a change to it, 'share' to keep it as read (a payment of an order paid already changes nothing of it).
 */
export async function findOrder(sql: Sql, code: string, lock: boolean | 'update' | 'share' = false): Promise<Order | undefined> {
  const mode = lock === 'share' ? ' FOR SHARE OF orders' : lock ? ' FOR UPDATE OF orders' : '';
  const found = await sql.query<OrderWithLife>(`${ORDER_WITH_LIFE} WHERE code = $1${mode}`, [code]);
  return found.rows[0] && withLife(found.rows[0]);
}

export async function mustOrder(sql: Sql, code: string, lock: boolean | 'update' | 'share' = false): Promise<Order> {
  const order = await findOrder(sql, code, lock);
  if (!order) throw new Error(`no order ${code}`);
  return order;
}

export async function listOrders(sql: Sql): Promise<Order[]> {
  return (await sql.query<OrderWithLife>(`${ORDER_WITH_LIFE} ORDER BY seq`)).rows.map(withLife);
}

export async function insertOrder(sql: Sql, order: Order): Promise<void> {
  rows.assertMoney(order.codeAmount, order.price, order.paid, order.owed, order.refunded);
  await sql.query(
    `INSERT INTO orders (${ORDER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [order.code, order.codeAmount, order.price, order.phone, order.issuedAt, order.region, order.channel, order.status, order.paid,
      order.owed, order.stage, order.refunded, order.renewedFrom, order.renewedAs, order.siteOrderId, order.topUpPhone],
  );
  await appendLife(sql, order.code, order.history, order.credits);
}

/** Writes `after` over `before`: the columns, and the events and credits `after` appended. */
export async function saveOrder(sql: Sql, before: Order, after: Order): Promise<void> {
  rows.assertMoney(after.price, after.paid, after.owed, after.refunded);
  await sql.query(
    `UPDATE orders SET price = $2, status = $3, paid = $4, owed = $5, stage = $6, refunded = $7, renewed_from = $8,
       renewed_as = $9, site_order_id = $10 WHERE code = $1`,
    [after.code, after.price, after.status, after.paid, after.owed, after.stage, after.refunded, after.renewedFrom, after.renewedAs, after.siteOrderId],
  );
  await appendLife(sql, after.code, after.history.slice(before.history.length), after.credits.slice(before.credits.length));
}

async function appendLife(sql: Sql, code: string, events: Order['history'], credits: Order['credits']): Promise<void> {
  for (const e of events) {
    await sql.query('INSERT INTO order_events (code, at, kind, why, amount, ref) VALUES ($1, $2, $3, $4, $5, $6)', [code, e.at, e.kind, e.why, e.amount, e.ref]);
  }
  for (const c of credits) {
    await sql.query('INSERT INTO order_credits (code, receipt, amount, accepted_at, settles_at) VALUES ($1, $2, $3, $4, $5)', [code, c.receipt, c.amount, c.acceptedAt, c.settlesAt]);
  }
}

export async function insertSms(sql: Sql, message: PhoneMessage): Promise<void> {
  rows.assertMoney(message.amount);
  const mobile = 'transaction' in message ? message : null;
  await sql.query('INSERT INTO sms (phone, at, sender, kind, amount, receipt, code, ref, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
    message.phone, message.at, message.sender, message.kind, message.amount,
    message.kind === 'topup' ? message.receipt : null,
    message.kind === 'topup' ? null : message.code,
    mobile?.transaction ?? null,
    mobile?.detail ?? (message.kind === 'code' && message.validHours !== undefined ? String(message.validHours) : null),
  ]);
}

/** A phone's inbox (or a receipt's SMS), oldest first: the same mapping as the SQLite store's. */
export async function phoneMessages(sql: Sql, where: 'phone' | 'receipt', value: string): Promise<PhoneMessage[]> {
  type SmsRow = Pick<PhoneMessage, 'phone' | 'at' | 'sender' | 'amount'> & {
    kind: Exclude<PhoneMessage['kind'], 'receipt'>;
    receipt: string | null; code: string | null; ref: string | null; detail: string | null;
  };
  const found = await sql.query<SmsRow>(`SELECT phone, at, sender, kind, amount, receipt, code, ref, detail FROM sms WHERE ${where} = $1 ORDER BY id`, [value]);
  return found.rows.map(({ receipt, code, ref, detail, ...m }): PhoneMessage => {
    if (m.kind === 'topup') return { ...m, kind: 'topup', receipt: receipt! };
    if (m.kind === 'code' && detail !== null) return { ...m, kind: m.kind, code: code!, validHours: Number(detail) };
    if (m.kind === 'code' || m.kind === 'refund' || m.kind === 'cancellation') return { ...m, kind: m.kind, code: code! };
    return { ...m, kind: m.kind, code: code!, transaction: ref!, detail };
  });
}

/** Adds `amount` to a phone's balance (the account made if new, on `operator`) with its ledger line, in one statement. */
export async function creditPhone(sql: Sql, phone: string, operator: string | null, amount: string, reason: string, at: number, keepOperator: boolean): Promise<string | null> {
  const found = await sql.query<{ operator: string | null }>(
    `WITH account AS (
       INSERT INTO phone_accounts (phone, operator, balance) VALUES ($1, $2, $3)
       ON CONFLICT (phone) DO UPDATE SET balance = ((phone_accounts.balance)::numeric + ($3)::numeric)::numeric(16, 2)::text
         ${keepOperator ? '' : ', operator = COALESCE(phone_accounts.operator, EXCLUDED.operator)'}
       RETURNING operator
     ), line AS (INSERT INTO ledger (phone, at, amount, reason) VALUES ($1, $4, $3, $5))
     SELECT operator FROM account`,
    [phone, operator, amount, at, reason],
  );
  return found.rows[0]?.operator ?? null;
}
