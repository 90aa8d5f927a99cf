/**
 * The store behind the kiosk: orders, phone accounts, the cash journal and receipts. Callers see
 * `KioskStore`, whose every method returns a Promise (a registry may be a server: PostgreSQL); a
 * promise resolves only once its write is durable, so an accepted banknote is saved before the
 * screen says so. `SyncKioskStore` declares the methods (and their contract) once: `MemoryStore`
 * and the SQLite store implement it synchronously, each method one transaction, and `asyncStore`
 * (asyncStore.ts) puts them behind `KioskStore`. What it keeps is declared by subject and re-exported
 * here: a cash session, its receipt and the cash journal in cash/cashSession.ts; a phone's account,
 * ledger and SMS in mobile/phoneAccount.ts.
 */
import type { Money } from './money.js';
import type { ActionOutcome, OrderAction } from './orders/orderLife.js';
import type { Order } from './orders/orders.js';
import type { OperatorId, OrderLifeRules } from './rules.js';
import type { Settlement } from './cash/settlement.js';
import type { DeskPaymentOutcome, DeskPaymentRequest } from './cash/deskPayment.js';
import type { DeskReceipt } from './fiscal/fiscalReceipt.js';
import type { MobilePayment, PhoneSettings } from './mobile/mobilePayment.js';
import type { MobileRules } from './mobile/mobileRules.js';

/** What asking for a mobile payment did: the request (or its refusal, also kept) and the SMS sent. */
export interface MobileOutcome {
  payment: MobilePayment;
  sms: MobileSms[];
}

/** Asking to pay order `code` from `phone`'s balance, on the operator the buyer picked (R-MOB-1). */
export interface MobileRequestInput {
  phone: string;
  operator: OperatorId;
  code: string;
  at: number;
}
import type { TillStore } from './cash/tillStore.js';
import type { AttemptRecord } from './training/attempt.js';
import type { DrillCard } from './training/drill.js';
import type { CassetteCount, Encashment } from './cash/cassette.js';
import type { JammedSession } from './cash/jam.js';
import type { CashSession, JournalEntry, Receipt } from './cash/cashSession.js';
import type { MobileSms, OrderSms, PhoneAccount, Sms } from './mobile/phoneAccount.js';

export type { CassetteCount, Encashment } from './cash/cassette.js';
export type { JammedSession } from './cash/jam.js';
export type { CashSession, Checkpoint, JournalEntry, Receipt, SessionOwner } from './cash/cashSession.js';
export { MOBILE_SMS_KINDS, SMS_KINDS, type LedgerEntry, type MobileSms, type OrderSms, type PhoneAccount, type PhoneMessage, type Sms, type SmsKind } from './mobile/phoneAccount.js';

export interface PaymentOutcome {
  receipt: Receipt;
  /** the order after the payment; null for a top-up at the terminal (no order) */
  order: Order | null;
  sms: Sms[];
  /** true when the session had been paid before this call (e.g. by another terminal's recovery): nothing was credited now */
  alreadyPaid?: boolean;
}

/** Which training attempts to list: every one when a field is absent. */
export interface TrainingAttemptFilter {
  /** exactly this name */
  trainee?: string;
  /** epoch ms: attempts started at or after it */
  since?: number;
}

