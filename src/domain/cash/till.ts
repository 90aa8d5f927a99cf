/**
 * The till as the cashier works it (issue 12, "As the cashier"): a shift with its drawer and its
 * payments, and the checks a payment passes before any money moves. Pure and shared by every
 * store, so they refuse the same things: no open shift, a shift past 24 hours (54-FZ), cash handed
 * over that does not add up to what was typed, change taken from pieces the drawer does not hold.
 * A Z-report is refused while a customer stands at the desk, and on a shift already closed.
 */
import { add, cmp, ZERO, type Money } from '../money.js';
import type { DeskPlace } from '../fiscal/desks.js';
import type { DeskReceipt } from '../fiscal/fiscalReceipt.js';
import type { DeskPaymentRequest } from './deskPayment.js';
import { countOf, drawerTotal, judgeChange, putIn, takeOut, type Drawer } from './drawer.js';
import { paymentRefusal, type Shift, type TillPayment } from './shift.js';

/** A register's latest shift (open or closed), what its drawer holds now, and its payments. */
export interface TillState {
  place: DeskPlace;
  shift: Shift;
  drawer: Drawer;
  payments: TillPayment[];
  /** customers of this shift sent back for the payment code (R-CASH-1: the code, not the site's order id) */
  sentAway: number;
}

/** A desk payment taken by the trainee: the pieces the customer handed over and the pieces chosen as change. */
export interface TillPaymentRequest extends DeskPaymentRequest {
  /** the customer's notes and coins; they add up to `received` */
  handed: Drawer;
  /** what the trainee took from the drawer and put in the change tray */
  given: Drawer;
}

export type TillRefusal =
  | { reason: 'noShift' }
  | { reason: 'closed' }
  | { reason: 'over24h' }
  /** the pieces handed over do not add up to the cash received that was typed */
  | { reason: 'handedMismatch'; handed: Money }
  /** change bigger than the drawer holds: this face is short */
  | { reason: 'notInDrawer'; face: Money; have: number };

export type TillPaymentOutcome =
  | { kind: 'paid'; receipt: DeskReceipt; payment: TillPayment; drawer: Drawer }
  /** nothing moved: the customer keeps the cash */
  | { kind: 'refused'; refusal: TillRefusal }
  | { kind: 'refused'; refusal: { reason: 'alreadyPaid' | 'unknown' } };

/** Why this payment cannot be taken now, or null: checked before the order is credited. */
export function tillPaymentRefusal(state: TillState | null, request: TillPaymentRequest): TillRefusal | null {
  if (!state) return { reason: 'noShift' };
  const shift = paymentRefusal(state.shift, request.at);
  if (shift) return { reason: shift };
  const handed = drawerTotal(request.handed);
  if (cmp(handed, request.received) !== 0) return { reason: 'handedMismatch', handed };
  // the customer's own notes go in first: a cashier may hand one of them straight back
  const withHanded = addPieces(state.drawer, request.handed);
  for (const [face, count] of Object.entries(request.given)) {
    const have = countOf(withHanded, face);
    if (count > have) return { reason: 'notInDrawer', face, have };
  }
  return null;
}

/** The drawer and the shift's record after a payment the desk accepted with this receipt. */
export function applyTillPayment(state: TillState, request: TillPaymentRequest, receipt: DeskReceipt): { drawer: Drawer; payment: TillPayment } {
  let drawer = addPieces(state.drawer, request.handed);
  for (const [face, count] of Object.entries(request.given)) {
    const out = takeOut(drawer, face, count);
    if (!out.ok) throw new RangeError(`the drawer holds ${out.have} of ${face}: check tillPaymentRefusal first`);
    drawer = out.drawer;
  }
  const changeGiven = drawerTotal(request.given);
  const payment: TillPayment = {
    receipt: receipt.number, total: receipt.total, received: receipt.received,
    changeDue: receipt.change, changeGiven, verdict: judgeChange(receipt.change, changeGiven),
  };
  return { drawer: tidyDrawer(drawer), payment };
}

export type ReportRefusal = 'noShift' | 'alreadyClosed' | 'customerAtDesk';

/** Why a report cannot be printed now: a Z-report with a customer at the desk, or on a closed shift. */
export function reportRefusal(state: TillState | null, kind: 'X' | 'Z', customerAtDesk: boolean): ReportRefusal | null {
  if (!state) return 'noShift';
  if (state.shift.closedAt !== null) return 'alreadyClosed';
  return kind === 'Z' && customerAtDesk ? 'customerAtDesk' : null;
}

export const addPieces = (drawer: Drawer, pieces: Drawer): Drawer =>
  Object.entries(pieces).reduce((d, [face, count]) => putIn(d, face, count), drawer);

/** The drawer as stores keep it, so that they agree: canonical faces, no empty compartments. */
export const tidyDrawer = (drawer: Drawer): Drawer =>
  Object.fromEntries(Object.entries(addPieces({}, drawer)).filter(([, count]) => count > 0));

/** Everything the shift's payments brought in. */
export const tillTakings = (payments: readonly TillPayment[]): Money => add(ZERO, ...payments.map((p) => p.total));
