/**
 * The receipt printer's paper (issue 14): `--paper-receipts N` receipts, then none. Without paper the
 * check and phone steps say so before any cash goes in, the receipt is still stored, and it goes by
 * SMS to the change phone with its number and amounts; service mode's "Load paper" resets the count.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { insert, kioskOf, kioskState, lookUp, MemoryStore, send, START, startRig, toCash } from './terminalDriver.js';
import type { TerminalActor } from '../../machines/terminal.js';

async function pay(t: TerminalActor, code: string, note: number): Promise<void> {
  await toCash(t, code);
  await insert(t, note);
  await send(t, { type: 'nav.press', id: 'pay' });
  expect(kioskState(t)).toBe('receipt');
}

const receiptSmsOf = (t: TerminalActor) => t.getSnapshot().context.sms.filter((m) => m.kind === 'receipt');

describe('receipt printer paper', () => {
  it('R-TERM-5: with paper for one receipt, the second customer is warned at the check step and gets the receipt by SMS with its number and amounts', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t, payments } = await startRig(store, { rules: { ...DEFAULT_RULES, paperReceipts: 1 } });
    await pay(t, '1000000001', 5000);
    expect(kioskOf(t).context.receiptBySms).toBe(false);
    expect(receiptSmsOf(t)).toEqual([]);
    await send(t, { type: 'nav.press', id: 'done' });

    expect(await lookUp(t, '1000000002')).toBe('checkData');
    // warned before any cash goes in
    expect(kioskOf(t).context.paperOut).toBe(true);
    await send(t, { type: 'nav.press', id: 'back' });
    await send(t, { type: 'nav.press', id: 'next' });
    await send(t, { type: 'nav.press', id: 'next' });
    await send(t, { type: 'input.text', text: '9161234567' }, { type: 'nav.press', id: 'next' });
    await insert(t, 5000);
    await send(t, { type: 'nav.press', id: 'pay' });
    expect(kioskState(t)).toBe('receipt');
    expect(kioskOf(t).context.receiptBySms).toBe(true);
    // the receipt is still stored; the SMS carries its number and amounts
    const second = payments[1]?.receipt;
    expect(second && store.receipt(second.number)).toMatchObject({ number: second?.number, accepted: '5000.00' });
    expect(receiptSmsOf(t)).toEqual([
      expect.objectContaining({ phone: '+79161234567', receipt: second?.number, code: '1000000002', amount: '5000.00', toOrder: second?.toOrder, toPhone: second?.toPhone }),
    ]);
  });

  it('off by default: the printer never runs out', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t } = await startRig(store);
    await pay(t, '1000000001', 5000);
    await send(t, { type: 'nav.press', id: 'done' });
    await pay(t, '1000000002', 5000);
    expect(kioskOf(t).context.paperOut).toBe(false);
    expect(receiptSmsOf(t)).toEqual([]);
  });

  it('"Load paper" in service mode resets the count', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t } = await startRig(store, { rules: { ...DEFAULT_RULES, paperReceipts: 1 } });
    await send(t, { type: 'fault.inject', fault: 'paper-out' });
    expect(kioskOf(t).context.paperOut).toBe(true);
    for (const key of '*#*#') await send(t, { type: 'service.key', key });
    await send(t, { type: 'input.text', text: '0000' }, { type: 'nav.press', id: 'next' });
    expect(kioskState(t)).toBe('service');
    await send(t, { type: 'nav.press', id: 'paper' });
    expect(kioskOf(t).context.paperOut).toBe(false);
    expect(t.getSnapshot().context.paperLeft).toBe(1);
    await send(t, { type: 'nav.press', id: 'exit' });
    await pay(t, '1000000001', 5000);
    expect(kioskOf(t).context.receiptBySms).toBe(false);
    // that was the last sheet
    expect(kioskOf(t).context.paperOut).toBe(true);
  });
});
