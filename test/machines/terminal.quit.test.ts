/**
 * Quitting (Ctrl+C) while the terminal waits on its store: the I/O under way finishes and is durable,
 * then the program closes without showing the next screen (machines/terminal.ts, ./terminal/serviceStates.ts).
 */
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { terminalMachine, type TerminalActor } from '../../machines/terminal.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { insert, kioskOf, kioskState, MemoryStore, send, settle, START, startRig, toCash } from './terminalDriver.js';

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
