/**
 * In-memory `KioskStore`: for unit tests, tapes and `--memory`. Same semantics as the SQLite store.
 * This file holds the cash side: sessions, payments, receipts, desks, tills and cassettes. The
 * orders, phones and mobile payments are in memoryOrders.ts; the clock and training records in memoryRecords.ts.
 */
import { add, isPositive, ZERO, type Money } from './money.js';
import { acceptTerminalPayment } from './orders/orders.js';
import { buildReceipt, phoneCreditReason, planPayment, receiptNumber, siteTopUpCredit, siteTopUpReason } from './cash/payment.js';
import { isTopUp } from './mobile/topup.js';
import { checkProcessingDelay, DEFAULT_RULES, OPERATOR_NAMES } from './rules.js';
import { planDeskPayment, type DeskPaymentOutcome, type DeskPaymentRequest } from './cash/deskPayment.js';
import { DESKS, type DeskPlace } from './fiscal/desks.js';
import type { Drawer } from './cash/drawer.js';
import { MemoryTills } from './cash/memoryTills.js';
import type { ShiftReport } from './cash/shift.js';
import type { TillPaymentOutcome, TillPaymentRequest, TillState } from './cash/till.js';
import type { DeskReceipt, RegisterCounters } from './fiscal/fiscalReceipt.js';
import type { CashSession, SyncKioskStore, PaymentOutcome, Receipt, Sms } from './store.js';
import { cassetteId, countCassette, type CassetteCount, type Encashment } from './cash/cassette.js';
import type { JammedSession } from './cash/jam.js';
import { MemoryOrders } from './memoryOrders.js';

type StoredSession = CashSession & { done: boolean; held: number[] };
const publicSession = ({ done: _done, held: _held, ...s }: StoredSession): CashSession => structuredClone(s);

export interface MemoryStoreOptions {
  /** R-CODE-6: how long terminal cash is "processing" (default 2 days, at most 7) */
  processingDelayMs?: number;
}

export class MemoryStore extends MemoryOrders implements SyncKioskStore {
  private readonly processingDelayMs: number;
  constructor(options: MemoryStoreOptions = {}) {
    super();
    this.processingDelayMs = checkProcessingDelay(options.processingDelayMs ?? DEFAULT_RULES.processingDelayMs);
  }
  private sessions = new Map<string, StoredSession>();
  private receipts = new Map<string, Receipt>();
  /** session id → its payment, so that paying twice credits once */
  private payments = new Map<string, PaymentOutcome>();
  /** terminal id → receipts it has printed: each terminal numbers its own */
  private receiptSeq = new Map<string, number>();
  /** a desk's register → its counters after its last receipt */
  private registers = new Map<string, RegisterCounters>();
  private deskSales: DeskReceipt[] = [];
  private readonly tills = new MemoryTills((request) => this.payAtDesk(request));
  /** every accepted note, in order, with its terminal: what the cassettes hold (a held note joins when its jam is cleared) */
  private cassetteJournal: { terminalId: string; sessionId: string; note: number; at: number }[] = [];
  private encashed: (Encashment & { upTo: number })[] = [];

