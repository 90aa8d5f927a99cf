/**
 * A restart after a crash with cash in (machines/terminal.ts's recovering, checkingJam, recovered): the
 * unfinished payment is completed as a timeout would, shown once, and its SMS kept for the phone panel.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { QIWI } from '../../src/domain/skins/index.js';
import { insert, kioskOf, kioskState, MemoryStore, send, START, startRig, toCash } from './terminalDriver.js';
import type { TerminalActor } from '../../machines/terminal.js';

const flow = (t: TerminalActor) => (t.getSnapshot().value as { flow: string }).flow;

async function crashWithCash(store: MemoryStore): Promise<void> {
  const first = await startRig(store);
  await toCash(first.t, '1000000001');
  await insert(first.t, 5000);
  first.t.stop();
}

describe('recovery at start', () => {
  it('R-TERM-2 R-CASH-4: the payment left by a crash is completed and shown, the change\'s SMS kept; OK goes on to the kiosk', async () => {
    const store = new MemoryStore();
    seedDemo(store, START);
    await crashWithCash(store);
    const { t } = await startRig(store);
    expect(flow(t)).toBe('recovered');
    expect(t.getSnapshot().context.recovered).toEqual([expect.objectContaining({ code: '1000000001', accepted: '5000.00', toPhone: '250.00' })]);
    expect(t.getSnapshot().context.sms).toEqual([expect.objectContaining({ kind: 'topup', phone: '+79161234567' })]);
    await send(t, { type: 'recovered.ok' });
    expect(flow(t)).toBe('kiosk');
    expect(t.getSnapshot().context.recovered).toEqual([]);
    expect(kioskState(t)).toBe('idle');
  });

  it('nothing left unfinished: straight to the kiosk; Ctrl+C on the recovered screen closes', async () => {
    const clean = await startRig(new MemoryStore());
    expect(flow(clean.t)).toBe('kiosk');
    expect(clean.t.getSnapshot().context.recovered).toEqual([]);

    const store = new MemoryStore();
    seedDemo(store, START);
    await crashWithCash(store);
    const { t } = await startRig(store);
    await send(t, { type: 'quit.request' });
    expect(flow(t)).toBe('closed');
  });

  it('the store failing at start (recovery or the jam check): the fault screen says why', async () => {
    for (const failing of ['unfinishedSessions', 'jammedSessions'] as const) {
      const store = new MemoryStore();
      store[failing] = () => {
        throw new Error(`${failing} is unreadable`);
      };
      const { t } = await startRig(store);
      expect(flow(t)).toBe('fault');
      expect(t.getSnapshot().context.fault).toBe(`${failing} is unreadable`);
    }
  });

  it('R-TERM-4: the kiosk starts in the terminal\'s language, skin, order number length and service PIN', async () => {
    const rules = { ...DEFAULT_RULES, skin: QIWI, orderNumberLength: 8, servicePin: '4321' };
    const { t } = await startRig(new MemoryStore(), { lang: 'en', rules });
    expect(kioskOf(t).context).toMatchObject({ lang: 'en', orderNumberLength: 8, servicePin: '4321' });
    expect(kioskOf(t).context.skin.id).toBe('qiwi');
    const russian = await startRig(new MemoryStore(), { lang: 'ru' });
    expect(kioskOf(russian.t).context.lang).toBe('ru');
  });
});
