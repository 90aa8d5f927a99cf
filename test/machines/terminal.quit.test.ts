/**
 * Quitting (Ctrl+C) while the terminal waits on its store: the I/O under way finishes and is durable,
 * then the program closes without showing the next screen (machines/terminal.ts, ./terminal/serviceStates.ts).
 */
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { terminalMachine, type TerminalActor } from '../../machines/terminal.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { SimulatedClock } from 'xstate';
import { startTerminal } from '../../src/app/session.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { cashOf, insert, kioskOf, kioskState, MemoryStore, send, settle, START, startRig, toCash } from './terminalDriver.js';

async function serviceMode(t: TerminalActor): Promise<void> {
  for (const key of '*#*#') await send(t, { type: 'service.key', key });
  await send(t, { type: 'input.text', text: '0000' }, { type: 'nav.press', id: 'next' });
  expect(kioskState(t)).toBe('service');
}

const closed = (t: TerminalActor) => t.getSnapshot().matches({ flow: 'closed' });

describe('quitting during I/O', () => {
  it('R-TERM-2: Ctrl+C while Clear jam is being paid: the held note is credited, the jam forgotten, and the kiosk is not sent to the receipt', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t, payments } = await startRig(store);
    await toCash(t, '1000000001');
    await send(t, { type: 'fault.inject', fault: 'jam' });
    await insert(t, 5000);
    await serviceMode(t);
    t.send({ type: 'nav.press', id: 'clearJam' });
    t.send({ type: 'quit.request' });
    await settle(t);
    expect(closed(t)).toBe(true);
    expect(payments.map((p) => p.receipt.accepted)).toEqual(['5000.00']);
    expect(store.jammedSessions()).toEqual([]);
    expect(t.getSnapshot().context.jam).toBeNull();
    // the change went to the phone: its SMS is kept for the phone panel even when quitting
    expect(t.getSnapshot().context.sms.length).toBeGreaterThan(0);
    expect(kioskState(t)).toBe('clearingJam');
    expect(kioskOf(t).context.receipt).toBeNull();
  });
});

describe('quitting during the customer\'s I/O', () => {
  it('R-CASH-4 R-TERM-2: Ctrl+C twice with cash in pays with it (the rest to the phone); the program closes with the receipt kept for the line after exit, the kiosk not moved to the receipt', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t, payments } = await startRig(store);
    await toCash(t, '1000000001');
    await insert(t, 5000);
    await send(t, { type: 'quit.request' });
    expect(closed(t)).toBe(false);
    await send(t, { type: 'quit.request' });
    expect(closed(t)).toBe(true);
    expect(payments).toHaveLength(1);
    expect(t.getSnapshot().context.paidOnQuit).toEqual(payments[0]?.receipt);
    expect(t.getSnapshot().context.sms.map((m) => m.kind)).toContain('topup');
    expect(kioskState(t)).toBe('cash');
  });

  it('Ctrl+C while the order is looked up: closed once the store answers, the kiosk still waiting', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t } = await startRig(store);
    await send(t, { type: 'kiosk.wake' }, { type: 'nav.press', id: 'other' }, { type: 'nav.press', id: 'catalogs' }, { type: 'nav.press', id: 'aliexpress' });
    await send(t, { type: 'input.text', text: '1000000001' });
    t.send({ type: 'nav.press', id: 'next' });
    t.send({ type: 'quit.request' });
    await settle(t);
    expect(closed(t)).toBe(true);
    expect(kioskState(t)).toBe('lookingUp');
  });

  it('the store failing on a lookup: the kiosk is told the order number typed is unavailable', async () => {
    const store = new MemoryStore();
    store.findOrder = () => {
      throw new Error('the registry is down');
    };
    const { t } = await startRig(store);
    await send(t, { type: 'kiosk.wake' }, { type: 'nav.press', id: 'other' }, { type: 'nav.press', id: 'catalogs' }, { type: 'nav.press', id: 'aliexpress' });
    await send(t, { type: 'input.text', text: '1000000007' }, { type: 'nav.press', id: 'next' });
    expect(kioskState(t)).toBe('refused');
    expect(kioskOf(t).context.refusal).toEqual({ code: '1000000007', reason: 'unavailable' });
  });

  it('Ctrl+C while the cash session opens: the new session, empty, ends at once and the program closes', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t, payments } = await startRig(store);
    await toCash(t, '1000000001').catch(() => undefined);
    await send(t, { type: 'nav.press', id: 'back' });
    expect(kioskState(t)).toBe('phoneEntry');
    t.send({ type: 'nav.press', id: 'next' });
    t.send({ type: 'quit.request' });
    await settle(t);
    expect(closed(t)).toBe(true);
    expect(payments).toEqual([]);
    expect(cashOf(t)).toBeUndefined();
    expect(t.getSnapshot().context.sessionId).toBeNull();
  });

  it('R-TERM-2: Ctrl+C while a jammed note is being journaled as held: the jam is kept for the next start, the program closes', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t } = await startRig(store);
    await toCash(t, '1000000001');
    await send(t, { type: 'fault.inject', fault: 'jam' });
    t.send({ type: 'cash.inserted', note: 1000, condition: 'good' });
    t.send({ type: 'quit.request' });
    await settle(t);
    expect(closed(t)).toBe(true);
    expect(t.getSnapshot().context.jam).toMatchObject({ held: [1000] });
    expect(cashOf(t)).toBeUndefined();
    expect(store.jammedSessions()).toHaveLength(1);
  });

  it('Ctrl+C while recovering at start: closed before the recovered payments are shown', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const first = await startRig(store);
    await toCash(first.t, '1000000001');
    await insert(first.t, 5000);
    first.t.stop();
    const clock = new SimulatedClock();
    clock.set(START);
    const t = startTerminal({ store: asyncStore(store), clock, lang: 'en' });
    t.send({ type: 'quit.request' });
    await settle(t);
    expect(closed(t)).toBe(true);
    expect(t.getSnapshot().context.recovered).toEqual([]);
    expect(store.findOrder('1000000001')?.status).toBe('paid');
  });
});

describe('the bare machine', () => {
  it('without its actors (src/adapters provides them) the terminal goes to the fault screen naming the first one missing', async () => {
    const t = createActor(terminalMachine, { input: {} });
    t.start();
    await waitFor(t, (s) => s.matches({ flow: 'fault' }));
    expect(t.getSnapshot().context.fault).toBe('the terminal\'s "recoverUnfinished" actor was not provided');
    t.send({ type: 'quit.request' });
    expect(closed(t)).toBe(true);
    t.stop();
  });
});
