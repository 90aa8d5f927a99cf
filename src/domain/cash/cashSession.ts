/**
 * A cash session as the store keeps it: the session a terminal opens for the cash screen, the
 * payment that closes it with its receipt, and the cash journal of the banknotes it took.
 */
import type { Money } from '../money.js';
import type { Order } from '../orders/orders.js';
import type { OperatorId } from '../rules.js';

export interface Receipt {
  number: string;
  terminalId: string;
  /** epoch milliseconds */
  at: number;
  code: string;
  due: Money;
  accepted: Money;
  toOrder: Money;
  toPhone: Money;
  phone: string;
  operator: OperatorId;
  /** the order after this payment: what is still owed when the price rose (R-CODE-5) */
  orderStatus: Order['status'];
  owed: Money;
  recovered: boolean;
}

/** Called at named points of the payment path (before/during/after each write); the crash tests' hook. */
export type Checkpoint = (point: string) => void;

/** The process that opened a cash session: recovery may take the session once it is gone. */
export interface SessionOwner {
  host: string;
  pid: number;
  /** when the process started, as the OS tells it (Linux: /proc/PID/stat); tells a reused pid apart */
  started?: string | null;
}

/** A cash session: opened when the cash screen opens, closed by a completed payment. */
export interface CashSession {
  id: string;
  terminalId: string;
  code: string;
  due: Money;
  phone: string;
  operator: OperatorId;
  openedAt: number;
  /** who opened it; absent when the caller did not say (tests, sessions from before owners were kept) */
  owner?: SessionOwner | null;
  notes: number[];
}

/** A journal line: a banknote a session took, with what became of the session. */
export interface JournalEntry {
  id: number;
  /** epoch milliseconds */
  at: number;
  note: number;
  sessionId: string;
  terminalId: string;
  code: string;
  /** open: not paid yet (a terminal is taking cash, or recovery will pay it) */
  state: 'open' | 'paid' | 'abandoned';
  /** the receipt that paid the session, once paid */
  receipt: string | null;
}
