/**
 * A terminal's payment in one or two round trips and no BEGIN/COMMIT (issue 20, bench row 18). What
 * the payment is made from — the session with its notes, its order (with the row's version) and the
 * terminal's receipt counter — is either known already (the store opened the session and journaled
 * its notes itself, pgKnown.ts) or read in one statement; the domain plans the payment from it
 * (pgPaymentPlan.ts, shared with pgPayments.ts), and one call of the registry's function writes the
 * planned rows once it has claimed all of it unchanged and locked it (pgPayFunction.ts,
 * pgSchemaPay.ts). An order not yet paid gets a second plan beside the first, for the order paid
 * elsewhere meanwhile (the cash then goes to the phone, R-TERM-2), so a late payer of a contested
 * code pays in the same round trip. Anything else changed (a partial payment elsewhere, the counter
 * moved, the session paid by a recovery) and the call writes nothing: the payment is planned
 * again from a fresh read. Exactly once holds because a statement is atomic and takes its locks itself.
 */
import { paidElsewhere } from '../../domain/cash/payment.js';
import { isTopUp } from '../../domain/mobile/topup.js';
import type { Settlement } from '../../domain/cash/settlement.js';
import type { Checkpoint, PaymentOutcome, Sms } from '../../domain/store.js';
import * as rows from '../rows.js';
import { orderJson, withLife, type OrderJson, type Sql } from './pgRows.js';
import { earlierPayment } from './pgPayments.js';
import { planTerminalPayment, type TerminalPaymentPlan as Plan } from './pgPaymentPlan.js';
import { payCall, type PayCallRow, type PaymentBasis } from './pgPayFunction.js';

/** a payment that lost its claim this many times in a row is reported, never looped on forever */
const MAX_ATTEMPTS = 50;

const READ = `SELECT s.*,
    ARRAY(SELECT note FROM cash_journal WHERE session_id = s.id AND kind = 'accepted' ORDER BY id) AS accepted,
    (SELECT seq FROM receipt_counters WHERE terminal_id = s.terminal_id) AS counter_seq,
    ${orderJson('s.code')} AS order_json
  FROM cash_sessions s WHERE s.id = $1`;

