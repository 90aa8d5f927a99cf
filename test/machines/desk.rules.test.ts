/** The desk's rules (R-CASH-1..4), proved through keys on the real desk machine with its store actors. */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { isProcessing } from '../../src/domain/orders/orderLife.js';
import { HOUR_MS } from '../../src/domain/rules.js';
import { startDesk, START } from './deskDriver.js';

describe('the cashier (customer role)', () => {
  it('R-CASH-1 R-CASH-2: the cashier reads back the order and exactly the SMS amount, no commission; 20,000 ₽ for 16,990 ₽ gives 3,010 ₽ change and a receipt', async () => {
    const desk = startDesk();
    expect(desk.view().state).toBe('greeting');
    await desk.keys('1', '1000000003', 'enter');
    expect(desk.view()).toMatchObject({ state: 'readBack', readBack: { code: '1000000003', due: '16990.00', paidBefore: '0.00' }, readBackKey: 'desk.readBack' });
    await desk.keys('enter', '8888', 'p');
    expect(desk.view()).toMatchObject({ state: 'receipt', change: '3010.00' });
    expect(desk.view().changeLine?.replace(/\u00a0/g, ' ')).toBe('Change: 2,000 ₽ ×1, 1,000 ₽ ×1, 10 ₽ coin ×1');
    expect(desk.store.findOrder('1000000003')).toMatchObject({ status: 'paid', paid: '16990.00' });
    expect(isProcessing(desk.store.findOrder('1000000003')!, START)).toBe(true);
    expect(desk.store.deskReceipts()).toEqual([expect.objectContaining({ total: '16990.00', received: '20000.00', change: '3010.00' })]);
  });

  it('R-CASH-2: "Hand it over" waits until the notes cover the amount; the cashier takes nothing less', async () => {
    const desk = startDesk();
    await desk.toCash('1000000001');
    await desk.keys('7', '7', 'p');
    expect(desk.view()).toMatchObject({ state: 'cash', handed: '4000.00', notice: 'desk.notCovered' });
    expect(desk.store.deskReceipts()).toEqual([]);
    await desk.keys('6', 'p');
    expect(desk.view()).toMatchObject({ state: 'receipt', change: '250.00' });
  });

  it('a torn note and foreign money are handed straight back and count nothing', async () => {
    const desk = startDesk();
    await desk.toCash('1000000002');
    await desk.keys('*');
    expect(desk.view()).toMatchObject({ handed: '0.00', notice: 'desk.wornNote' });
    await desk.keys('0');
    expect(desk.view()).toMatchObject({ handed: '0.00', notice: 'desk.foreignNote' });
  });

  it('taking the money back (Esc) leaves nothing paid and nothing stored', async () => {
    const desk = startDesk();
    await desk.toCash('1000000002');
    await desk.keys('7', 'esc');
    expect(desk.view()).toMatchObject({ state: 'readBack', handed: '0.00' });
    expect(desk.store.findOrder('1000000002')).toMatchObject({ status: 'awaiting', paid: '0.00' });
    expect(desk.store.deskReceipts()).toEqual([]);
  });

  it('R-CODE-2: an expired code gets the answer a cashier gives: place the order again', async () => {
    const desk = startDesk();
    await desk.keys('1', '1000000004', 'enter');
    expect(desk.view()).toMatchObject({ state: 'refused', refusal: 'expired' });
    expect(desk.view().refusalVars.hours).toBe('48 hours');
    await desk.keys('enter');
    expect(desk.view().state).toBe('greeting');
  });

  it('an unknown code and an already paid order are refused; nothing is taken', async () => {
    const desk = startDesk();
    await desk.keys('1', '9999999999', 'enter');
    expect(desk.view()).toMatchObject({ state: 'refused', refusal: 'unknown' });
    await desk.keys('enter', '1', '1000000005', 'enter');
    expect(desk.view()).toMatchObject({ state: 'refused', refusal: 'alreadyPaid' });
    expect(desk.store.deskReceipts()).toEqual([]);
  });

  it('R-CODE-5: a partially paid order: the cashier asks only for the rest', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const first = store.payAtDesk({ place: 'post', code: '1000000006', due: '2000.00', received: '2000.00', at: START });
    expect(first).toMatchObject({ kind: 'paid', order: { status: 'partially_paid', owed: '300.00' } });
    const desk = startDesk({ store });
    await desk.keys('1', '1000000006', 'enter');
    expect(desk.view()).toMatchObject({ state: 'readBack', readBack: { due: '300.00', paidBefore: '2000.00' }, readBackKey: 'desk.readBackRest' });
    await desk.keys('enter', '5', 'p');
    expect(desk.view()).toMatchObject({ state: 'receipt', change: '200.00' });
    expect(store.findOrder('1000000006')).toMatchObject({ status: 'paid', paid: '2300.00', owed: '0.00' });
  });

  it('R-CASH-1: paid elsewhere while the cashier counted: the money goes back, the order is credited once', async () => {
    const desk = startDesk();
    await desk.toCash('1000000002');
    await desk.keys('7', '6');
    // a terminal (or the other desk) pays the code first
    desk.store.payAtDesk({ place: 'post', code: '1000000002', due: '3000.00', received: '3000.00', at: START + 1 });
    await desk.keys('p');
    expect(desk.view()).toMatchObject({ state: 'refused', refusal: 'paidMeanwhile', refusalVars: { handed: '3,000.00\u00a0₽' } });
    expect(desk.store.findOrder('1000000002')).toMatchObject({ status: 'paid', paid: '3000.00' });
    expect(desk.store.deskReceipts()).toHaveLength(1);
  });

  it('[choice] the desk has no cap by default; a configured cap refuses more, as a cashier says it', async () => {
    const desk = startDesk({ cap: '15000.00' });
    await desk.keys('1', '1000000003', 'enter');
    expect(desk.view()).toMatchObject({ state: 'refused', refusal: 'overCap', refusalVars: { cap: '15,000.00\u00a0₽' } });
  });

  it('the code needs all its digits before Next; Backspace erases', async () => {
    const desk = startDesk();
    await desk.keys('1', '100000000', 'enter');
    expect(desk.view()).toMatchObject({ state: 'code', notice: 'desk.codeIncomplete', noticeVars: { digits: 10 } });
    await desk.keys('backspace');
    expect(desk.view().code).toBe('10000000');
  });

  it('the receipt scrolls with ↑/↓ and never above its top', async () => {
    const desk = startDesk();
    await desk.toCash('1000000002');
    await desk.keys('7', '6', 'p', 'down', 'down', 'up');
    expect(desk.view().scroll).toBe(1);
    await desk.keys('up', 'up');
    expect(desk.view().scroll).toBe(0);
  });
});