export interface SyncKioskStore extends TillStore {
  findOrder(code: string): Order | undefined;
  listOrders(): Order[];
  /** adds an order; throws if the code exists */
  addOrder(order: Order): void;
  /**
   * Does `action` to an order at `at` (see orderLife.ts), atomically: the order and its history,
   * the refund to its phone (balance, ledger), the SMS and the order `renew` places. Throws
   * `OrderRefused` (changing nothing) when the action does not fit the order.
   */
  changeOrder(code: string, action: OrderAction, at: number, rules?: OrderLifeRules): ActionOutcome;
  /**
   * Places a new order and sends its payment code by SMS (R-CODE-1), atomically: after a crash the
   * store holds both or neither, never an order whose code never reached its phone. Throws if the
   * code exists, changing nothing.
   */
  placeOrder(order: Order, sms: OrderSms): void;
  /** puts an SMS about an order (its payment code, R-CODE-1) in its phone's inbox */
  sendSms(message: OrderSms): void;
  /** replaces an order's current price (R-CODE-5) */
  repriceOrder(code: string, price: Money): Order;
  phoneAccount(phone: string): PhoneAccount;
  setPhoneAccount(phone: string, operator: OperatorId | null, balance: Money): void;
  openSession(session: Omit<CashSession, 'notes'>): void;
  /** durably records one accepted banknote; returns only once it is saved */
  journalNote(sessionId: string, note: number, at: number): void;
  /** sessions with journaled notes and no payment, oldest first; a jammed session is not one (see jammedSessions) */
  unfinishedSessions(terminalId?: string): CashSession[];
  /**
   * The bill acceptor jammed on this note: records it durably as held (journaled, not counted: not in
   * the session's notes nor the cassette) before the screen says anything; returns only once saved.
   */
  holdNote(sessionId: string, note: number, at: number): void;
  /** unpaid sessions with a held note, oldest first: the terminal is out of service until they are cleared */
  jammedSessions(terminalId?: string): JammedSession[];
  /**
   * Service mode's "Clear jam", atomically: the held notes are counted in their session and it is paid
   * as `completePayment` pays (the order first, the rest to the phone). Idempotent like it: clearing a
   * session paid before credits nothing and returns the earlier outcome with `alreadyPaid: true`.
   */
  clearJam(sessionId: string, at: number): PaymentOutcome;
  /**
   * Pays a session, atomically: the order gets at most what it still needs at this moment (another
   * terminal may have paid it), everything else goes to the phone, and a receipt is written.
   * Idempotent per session: paying a paid session credits nothing and returns the earlier outcome
   * with `alreadyPaid: true`.
   */
  completePayment(sessionId: string, trigger: Settlement['trigger'], at: number, recovered?: boolean): PaymentOutcome;
  /** closes a session that took no cash (the customer left before inserting anything) */
  abandonSession(sessionId: string): void;
  receipt(number: string): Receipt | undefined;
  /**
   * A payment at a cashier's or Post desk (R-CASH-1, R-CASH-3), atomically: the order's credit
   * (processing like a terminal's), the fiscal receipt and its register's counters, never reused.
   * Refused, changing nothing, when the order needs nothing any more (paid elsewhere first).
   */
  payAtDesk(request: DeskPaymentRequest): DeskPaymentOutcome;
  /** every desk receipt, oldest first */
  deskReceipts(): DeskReceipt[];
  /** a phone's settings at its operator (tariff, new subscriber, outage); the defaults when never set */
  phoneSettings(phone: string): PhoneSettings;
  setPhoneSettings(phone: string, settings: PhoneSettings): void;
  /**
   * R-MOB-1..6: decides a mobile payment request and keeps it, refused or not, atomically with its SMS
   * (none for a silent refusal). Expires the phone's overdue requests first. Throws when there is no such order.
   */
  requestMobilePayment(input: MobileRequestInput, rules: MobileRules): MobileOutcome;
  /**
   * R-MOB-2: the reply to the request's SMS, atomically: confirmed and debited (price and commission,
   * two ledger lines) and the order credited, processing until `settlesAt` (R-MOB-7); or cancelled,
   * expired or refused, with the SMS that says so. A request answered before changes nothing.
   */
  answerMobilePayment(id: string, text: string, at: number, rules: MobileRules): MobileOutcome;
  /** cancels every request whose reply time ran out by `at`, each at its own deadline, with its SMS */
  expireMobilePayments(at: number): MobileOutcome[];
  /**
   * R-MOB-8: credits every refund of a mobile payment due by `at` to the balance it was paid from,
   * each dated when it was due, with its ledger line and the operator's SMS. (A refund of a mobile
   * payment is not credited by `changeOrder`: it is due `refundWorkingDays` working days later.)
   */
  landMobileRefunds(at: number): MobileOutcome[];
  /** the mobile payments of a phone (every phone when omitted), oldest first */
  mobilePayments(phone?: string): MobilePayment[];
  /**
   * How far the program's clock runs ahead of real time (F9/F10 in an interactive run), so that every
   * process on this store (the kiosk after a restart, `kiosk orders cancel` in another window) acts at
   * the same program time. 0 until the clock is first moved.
   */
  programClockOffset(): number;
  /** keeps the program clock's offset; it never moves back */
  setProgramClockOffset(ms: number): void;
  /** what the terminal's cassette holds since its last encashment, counted from the cash journal */
  cassette(terminalId: string): CassetteCount;
  /**
   * Takes the cassette out, atomically: records an encashment with the count of every note journaled
   * since the last one (paid or still in an unfinished session) and starts a new, empty cassette.
   */
  encash(terminalId: string, at: number): Encashment;
  /** every encashment, oldest first (of one terminal when given) */
  encashments(terminalId?: string): Encashment[];
  /**
   * Keeps a training attempt with its checkpoints, atomically (issue 15). Idempotent by attempt id:
   * the first save wins and a later one changes nothing, so an attempt saved abandoned stays so.
   * Throws, keeping nothing, for a record that does not hold together (see attemptCheck.ts).
   * `drill`: the trainee's drill cards this attempt reviewed (issue 18), kept in the same transaction
   * (replacing that trainee's card of each rule) only when the attempt is new.
   */
  recordTrainingAttempt(record: AttemptRecord, drill?: readonly DrillCard[]): void;
  /** a trainee's drill cards (issue 18), by rule */
  drillCards(trainee: string): DrillCard[];
  /** the attempts kept, oldest first (by start, then id): of one trainee, started at or after `since` */
  listTrainingAttempts(filter?: TrainingAttemptFilter): AttemptRecord[];
  close(): void;
}

/** `T` with every method returning a Promise of what it returned (already-async methods unchanged). */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K];
};

/** The store as every caller sees it: each method of `SyncKioskStore`, asynchronous. */
export type KioskStore = Async<SyncKioskStore>;

/** What the durable stores keep beyond the kiosk's own calls: the printed receipts and the journal (the store commands). */
export interface StoreReports {
  /** keeps a receipt's printed text (so `kiosk receipts show` prints the same); throws for an unknown receipt */
  setReceiptText(number: string, text: string): void;
  /** the printed text; undefined when the receipt does not exist or was never printed */
  receiptText(number: string): string | undefined;
  /** the receipts since `since` (epoch ms), oldest first */
  receipts(since?: number | null): Receipt[];
  /** the cash journal since `since` (epoch ms), oldest first, with each session's fate */
  journalEntries(since?: number | null): JournalEntry[];
}

/** A durable store as the store commands see it (SQLite in a data directory, or a PostgreSQL registry). */
export type CommandStore = Async<SyncKioskStore & StoreReports>;