interface Read extends PaymentBasis {
  state: string;
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

/** the domain's payment from what was read or known (pgPaymentPlan.ts) */
function plan(found: PaymentBasis, trigger: Settlement['trigger'], at: number, recovered: boolean, processingDelayMs: number): Plan {
  const { session } = found;
  const before = isTopUp(session) ? null : found.order;
  if (!isTopUp(session) && !before) throw new Error(`no order ${session.code}`);
  return planTerminalPayment(session, before, (found.counterSeq ?? 0) + 1, trigger, at, recovered, processingDelayMs);
}

/**
 * A terminal's first receipt drawn twice at once: the second breaks the counter's key or the receipt
 * number's (whichever the server inserts first), the whole statement is undone and plans again.
 */
const DEADLOCK = '40P01';
/** pay_terminal_session's claim failed after the session's: the call undone (pgSchemaPay.ts) */
const CLAIM_LOST = 'KP001';
const NUMBER_KEYS: ReadonlySet<unknown> = new Set(['receipt_counters_pkey', 'receipts_pkey']);
const isLostFirstReceipt = (error: unknown): boolean => {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && NUMBER_KEYS.has(constraint);
};

/** What a payment learns for the next one: the terminal's receipt counter as it left it. */
export interface PaymentMemory {
  /** what the store knows already of an open session, if anything (its session opened and notes journaled by it) */
  known(sessionId: string): PaymentBasis | undefined;
  /** the session is paid (or found paid), or what was known of it did not hold: known no more */
  forget(sessionId: string): void;
  /** the terminal's receipt counter stands at `seq` */
  counted(terminalId: string, seq: number): void;
}

type Trigger = Settlement['trigger'];

/**
 * The call's answer: the outcome when a plan held, else undefined (plan again from a fresh read).
 * `late`: the plan for the order paid elsewhere meanwhile, when there is one.
 */
async function write(sql: Sql, basis: PaymentBasis, planned: Plan, late: Plan | null, at: number): Promise<PaymentOutcome | undefined> {
  let written;
  try {
    written = await sql.query<PayCallRow>(payCall(basis, planned, late));
  } catch (error) {
    // a deadlock with a payment in a transaction (pgPayments.ts locks the counter before the order) undoes this call: plan again
    const { code } = error as { code?: unknown };
    if (isLostFirstReceipt(error) || code === DEADLOCK || code === CLAIM_LOST) return undefined;
    throw error;
  }
  const result = written.rows[0]!;
  const chosen = result.plan === 'planned' ? planned : result.plan === 'late' && late ? late : null;
  if (!chosen) return undefined;
  const sms = chosen.credits.map((credit, i): Sms => ({
    phone: credit.phone, at, sender: result.senders[i]!, kind: 'topup', amount: credit.amount, receipt: chosen.receipt.number,
  }));
  // a late payer's order as it is now: the function read it after locking it
  const order = chosen === late ? withLife(result.late_order as OrderJson) : chosen.after;
  return { receipt: chosen.receipt, order, sms };
}

/** the plan for the order paid elsewhere meanwhile, beside the one from the order as known: only for an order not paid yet */
function latePlan(basis: PaymentBasis, planned: Plan, trigger: Trigger, at: number, recovered: boolean, processingDelayMs: number): Plan | null {
  const paid = planned.before && paidElsewhere(planned.before);
  if (!paid) return null;
  const late = planTerminalPayment(basis.session, paid, planned.seq, trigger, at, recovered, processingDelayMs);
  // a plan that changes the order is no late payer's: the order's row alone could not tell whether it still holds
  return late.after === late.before ? late : null;
}

/**
 * One try of the statement from what is known or was read: plan, the crash point, write; on success
 * the terminal's counter as the payment left it. Undefined: the claim did not hold (plan again).
 */
async function attempt(
  sql: Sql, basis: PaymentBasis, trigger: Trigger, at: number, recovered: boolean, processingDelayMs: number, checkpoint: Checkpoint, memory?: PaymentMemory,
): Promise<PaymentOutcome | undefined> {
  const planned = plan(basis, trigger, at, recovered, processingDelayMs);
  // nothing is written before the statement: a crash here leaves the session open, as a rollback would
  checkpoint(recovered ? 'recovery:during' : 'payment:during');
  const outcome = await write(sql, basis, planned, latePlan(basis, planned, trigger, at, recovered, processingDelayMs), at);
  if (outcome) memory?.counted(basis.session.terminalId, planned.seq);
  return outcome;
}

/** Pays a cash session without a transaction around it (see the header); the same outcome as payInTransaction's. */
export async function payOnce(
  sql: Sql, sessionId: string, trigger: Trigger, at: number, recovered: boolean, processingDelayMs: number, checkpoint: Checkpoint,
  memory?: PaymentMemory,
): Promise<PaymentOutcome> {
  const known = memory?.known(sessionId);
  memory?.forget(sessionId);
  // an order not there when the session opened: the read below says so
  if (known && (isTopUp(known.session) || known.order)) {
    const outcome = await attempt(sql, known, trigger, at, recovered, processingDelayMs, checkpoint, memory);
    if (outcome) return outcome;
  }
  for (let tries = 1; tries <= MAX_ATTEMPTS; tries++) {
    const found = await read(sql, sessionId);
    if (!found) throw new Error(`no cash session ${sessionId}`);
    if (found.counterSeq !== null) memory?.counted(found.session.terminalId, found.counterSeq);
    if (found.state === 'paid') return earlierPayment(sql, sessionId);
    if (found.state !== 'open') throw new Error(`cash session ${sessionId} is ${found.state}; it cannot be paid`);
    const outcome = await attempt(sql, found, trigger, at, recovered, processingDelayMs, checkpoint, memory);
    if (outcome) return outcome;
  }
  throw new Error(`cash session ${sessionId}: its order or its terminal's receipt counter changed ${MAX_ATTEMPTS} times while it was being paid`);
}
