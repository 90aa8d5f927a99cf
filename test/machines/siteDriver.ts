/** A site on a MemoryStore and XState's SimulatedClock, driven by key presses through its keymap; waits on conditions only. */
import { createActor, fromPromise, SimulatedClock, waitFor } from 'xstate';
import type { Key } from 'ink';
import { provideSite } from '../../src/adapters/siteActors.js';
import { mobileSiteActors } from '../../src/adapters/mobileActors.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import type { Lang } from '../../src/domain/money.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Channel, CodeSms } from '../../src/domain/orders/catalog.js';
import { isSettled } from '../../machines/settled.js';
import { siteViewOf } from '../../machines/site/siteView.js';
import { mapSiteKey } from '../../src/app/siteKeys.js';
import { asyncStore } from '../../src/domain/asyncStore.js';

export const START = Date.UTC(2026, 10, 22, 7, 0, 0);

const NAMED: Record<string, Partial<Key>> = {
  enter: { return: true }, esc: { escape: true }, tab: { tab: true }, backspace: { backspace: true },
  up: { upArrow: true }, down: { downArrow: true }, left: { leftArrow: true }, right: { rightArrow: true },
};

export interface SiteDriverOptions {
  phone?: string | null;
  channel?: Channel;
  lang?: Lang;
  demo?: boolean;
  /** a fixed sequence of "random" numbers for the codes */
  random?: () => number;
  /** the host sends `clock.tick` (as the world does): the site arms no timer of its own */
  hostTicks?: boolean;
  /** this store actor rejects with Error('<name> down'), as a store that fails */
  failing?: 'placeCashOrder' | 'renewOrder' | 'listOrders' | 'changeOrder' | 'requestMobile' | 'checkMobile' | 'placeTopUp';
}

export function startSite(options: SiteDriverOptions = {}) {
  const clock = new SimulatedClock();
  clock.set(START);
  const store = new MemoryStore();
  if (options.demo) seedDemo(store, clock.now());
  let n = 0;
  const random = options.random ?? (() => ((n = (n * 7919 + 104729) % 1_000_003) / 1_000_003));
  const provided = provideSite({ store: asyncStore(store), clock, rules: DEFAULT_RULES, random }).provide({ actors: mobileSiteActors({ store: asyncStore(store), clock, rules: DEFAULT_RULES, random }) });
  const failing = options.failing;
  const machine = failing ? provided.provide({ actors: { [failing]: fromPromise(() => Promise.reject(new Error(`${failing} down`))) } }) : provided;
  const actor = createActor(machine, {
    clock,
    input: { clock, lang: options.lang ?? 'en', phone: options.phone ?? null, channel: options.channel ?? 'pc', hostTicks: options.hostTicks ?? false },
  });
  const emitted: CodeSms[] = [];
  actor.on('site.smsSent', (e) => emitted.push(e.sms));
  actor.start();
  const view = () => siteViewOf(actor.getSnapshot());
  // bounded: a site stuck on a store page fails its test here, instead of hanging it until the runner
  // (or Stryker, which then restarts its whole test runner) cuts it off; a store answer takes milliseconds
  const settle = async () => {
    await waitFor(actor, isSettled, { timeout: 5_000 });
  };
  /** Presses keys: named ones (`enter`, `esc`, `tab`, arrows) or each character of a text. */
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      for (const [input, key] of k in NAMED ? [['', NAMED[k]!] as const] : [...k].map((c) => [c, {}] as const)) {
        const event = mapSiteKey(view(), input, key);
        if (event) actor.send(event);
        await settle();
      }
    }
  };
  const pressButton = async (id: string) => {
    actor.send({ type: 'nav.press', id });
    await settle();
  };
  /** Catalog → cart → checkout with this phone and country → payment → Other payment methods. */
  const toMethods = async (phoneDigits = '9161234567', countryPresses = 0) => {
    await press('1', '2', 'c', 'b', '*');
    for (let i = 0; i < 10; i++) await press('backspace');
    await press(phoneDigits);
    for (let i = 0; i < countryPresses; i++) await press('tab');
    await press('enter', 'm');
  };
  return { actor, clock, store, view, press, pressButton, toMethods, emitted, settle };
}

/**
 * The first pages every walk through the site sees, each kept by `keep`: the catalog, an empty cart,
 * four products added, the cart, the checkout with the session's phone; ends on the checkout with the
 * phone erased (the screen tests type their own number from there).
 */
export async function walkToCheckout(site: ReturnType<typeof startSite>, keep: (name: string) => void): Promise<void> {
  keep('catalog');
  await site.press('c');
  keep('catalog, cart empty');
  await site.press('1', '2', '3', '4');
  keep('catalog, added');
  await site.press('c');
  keep('cart, four products');
  await site.press('b');
  keep('checkout, the session phone');
  for (let i = 0; i < 10; i++) await site.press('backspace');
}
