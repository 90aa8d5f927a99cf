/**
 * The registry out of reach (issue 20, part 4), at machine level: the app shell tells the terminal
 * `registry.lost` / `registry.back` (src/store/journaledRegistry.ts's link); the kiosk goes out of
 * service before any cash is taken, with the reason on screen, finishes a payment under way, and is
 * back in service by itself. Events in, states out, on XState's SimulatedClock.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { viewOf } from '../../src/app/view.js';
import { insert, kioskOf, lookUp, kioskState, MemoryStore, send, START, startRig, toCash } from './terminalDriver.js';
import type { TerminalActor } from '../../machines/terminal.js';

const REASON = 'postgres://kiosk:***@127.0.0.1:5999/kiosk: connect ECONNREFUSED 127.0.0.1:5999';

async function rig() {
  const store = new MemoryStore();
  seedDemo(store, START);
  return { store, ...(await startRig(store)) };
}

async function serviceMode(t: TerminalActor): Promise<void> {
  for (const key of '*#*#') await send(t, { type: 'service.key', key });
  await send(t, { type: 'input.text', text: '0000' }, { type: 'nav.press', id: 'next' });
}

describe('the registry out of reach', () => {
  it('idle: out of service with the reason before anyone types a code; back to idle by itself', async () => {
    const { t } = await rig();
    expect(kioskState(t)).toBe('idle');
    await send(t, { type: 'registry.lost', reason: REASON });
    expect(kioskState(t)).toBe('outOfService');
    expect(viewOf(t.getSnapshot())).toMatchObject({ screen: 'outOfService', kiosk: { registryDown: REASON, jam: null } });
    // a customer's keys change nothing
    await send(t, { type: 'kiosk.wake' }, { type: 'nav.press', id: 'other' });
    expect(kioskState(t)).toBe('outOfService');
    await send(t, { type: 'registry.back' });
    expect(kioskState(t)).toBe('idle');
    expect(kioskOf(t).context.registryDown).toBeNull();
    await send(t, { type: 'kiosk.wake' });
    expect(kioskState(t)).toBe('menu');
  });

  it('a customer who has paid nothing yet (menu, the code, the phone) is sent to the out-of-service screen', async () => {
    for (const steps of [[], ['other'], ['other', 'catalogs', 'aliexpress']] as const) {
      const { t } = await rig();
      await send(t, { type: 'kiosk.wake' }, ...steps.map((id) => ({ type: 'nav.press' as const, id })));
      await send(t, { type: 'registry.lost', reason: REASON });
      expect(kioskState(t), steps.join(' ')).toBe('outOfService');
    }
    const { t } = await rig();
    expect(await lookUp(t, '1000000001')).toBe('checkData');
    await send(t, { type: 'nav.press', id: 'next' }, { type: 'input.text', text: '916' });
    expect(kioskState(t)).toBe('phoneEntry');
    await send(t, { type: 'registry.lost', reason: REASON });
    expect(kioskState(t)).toBe('outOfService');
  });

  it('a payment under way is finished and its receipt shown; then out of service until the registry is back', async () => {
    const { t, payments, wait } = await rig();
    await toCash(t, '1000000001');
    await insert(t, 5000);
    await send(t, { type: 'registry.lost', reason: REASON });
    expect(kioskState(t)).toBe('cash');
    // time passes on the program's clock: the cash screen's own timers, nothing of the registry's
    await wait(5_000);
    await insert(t, 100);
    await send(t, { type: 'cash.pay' });
    expect(kioskState(t)).toBe('receipt');
    expect(payments.map((p) => p.receipt.accepted)).toEqual(['5100.00']);
    await send(t, { type: 'nav.press', id: 'done' });
    expect(kioskState(t)).toBe('outOfService');
    expect(viewOf(t.getSnapshot()).kiosk.registryDown).toBe(REASON);
    await send(t, { type: 'registry.back' });
    expect(kioskState(t)).toBe('idle');
  });

  it('the registry back during the payment: the receipt leads to idle, not out of service', async () => {
    const { t } = await rig();
    await toCash(t, '1000000001');
    await send(t, { type: 'registry.lost', reason: REASON });
    await insert(t, 5000);
    await send(t, { type: 'registry.back' }, { type: 'cash.pay' });
    expect(kioskState(t)).toBe('receipt');
    await send(t, { type: 'nav.press', id: 'done' });
    expect(kioskState(t)).toBe('idle');
  });

  it('service mode still opens while out of service, and leaving it returns to the out-of-service screen', async () => {
    const { t } = await rig();
    await send(t, { type: 'registry.lost', reason: REASON });
    await serviceMode(t);
    expect(kioskState(t)).toBe('service');
    await send(t, { type: 'nav.press', id: 'exit' });
    expect(kioskState(t)).toBe('outOfService');
  });

  it('a jam outlives the registry: back from the registry, still out of service for the held note', async () => {
    const { t } = await rig();
    await toCash(t, '1000000001');
    await send(t, { type: 'fault.inject', fault: 'jam' });
    await insert(t, 5000);
    expect(kioskState(t)).toBe('outOfService');
    await send(t, { type: 'registry.lost', reason: REASON }, { type: 'registry.back' });
    expect(kioskState(t)).toBe('outOfService');
    expect(kioskOf(t).context.jam).not.toBeNull();
  });
});
