/** In-memory `KioskStore`: for unit tests, tapes and `--memory`. Same semantics as the SQLite store. */
import { add, isPositive, ZERO, type Money } from './money.js';
import { decideOrderAction, type ActionOutcome, type OrderAction } from './orders/orderLife.js';
import { acceptTerminalPayment, repriceOrder, type Order } from './orders/orders.js';
import { buildReceipt, phoneCreditReason, planPayment, receiptNumber, siteTopUpCredit, siteTopUpReason } from './cash/payment.js';
import { isTopUp } from './mobile/topup.js';
import { checkProcessingDelay, DEFAULT_RULES, OPERATOR_NAMES, type OperatorId, type OrderLifeRules } from './rules.js';
import { planDeskPayment, type DeskPaymentOutcome, type DeskPaymentRequest } from './cash/deskPayment.js';
import { DESKS, type DeskPlace } from './fiscal/desks.js';
import type { Drawer } from './cash/drawer.js';
import { MemoryTills } from './cash/memoryTills.js';
import type { ShiftReport } from './cash/shift.js';
import type { TillPaymentOutcome, TillPaymentRequest, TillState } from './cash/till.js';
import type { DeskReceipt, RegisterCounters } from './fiscal/fiscalReceipt.js';
import type { CashSession, SyncKioskStore, MobileOutcome, MobileRequestInput, OrderSms, PaymentOutcome, PhoneAccount, Receipt, Sms } from './store.js';
import { DEFAULT_PHONE_SETTINGS, overdue, transactionNumber, type MobilePayment, type PhoneSettings } from './mobile/mobilePayment.js';
import { balanceAfter, dueRefundOf, planAnswer, planExpiry, planRefundLanding, planRequest, type DueRefund, type MobilePlan } from './mobile/mobileLedger.js';
import { mobileRulesOf } from './mobile/inbox.js';
import type { MobileRules } from './mobile/mobileRules.js';
import { cmp } from './money.js';
import { cassetteId, countCassette, type CassetteCount, type Encashment } from './cash/cassette.js';
import type { AttemptRecord } from './training/attempt.js';
import { checkAttemptRecord } from './training/attemptCheck.js';
import { checkDrillCard, type DrillCard } from './training/drill.js';
import type { TrainingAttemptFilter } from './store.js';
import type { JammedSession } from './cash/jam.js';

type StoredSession = CashSession & { done: boolean; held: number[] };
const publicSession = ({ done: _done, held: _held, ...s }: StoredSession): CashSession => structuredClone(s);

export interface MemoryStoreOptions {
  /** R-CODE-6: how long terminal cash is "processing" (default 2 days, at most 7) */
  processingDelayMs?: number;
}

export class MemoryStore implements SyncKioskStore {
  private readonly processingDelayMs: number;
  constructor(options: MemoryStoreOptions = {}) {
    this.processingDelayMs = checkProcessingDelay(options.processingDelayMs ?? DEFAULT_RULES.processingDelayMs);
  }
  private orders = new Map<string, Order>();
  private phones = new Map<string, PhoneAccount>();
  private sessions = new Map<string, StoredSession>();
  private receipts = new Map<string, Receipt>();
  /** session id → its payment, so that paying twice credits once */
  private payments = new Map<string, PaymentOutcome>();
  /** terminal id → receipts it has printed: each terminal numbers its own */
  private receiptSeq = new Map<string, number>();
  /** a desk's register → its counters after its last receipt */
  private registers = new Map<string, RegisterCounters>();
  private deskSales: DeskReceipt[] = [];
  private settings = new Map<string, PhoneSettings>();
  /** mobile payments, oldest first; the position numbers them */
  private mobile: MobilePayment[] = [];
  /** R-MOB-8: refunds of mobile payments on their way back to the balance */
  private dueRefunds: Array<DueRefund & { landed: boolean }> = [];
  /** how far the program's clock runs ahead of real time */
  private clockOffset = 0;
  private readonly tills = new MemoryTills((request) => this.payAtDesk(request));
  /** every cassetteJournal note, in order, with its terminal: what the cassettes hold */
  private cassetteJournal: { terminalId: string; sessionId: string; note: number; at: number; kind: 'accepted' | 'held' | 'cleared' }[] = [];
  private encashed: (Encashment & { upTo: number })[] = [];
  /** training attempts by id, in the order they were kept */
  private attempts = new Map<string, AttemptRecord>();
  /** drill cards by trainee and rule */
  private drill = new Map<string, DrillCard>();

