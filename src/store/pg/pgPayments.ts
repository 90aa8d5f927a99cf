/**
 * Paying a cash session in the registry, inside the caller's transaction: the session, the order,
 * the phone and the receipt change together or not at all. Used where a payment is one step of a
 * larger transaction (a forwarded payment, clearing a jam); a terminal's own payment is pgPayOnce.ts.
 */
import type { Order } from '../../domain/orders/orders.js';
import { OPERATOR_NAMES, type OperatorId } from '../../domain/rules.js';
import { isTopUp } from '../../domain/mobile/topup.js';
import type { Settlement } from '../../domain/cash/settlement.js';
import type { Checkpoint, PaymentOutcome, Sms } from '../../domain/store.js';
import * as rows from '../rows.js';
import { creditPhone, insertSms, mustOrder, phoneMessages, saveOrder, stillOpen, type Sql } from './pgRows.js';
import { planTerminalPayment, type PhoneCredit } from './pgPaymentPlan.js';

/**
 * The claim: `state = 'open'` → `'paid'` in one conditional statement. A second terminal (or a
 * recovery) paying the same session waits on the row and then finds it paid: the earlier outcome.
 * The order is locked before it is read, so another session of the same code pays fully before or after.
 */
export async function payInTransaction(
sql: Sql, sessionId: string, trigger: Settlement['trigger'], at: number, recovered: boolean, processingDelayMs: number, checkpoint: Checkpoint,
  /** a receipt number's sequence drawn by the terminal's own journal (a forwarded payment, journaledRegistry.ts); else the registry draws it */
  givenSeq: number | null = null,
): Promise<PaymentOutcome> {
  // one statement, one round trip, before the order's lock is taken: the claim, the terminal's next
  // receipt number (drawn only when the claim succeeds), the session's notes and its order's status
  const claimed = await sql.query<rows.SessionRow & { accepted: number[]; order_status: Order['status'] | null; receipt_seq: number }>(
    `WITH claimed AS (
       UPDATE cash_sessions SET state = 'paid' WHERE id = $1 AND ${stillOpen('cash_sessions')} RETURNING *
     ), counter AS (
       INSERT INTO receipt_counters (terminal_id, seq) SELECT terminal_id, COALESCE($2::int, 1) FROM claimed
       ON CONFLICT (terminal_id) DO UPDATE
         SET seq = CASE WHEN $2::int IS NULL THEN receipt_counters.seq + 1 ELSE GREATEST(receipt_counters.seq, $2::int) END
       RETURNING COALESCE($2::int, seq) AS seq
     )
     SELECT claimed.*, counter.seq AS receipt_seq,
       ARRAY(SELECT note FROM cash_journal WHERE session_id = $1 AND kind = 'accepted' ORDER BY id) AS accepted,
       (SELECT status FROM orders WHERE orders.code = claimed.code) AS order_status
     FROM claimed, counter`,
    [sessionId, givenSeq],
  );
  const row = claimed.rows[0];
  if (!row) {
    const state = await sessionState(sql, sessionId);
    if (!state) throw new Error(`no cash session ${sessionId}`);
    if (state === 'paid') return earlierPayment(sql, sessionId);
    throw new Error(`cash session ${sessionId} is ${state}; it cannot be paid`);
  }
  const { accepted, order_status: orderStatus, receipt_seq: seq, ...sessionRow } = row;
  const session = rows.toSession(sessionRow, accepted);
  const before = isTopUp(session) ? null : await orderToPay(sql, session.code, orderStatus);
  const plan = planTerminalPayment(session, before, seq, trigger, at, recovered, processingDelayMs);
  const { receipt } = plan;
  await sql.query(
    `INSERT INTO receipts (number, terminal_id, seq, at, code, due, accepted, to_order, to_phone, phone, operator, order_status, owed, recovered, session_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [receipt.number, receipt.terminalId, seq, receipt.at, receipt.code, receipt.due, receipt.accepted, receipt.toOrder, receipt.toPhone,
      receipt.phone, receipt.operator, receipt.orderStatus, receipt.owed, receipt.recovered ? 1 : 0, sessionId],
  );
  // an order paid already is left as it is (its share lock allows no more)
  if (before && plan.after && plan.after !== before) await saveOrder(sql, before, plan.after);
  const sms: Sms[] = [];
  for (const credit of plan.credits) sms.push(await topUp(sql, credit, receipt.number, at));
  checkpoint(recovered ? 'recovery:during' : 'payment:during');
  return { receipt, order: plan.after, sms };
}


/**
 * The order a payment pays, locked. One not yet paid is locked for update: the payments of one code
 * take turns. One paid already stays paid (no action makes a paid order owe again), so it is locked
 * only for share: the late payers of a contested code (their cash goes to their phones) commit side
 * by side rather than one after another. Should it not be paid under the share lock, it is locked for update.
 */
async function orderToPay(sql: Sql, code: string, seen: Order['status'] | null): Promise<Order> {
  if (seen === 'paid') {
    const order = await mustOrder(sql, code, 'share');
    if (order.status === 'paid') return order;
  }
  return mustOrder(sql, code, 'update');
}

export async function sessionState(sql: Sql, sessionId: string): Promise<string | undefined> {
  return (await sql.query<{ state: string }>('SELECT state FROM cash_sessions WHERE id = $1', [sessionId])).rows[0]?.state;
}

/** The outcome of a session paid before: same receipt and SMS, the order as it is now. */
export async function earlierPayment(sql: Sql, sessionId: string): Promise<PaymentOutcome> {
  const receipt = rows.toReceipt((await sql.query<rows.ReceiptRow>('SELECT * FROM receipts WHERE session_id = $1', [sessionId])).rows[0]);
  if (!receipt) throw new Error(`cash session ${sessionId} is paid but has no receipt`);
  const sms = (await phoneMessages(sql, 'receipt', receipt.number)) as Sms[];
  return { receipt, order: isTopUp(receipt) ? null : await mustOrder(sql, receipt.code), sms, alreadyPaid: true };
}

/** R-TERM-2, R-MOB-10: change or a site top-up to a phone balance, with a ledger line and a top-up SMS. */
async function topUp(sql: Sql, credit: PhoneCredit, receipt: string, at: number): Promise<Sms> {
  const operator = ((await creditPhone(sql, credit.phone, credit.operator, credit.amount, credit.reason, at, false)) ?? credit.operator) as OperatorId;
  const message: Sms = { phone: credit.phone, at, sender: OPERATOR_NAMES[operator], kind: 'topup', amount: credit.amount, receipt };
  await insertSms(sql, message);
  return message;
}
