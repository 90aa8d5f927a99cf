/** The demo orders present on a first start (README, `kiosk --help`). */
import { HOUR_MS, type KioskRules } from '../rules.js';
import { newOrder, type Order } from './orders.js';
import type { KioskStore, SyncKioskStore } from '../store.js';

export const DEMO_PHONE = '+79161234567';

export interface DemoOrder {
  code: string;
  summary: string;
}

export function demoOrders(now: number): Order[] {
  const base = { phone: DEMO_PHONE, issuedAt: now - 2 * HOUR_MS };
  return [
    newOrder({ ...base, code: '1000000001', codeAmount: '4750.00' }),
    newOrder({ ...base, code: '1000000002', codeAmount: '3000.00' }),
    newOrder({ ...base, code: '1000000003', codeAmount: '16990.00' }),
    newOrder({ ...base, code: '1000000004', codeAmount: '1200.00', issuedAt: now - 49 * HOUR_MS }),
    { ...newOrder({ ...base, code: '1000000005', codeAmount: '990.00' }), status: 'paid', paid: '990.00', owed: '0.00' },
    newOrder({ ...base, code: '1000000006', codeAmount: '2000.00', price: '2300.00' }),
  ];
}

export const DEMO_SUMMARY: readonly DemoOrder[] = [
  { code: '1000000001', summary: '4,750.00 ₽ (5,000 in → 250 to the phone)' },
  { code: '1000000002', summary: '3,000.00 ₽ (round)' },
  { code: '1000000003', summary: '16,990.00 ₽ (over the 15,000 ₽ cap)' },
  { code: '1000000004', summary: 'issued 49 h ago (expired)' },
  { code: '1000000005', summary: 'already paid' },
  { code: '1000000006', summary: 'code for 2,000.00 ₽, price since risen to 2,300.00 ₽' },
];

/** The demo codes' length: the idle screen advertises them only to a kiosk that takes codes this long. */
export const DEMO_CODE_LENGTH = DEMO_SUMMARY[0]?.code.length ?? 0;

/** The demo orders can be typed in at a kiosk with these rules (all demo codes have one length). */
export const demoCodesFit = (rules: Pick<KioskRules, 'orderNumberLength'>): boolean => rules.orderNumberLength === DEMO_CODE_LENGTH;

/** Seeds the demo orders into an empty store (inside the SQLite store's creating transaction, or memory). */
export function seedDemo(store: SyncKioskStore, now: number): void {
  if (store.listOrders().length > 0) return;
  for (const order of demoOrders(now)) store.addOrder(order);
}

/** `seedDemo` through the asynchronous interface (a registry on a server). */
export async function seedDemoInto(store: KioskStore, now: number): Promise<void> {
  if ((await store.listOrders()).length > 0) return;
  for (const order of demoOrders(now)) await store.addOrder(order);
}
