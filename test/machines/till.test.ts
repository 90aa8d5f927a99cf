/** The till (the cashier's role), driven by events on the real till machine with its store actors on a MemoryStore and a simulated clock. */
import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../src/domain/rules.js';
import { drawerTotal } from '../../src/domain/cash/drawer.js';
import { add, ZERO } from '../../src/domain/money.js';
import { DEMO_QUEUE, scriptedCustomer, type TillCustomer } from '../../src/domain/cash/tillCustomers.js';
import { startTill as startWith } from './tillDriver.js';

const startTill = (queue?: TillCustomer[]) => startWith({ queue });

describe('the till', () => {
  it('R-CASH-1 R-CASH-2: opens the shift, takes 16,990 ₽ from 20,000 ₽, 3,010 ₽ chosen from the drawer, the receipt handed with "keep it"', async () => {
    const till = startTill([scriptedCustomer('1000000003', { '5000.00': 4 })]);
    expect(till.state()).toBe('closed');
    await till.send({ type: 'till.openShift' });
    expect(till.state()).toBe('idle');
    expect(drawerTotal(till.ctx().till!.drawer)).toBe('5000.00');
    await till.toChange('1000000003', '20000');
    expect(till.state()).toEqual({ serving: 'change' });
    expect(till.ctx().readBack).toEqual({ code: '1000000003', due: '16990.00' });
    for (const face of ['1000.00', '500.00', '500.00', '500.00', '500.00', '10.00']) await till.send({ type: 'till.give', face });
    await till.send({ type: 'till.pay' });
    expect(till.state()).toEqual({ serving: 'receipt' });
    expect(till.ctx().receipt).toMatchObject({ total: '16990.00', received: '20000.00', change: '3010.00' });
    expect(till.ctx().till!.payments[0]).toMatchObject({ changeGiven: '3010.00', verdict: { kind: 'exact' } });
    await till.send({ type: 'till.handReceipt' });
    expect(till.state()).toBe('idle');
    expect(till.ctx().notice).toBe('till.keepReceipt');
    expect(till.store.findOrder('1000000003')).toMatchObject({ status: 'paid' });
  });

  it('R-CASH-2: a piece the drawer does not hold cannot be given; change given short is recorded, not corrected', async () => {
    const till = startTill([scriptedCustomer('1000000001', { '5000.00': 1 })]);
    await till.send({ type: 'till.openShift' });
    await till.toChange('1000000001', '5000');
    await till.send({ type: 'till.give', face: '2000.00' });
    expect(till.ctx()).toMatchObject({ given: {}, notice: 'till.notInDrawer' });
    await till.send({ type: 'till.give', face: '200.00' }, { type: 'till.pay' });
    expect(till.ctx().till!.payments[0]).toMatchObject({ changeDue: '250.00', changeGiven: '200.00', verdict: { kind: 'short', by: '50.00' } });
  });

  it('letters where the cash received goes are refused with a hint; too little cash or a miscount does not pay', async () => {
    const till = startTill([scriptedCustomer('1000000001', { '5000.00': 1 })]);
    await till.send({ type: 'till.openShift' });
    await till.toChange('1000000001', '4000');
    expect(till.state()).toEqual({ serving: 'received' });
    expect(till.ctx().notice).toBe('till.receivedShort');
    await till.send({ type: 'input.backspace' }, { type: 'input.backspace' }, { type: 'input.backspace' }, { type: 'input.backspace' }, till.typed('5o00'));
    expect(till.ctx()).toMatchObject({ received: '500', notice: 'hint.digitsOnly' });
    await till.send(till.typed('0'), { type: 'till.next' });
    expect(till.state()).toEqual({ serving: 'change' });
    await till.send({ type: 'till.pay' });
    expect(till.state()).toEqual({ serving: 'receipt' });
    // 5,000 typed, but the customer handed 3,000: the till asks to count again and pays nothing
    const miscount = startTill([scriptedCustomer('1000000002', { '2000.00': 1, '1000.00': 1 })]);
    await miscount.send({ type: 'till.openShift' });
    await miscount.toChange('1000000002', '5000');
    await miscount.send({ type: 'till.pay' });
    expect(miscount.ctx().notice).toBe('till.countAgain');
    expect(miscount.store.deskReceipts()).toEqual([]);
  });

  it('R-CASH-1: a customer with only the site\'s order id is sent back for the code: the reply shown, nothing taken, the shift counts them', async () => {
    const onlyId = DEMO_QUEUE.find((c) => c.story === 'siteOrderIdOnly')!;
    const till = startTill([onlyId, scriptedCustomer('1000000001', { '5000.00': 1 })]);
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, { type: 'till.sendAway' });
    expect(till.state()).toEqual({ serving: 'sentAway' });
    expect(till.ctx().till!.sentAway).toBe(1);
    await till.send({ type: 'till.done' });
    expect(till.state()).toBe('idle');
    expect(till.ctx()).toMatchObject({ customer: null, till: { payments: [], sentAway: 1 } });
    expect(till.store.deskReceipts()).toEqual([]);
    // only at the code step: once the details are read back the customer is served
    await till.send({ type: 'till.nextCustomer' }, till.typed('1000000001'), { type: 'till.next' }, { type: 'till.sendAway' });
    expect(till.state()).toEqual({ serving: 'readBack' });
    await till.send({ type: 'till.confirm' }, till.typed('5000'), { type: 'till.next' }, { type: 'till.give', face: '200.00' }, { type: 'till.give', face: '50.00' }, { type: 'till.pay' }, { type: 'till.handReceipt' });
    await till.send({ type: 'till.report', kind: 'Z' });
    expect(till.ctx().report).toMatchObject({ kind: 'Z', payments: 1, sentAway: 1 });
  });

  it('R-CODE-2: an expired code is refused; the customer leaves and nothing is taken', async () => {
    const till = startTill([scriptedCustomer('1000000004', { '5000.00': 1 })]);
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, till.typed('1000000004'), { type: 'till.next' });
    expect(till.state()).toEqual({ serving: 'refused' });
    expect(till.ctx().refusal).toBe('expired');
    await till.send({ type: 'till.done' });
    expect(till.ctx()).toMatchObject({ customer: null, till: { payments: [] } });
  });

  it('a Z-report is refused with a customer at the desk; after it the shift is closed and a second Z is refused', async () => {
    const till = startTill([scriptedCustomer('1000000001', { '5000.00': 1 })]);
    await till.send({ type: 'till.openShift' }, { type: 'till.nextCustomer' }, { type: 'till.report', kind: 'Z' });
    expect(till.state()).toEqual({ serving: 'code' });
    expect(till.ctx().notice).toBe('till.zWithCustomer');
    expect(till.store.tillState('cashier')!.shift.closedAt).toBeNull();
    await till.send(till.typed('1000000001'), { type: 'till.next' }, { type: 'till.confirm' }, till.typed('5000'), { type: 'till.next' });
    await till.send({ type: 'till.give', face: '200.00' }, { type: 'till.give', face: '50.00' }, { type: 'till.pay' }, { type: 'till.handReceipt' });
    await till.send({ type: 'till.report', kind: 'Z' });
    expect(till.state()).toBe('closed');
    expect(till.ctx().report).toMatchObject({ kind: 'Z', payments: 1, total: '4750.00', discrepancy: '0.00', changeMistakes: 0 });
    await till.send({ type: 'till.report', kind: 'Z' });
    expect(till.ctx().notice).toBe('till.shiftClosed');
  });

  it('a shift open longer than 24 hours on the program\'s clock refuses the payment; nothing is taken', async () => {
    const till = startTill([scriptedCustomer('1000000001', { '5000.00': 1 })]);
    await till.send({ type: 'till.openShift' });
    till.clock.increment(24 * HOUR_MS + 1);
    await till.toChange('1000000001', '5000');
    await till.send({ type: 'till.pay' });
    expect(till.state()).toEqual({ serving: 'refused' });
    expect(till.ctx().refusal).toBe('over24h');
    expect(till.store.findOrder('1000000001')).toMatchObject({ status: 'awaiting' });
  });

  it('the demo queue: five customers, then a Z-report whose totals match the store', async () => {
    const till = startTill();
    await till.send({ type: 'till.openShift' });
    // plain: 4,750 from 5,000, change 250
    await till.toChange('1000000001', '5000');
    await till.send({ type: 'till.give', face: '200.00' }, { type: 'till.give', face: '50.00' }, { type: 'till.pay' }, { type: 'till.handReceipt' });
    // expired: refused
    await till.send({ type: 'till.nextCustomer' }, till.typed('1000000004'), { type: 'till.next' }, { type: 'till.done' });
    // the 16,990 order sent by the terminal: 20,000, change 3,010
    await till.toChange('1000000003', '20000');
    for (const face of ['1000.00', '500.00', '500.00', '500.00', '500.00', '10.00']) await till.send({ type: 'till.give', face });
    await till.send({ type: 'till.pay' }, { type: 'till.handReceipt' });
    // the price rose: the code's 2,000 is due; 2,500 handed, change 500 (given as a 100 short: recorded)
    await till.toChange('1000000006', '2500');
    for (const face of ['100.00', '100.00', '100.00', '100.00']) await till.send({ type: 'till.give', face });
    await till.send({ type: 'till.pay' }, { type: 'till.handReceipt' });
    // offers a commission: exactly 3,000 is taken, the 100 goes back
    await till.toChange('1000000002', '3100');
    await till.send({ type: 'till.give', face: '100.00' }, { type: 'till.pay' }, { type: 'till.handReceipt' });
    await till.send({ type: 'till.report', kind: 'Z' });
    const receipts = till.store.deskReceipts();
    expect(receipts).toHaveLength(4);
    expect(till.ctx().report).toMatchObject({
      kind: 'Z', payments: 4, total: add(ZERO, ...receipts.map((r) => r.total)), changeMistakes: 1,
      counted: drawerTotal(till.store.tillState('cashier')!.drawer), discrepancy: '0.00',
    });
    expect(till.ctx().report!.total).toBe('26740.00');
  });
});
