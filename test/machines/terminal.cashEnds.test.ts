/**
 * How a cash session ends, seen from the whole terminal (machines/terminal.ts's cash, committing and
 * cancelling, ./terminal/terminalSetup.ts's actions): Back, a timeout and Ctrl+C with nothing in, a
 * payment, and the printer's paper taken away by a test's fault.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { cashOf, insert, kioskOf, kioskState, MemoryStore, send, START, startRig, toCash } from './terminalDriver.js';
import type { TerminalActor } from '../../machines/terminal.js';

const flow = (t: TerminalActor) => (t.getSnapshot().value as { flow: string }).flow;
const cashChild = (t: TerminalActor) => t.getSnapshot().children.cash;

async function atCash() {
  const store = new MemoryStore();
  seedDemo(store, START);
  const rig = await startRig(store);
  await toCash(rig.t, '1000000001');
  return { ...rig, store };
}

describe('a cash session\'s end', () => {
  it('the session opens for what the order owes; Back with nothing in returns to the phone step, nothing paid, the session ended', async () => {
    const { t, payments, store } = await atCash();
    expect(cashOf(t)?.context.due).toBe('4750.00');
    expect(t.getSnapshot().context.cashRequest).toMatchObject({ code: '1000000001', due: '4750.00', phone: '+79161234567' });
    await send(t, { type: 'nav.press', id: 'back' });
    expect(flow(t)).toBe('kiosk');
    expect(kioskState(t)).toBe('phoneEntry');
    expect(payments).toEqual([]);
    expect(t.getSnapshot().context).toMatchObject({ cash: null, sessionId: null, cashRequest: null, cashEnding: 'back', quitRequested: false });
    expect(cashChild(t)).toBeUndefined();
    expect(store.unfinishedSessions('T-1')).toEqual([]);
  });

  it('no note and no answer: the session times out to idle, not to the phone step', async () => {
    const { t, wait, payments } = await atCash();
    for (let i = 0; i < 10 && flow(t) === 'cash'; i++) await wait(30_000);
    expect(flow(t)).toBe('kiosk');
    expect(kioskState(t)).toBe('idle');
    expect(t.getSnapshot().context.cashEnding).toBe('timeout');
    expect(payments).toEqual([]);
  });

  it('Ctrl+C with nothing in: the session ends and the program closes at once', async () => {
    const { t, payments } = await atCash();
    await send(t, { type: 'quit.request' });
    expect(flow(t)).toBe('closed');
    expect(t.getSnapshot().context).toMatchObject({ quitRequested: true, cashEnding: 'quit', paidOnQuit: null });
    expect(payments).toEqual([]);
  });

  it('R-TERM-2: Pay commits the payment and the receipt shows; the finished session is stopped and forgotten', async () => {
    const { t, payments } = await atCash();
    await insert(t, 5000);
    await send(t, { type: 'nav.press', id: 'pay' });
    expect(kioskState(t)).toBe('receipt');
    expect(payments).toHaveLength(1);
    expect(t.getSnapshot().context).toMatchObject({ cash: null, sessionId: null, trigger: 'pay', cashEnding: 'pay', quitRequested: false });
    expect(cashChild(t)).toBeUndefined();
  });

  it('R-TERM-5: a test\'s paper-out: the kiosk warns at once and the next receipt goes by SMS', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t } = await startRig(store);
    await send(t, { type: 'fault.inject', fault: 'paper-out' });
    expect(t.getSnapshot().context.paperLeft).toBe(0);
    expect(kioskOf(t).context.paperOut).toBe(true);
    await toCash(t, '1000000001');
    await insert(t, 5000);
    await send(t, { type: 'nav.press', id: 'pay' });
    expect(kioskOf(t).context.receiptBySms).toBe(true);
    expect(t.getSnapshot().context.sms.filter((m) => m.kind === 'receipt')).toHaveLength(1);
  });
});