describe('the Post window', () => {
  it('R-CASH-3: the same process with the Post\'s own words, a queue ticket on entry and the window number', async () => {
    const desk = startDesk({ place: 'post' });
    expect(desk.view()).toMatchObject({ state: 'greeting', ticket: 'A001', window: 3 });
    await desk.toCash('1000000001');
    await desk.keys('8', 'p');
    expect(desk.view()).toMatchObject({ state: 'receipt', change: '250.00' });
    expect(desk.view().receiptLines[0]).toBe('RUSSIAN POST · CASH RECEIPT');
    expect(desk.store.deskReceipts()[0]).toMatchObject({ place: 'post', number: 'P-101000-000001' });
    await desk.keys('enter');
    // the next customer draws the next ticket
    expect(desk.view()).toMatchObject({ state: 'greeting', ticket: 'A002' });
  });

  it('R-CODE-2: the Post refuses an expired code like the cashier', async () => {
    const desk = startDesk({ place: 'post' });
    desk.clock.increment(49 * HOUR_MS);
    await desk.keys('1', '1000000001', 'enter');
    expect(desk.view()).toMatchObject({ state: 'refused', refusal: 'expired' });
  });
});

describe('the role', () => {
  it('the cashier\'s role says clearly that it is not built yet, and R plays the customer again', async () => {
    const desk = startDesk({ role: 'cashier' });
    expect(desk.view()).toMatchObject({ state: 'cashierRole', role: 'cashier' });
    await desk.keys('r');
    expect(desk.view()).toMatchObject({ state: 'greeting', role: 'customer' });
    await desk.keys('r');
    expect(desk.view()).toMatchObject({ state: 'cashierRole', role: 'cashier' });
  });

  it('desk.setRole (a tape\'s Set Role) changes the role at the greeting', async () => {
    const desk = startDesk();
    desk.actor.send({ type: 'desk.setRole', role: 'cashier' });
    expect(desk.view().state).toBe('cashierRole');
    desk.actor.send({ type: 'desk.setRole', role: 'customer' });
    expect(desk.view().state).toBe('greeting');
  });
});
