/**
 * The world's clock on its own actor with a simulated clock: the time it reads at start, F10's jump
 * (`clock.advance`) and the interactive run's tick (`clock.tick`), the site that only the world ticks,
 * and the one language of the world (the terminal's language button switches the site too).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock, waitFor } from 'xstate';
import { startWorld, type WorldSessionOptions } from '../../src/app/session.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { isSettled } from '../../machines/settled.js';
import { opened, type WorldActor } from '../../machines/world.js';

const worlds: WorldActor[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.stop();
});

function start(options: Partial<WorldSessionOptions> = {}, startAt = 0) {
  const clock = new SimulatedClock();
  clock.set(startAt);
  const world = startWorld({ store: asyncStore(new MemoryStore()), clock, lang: 'en', ...options });
  worlds.push(world);
  const site = () => opened(world.getSnapshot().context).site.getSnapshot().context;
  return { world, clock, site };
}

describe("the world's clock", () => {
  it('reads the time at start for the status line', () => {
    const { world } = start({}, 90_000);
    expect(world.getSnapshot().context.now).toBe(90_000);
  });

  it('clock.advance moves the clock by its ms, and the world and the site read the time reached', () => {
    const { world, clock, site } = start({}, 1_000);
    world.send({ type: 'clock.advance', ms: 60_000 });
    expect(clock.now()).toBe(61_000);
    expect(world.getSnapshot().context.now).toBe(61_000);
    expect(site().now).toBe(61_000);
  });

  it('clock.tick reads the clock that moved meanwhile, for the world and the site', () => {
    const { world, clock, site } = start({ place: 'terminal' });
    clock.increment(3_000);
    // only the world ticks the site: the clock moving is not enough
    expect([world.getSnapshot().context.now, site().now]).toEqual([0, 0]);
    world.send({ type: 'clock.tick' });
    expect(clock.now()).toBe(3_000);
    expect([world.getSnapshot().context.now, site().now]).toEqual([3_000, 3_000]);
  });

  it('entering the site ticks it: its countdowns show the time now', () => {
    const { world, clock, site } = start({ place: 'terminal' });
    clock.increment(7_000);
    world.send({ type: 'place.go', place: 'site' });
    expect(site().now).toBe(7_000);
  });

  it('the terminal\'s timers fire on the jump (the idle screen comes back)', async () => {
    const { world } = start({ place: 'terminal' });
    const terminal = world.getSnapshot().context.terminal;
    const kiosk = () => terminal.getSnapshot().context.kiosk;
    await waitFor(terminal, isSettled);
    terminal.send({ type: 'kiosk.wake' });
    await waitFor(kiosk(), (s) => s.matches('menu'), { timeout: 5_000 });
    world.send({ type: 'clock.advance', ms: 10 * 60_000 });
    await waitFor(kiosk(), (s) => !s.matches('menu'), { timeout: 5_000 });
  });
});

describe('one language in the world', () => {
  it("the terminal's language button switches the site, and switches it back", async () => {
    const { world, site } = start({ lang: 'en' });
    const terminal = world.getSnapshot().context.terminal;
    const kiosk = () => terminal.getSnapshot().context.kiosk;
    await waitFor(terminal, isSettled);
    terminal.send({ type: 'kiosk.wake' });
    await waitFor(kiosk(), (s) => s.matches('menu'), { timeout: 5_000 });
    expect(site().lang).toBe('en');
    terminal.send({ type: 'nav.press', id: 'lang' });
    await waitFor(kiosk(), (s) => s.context.lang === 'ru', { timeout: 5_000 });
    expect(site().lang).toBe('ru');
    terminal.send({ type: 'nav.press', id: 'lang' });
    await waitFor(kiosk(), (s) => s.context.lang === 'en', { timeout: 5_000 });
    expect(site().lang).toBe('en');
  });

});
