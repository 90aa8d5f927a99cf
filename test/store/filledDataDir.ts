/**
 * A data directory with something in every kind of table the store commands read: orders, terminal
 * payments with receipts, two encashments, a desk payment, a mobile payment with its refund due, a
 * class's training attempts with drill cards. What `kiosk store copy` is tested on, in-process
 * (test/store/pgCopy.test.ts) and through the built kiosk (test/process/storeCopy.test.ts).
 */
import { join } from 'node:path';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { reviewDrill } from '../../src/domain/training/drill.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { CLASS } from '../domain/training/classFixture.js';
import { BEELINE } from './mobileFixtures.js';

export const HOUR = 3_600_000;
export const MTS = '+79161234567';

/** Fills `dir` (a new directory) as of `at`; `options.extraOrders` more orders make the orders table span several INSERT batches. */
export function fillDataDir(dir: string, at: number, options: { extraOrders?: number; deskPayment?: boolean; secondEncashment?: boolean } = {}): void {
  const store = SqliteStore.open(join(dir, 'kiosk.db'));
  seedDemo(store, at);
  store.addOrder(newOrder({ code: '7000000001', codeAmount: '4750.00', phone: MTS, issuedAt: at }));
  store.addOrder(newOrder({ code: '7000000002', codeAmount: '900.00', phone: MTS, issuedAt: at }));
  const pay = (id: string, code: string, due: string, notes: number[], when: number) => {
    store.openSession({ id, terminalId: 'T1', code, due, phone: MTS, operator: 'mts', openedAt: when });
    notes.forEach((note, i) => store.journalNote(id, note, when + i * 1000));
    const { receipt } = store.completePayment(id, 'pay', when + 10_000);
    store.setReceiptText(receipt.number, `receipt ${receipt.number}`);
  };
  pay('T1-a', '7000000001', '4750.00', [5000], at + HOUR);
  store.encash('T1', at + 2 * HOUR);
  pay('T1-b', '7000000002', '900.00', [500, 500], at + 3 * HOUR);
  if (options.secondEncashment) {
    store.encash('T1', at + 3.5 * HOUR);
    store.addOrder(newOrder({ code: '7000000005', codeAmount: '200.00', phone: MTS, issuedAt: at }));
    pay('T1-d', '7000000005', '200.00', [100, 100], at + 3.6 * HOUR);
  }
  store.addOrder(newOrder({ code: '7000000003', codeAmount: '2000.00', phone: BEELINE, issuedAt: at }));
  store.setPhoneAccount(BEELINE, 'beeline', '2200.00');
  store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '7000000003', at: at + HOUR }, DEFAULT_MOBILE_RULES);
  store.answerMobilePayment('M-000001', '1', at + HOUR + 60_000, DEFAULT_MOBILE_RULES);
  store.changeOrder('7000000003', { kind: 'cancel', reason: 'out of stock' }, at + 2 * HOUR);
  if (options.deskPayment) {
    store.addOrder(newOrder({ code: '7000000006', codeAmount: '350.00', phone: MTS, issuedAt: at }));
    store.payAtDesk({ place: 'cashier', code: '7000000006', due: '350.00', received: '500.00', at: at + 4 * HOUR });
  }
  for (const attempt of CLASS) store.recordTrainingAttempt(attempt, reviewDrill(store.drillCards(attempt.trainee), attempt, attempt.startedAt + attempt.durationMs));
  for (let i = 0; i < (options.extraOrders ?? 0); i++) {
    store.addOrder(newOrder({ code: String(8000000000 + i), codeAmount: `${100 + i}.00`, phone: MTS, issuedAt: at }));
  }
  store.close();
}

export { BEELINE };
