/**
 * Service mode's cassette through the whole terminal (machines/terminal/serviceStates.ts): the count
 * read on entering, "Remove cassette" (encashment) emptying a cassette a test forced full, the store
 * failing, and Ctrl+C while either is under way.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { cashOf, insert, kioskOf, kioskState, lookUp, MemoryStore, send, settle, START, startRig, toCash } from './terminalDriver.js';
import type { TerminalActor } from '../../machines/terminal.js';

async function serviceMode(t: TerminalActor): Promise<void> {
  for (const key of '*#*#') await send(t, { type: 'service.key', key });
  await send(t, { type: 'input.text', text: '0000' }, { type: 'nav.press', id: 'next' });
  expect(kioskState(t)).toBe('service');
}

const flow = (t: TerminalActor) => t.getSnapshot().value as { flow: string };

class FailingStore extends MemoryStore {
  constructor(private readonly failing: 'encash' | 'cassette') {
    super();
  }
  override encash(terminalId: string, at: number) {
    if (this.failing === 'encash') throw new Error('the cassette lock is stuck');
    return super.encash(terminalId, at);
  }
  override cassette(terminalId: string) {
    if (this.failing === 'cassette') throw new Error('the cassette counter does not answer');
    return super.cassette(terminalId);
  }
}

describe('the cassette in service mode', () => {
  it('R-TERM-2: Remove cassette hands the kiosk the encashment (the notes taken), and a cassette forced full takes notes again', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t, wait, clock } = await startRig(store);
    await toCash(t, '1000000001');
    await insert(t, 5000);
    await send(t, { type: 'nav.press', id: 'pay' });
    await send(t, { type: 'nav.press', id: 'done' });
    await send(t, { type: 'fault.inject', fault: 'cassette-full' });
    expect(t.getSnapshot().context.cassetteForcedFull).toBe(true);
    expect(await lookUp(t, '1000000002')).toBe('refused');
    // the customer walks away: the screens time out to idle, where the staff's sequence works
    for (let i = 0; i < 10 && kioskState(t) !== 'idle'; i++) await wait(30_000);
    expect(kioskState(t)).toBe('idle');

    await serviceMode(t);
    expect(kioskOf(t).context.cassette).toMatchObject({ count: 1, total: '5000.00' });
    await send(t, { type: 'nav.press', id: 'encash' });
    expect(kioskState(t)).toBe('serviceReceipt');
    expect(kioskOf(t).context.encashment).toMatchObject({ number: 1, count: 1, total: '5000.00', at: clock.now() });
    expect(t.getSnapshot().context.cassetteForcedFull).toBe(false);
    await send(t, { type: 'nav.press', id: 'done' });
    expect(kioskOf(t).context.cassette).toMatchObject({ count: 0, total: '0.00' });
    await send(t, { type: 'nav.press', id: 'exit' });
    expect(await lookUp(t, '1000000002')).toBe('checkData');
  });

  it('a cassette forced full during a payment: the payment goes on, the next note is handed back; the session opened with the room the cassette has', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    const { t, payments } = await startRig(store, { rules: { ...DEFAULT_RULES, cassetteCapacity: 3 } });
    await toCash(t, '1000000001');
    expect(cashOf(t)?.context.room).toBe(3);
    await insert(t, 1000);
    await send(t, { type: 'fault.inject', fault: 'cassette-full' });
    expect(cashOf(t)?.context.room).toBe(1);
    await insert(t, 500);
    expect(cashOf(t)?.context.notes).toEqual([1000]);
    expect(cashOf(t)?.context.notice).toMatchObject({ kind: 'rejected', note: 500 });
    expect(payments).toEqual([]);
  });

  it('the store failing to encash or to read the cassette: the fault screen says why', async () => {
    for (const [failing, message] of [['encash', 'the cassette lock is stuck'], ['cassette', 'the cassette counter does not answer']] as const) {
      const store = new FailingStore(failing === 'encash' ? 'encash' : 'cassette');
      const { t } = await startRig(store);
      if (failing === 'encash') {
        await serviceMode(t);
        await send(t, { type: 'nav.press', id: 'encash' });
      } else {
        for (const key of '*#*#') await send(t, { type: 'service.key', key });
        await send(t, { type: 'input.text', text: '0000' }, { type: 'nav.press', id: 'next' });
      }
      expect(flow(t).flow).toBe('fault');
      expect(t.getSnapshot().context.fault).toBe(message);
    }
  });

  it('Ctrl+C while the cassette is read or removed: closed once the store has answered, the kiosk not moved on', async () => {
    const store = new MemoryStore();
    const { t } = await startRig(store);
    await serviceMode(t);
    t.send({ type: 'nav.press', id: 'encash' });
    t.send({ type: 'quit.request' });
    await settle(t);
    expect(flow(t).flow).toBe('closed');
    expect(kioskState(t)).toBe('encashing');
    expect(store.cassette('T-1').count).toBe(0);

    const reading = await startRig(new MemoryStore());
    for (const key of '*#*#') await send(reading.t, { type: 'service.key', key });
    await send(reading.t, { type: 'input.text', text: '0000' });
    reading.t.send({ type: 'nav.press', id: 'next' });
    reading.t.send({ type: 'quit.request' });
    await settle(reading.t);
    expect(flow(reading.t).flow).toBe('closed');
    expect(kioskState(reading.t)).toBe('serviceLoading');
  });
});
