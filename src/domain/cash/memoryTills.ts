/** The tills of the in-memory store: same checks and outcomes as SQLite's (test/store/till.contract.test.ts). */
import { DESKS, type DeskPlace } from '../fiscal/desks.js';
import type { DeskPaymentOutcome, DeskPaymentRequest } from './deskPayment.js';
import type { Drawer } from './drawer.js';
import { openShift, sendAwayRefusal, shiftReport, type ShiftReport } from './shift.js';
import { applyTillPayment, tidyDrawer, tillPaymentRefusal, type TillPaymentOutcome, type TillPaymentRequest, type TillState } from './till.js';
import type { TillStore } from './tillStore.js';

export class MemoryTills implements TillStore {
  /** register id → its latest shift */
  private tills = new Map<string, TillState>();
  constructor(private readonly payAtDesk: (request: DeskPaymentRequest) => DeskPaymentOutcome) {}

  tillState(place: DeskPlace): TillState | null {
    const state = this.tills.get(DESKS[place].registerId);
    return state ? structuredClone(state) : null;
  }
  openTillShift(place: DeskPlace, float: Drawer, at: number): TillState {
    const previous = this.tills.get(DESKS[place].registerId);
    const shift = openShift(previous?.shift ?? null, tidyDrawer(float), at);
    const state: TillState = { place, shift, drawer: tidyDrawer(float), payments: [], sentAway: 0 };
    this.tills.set(DESKS[place].registerId, state);
    return structuredClone(state);
  }
  payAtTill(request: TillPaymentRequest): TillPaymentOutcome {
    const state = this.tills.get(DESKS[request.place].registerId) ?? null;
    const refusal = tillPaymentRefusal(state, request);
    if (refusal || !state) return { kind: 'refused', refusal: refusal ?? { reason: 'noShift' } };
    const desk = this.payAtDesk(request);
    if (desk.kind !== 'paid') return { kind: 'refused', refusal: { reason: desk.reason } };
    const { drawer, payment } = applyTillPayment(state, request, desk.receipt);
    state.drawer = drawer;
    state.payments.push(payment);
    return structuredClone({ kind: 'paid', receipt: desk.receipt, payment, drawer });
  }
  sendAwayAtTill(place: DeskPlace, _at: number): TillState {
    const state = this.tills.get(DESKS[place].registerId);
    if (!state) throw new Error(`no shift has been opened at the ${place}`);
    const refusal = sendAwayRefusal(state.shift);
    if (refusal) throw new Error(refusal);
    state.sentAway += 1;
    return structuredClone(state);
  }
  tillReport(place: DeskPlace, kind: 'X' | 'Z', at: number): ShiftReport {
    const state = this.tills.get(DESKS[place].registerId);
    if (!state) throw new Error(`no shift has been opened at the ${place}`);
    const { report, shift } = shiftReport(kind, state.shift, state.payments, state.drawer, at, state.sentAway);
    state.shift = shift;
    return structuredClone(report);
  }
}
