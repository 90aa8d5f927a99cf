/**
 * The SQLite store's orders and phones: the orders with their SMS, the phone accounts (balance and
 * ledger) and the mobile payments from those balances. `SqliteStore` (sqliteStore.ts) builds the
 * cash side on it.
 */
import { ZERO, type Money } from '../domain/money.js';
import { decideOrderAction, type ActionOutcome, type OrderAction } from '../domain/orders/orderLife.js';
import { repriceOrder, type Order } from '../domain/orders/orders.js';
import { DEFAULT_RULES, type OperatorId, type OrderLifeRules } from '../domain/rules.js';
import type { LedgerEntry, MobileOutcome, MobileRequestInput, OrderSms, PhoneAccount } from '../domain/store.js';
import { findOrder, mustOrder } from './payments.js';
import { insertOrder, insertSms, listOrders, persistOutcome, phoneMessages, saveOrder } from './orderRows.js';
import * as rows from './rows.js';
import { answerInTransaction, expireInTransaction, hasDueRefunds, insertDueRefund, landInTransaction, listPayments, overduePayments, readSettings, requestInTransaction, writeSettings } from './mobileRows.js';
import type { MobilePayment, PhoneSettings } from '../domain/mobile/mobilePayment.js';
import type { MobileRules } from '../domain/mobile/mobileRules.js';
import { dueRefundOf } from '../domain/mobile/mobileLedger.js';
import { mobileRulesOf } from '../domain/mobile/inbox.js';
import { SqliteRecords } from './sqliteRecords.js';

export abstract class SqliteOrders extends SqliteRecords {
  findOrder(code: string): Order | undefined {
    return this.guard(() => findOrder(this.db, code));
  }

  listOrders(): Order[] {
    return this.guard(() => listOrders(this.db));
  }

  addOrder(order: Order): void {
    this.guard(() => {
      if (this.findOrder(order.code)) throw new Error(`order ${order.code} exists already`);
      this.db.transaction(() => insertOrder(this.db, order)).immediate();
    });
  }

  placeOrder(order: Order, sms: OrderSms): void {
    this.guard(() => {
      this.checkpoint('order:before');
      this.db
        .transaction(() => {
          if (findOrder(this.db, order.code)) throw new Error(`order ${order.code} exists already`);
          insertOrder(this.db, order);
          this.checkpoint('order:during');
          insertSms(this.db, sms);
        })
        .immediate();
      this.checkpoint('order:after');
    });
  }

  changeOrder(code: string, action: OrderAction, at: number, rules: OrderLifeRules = DEFAULT_RULES): ActionOutcome {
    return this.guard(() =>
      this.db
        .transaction(() => {
          const before = mustOrder(this.db, code);
          const outcome = decideOrderAction(before, action, at, rules);
          // R-MOB-8: a mobile payment's refund goes back to the paying balance later, not to the order's phone now
          const due = dueRefundOf(outcome.order, outcome.refund, outcome.ledgerReason ?? '', listPayments(this.db), at, mobileRulesOf(rules));
          persistOutcome(this.db, before, due ? { ...outcome, refund: ZERO } : outcome, at);
          if (due) insertDueRefund(this.db, due);
          return outcome;
        })
        .immediate(),
    );
  }

  repriceOrder(code: string, price: Money): Order {
    return this.guard(() => {
      rows.assertMoney(price);
      const reprice = this.db.transaction(() => {
        const before = mustOrder(this.db, code);
        const repriced = repriceOrder(before, price);
        saveOrder(this.db, before, repriced);
        return repriced;
      });
      return reprice.immediate();
    });
  }

  sendSms(message: OrderSms): void {
    this.guard(() => insertSms(this.db, message));
  }

  phoneAccount(phone: string): PhoneAccount {
    return this.guard(() => {
      const account = this.db.prepare<rows.PhoneRow>('SELECT * FROM phone_accounts WHERE phone = ?').get(phone);
      const ledger = this.db
        .prepare<LedgerEntry>('SELECT at, amount, reason FROM ledger WHERE phone = ? ORDER BY id')
        .all(phone);
      const sms = phoneMessages(this.db, 'phone', phone);
      // an SMS (a code) may reach a number that has no account yet
      return { phone, operator: account?.operator ?? null, balance: account?.balance ?? ZERO, ledger, sms };
    });
  }

  setPhoneAccount(phone: string, operator: OperatorId | null, balance: Money): void {
    this.guard(() => {
      rows.assertMoney(balance);
      this.db
        .prepare(
          `INSERT INTO phone_accounts (phone, operator, balance) VALUES (?, ?, ?)
           ON CONFLICT (phone) DO UPDATE SET operator = excluded.operator, balance = excluded.balance`,
        )
        .run(phone, operator, balance);
    });
  }

  phoneSettings(phone: string): PhoneSettings {
    return this.guard(() => readSettings(this.db, phone));
  }

  setPhoneSettings(phone: string, settings: PhoneSettings): void {
    this.guard(() => writeSettings(this.db, phone, settings));
  }

  requestMobilePayment(input: MobileRequestInput, rules: MobileRules): MobileOutcome {
    return this.guard(() => this.db.transaction(() => requestInTransaction(this.db, input, rules, this.checkpoint)).immediate());
  }

  answerMobilePayment(id: string, text: string, at: number, rules: MobileRules): MobileOutcome {
    return this.guard(() => this.db.transaction(() => answerInTransaction(this.db, id, text, at, rules, this.checkpoint)).immediate());
  }

  expireMobilePayments(at: number): MobileOutcome[] {
    // asked every second of the interactive run: the write lock is taken only when a request is overdue
    return this.guard(() => (overduePayments(this.db, at).length === 0 ? [] : this.db.transaction(() => expireInTransaction(this.db, at, this.checkpoint)).immediate()));
  }

  landMobileRefunds(at: number): MobileOutcome[] {
    return this.guard(() => (hasDueRefunds(this.db, at) ? this.db.transaction(() => landInTransaction(this.db, at, this.checkpoint)).immediate() : []));
  }

  mobilePayments(phone?: string): MobilePayment[] {
    return this.guard(() => listPayments(this.db, phone));
  }
}
