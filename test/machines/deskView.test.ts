/**
 * What a desk shows (machines/desk/deskView.ts) beyond what desk.rules.test.ts reads: how keys are
 * read on each screen, the desk's own window, colour and state path, the values its notices need,
 * the receipt fitted to the desk's width with its QR code, and the change in notes, coins and
 * kopecks. Found by mutation testing (README "Mutation testing").
 */
import { describe, expect, it } from 'vitest';
import { fitReceiptLine, RECEIPT_WIDTH } from '../../machines/desk/deskView.js';
import { DESKS } from '../../src/domain/fiscal/desks.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { seedDemo, DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { startDesk, START } from './deskDriver.js';

const plainSpaces = (text: string | null) => text?.replace(/\u00a0/g, ' ') ?? null;

describe('the desk\'s screen', () => {
  it('keys are read as digits on the code, notes on the cash screen, the receipt\'s keys on the receipt, buttons elsewhere; nothing while the store works', async () => {
    const desk = startDesk();
    expect(desk.view()).toMatchObject({ mode: 'buttons', statePath: 'desk.greeting' });
    await desk.keys('1', '100000000');
    expect(desk.view()).toMatchObject({ mode: 'digits', statePath: 'desk.code' });
    desk.actor.send({ type: 'input.text', text: '2' });
    desk.actor.send({ type: 'desk.next' });
    expect(desk.view()).toMatchObject({ state: 'lookingUp', mode: 'busy', buttons: [], statePath: 'desk.lookingUp' });
    await desk.settle();
    expect(desk.view()).toMatchObject({ state: 'readBack', mode: 'buttons' });
    await desk.keys('enter');
    expect(desk.view().mode).toBe('notes');
    await desk.keys('7', '6');
    desk.actor.send({ type: 'desk.handOver' });
    expect(desk.view()).toMatchObject({ state: 'paying', mode: 'busy', buttons: [] });
    await desk.settle();
    expect(desk.view()).toMatchObject({ state: 'receipt', mode: 'receipt' });
  });

  it('R-CASH-3: each desk has its own colour and window (the shop has none); the cashier\'s role shows the till\'s state path', async () => {
    const shop = startDesk({ place: 'cashier' });
    expect(shop.view()).toMatchObject({ window: null, color: DESKS.cashier.color });
    expect(startDesk({ place: 'post' }).view()).toMatchObject({ window: 3, color: DESKS.post.color });
    expect(DESKS.cashier.color).not.toBe(DESKS.post.color);
    const till = startDesk({ role: 'cashier' });
    expect(till.view().statePath).toBe('desk.till.closed');
    till.actor.send({ type: 'till.openShift' });
    await till.settle();
    expect(till.view().statePath).toBe('desk.till.idle');
  });

  it('the notices\' values: the code\'s digits, the amount due once read back; the keys of the notes', async () => {
    const desk = startDesk();
    await desk.keys('1');
    expect(desk.view()).toMatchObject({ codeLength: 10, noticeVars: { digits: 10, due: '' } });
    await desk.keys('1000000001', 'enter', 'enter');
    expect(plainSpaces(String(desk.view().noticeVars.due))).toBe('4,750.00 ₽');
    expect(desk.view().noteLegend).toBe('1=10 2=50 3=100 4=200 5=500 6=1000 7=2000 8=5000');
  });

  it('a refusal\'s values: the code\'s length, no cap when none is set, nothing handed back', async () => {
    const desk = startDesk();
    await desk.keys('1', '9999999999', 'enter');
    expect(desk.view()).toMatchObject({ refusal: 'unknown', refusalVars: { length: 10, cap: '', handed: '0.00\u00a0₽', fault: '' } });
  });
});

describe('the desk\'s receipt and change', () => {
  it('R-CASH-4: every receipt line fits the desk\'s width, the QR payload broken at its `&` and indented; the QR code drawn; none of it before a receipt', async () => {
    const desk = startDesk({ place: 'post' });
    await desk.toCash('1000000001');
    expect(desk.view()).toMatchObject({ receiptLines: [], qr: [] });
    await desk.keys('8', 'p');
    const lines = desk.view().receiptLines;
    expect(lines.every((line) => line.length <= RECEIPT_WIDTH)).toBe(true);
    const at = lines.findIndex((line) => line.startsWith('QR: '));
    expect(lines.slice(at, at + 2)).toEqual(['QR: t=20261122T1000&s=4750.00', '    &fn=9999078900054321&i=1&fp=0954084321&n=1']);
    expect(lines[at + 2]).toBe('Keep this receipt until the parcel arrives');
    const qr = desk.view().qr;
    expect(qr.length).toBeGreaterThan(10);
    expect(new Set(qr.map((row) => row.length)).size).toBe(1);
  });

  it('R-CASH-4: a receipt line of the desk\'s width stays whole; one character more breaks at its last `&`, indented', () => {
    const full = `${'a'.repeat(40)}&b=12345`;
    expect(full).toHaveLength(RECEIPT_WIDTH);
    expect(fitReceiptLine(full)).toEqual([full]);
    expect(fitReceiptLine(`${'a'.repeat(41)}&b=12345`)).toEqual(['a'.repeat(41), '    &b=12345']);
    expect(fitReceiptLine('short')).toEqual(['short']);
  });

  it('R-CASH-2: exactly the amount handed: no change, said so', async () => {
    const desk = startDesk();
    await desk.toCash('1000000002');
    await desk.keys('7', '6', 'p');
    expect(desk.view()).toMatchObject({ state: 'receipt', change: '0.00', changeKey: 'desk.noChange', changeLine: null, changePieces: [] });
  });

  it('R-CASH-2: the change in notes and coins, kopecks by name; in Russian too', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    store.addOrder(newOrder({ code: '1000000009', codeAmount: '4749.50', phone: DEMO_PHONE, issuedAt: START }));
    const desk = startDesk({ store });
    await desk.toCash('1000000009');
    await desk.keys('8', 'p');
    expect(desk.view()).toMatchObject({ change: '250.50', changeKey: 'desk.change' });
    expect(plainSpaces(desk.view().changeLine)).toBe('Change: 200 ₽ ×1, 50 ₽ ×1, 50 kop. coin ×1');
    desk.actor.send({ type: 'desk.lang', lang: 'ru' });
    expect(plainSpaces(desk.view().changeLine)).toBe('Сдача: 200 ₽ ×1, 50 ₽ ×1, 50 коп. монета ×1');
  });
});
