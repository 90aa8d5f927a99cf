/**
 * A till's shift, for the cashier's role: opened with a float, its payments, the X-report (no
 * reset) and the Z-report (closes it), and the rule real tills follow under 54-FZ: a shift open
 * longer than 24 hours takes no payment until it is closed with a Z-report. Pure; the stores keep
 * shifts through src/domain/cash/till.ts.
 */
import { add, sub, type Money, ZERO } from '../money.js';
import { HOUR_MS } from '../rules.js';
import { drawerTotal, type Drawer } from './drawer.js';
import type { ChangeVerdict } from './drawer.js';

/** 54-FZ: a shift may stay open 24 hours at most. */
export const SHIFT_LIMIT_MS = 24 * HOUR_MS;

export interface Shift {
  number: number;
  openedAt: number;
  float: Drawer;
  closedAt: number | null;
}

/** One payment the trainee took: what was due, received, owed back and actually handed back. */
export interface TillPayment {
  receipt: string;
  total: Money;
  received: Money;
  changeDue: Money;
  changeGiven: Money;
  verdict: ChangeVerdict;
}

export type PaymentRefusal = 'closed' | 'over24h';

/** Why this shift cannot take a payment now, or null when it can. */
export function paymentRefusal(shift: Shift, now: number): PaymentRefusal | null {
  if (shift.closedAt !== null) return 'closed';
  return now - shift.openedAt > SHIFT_LIMIT_MS ? 'over24h' : null;
}

/** Why no customer can be sent away on this shift (it is closed), or null. */
export const sendAwayRefusal = (shift: Shift): string | null => (shift.closedAt !== null ? `shift ${shift.number} is closed` : null);

export const openShift = (previous: Shift | null, float: Drawer, at: number): Shift => {
  if (previous && previous.closedAt === null) throw new Error(`shift ${previous.number} is still open: close it with a Z-report first`);
  return { number: (previous?.number ?? 0) + 1, openedAt: at, float, closedAt: null };
};

export interface ShiftReport {
  kind: 'X' | 'Z';
  shift: number;
  at: number;
  payments: number;
  /** the money the payments brought in (their totals) */
  total: Money;
  /** what should be in the drawer: the float plus what came in, less the change that went out */
  expected: Money;
  /** what is in it */
  counted: Money;
  /** counted − expected: negative is missing money */
  discrepancy: Money;
  /** the drawer by face value, as counted */
  drawer: Drawer;
  /** payments whose change was short or over */
  changeMistakes: number;
  /** customers sent back for the payment code (they had only the site's order id) */
  sentAway: number;
}

/** The X-report (the shift goes on) or the Z-report (it closes the shift; refused twice). */
export function shiftReport(kind: 'X' | 'Z', shift: Shift, payments: readonly TillPayment[], drawer: Drawer, at: number, sentAway = 0): { report: ShiftReport; shift: Shift } {
  if (shift.closedAt !== null) throw new Error(`shift ${shift.number} is already closed`);
  const total = add(ZERO, ...payments.map((p) => p.total));
  const expected = sub(add(drawerTotal(shift.float), ...payments.map((p) => p.received)), add(ZERO, ...payments.map((p) => p.changeGiven)));
  const counted = drawerTotal(drawer);
  const report: ShiftReport = {
    kind, shift: shift.number, at, payments: payments.length, total, expected, counted,
    discrepancy: sub(counted, expected), drawer, changeMistakes: payments.filter((p) => p.verdict.kind !== 'exact').length, sentAway,
  };
  return { report, shift: kind === 'Z' ? { ...shift, closedAt: at } : shift };
}
