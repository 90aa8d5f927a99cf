/**
 * "Settled" is defined once, by the `io` tag on the terminal's flow states (machines/settled.ts): every
 * state that waits on an invoked I/O actor carries it, no other state does, and `isSettled` reads it.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedClock, waitFor } from 'xstate';
import { IO_TAG, isSettled } from '../../machines/settled.js';
import { terminalMachine } from '../../machines/terminal.js';
import { startTerminal } from '../../src/app/session.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { asyncStore } from '../../src/domain/asyncStore.js';

it('tags exactly the flow states that invoke I/O with `io`, so a new I/O state cannot be left out of "settled"', () => {
  const flow = terminalMachine.root.states.flow!;
  const states = Object.entries(flow.states);
  const invoking = states.filter(([, node]) => node.invoke.length > 0).map(([name]) => name);
  const tagged = states.filter(([, node]) => node.tags.includes(IO_TAG)).map(([name]) => name);
  expect(invoking.sort()).toEqual(['cancelling', 'checkingJam', 'clearingJam', 'committing', 'encashing', 'holdingNote', 'journaling', 'lookingUp', 'openingCash', 'readingCassette', 'recovering']);
  expect(tagged.sort()).toEqual(invoking);
});

it('isSettled is false while an order lookup is in flight and true once its answer is on screen', async () => {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 10, 22, 7));
  const store = new MemoryStore();
  seedDemo(store, clock.now());
  const t = startTerminal({ store: asyncStore(store), clock, lang: 'en' });
  await waitFor(t, isSettled);
  expect(t.getSnapshot().matches({ flow: 'kiosk' })).toBe(true);
  for (const event of [
    { type: 'kiosk.wake' },
    { type: 'nav.press', id: 'other' },
    { type: 'nav.press', id: 'catalogs' },
    { type: 'nav.press', id: 'aliexpress' },
    { type: 'input.text', text: '1000000001' },
  ] as const) t.send(event);
  t.send({ type: 'nav.press', id: 'next' });
  // the lookup actor runs as a promise: until it resolves the terminal is in lookingUp
  expect(t.getSnapshot().matches({ flow: 'lookingUp' })).toBe(true);
  expect(isSettled(t.getSnapshot())).toBe(false);
  const settled = await waitFor(t, isSettled);
  expect(settled.context.kiosk.getSnapshot().value).toBe('checkData');
  t.stop();
  expect(isSettled(t.getSnapshot())).toBe(true);
});

describe('isSettled on snapshots as data', () => {
  /** a snapshot with the tags given and the children given */
  const snap = (tags: string[], children?: Record<string, unknown>, status = 'active') => ({
    status,
    hasTag: (tag: string) => tags.includes(tag),
    children: children && Object.fromEntries(Object.entries(children).map(([id, s]) => [id, s === undefined ? undefined : { getSnapshot: () => s }])),
  });

  it('a machine that stopped or finished is settled whatever its tags say', () => {
    expect(IO_TAG).toBe('io');
    expect(isSettled(snap(['io'], undefined, 'done'))).toBe(true);
    expect(isSettled(snap(['io'], undefined, 'stopped'))).toBe(true);
  });

  it('an active machine in an `io` state is not settled; in any other state it is', () => {
    expect(isSettled(snap(['io']))).toBe(false);
    expect(isSettled(snap(['menu']))).toBe(true);
    expect(isSettled(snap([], {}))).toBe(true);
  });

  it('a child machine (the desk\'s till) in an `io` state, even one level further down, keeps its parent unsettled', () => {
    expect(isSettled(snap([], { till: snap(['io']) }))).toBe(false);
    expect(isSettled(snap([], { till: snap([], { inner: snap(['io']) }) }))).toBe(false);
    expect(isSettled(snap([], { idle: snap(['menu']), till: snap(['io']) }))).toBe(false);
    expect(isSettled(snap([], { till: snap(['menu']) }))).toBe(true);
    expect(isSettled(snap([], { till: snap(['io'], undefined, 'done') }))).toBe(true);
  });

  it('promise actors (no tags), a null snapshot and a child already gone never count as I/O in flight', () => {
    expect(isSettled(snap([], { lookup: { status: 'active', output: undefined }, gone: undefined, none: null, text: 'io' }))).toBe(true);
    expect(isSettled(snap([], { odd: { status: 'active', hasTag: 'io' } }))).toBe(true);
  });
});
