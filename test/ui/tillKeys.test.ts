/** Keys → till events (src/app/tillKeys.ts): a whole payment at the till typed as keys on the real till machine. */
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { createActor, SimulatedClock, waitFor } from 'xstate';
import { mapTillKey } from '../../src/app/tillKeys.js';
import { tillViewOf } from '../../machines/desk/tillView.js';
import { isSettled } from '../../machines/settled.js';
import { provideTill } from '../../src/adapters/tillActors.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { asyncStore } from '../../src/domain/asyncStore.js';

const START = Date.UTC(2026, 10, 22, 7, 0, 0);
const NAMED: Record<string, Partial<Key>> = { enter: { return: true }, backspace: { backspace: true }, esc: { escape: true } };

function startTill() {
  const store = new MemoryStore();
  seedDemo(store, START);
  const clock = new SimulatedClock();
  clock.set(START);
  const actor = createActor(provideTill({ store: asyncStore(store), clock, rules: DEFAULT_RULES }), { input: { place: 'cashier' }, clock }).start();
  const path = () => tillViewOf(actor.getSnapshot(), 'en').statePath;
  const keys = async (...presses: string[]) => {
    for (const press of presses) {
      for (const input of press in NAMED ? [press] : press.split('')) {
        const event = mapTillKey(path(), NAMED[input] ? '' : input, NAMED[input] ?? {});
        if (event) actor.send(event);
        await waitFor(actor, isSettled);
      }
    }
  };
  return { store, actor, path, keys };
}

describe('the till by keys', () => {
  it('R-CASH-2: o, n, the code, Enter ×2, 5000, Enter, the change 200 + 50 (note keys 4 and 2), Enter pays, Enter hands the receipt', async () => {
    const till = startTill();
    await till.keys('o', 'n', '1000000001', 'enter', 'enter', '5000', 'enter');
    expect(till.path()).toBe('serving.change');
    await till.keys('4', '2', 'enter');
    expect(till.path()).toBe('serving.receipt');
    expect(till.actor.getSnapshot().context.till!.payments[0]).toMatchObject({ changeDue: '250.00', changeGiven: '250.00', verdict: { kind: 'exact' } });
    await till.keys('enter');
    expect(till.path()).toBe('idle');
    expect(till.store.findOrder('1000000001')).toMatchObject({ status: 'paid' });
  });

  it('coin keys give coins, c clears the change, a worn-note key gives nothing; z with a customer at the desk is refused', async () => {
    const till = startTill();
    await till.keys('o', 'n', '1000000001', 'enter', 'enter', '5000', 'enter', 'q', 'w', '!');
    expect(till.actor.getSnapshot().context.given).toEqual({ '10.00': 1, '5.00': 1 });
    await till.keys('c', 'z');
    expect(till.actor.getSnapshot().context).toMatchObject({ given: {}, notice: 'till.zWithCustomer' });
  });

  it('letters typed where the cash received goes are refused with a hint', async () => {
    const till = startTill();
    await till.keys('o', 'n', '1000000001', 'enter', 'enter', '5a');
    expect(till.actor.getSnapshot().context).toMatchObject({ received: '5', notice: 'hint.digitsOnly' });
  });

  it('R-CASH-1: s on the code step sends the customer back for the code, Enter lets them go; elsewhere s sends nothing', async () => {
    const till = startTill();
    await till.keys('o', 's');
    expect(till.path()).toBe('idle');
    await till.keys('n', '1000', 's');
    expect(till.path()).toBe('serving.sentAway');
    expect(tillViewOf(till.actor.getSnapshot(), 'en').lines.map((l) => l.text)).toContain('"All right, I\'ll find the SMS with the code and come back."');
    await till.keys('enter');
    expect(till.path()).toBe('idle');
    expect(till.store.tillState('cashier')).toMatchObject({ sentAway: 1, payments: [] });
  });
});
