/**
 * The world's key routing between places, driven on its own actor with a simulated clock (no screens):
 * where it starts, `place.go` to each place and to no place, Esc on the phone back to where it came
 * from, the hints, and what each place is started with. The clock and the site's ticks:
 * test/machines/world.clock.test.ts; the places opened later: worldOpenLater.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock, waitFor } from 'xstate';
import { startWorld, type WorldSessionOptions } from '../../src/app/session.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { opened, PLACES, type MainPlace, type WorldActor } from '../../machines/world.js';

const worlds: WorldActor[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.stop();
});

function start(options: Partial<WorldSessionOptions> = {}) {
  const clock = new SimulatedClock();
  const store = new MemoryStore();
  const world = startWorld({ store: asyncStore(store), clock, lang: 'en', ...options });
  worlds.push(world);
  return { world, clock, store };
}

const at = (w: WorldActor) => w.getSnapshot().value;
const hint = (w: WorldActor) => w.getSnapshot().context.hint;
const MAIN: MainPlace[] = ['site', 'terminal', 'cashier', 'post', 'training'];

describe('where the world starts', () => {
  it('starts at the terminal when no place is given, with no hint and Esc on the phone leading to the terminal', () => {
    const { world } = start();
    expect(at(world)).toBe('terminal');
    expect(world.getSnapshot().context).toMatchObject({ start: 'terminal', behindPhone: 'terminal', hint: null });
  });

  it.each(PLACES)('starts at %s when told to (kiosk --place, a tape\'s Set Place)', (place) => {
    const { world } = start({ place });
    expect(at(world)).toBe(place);
    expect(world.getSnapshot().context.start).toBe(place);
  });

  it('started on the phone, Esc goes to the terminal', () => {
    const { world } = start({ place: 'phone' });
    world.send({ type: 'place.back' });
    expect(at(world)).toBe('terminal');
  });
});

describe('place.go', () => {
  // each place to the next on the place bar and to the one before it: every place left and entered twice
  const hops = PLACES.flatMap((from, i) => [[from, PLACES[(i + 1) % PLACES.length]!], [from, PLACES[(i + PLACES.length - 1) % PLACES.length]!]] as const);
  it.each(hops)('from %s to %s', (from, to) => {
    const { world } = start({ place: from });
    world.send({ type: 'place.go', place: to });
    expect(at(world)).toBe(to);
  });

  it.each(PLACES)('to a place that is not built stays at %s and names it; to itself it clears the hint', (place) => {
    const { world } = start({ place });
    world.send({ type: 'place.go', place: 'bank' });
    expect(at(world)).toBe(place);
    expect(hint(world)).toEqual({ kind: 'unknownPlace', place: 'bank' });
    world.send({ type: 'place.go', place });
    expect(at(world)).toBe(place);
    expect(hint(world)).toBeNull();
  });

  it.each(PLACES)('entering %s clears the hint left at another place', (place) => {
    const { world } = start({ place: place === 'site' ? 'post' : 'site' });
    world.send({ type: 'key.unknown', key: 'F7' });
    expect(hint(world)).toEqual({ kind: 'unknownKey', key: 'F7' });
    world.send({ type: 'place.go', place });
    expect(hint(world)).toBeNull();
  });

  it('a key that does nothing is named, wherever the keys are', () => {
    const { world } = start({ place: 'phone' });
    world.send({ type: 'key.unknown', key: 'F12' });
    expect(at(world)).toBe('phone');
    expect(hint(world)).toEqual({ kind: 'unknownKey', key: 'F12' });
  });
});

describe('the phone beside the places', () => {
  it.each(MAIN)('Esc on the phone goes back to %s, where it came from', (place) => {
    const { world } = start({ place });
    world.send({ type: 'place.go', place: 'phone' });
    expect(world.getSnapshot().context.behindPhone).toBe(place);
    world.send({ type: 'place.back' });
    expect(at(world)).toBe(place);
  });

  it('Esc anywhere but on the phone changes nothing', () => {
    const { world } = start({ place: 'cashier' });
    world.send({ type: 'place.back' });
    expect(at(world)).toBe('cashier');
  });

  it('the phone is the demo phone unless the world is given one', async () => {
    const { world } = start();
    expect(world.getSnapshot().context.phone.getSnapshot().context.phone).toBe(DEMO_PHONE);
    const other = start({ phone: '+79031112233' }).world;
    await waitFor(other.getSnapshot().context.phone, (s) => s.matches('home'));
    expect(other.getSnapshot().context.phone.getSnapshot().context.phone).toBe('+79031112233');
  });

  it.each(['site', 'terminal', 'phone'] as const)('entering %s makes the phone read the store again (an SMS sent meanwhile shows)', async (place) => {
    const { world, store } = start({ place: place === 'phone' ? 'cashier' : 'phone' });
    const phone = world.getSnapshot().context.phone;
    await waitFor(phone, (s) => s.matches('home'));
    expect(phone.getSnapshot().context.inbox).toEqual([]);
    store.sendSms({ phone: DEMO_PHONE, at: 0, sender: 'AliExpress', kind: 'refund', amount: '10.00', code: '' });
    world.send({ type: 'place.go', place });
    await waitFor(phone, (s) => s.matches('home') && s.context.inbox.length === 1);
    expect(phone.getSnapshot().context.inbox[0]).toMatchObject({ kind: 'refund', amount: '10.00' });
  });

  it.each(['cashier', 'post', 'training'] as const)('entering %s leaves the phone as it was', async (place) => {
    const { world, store } = start({ place: 'phone' });
    const phone = world.getSnapshot().context.phone;
    await waitFor(phone, (s) => s.matches('home'));
    store.sendSms({ phone: DEMO_PHONE, at: 0, sender: 'AliExpress', kind: 'refund', amount: '10.00', code: '' });
    world.send({ type: 'place.go', place });
    expect(phone.getSnapshot().value).toBe('home');
  });
});

describe('what the places start with', () => {
  const rules = { ...DEFAULT_RULES, orderNumberLength: 8 };

  it('the terminal, the site and both desks get the language and the rules; each desk knows its place', () => {
    const { world } = start({ rules, lang: 'en' });
    const { terminal } = world.getSnapshot().context;
    const { site, cashier, post } = opened(world.getSnapshot().context);
    expect(terminal.getSnapshot().context.rules).toBe(rules);
    expect(terminal.getSnapshot().context.kiosk.getSnapshot().context.lang).toBe('en');
    expect([site, cashier, post].map((p) => [p.getSnapshot().context.lang, p.getSnapshot().context.rules === rules])).toEqual([
      ['en', true], ['en', true], ['en', true],
    ]);
    expect([cashier.getSnapshot().context.place, post.getSnapshot().context.place]).toEqual(['cashier', 'post']);
  });

  it('the site is ticked by the world, on the world\'s clock, for the world\'s phone', () => {
    const { world, clock } = start({ phone: '+79031112233' });
    const { site } = opened(world.getSnapshot().context);
    expect(site.getSnapshot().context).toMatchObject({ hostTicks: true, sessionPhone: '+79031112233' });
    expect(site.getSnapshot().context.clock.now()).toBe(clock.now());
    expect(start().world.getSnapshot().context.site?.getSnapshot().context.sessionPhone).toBe(DEMO_PHONE);
  });

  it('the desks take the role and the cap given; without them, the customer and the default cap', () => {
    const plain = opened(start().world.getSnapshot().context);
    const { cashier, post } = opened(start({ role: 'cashier', deskCap: '500.00' }).world.getSnapshot().context);
    expect([cashier, post].map((d) => [d.getSnapshot().context.role, d.getSnapshot().context.cap])).toEqual([['cashier', '500.00'], ['cashier', '500.00']]);
    expect(plain.cashier.getSnapshot().context.role).toBe('customer');
    expect(plain.post.getSnapshot().context.cap).not.toBe('500.00');
  });

  it('desk.setRole reaches both open desks', () => {
    const { world } = start();
    world.send({ type: 'desk.setRole', role: 'cashier' });
    const { cashier, post } = opened(world.getSnapshot().context);
    expect([cashier.getSnapshot().context.role, post.getSnapshot().context.role]).toEqual(['cashier', 'cashier']);
    expect(world.getSnapshot().context.opening.role).toBeUndefined();
  });

  it('the Training place gets the trainee, the exam, the drill, the seed, the draw and the language', () => {
    const drawSeed = () => 7;
    const { world } = start({ lang: 'en', training: { exercises: [], trainee: 'Anna', exam: true, drillRules: ['R-CASH-2'], seed: 0, drawSeed } });
    expect(opened(world.getSnapshot().context).training.getSnapshot().context).toMatchObject({
      trainee: 'Anna', exam: true, drillRules: ['R-CASH-2'], pinnedSeed: 0, lang: 'en',
    });
    expect(opened(world.getSnapshot().context).training.getSnapshot().context.drawSeed).toBe(drawSeed);
  });

  it('without them, the Training place asks for a name, is no exam, pins no seed and speaks Russian', () => {
    const { world } = start({ lang: undefined });
    expect(opened(world.getSnapshot().context).training.getSnapshot().context).toMatchObject({
      trainee: '', exam: false, drillRules: [], pinnedSeed: null, lang: 'ru', exercises: [],
    });
    expect(opened(world.getSnapshot().context).training.getSnapshot().value).toBe('naming');
  });
});
