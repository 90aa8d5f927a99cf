/**
 * Whose phone the phone place is (machines/world.ts customerPhone): the phone of the newest SMS a place
 * sent, else the phone the world was started with. The site is driven through its own keys, inside the
 * world, on a simulated clock; the phone is read as the world refreshes it on F2.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock, waitFor } from 'xstate';
import type { Key } from 'ink';
import { startWorld } from '../../src/app/session.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { mapSiteKey } from '../../src/app/siteKeys.js';
import { siteViewOf } from '../../machines/site/siteView.js';
import { isSettled } from '../../machines/settled.js';
import { customerPhone, opened, type WorldActor, type WorldContext } from '../../machines/world.js';

const worlds: WorldActor[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.stop();
});

const NAMED: Record<string, Partial<Key>> = { enter: { return: true }, backspace: { backspace: true } };

function start() {
  const clock = new SimulatedClock();
  let n = 0;
  const random = () => ((n = (n * 7919 + 104729) % 1_000_003) / 1_000_003);
  const world = startWorld({ store: asyncStore(new MemoryStore()), clock, lang: 'en', place: 'site', random });
  worlds.push(world);
  const site = opened(world.getSnapshot().context).site;
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      for (const [input, key] of k in NAMED ? [['', NAMED[k]!] as const] : [...k].map((c) => [c, {}] as const)) {
        const event = mapSiteKey(siteViewOf(site.getSnapshot()), input, key);
        if (event) site.send(event);
        await waitFor(site, isSettled);
      }
    }
  };
  /** An order paid in cash for this phone: its code comes by SMS to that phone (R-CODE-1). */
  const orderFor = async (digits: string) => {
    await press('1', 'c', 'b');
    for (let i = 0; i < 10; i++) await press('backspace');
    await press(digits, 'enter', 'm', 'c');
    expect(siteViewOf(site.getSnapshot()).page).toBe('code');
    await press('s');
  };
  /** F2, then Esc back to the site: the phone place shows whose phone it is now. */
  const phoneShown = async () => {
    world.send({ type: 'place.go', place: 'phone' });
    const phone = world.getSnapshot().context.phone;
    await waitFor(phone, (s) => s.matches('home'));
    world.send({ type: 'place.back' });
    return phone.getSnapshot().context.phone;
  };
  return { world, clock, site, orderFor, phoneShown };
}

describe('whose phone the phone place is', () => {
  it('the demo phone while no place has sent an SMS', async () => {
    const { phoneShown } = start();
    expect(await phoneShown()).toBe(DEMO_PHONE);
  });

  it("R-CODE-1: the phone the site's code went to, and then the phone of a newer code", async () => {
    const { clock, orderFor, phoneShown } = start();
    await orderFor('9031112233');
    expect(await phoneShown()).toBe('+79031112233');
    clock.increment(60_000);
    await orderFor('9051112233');
    expect(await phoneShown()).toBe('+79051112233');
  });

  it('of two codes sent at one moment, the one sent last', async () => {
    const { orderFor, phoneShown } = start();
    await orderFor('9031112233');
    await orderFor('9051112233');
    expect(await phoneShown()).toBe('+79051112233');
  });
});

describe('customerPhone: the newest SMS wins, wherever it was sent from', () => {
  type Sent = { phone: string; at: number };
  const actor = (context: object) => ({ getSnapshot: () => ({ context }) });
  /** A world's context as customerPhone reads it: the terminal's and the site's SMS, a mobile payment, the phone. */
  const contextOf = (terminal: Sent[], site: Sent[] | null, mobile: Sent | null = null) =>
    ({
      terminal: actor({ sms: terminal }),
      site: site && actor({ sms: site, mobile: { payment: mobile && { phone: mobile.phone, requestedAt: mobile.at } } }),
      phone: actor({ phone: DEMO_PHONE }),
    }) as unknown as WorldContext;

  it("the terminal's change SMS, newer than the site's code, though the site's is listed after it", () => {
    expect(customerPhone(contextOf([{ phone: '+79030000001', at: 2_000 }], [{ phone: '+79050000002', at: 1_000 }]))).toBe('+79030000001');
  });

  it("the site's code when it is the newer one", () => {
    expect(customerPhone(contextOf([{ phone: '+79030000001', at: 1_000 }], [{ phone: '+79050000002', at: 2_000 }]))).toBe('+79050000002');
  });

  it("the phone a mobile payment's SMS went to, when it is the newest", () => {
    expect(customerPhone(contextOf([{ phone: '+79030000001', at: 1_000 }], [], { phone: '+79160000003', at: 3_000 }))).toBe('+79160000003');
  });

  it('the phone the world started with when nothing was sent, the places opened later not open yet', () => {
    expect(customerPhone(contextOf([], null))).toBe(DEMO_PHONE);
  });
});

describe("the world's children", () => {
  it('each place is a child under its own name (what an inspector lists and a persisted snapshot restores by)', () => {
    const clock = new SimulatedClock();
    const world = startWorld({ store: asyncStore(new MemoryStore()), clock, lang: 'en' });
    worlds.push(world);
    expect(Object.keys(world.getSnapshot().children).sort()).toEqual(['cashier', 'phone', 'post', 'site', 'terminal', 'training']);
  });
});
