/** Rows as SQLite returns them, and their domain shapes. Columns are snake_case, fields camelCase. */
import type { Money } from '../domain/money.js';
import type { Credit, Order, OrderEvent, OrderStage, OrderStatus } from '../domain/orders/orders.js';
import type { OperatorId } from '../domain/rules.js';
import type { CashSession, Receipt } from '../domain/store.js';

export interface OrderRow {
  code: string;
  code_amount: Money;
  price: Money;
  phone: string;
  issued_at: number;
  region: string;
  channel: Order['channel'];
  status: OrderStatus;
  paid: Money;
  owed: Money;
  stage: OrderStage;
  refunded: Money;
  renewed_from: string | null;
  renewed_as: string | null;
  site_order_id: string | null;
  top_up_phone: string | null;
}

export interface CreditRow {
  receipt: string;
  amount: Money;
  accepted_at: number;
  settles_at: number;
}

export interface PhoneRow {
  phone: string;
  operator: OperatorId | null;
  balance: Money;
}

export interface SessionRow {
  id: string;
  terminal_id: string;
  code: string;
  due: Money;
  phone: string;
  operator: OperatorId;
  opened_at: number;
  owner_host: string | null;
  owner_pid: number | null;
  owner_started: string | null;
}

export interface ReceiptRow {
  number: string;
  terminal_id: string;
  at: number;
  code: string;
  due: Money;
  accepted: Money;
  to_order: Money;
  to_phone: Money;
  phone: string;
  operator: OperatorId;
  order_status: OrderStatus;
  owed: Money;
  recovered: number;
}

export function toOrder(row: OrderRow | undefined, history: OrderEvent[] = [], credits: CreditRow[] = []): Order | undefined {
  if (!row) return undefined;
  return {
    code: row.code,
    codeAmount: row.code_amount,
    price: row.price,
    phone: row.phone,
    issuedAt: row.issued_at,
    region: row.region,
    channel: row.channel,
    status: row.status,
    paid: row.paid,
    owed: row.owed,
    stage: row.stage,
    refunded: row.refunded,
    history,
    credits: credits.map((c): Credit => ({ receipt: c.receipt, amount: c.amount, acceptedAt: c.accepted_at, settlesAt: c.settles_at })),
    renewedFrom: row.renewed_from,
    renewedAs: row.renewed_as,
    siteOrderId: row.site_order_id,
    topUpPhone: row.top_up_phone ?? null,
  };
}

export function toSession(row: SessionRow, notes: number[]): CashSession {
  return {
    id: row.id,
    terminalId: row.terminal_id,
    code: row.code,
    due: row.due,
    phone: row.phone,
    operator: row.operator,
    openedAt: row.opened_at,
    owner: row.owner_host !== null && row.owner_pid !== null ? { host: row.owner_host, pid: row.owner_pid, started: row.owner_started } : null,
    notes,
  };
}

export function toReceipt(row: ReceiptRow | undefined): Receipt | undefined {
  if (!row) return undefined;
  return {
    number: row.number,
    terminalId: row.terminal_id,
    at: row.at,
    code: row.code,
    due: row.due,
    accepted: row.accepted,
    toOrder: row.to_order,
    toPhone: row.to_phone,
    phone: row.phone,
    operator: row.operator,
    orderStatus: row.order_status,
    owed: row.owed,
    recovered: row.recovered === 1,
  };
}

/** Money reaches the file only in canonical form ("4750.00"): compared and summed as text later. */
export function assertMoney(...amounts: Money[]): void {
  for (const amount of amounts) {
    if (typeof amount !== 'string' || !/^-?\d+\.\d{2}$/.test(amount)) {
      throw new TypeError(`not a canonical amount of money: ${JSON.stringify(amount)}`);
    }
  }
}