  findOrder(code: string): Order | undefined {
    const order = this.orders.get(code);
    return order && structuredClone(order);
  }
  listOrders(): Order[] {
    return [...this.orders.values()].map((o) => structuredClone(o));
  }
  addOrder(order: Order): void {
    if (this.orders.has(order.code)) throw new Error(`order ${order.code} exists already`);
    this.orders.set(order.code, structuredClone(order));
  }
  placeOrder(order: Order, sms: OrderSms): void {
    // both checks before any change: nothing half-placed
    // Stryker disable next-line ConditionalExpression: equivalent, because addOrder below makes the same check before the SMS is sent
    if (this.orders.has(order.code)) throw new Error(`order ${order.code} exists already`);
    this.addOrder(order);
    this.sendSms(sms);
  }
  changeOrder(code: string, action: OrderAction, at: number, rules: OrderLifeRules = DEFAULT_RULES): ActionOutcome {
    const outcome = decideOrderAction(this.mustOrder(code), action, at, rules);
    if (outcome.placed && this.orders.has(outcome.placed.code)) throw new Error(`order ${outcome.placed.code} exists already`);
    // R-MOB-8: a mobile payment's refund goes back to the paying balance later, not to the order's phone now
    const due = dueRefundOf(outcome.order, outcome.refund, outcome.ledgerReason ?? '', this.mobile, at, mobileRulesOf(rules));
    this.orders.set(code, structuredClone(outcome.order));
    if (outcome.placed) this.orders.set(outcome.placed.code, structuredClone(outcome.placed));
    const account = this.phoneAccount(outcome.order.phone);
    const refunded = isPositive(outcome.refund) && !due;
    this.phones.set(account.phone, {
      ...account,
      balance: refunded ? add(account.balance, outcome.refund) : account.balance,
      ledger: refunded ? [...account.ledger, { at, amount: outcome.refund, reason: outcome.ledgerReason ?? '' }] : account.ledger,
      sms: [...account.sms, ...outcome.sms],
    });
    if (due) {
      this.dueRefunds.push({ ...due, landed: false });
      const payment = this.mobile.find((p) => p.id === due.payment)!;
      payment.events.push({ at, kind: 'refundDue', why: `${due.why}; due ${new Date(due.dueAt).toISOString()}`, amount: due.amount });
    }
    return structuredClone(outcome);
  }
  landMobileRefunds(at: number): MobileOutcome[] {
    return this.dueRefunds.filter((r) => !r.landed && r.dueAt <= at).map((refund) => {
      const payment = this.mobile.find((p) => p.id === refund.payment)!;
      const plan = planRefundLanding(payment, refund, this.phoneAccount(refund.phone).balance);
      this.persistMobile(plan);
      refund.landed = true;
      return structuredClone({ payment: plan.payment, sms: plan.sms });
    });
  }
  sendSms(message: OrderSms): void {
    const account = this.phoneAccount(message.phone);
    this.phones.set(account.phone, { ...account, sms: [...account.sms, structuredClone(message)] });
  }
  repriceOrder(code: string, price: Money): Order {
    const repriced = repriceOrder(this.mustOrder(code), price);
    this.orders.set(code, repriced);
    return repriced;
  }
  phoneAccount(phone: string): PhoneAccount {
    const account = this.phones.get(phone);
    return account ? structuredClone(account) : { phone, operator: null, balance: ZERO, ledger: [], sms: [] };
  }
  setPhoneAccount(phone: string, operator: OperatorId | null, balance: Money): void {
    if (cmp(balance, ZERO) < 0) throw new Error(`a phone balance never goes below zero (${balance})`);
    const account = this.phoneAccount(phone);
    this.phones.set(phone, { ...account, operator, balance });
  }
  openSession(session: Omit<CashSession, 'notes'>): void {
    if (this.sessions.has(session.id)) throw new Error(`cash session ${session.id} exists already`);
    this.sessions.set(session.id, { ...session, notes: [], done: false, held: [] });
  }
  journalNote(sessionId: string, note: number, at?: number): void {
    const session = this.mustSession(sessionId);
    if (session.done) throw new Error(`cash session ${sessionId} is paid; it takes no more cash`);
    session.notes.push(note);
    this.cassetteJournal.push({ terminalId: session.terminalId, sessionId, note, at: at ?? 0, kind: 'accepted' });
  }
  unfinishedSessions(terminalId?: string): CashSession[] {
    return [...this.sessions.values()]
      .filter((s) => !s.done && s.notes.length > 0 && s.held.length === 0 && (!terminalId || s.terminalId === terminalId))
      .map(publicSession);
  }
  holdNote(sessionId: string, note: number, at: number): void {
    const session = this.mustSession(sessionId);
    if (session.done) throw new Error(`cash session ${sessionId} is paid; it takes no more cash`);
    session.held.push(note);
    this.cassetteJournal.push({ terminalId: session.terminalId, sessionId, note, at, kind: 'held' });
  }
  jammedSessions(terminalId?: string): JammedSession[] {
    return [...this.sessions.values()]
      .filter((s) => !s.done && s.held.length > 0 && (!terminalId || s.terminalId === terminalId))
      .map((s) => ({ ...publicSession(s), held: [...s.held] }));
  }
  clearJam(sessionId: string, at: number): PaymentOutcome {
    const session = this.mustSession(sessionId);
    if (!session.done && session.held.length > 0) {
      // counted now: into the session, and into the cassette in the acceptor now (after any encashment meanwhile)
      for (const j of this.cassetteJournal) if (j.sessionId === sessionId && j.kind === 'held') j.kind = 'cleared';
      for (const note of session.held) this.cassetteJournal.push({ terminalId: session.terminalId, sessionId, note, at, kind: 'accepted' });
      session.notes.push(...session.held);
      session.held = [];
    }
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
  phoneSettings(phone: string): PhoneSettings {
    return { ...(this.settings.get(phone) ?? DEFAULT_PHONE_SETTINGS) };
  }
  setPhoneSettings(phone: string, settings: PhoneSettings): void {
    this.settings.set(phone, { ...settings });
  }
  requestMobilePayment(input: MobileRequestInput, rules: MobileRules): MobileOutcome {
    const order = this.mustOrder(input.code);
    this.expireMobilePayments(input.at);
    const account = this.phoneAccount(input.phone);
    const plan = planRequest({
      id: transactionNumber(this.mobile.length + 1), phone: input.phone, operator: input.operator, order, actualOperator: account.operator,
      balance: account.balance, settings: this.phoneSettings(input.phone), payments: this.mobilePayments(input.phone), at: input.at,
    }, rules);
    this.persistMobile(plan);
    return structuredClone({ payment: plan.payment, sms: plan.sms });
  }
  answerMobilePayment(id: string, text: string, at: number, rules: MobileRules): MobileOutcome {
    const payment = this.mobile.find((p) => p.id === id);
    if (!payment) throw new Error(`no mobile payment ${id}`);
    const plan = planAnswer(payment, text, this.phoneAccount(payment.phone).balance, this.mustOrder(payment.code), at, rules);
    if (!plan) return structuredClone({ payment, sms: [] });
    this.persistMobile(plan);
    return structuredClone({ payment: plan.payment, sms: plan.sms });
  }
  expireMobilePayments(at: number): MobileOutcome[] {
    return overdue(this.mobile, at).map((payment) => {
      const plan = planExpiry(payment, this.phoneAccount(payment.phone).balance);
      this.persistMobile(plan);
      return structuredClone({ payment: plan.payment, sms: plan.sms });
    });
  }
  mobilePayments(phone?: string): MobilePayment[] {
    return structuredClone(this.mobile.filter((p) => phone === undefined || p.phone === phone));
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
  programClockOffset(): number {
    return this.clockOffset;
  }
  setProgramClockOffset(ms: number): void {
    this.clockOffset = Math.max(this.clockOffset, Math.round(ms));
  }
  cassette(terminalId: string): CassetteCount {
    const before = this.encashments(terminalId);
    const last = this.encashed.filter((e) => e.terminalId === terminalId).at(-1);
    const notes = this.cassetteJournal.slice(last?.upTo ?? 0).filter((j) => j.terminalId === terminalId && j.kind === 'accepted').map((j) => j.note);
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
  recordTrainingAttempt(record: AttemptRecord, drill: readonly DrillCard[] = []): void {
    // checked whole before it is kept: nothing half-written; the first save of an id wins
    checkAttemptRecord(record);
    drill.forEach(checkDrillCard);
    if (this.attempts.has(record.id)) return;
    this.attempts.set(record.id, structuredClone(record));
    for (const card of drill) this.drill.set(`${card.trainee}\u0000${card.rule}`, structuredClone(card));
  }
  drillCards(trainee: string): DrillCard[] {
    return [...this.drill.values()].filter((c) => c.trainee === trainee).sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)).map((c) => structuredClone(c));
  }
  listTrainingAttempts(filter: TrainingAttemptFilter = {}): AttemptRecord[] {
    return [...this.attempts.values()]
      .filter((a) => (filter.trainee === undefined || a.trainee === filter.trainee) && (filter.since === undefined || a.startedAt >= filter.since))
      .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((a) => structuredClone(a));
  }
  close(): void {}

  /** Writes a mobile plan: checked first (a balance never below zero), then all of it, so nothing is half-written. */
  private persistMobile(plan: MobilePlan): void {
    const account = this.phoneAccount(plan.payment.phone);
    const balance = balanceAfter(account.balance, plan.ledger);
    if (cmp(balance, ZERO) < 0 || balance !== plan.balance) throw new Error(`a phone balance never goes below zero (${balance})`);
    const index = this.mobile.findIndex((p) => p.id === plan.payment.id);
    if (index >= 0) this.mobile[index] = structuredClone(plan.payment);
    else this.mobile.push(structuredClone(plan.payment));
    if (plan.order) this.orders.set(plan.order.code, structuredClone(plan.order));
    this.phones.set(account.phone, { ...account, balance, ledger: [...account.ledger, ...plan.ledger], sms: [...account.sms, ...structuredClone(plan.sms)] });
  }

  private mustOrder(code: string): Order {
    const order = this.orders.get(code);
    if (!order) throw new Error(`no order ${code}`);
    return order;
  }
  private mustSession(id: string): StoredSession {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no cash session ${id}`);
    return session;
  }
}
