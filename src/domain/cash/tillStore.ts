/**
 * What a store keeps for the tills (the cashier's role): each register's shifts, its drawer by
 * denomination and the payments the trainee took. `payAtTill` is one transaction: the order's
 * credit through the desk payment, the receipt, and the drawer's movement, or nothing at all.
 */
import type { DeskPlace } from '../fiscal/desks.js';
import type { Drawer } from './drawer.js';
import type { ShiftReport } from './shift.js';
import type { TillPaymentOutcome, TillPaymentRequest, TillState } from './till.js';

export interface TillStore {
  /** the register's latest shift (open or closed) with its drawer and payments; null before the first */
  tillState(place: DeskPlace): TillState | null;
  /** opens the next shift with this float; throws while the last one is still open */
  openTillShift(place: DeskPlace, float: Drawer, at: number): TillState;
  /** a payment at the till: refused (nothing moves) or the credit, receipt and drawer together */
  payAtTill(request: TillPaymentRequest): TillPaymentOutcome;
  /** a customer with only the site's order id sent back for the code: counted in the open shift; throws with none open */
  sendAwayAtTill(place: DeskPlace, at: number): TillState;
  /** the X-report (the shift goes on) or the Z-report (closes it); throws with no open shift */
  tillReport(place: DeskPlace, kind: 'X' | 'Z', at: number): ShiftReport;
}