  openSession(session: Omit<CashSession, 'notes'>): void {
    if (this.sessions.has(session.id)) throw new Error(`cash session ${session.id} exists already`);
    this.sessions.set(session.id, { ...session, notes: [], done: false, held: [] });
  }
  journalNote(sessionId: string, note: number, at?: number): void {
    const session = this.mustSession(sessionId);
    if (session.done) throw new Error(`cash session ${sessionId} is paid; it takes no more cash`);
    session.notes.push(note);
    this.cassetteJournal.push({ terminalId: session.terminalId, sessionId, note, at: at ?? 0 });
  }
  unfinishedSessions(terminalId?: string): CashSession[] {
    return [...this.sessions.values()]
      .filter((s) => !s.done && s.notes.length > 0 && s.held.length === 0 && (!terminalId || s.terminalId === terminalId))
      .map(publicSession);
  }
  holdNote(sessionId: string, note: number, _at: number): void {
    const session = this.mustSession(sessionId);
    if (session.done) throw new Error(`cash session ${sessionId} is paid; it takes no more cash`);
    // counted nowhere until the jam is cleared
    session.held.push(note);
  }
  jammedSessions(terminalId?: string): JammedSession[] {
    return [...this.sessions.values()]
      // a paid session holds none
      .filter((s) => s.held.length > 0 && (!terminalId || s.terminalId === terminalId))
      .map((s) => ({ ...publicSession(s), held: [...s.held] }));
  }
  clearJam(sessionId: string, at: number): PaymentOutcome {
    const session = this.mustSession(sessionId);
    // counted now: into the session, and into the cassette in the acceptor now (after any encashment meanwhile);
    // a paid session holds none (holdNote refuses it, and its clear emptied `held`)
    for (const note of session.held) this.cassetteJournal.push({ terminalId: session.terminalId, sessionId, note, at });
    session.notes.push(...session.held);
    session.held = [];
    return this.completePayment(sessionId, 'timeout', at);
  }
  completePayment(sessionId: string, trigger: 'pay' | 'timeout', at: number, recovered = false): PaymentOutcome {
    const session = this.mustSession(sessionId);
    const topUp = isTopUp(session);
    const earlier = this.payments.get(sessionId);
    if (earlier) return { ...structuredClone(earlier), order: topUp ? null : this.mustOrder(session.code), alreadyPaid: true };
    const before = topUp ? null : this.mustOrder(session.code);
    const plan = planPayment(session, before);
    const seq = (this.receiptSeq.get(session.terminalId) ?? 0) + 1;
    this.receiptSeq.set(session.terminalId, seq);
    const number = receiptNumber(session.terminalId, seq);
    if (before) {
      plan.order = acceptTerminalPayment(before, plan.toOrder, number, at, this.processingDelayMs);
      this.orders.set(plan.order.code, plan.order);
    }
    const receipt = buildReceipt(number, session, plan, at, recovered);
    const sms: Sms[] = [];
    const toTopUpPhone = siteTopUpCredit(before, plan.toOrder);
    if (before?.topUpPhone && isPositive(toTopUpPhone)) {
      sms.push(this.creditPhone(before.topUpPhone, session.operator, toTopUpPhone, number, siteTopUpReason(before.code, number), at));
    }
    if (plan.toPhone !== ZERO) {
      sms.push(this.creditPhone(session.phone, session.operator, plan.toPhone, number, phoneCreditReason(session, number, trigger), at));
    }
    this.receipts.set(number, receipt);
    session.done = true;
    const outcome = { receipt, order: plan.order, sms };
    this.payments.set(sessionId, structuredClone(outcome));
    return outcome;
  }
  /** R-TERM-2, R-MOB-10: change or a site top-up onto a phone balance, with a ledger line and a top-up SMS. */
  private creditPhone(phone: string, sessionOperator: CashSession['operator'], amount: Money, receipt: string, reason: string, at: number): Sms {
    const account = this.phoneAccount(phone);
    const operator = account.operator ?? sessionOperator;
    const message: Sms = { phone, at, sender: OPERATOR_NAMES[operator], kind: 'topup', amount, receipt };
    this.phones.set(phone, {
      ...account,
      operator,
      balance: add(account.balance, amount),
      ledger: [...account.ledger, { at, amount, reason }],
      sms: [...account.sms, message],
    });
    return message;
  }
  abandonSession(sessionId: string): void {
    const session = this.mustSession(sessionId);
    if (session.notes.length > 0 || session.held.length > 0) throw new Error(`cash session ${sessionId} holds cash and cannot be abandoned`);
    this.sessions.delete(sessionId);
  }
  receipt(number: string): Receipt | undefined {
    return this.receipts.get(number);
  }
  payAtDesk(request: DeskPaymentRequest): DeskPaymentOutcome {
    const registerId = DESKS[request.place].registerId;
    const outcome = planDeskPayment(request, this.findOrder(request.code), this.registers.get(registerId) ?? null, this.processingDelayMs);
    if (outcome.kind !== 'paid') return outcome;
    this.orders.set(outcome.order.code, structuredClone(outcome.order));
    this.registers.set(registerId, outcome.counters);
    this.deskSales.push(structuredClone(outcome.receipt));
    // R-MOB-10: a site top-up paid at a desk lands on its phone (balance and ledger line)
    const toTopUpPhone = siteTopUpCredit(outcome.order, outcome.receipt.total);
    if (outcome.order.topUpPhone && isPositive(toTopUpPhone)) {
      const account = this.phoneAccount(outcome.order.topUpPhone);
      const reason = siteTopUpReason(outcome.order.code, outcome.receipt.number);
      this.phones.set(account.phone, { ...account, balance: add(account.balance, toTopUpPhone), ledger: [...account.ledger, { at: request.at, amount: toTopUpPhone, reason }] });
    }
    return structuredClone(outcome);
  }
  deskReceipts(): DeskReceipt[] {
    return structuredClone(this.deskSales);
  }
  tillState(place: DeskPlace): TillState | null {
    return this.tills.tillState(place);
  }
  openTillShift(place: DeskPlace, float: Drawer, at: number): TillState {
    return this.tills.openTillShift(place, float, at);
  }
  payAtTill(request: TillPaymentRequest): TillPaymentOutcome {
    return this.tills.payAtTill(request);
  }
  sendAwayAtTill(place: DeskPlace, at: number): TillState {
    return this.tills.sendAwayAtTill(place, at);
  }
  tillReport(place: DeskPlace, kind: 'X' | 'Z', at: number): ShiftReport {
    return this.tills.tillReport(place, kind, at);
  }
  cassette(terminalId: string): CassetteCount {
    const before = this.encashments(terminalId);
    const last = this.encashed.filter((e) => e.terminalId === terminalId).at(-1);
    const notes = this.cassetteJournal.slice(last?.upTo ?? 0).filter((j) => j.terminalId === terminalId).map((j) => j.note);
    return countCassette(terminalId, cassetteId(terminalId, before.length), last?.at ?? null, notes);
  }
  encash(terminalId: string, at: number): Encashment {
    const count = this.cassette(terminalId);
    const encashment = { ...count, number: this.encashments(terminalId).length + 1, at };
    this.encashed.push({ ...encashment, upTo: this.cassetteJournal.length });
    return structuredClone(encashment);
  }
  encashments(terminalId?: string): Encashment[] {
    return this.encashed.filter((e) => !terminalId || e.terminalId === terminalId).map(({ upTo: _, ...e }) => structuredClone(e));
  }

  private mustSession(id: string): StoredSession {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no cash session ${id}`);
    return session;
  }
}
