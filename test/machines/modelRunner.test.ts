/** maximalPaths (modelRunner.ts) keeps exactly the paths xstate/graph's own deduplication keeps, in its order. */
import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { maximalPaths } from './modelRunner.js';

/** A small machine with branches, loops back and data: a door with a code lock. */
const door = setup({
  types: { context: {} as { tries: number }, events: {} as { type: 'open' } | { type: 'close' } | { type: 'lock' } | { type: 'code'; right: boolean } },
}).createMachine({
  id: 'door',
  context: { tries: 0 },
  initial: 'closed',
  states: {
    closed: { on: { open: 'opened', lock: 'locked' } },
    opened: { on: { close: 'closed' } },
    locked: {
      on: {
        code: [
          { guard: ({ event }) => event.right, target: 'closed', actions: assign({ tries: 0 }) },
          { guard: ({ context }) => context.tries < 2, actions: assign({ tries: ({ context }) => context.tries + 1 }) },
          { target: 'jammed' },
        ],
      },
    },
    jammed: {},
  },
});

const events = [{ type: 'open' }, { type: 'close' }, { type: 'lock' }, { type: 'code', right: true }, { type: 'code', right: false }] as const;
const serialized = (s: { value: unknown; context: unknown }, e?: { type: string }, prev?: { value: unknown }) =>
  `${JSON.stringify([s.value, s.context])}${e && prev ? ` <- ${JSON.stringify(e)} from ${String(prev.value)}` : ''}`;
const model = createTestModel(door, { events: [...events], serializeState: serialized as never });
const sequence = (p: { steps: ReadonlyArray<{ event: unknown }> }) => p.steps.map((s) => JSON.stringify(s.event)).join(' ');

describe('maximalPaths', () => {
  it('keeps the paths xstate/graph keeps, in the same order, and drops every path that starts another', () => {
    const all = model.getShortestPaths({ allowDuplicatePaths: true });
    const theirs = model.getShortestPaths().map(sequence);
    const ours = maximalPaths(all).map(sequence);
    expect(all.length).toBeGreaterThan(theirs.length);
    expect(ours).toEqual(theirs);
    for (const kept of ours) expect(ours.filter((other) => other !== kept && other.startsWith(`${kept} `))).toEqual([]);
  });

  it('keeps one of two paths with the same events, and a path only a shorter one starts', () => {
    const path = (...events: string[]) => ({ steps: events.map((type) => ({ event: { type } })) });
    const a = path('x', 'y');
    const b = path('x', 'y');
    const c = path('x');
    const d = path('x', 'z', 'w');
    expect(maximalPaths([c, a, b, d])).toEqual([d, a]);
    expect(maximalPaths([c, a, b, d])[1]).toBe(a);
  });
});
