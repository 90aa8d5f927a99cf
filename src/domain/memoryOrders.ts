/**
 * The in-memory store's orders and phones: the orders with their SMS, the phone accounts (balance,
 * ledger, inbox) and the mobile payments from those balances. `MemoryStore` (memoryStore.ts) builds
 * the cash side on it.
 */
import { add, cmp, isPositive, ZERO, type Money } from './money.js';
import { decideOrderAction, type ActionOutcome, type OrderAction } from './orders/orderLife.js';
import { repriceOrder, type Order } from './orders/orders.js';
import { DEFAULT_RULES, type OperatorId, type OrderLifeRules } from './rules.js';
import type { MobileOutcome, MobileRequestInput, OrderSms, PhoneAccount } from './store.js';
import { DEFAULT_PHONE_SETTINGS, overdue, transactionNumber, type MobilePayment, type PhoneSettings } from './mobile/mobilePayment.js';
import { checkedBalance, dueRefundOf, planAnswer, planExpiry, planRefundLanding, planRequest, type DueRefund, type MobilePlan } from './mobile/mobileLedger.js';
import { mobileRulesOf } from './mobile/inbox.js';
import type { MobileRules } from './mobile/mobileRules.js';
import { MemoryRecords } from './memoryRecords.js';

export abstract class MemoryOrders extends MemoryRecords {
  protected orders = new Map<string, Order>();
  protected phones = new Map<string, PhoneAccount>();
  private settings = new Map<string, PhoneSettings>();
  /** mobile payments, oldest first; the position numbers them */
  private mobile: MobilePayment[] = [];
  /** R-MOB-8: refunds of mobile payments on their way back to the balance */
  private dueRefunds: Array<DueRefund & { landed: boolean }> = [];

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
    // Stryker disable next-line StringLiteral: equivalent, because dueRefundOf returns null for a zero refund, and a positive one always has its ledgerReason
    const due = dueRefundOf(outcome.order, outcome.refund, outcome.ledgerReason ?? '', this.mobile, at, mobileRulesOf(rules));
    this.orders.set(code, structuredClone(outcome.order));
    if (outcome.placed) this.orders.set(outcome.placed.code, structuredClone(outcome.placed));
    const account = this.phoneAccount(outcome.order.phone);
    const refunded = isPositive(outcome.refund) && !due;
    this.phones.set(account.phone, {
      ...account,
      balance: refunded ? add(account.balance, outcome.refund) : account.balance,
      // Stryker disable next-line StringLiteral: equivalent, because `refunded` needs a positive refund, which always comes with its ledgerReason
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
    // the earliest due first, as the stores' `ORDER BY due_at, id` (a stable sort keeps the order decided for equal times)
    return this.dueRefunds.filter((r) => !r.landed && r.dueAt <= at).sort((a, b) => a.dueAt - b.dueAt).map((refund) => {
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
  /** Writes a mobile plan: checked first (a balance never below zero), then all of it, so nothing is half-written. */
  private persistMobile(plan: MobilePlan): void {
    const account = this.phoneAccount(plan.payment.phone);
    const balance = checkedBalance(account.balance, plan);
    const index = this.mobile.findIndex((p) => p.id === plan.payment.id);
    if (index >= 0) this.mobile[index] = structuredClone(plan.payment);
    else this.mobile.push(structuredClone(plan.payment));
    if (plan.order) this.orders.set(plan.order.code, structuredClone(plan.order));
    this.phones.set(account.phone, { ...account, balance, ledger: [...account.ledger, ...plan.ledger], sms: [...account.sms, ...structuredClone(plan.sms)] });
  }

  protected mustOrder(code: string): Order {
    const order = this.orders.get(code);
    if (!order) throw new Error(`no order ${code}`);
    return order;
  }
}
