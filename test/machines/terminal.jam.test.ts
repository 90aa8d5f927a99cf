/**
 * The bill acceptor jam (issue 14): the note being inserted is held and journaled as held before the
 * screen says anything; the terminal goes out of service (the hidden service sequence still works);
 * service mode's "Clear jam" counts the note, pays the session by the usual rules and prints the
 * receipt, and the terminal is back in service. A restart finds the held note again.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { viewOf } from '../../src/app/view.js';
import { cashOf, insert, kioskOf, kioskState, MemoryStore, send, START, startRig, toCash } from './terminalDriver.js';
import type { TerminalActor } from '../../machines/terminal.js';

async function serviceMode(t: TerminalActor): Promise<void> {
  for (const key of '*#*#') await send(t, { type: 'service.key', key });
  await send(t, { type: 'input.text', text: '0000' }, { type: 'nav.press', id: 'next' });
  expect(kioskState(t)).toBe('service');
}

describe('bill acceptor jam', () => {
  it('R-TERM-2: the held note is journaled before the screen says so; out of service until Clear jam credits it (order first, the rest to the phone)', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t, payments } = await startRig(store);
    await toCash(t, '1000000001');
    await insert(t, 2000);
    await send(t, { type: 'fault.inject', fault: 'jam' });
    await insert(t, 5000);
    // journaled as held, counted nowhere yet
    expect(store.jammedSessions()).toEqual([expect.objectContaining({ notes: [2000], held: [5000] })]);
    expect(cashOf(t)).toBeUndefined();
    expect(kioskState(t)).toBe('outOfService');
    expect(viewOf(t.getSnapshot())).toMatchObject({ screen: 'outOfService', kiosk: { jam: { held: [5000], inserted: '2000.00', code: '1000000001' } } });
    // the customer's keys change nothing; the staff's hidden sequence opens service mode
    await send(t, { type: 'kiosk.wake' });
    expect(kioskState(t)).toBe('outOfService');
    await serviceMode(t);
    expect(viewOf(t.getSnapshot()).buttons.map((b) => b.id)).toContain('clearJam');
    await send(t, { type: 'nav.press', id: 'clearJam' });
    expect(kioskState(t)).toBe('receipt');
    expect(payments).toHaveLength(1);
    expect(payments[0]?.receipt).toMatchObject({ accepted: '7000.00', toOrder: '4750.00', toPhone: '2250.00' });
    expect(store.findOrder('1000000001')?.status).toBe('paid');
    expect(store.phoneAccount('+79161234567').balance).toBe('2250.00');
    expect(store.jammedSessions()).toEqual([]);
    // back in service
    await send(t, { type: 'nav.press', id: 'done' });
    expect(kioskState(t)).toBe('idle');
    expect(t.getSnapshot().context.jam).toBeNull();
    await send(t, { type: 'kiosk.wake' });
    expect(kioskState(t)).toBe('menu');
  });

  it('leaving service mode without clearing keeps the terminal out of service; Clear jam is offered only while jammed', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t } = await startRig(store);
    await serviceMode(t);
    expect(viewOf(t.getSnapshot()).buttons.map((b) => b.id)).not.toContain('clearJam');
    await send(t, { type: 'nav.press', id: 'exit' });
    await toCash(t, '1000000002');
    await send(t, { type: 'fault.inject', fault: 'jam' });
    await insert(t, 1000);
    await serviceMode(t);
    await send(t, { type: 'nav.press', id: 'exit' });
    expect(kioskState(t)).toBe('outOfService');
    expect(store.jammedSessions()).toHaveLength(1);
  });

  it('a restart finds the held note: out of service with it, and Clear jam credits it once', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const first = await startRig(store);
    await toCash(first.t, '1000000002');
    await send(first.t, { type: 'fault.inject', fault: 'jam' });
    await insert(first.t, 5000);
    first.t.stop();

    const { t, payments } = await startRig(store);
    // recovery leaves the jammed session to service: nothing paid on start
    expect(t.getSnapshot().context.recovered).toEqual([]);
    expect(kioskState(t)).toBe('outOfService');
    expect(kioskOf(t).context.jam).toMatchObject({ held: [5000], inserted: '0.00' });
    await serviceMode(t);
    await send(t, { type: 'nav.press', id: 'clearJam' });
    expect(payments.map((p) => p.receipt.accepted)).toEqual(['5000.00']);
    expect(store.findOrder('1000000002')?.status).toBe('paid');
    expect(store.phoneAccount('+79161234567').balance).toBe('2000.00');
  });
});
