/** A kiosk runs for days: the phone beside it keeps its latest messages only; the ledger keeps all. */
import { expect, it } from 'vitest';
import { add, ZERO } from '../../src/domain/money.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { SMS_KEPT } from '../../machines/terminal.js';
import { insert, MemoryStore, send, START, startRig, toCash } from './terminalDriver.js';

const PHONE = '+79161234567';

it(`after ${SMS_KEPT + 5} payments with change, the phone shows the latest ${SMS_KEPT} messages and the ledger holds every credit`, async () => {
  const store = new MemoryStore();
  const payments = SMS_KEPT + 5;
  for (let i = 0; i < payments; i++) {
    store.addOrder(newOrder({ code: `70000000${String(i).padStart(2, '0')}`, codeAmount: '900.00', price: '900.00', phone: PHONE, issuedAt: START }));
  }
  const rig = await startRig(store);
  for (let i = 0; i < payments; i++) {
    await toCash(rig.t, `70000000${String(i).padStart(2, '0')}`);
    await insert(rig.t, 1000);
    await send(rig.t, { type: 'nav.press', id: 'pay' }, { type: 'nav.press', id: 'done' });
  }
  expect(rig.payments).toHaveLength(payments);
  const inbox = rig.t.getSnapshot().context.sms;
  expect(inbox).toHaveLength(SMS_KEPT);
  // the newest are kept, in order
  expect(inbox.map((s) => s.receipt)).toEqual(rig.payments.slice(-SMS_KEPT).map((p) => p.receipt.number));
  // nothing is lost where the money is: 100 ₽ change per payment on the phone's balance
  const credited = rig.payments.reduce((sum, p) => add(sum, p.receipt.toPhone), ZERO);
  expect(credited).toBe(`${payments * 100}.00`);
  expect(store.phoneAccount(PHONE).balance).toBe(credited);
});
