/**
 * The world that opens its places after the first screen (issue 16, `openLater`: the interactive
 * kiosk): only the terminal and the phone start with it; the site, the desks and the Training place
 * start at `world.open` or on entering one of them, once, and with what was set meanwhile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock, waitFor } from 'xstate';
import { startWorld } from '../../src/app/session.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { opened, type WorldActor } from '../../machines/world.js';
import { isSettled } from '../../machines/settled.js';
import { builtInExercises } from '../../src/training/load.js';

let world: WorldActor | null = null;
afterEach(() => world?.stop());

function start(options: { openLater?: boolean; exercises?: () => ReturnType<typeof builtInExercises> } = {}) {
  const clock = new SimulatedClock();
  world = startWorld({ store: asyncStore(new MemoryStore()), clock, lang: 'en', openLater: options.openLater ?? true, training: { exercises: options.exercises ?? [] } });
  return { world, clock };
}

const places = (w: WorldActor) => {
  const { site, cashier, post, training } = w.getSnapshot().context;
  return { site, cashier, post, training };
};

describe('a world that opens its places later', () => {
  it('starts with the terminal and the phone only; world.open starts the rest, once', () => {
    const { world } = start();
    expect(places(world)).toEqual({ site: null, cashier: null, post: null, training: null });
    expect(() => opened(world.getSnapshot().context)).toThrow(/world\.open/);
    world.send({ type: 'world.open' });
    const first = opened(world.getSnapshot().context);
    expect(first.site.getSnapshot().status).toBe('active');
    world.send({ type: 'world.open' });
    expect(opened(world.getSnapshot().context)).toEqual(first);
  });

  it('without openLater every place starts with the world (tapes, tests, exercises)', () => {
    const { world } = start({ openLater: false });
    expect(opened(world.getSnapshot().context).training.getSnapshot().status).toBe('active');
  });

  it('ticks and moves the clock before the places are open, and the site starts at the time reached', () => {
    const { world, clock } = start();
    clock.increment(5_000);
    world.send({ type: 'clock.tick' });
    world.send({ type: 'clock.advance', ms: 60_000 });
    expect(world.getSnapshot().context.now).toBe(65_000);
    world.send({ type: 'world.open' });
    expect(opened(world.getSnapshot().context).site.getSnapshot().context.now).toBe(65_000);
  });

  it('entering a place that is not open yet opens the places (F1 before world.open)', () => {
    const { world } = start();
    world.send({ type: 'place.go', place: 'site' });
    expect(world.getSnapshot().value).toBe('site');
    expect(opened(world.getSnapshot().context).site.getSnapshot().status).toBe('active');
  });

  it('a role set before the desks open is the role they start with', () => {
    const { world } = start();
    world.send({ type: 'desk.setRole', role: 'cashier' });
    world.send({ type: 'world.open' });
    const { cashier, post } = opened(world.getSnapshot().context);
    expect([cashier.getSnapshot().context.role, post.getSnapshot().context.role]).toEqual(['cashier', 'cashier']);
  });

  it('the site opens in the language the terminal shows then', async () => {
    const { world } = start();
    const terminal = world.getSnapshot().context.terminal;
    const kiosk = () => terminal.getSnapshot().context.kiosk;
    // the language button of the terminal's menu, pressed before the places open
    await waitFor(terminal, isSettled);
    terminal.send({ type: 'kiosk.wake' });
    await waitFor(kiosk(), (s) => s.matches('menu'), { timeout: 5_000 });
    terminal.send({ type: 'nav.press', id: 'lang' });
    await waitFor(kiosk(), (s) => s.context.lang === 'ru', { timeout: 5_000 });
    world.send({ type: 'world.open' });
    expect(opened(world.getSnapshot().context).site.getSnapshot().context.lang).toBe('ru');
  });

  it('reads the exercises only when the Training place opens (the catalog is parsed after the first screen)', () => {
    let reads = 0;
    const exercises = builtInExercises();
    const { world } = start({ exercises: () => (reads++, exercises) });
    expect(reads).toBe(0);
    world.send({ type: 'world.open' });
    expect(reads).toBe(1);
    expect(opened(world.getSnapshot().context).training.getSnapshot().context.exercises).toEqual(exercises);
  });
});
