/**
 * The outbox forwarder (src/store/outboxForwarder.ts) against a registry that fails on cue and timers
 * the test fires by hand: the order of a pass, where it stops, one pass at a time, the backoff's
 * waits (doubling, capped, reset), and stopping. The same against a real server is in
 * journaledRegistry.test.ts; this one reads each step without a server.
 */
import { describe, expect, it } from 'vitest';
import { OutboxForwarder } from '../../src/store/outboxForwarder.js';
import type { JournaledRegistry } from '../../src/store/journaledRegistry.js';
import { manualTimers } from './manualTimers.js';

/** a journal of payments S1… and a registry that takes them while `down` is false */
function registry(ids: string[], { downFrom = Infinity }: { downFrom?: number } = {}) {
  const outbox = ids.map((id) => ({ entry: { session: { id } } }));
  const state = { down: false, outboxFails: false, calls: [] as string[], downFrom };
  const journaled = {
    journal: {
      outbox: () => {
        if (state.outboxFails) throw new Error('journal unreadable');
        return [...outbox];
      },
    },
    forward: async (id: string) => {
      state.calls.push(id);
      if (state.down || state.calls.length > state.downFrom) throw new Error('registry out of reach');
      outbox.splice(outbox.findIndex((p) => p.entry.session.id === id), 1);
      return {};
    },
  };
  return { journaled: journaled as unknown as JournaledRegistry, state, outbox };
}

const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the outbox forwarder', () => {
  it('forwards the outbox oldest first and stops at the first payment the registry cannot take', async () => {
    const { journaled, state } = registry(['S1', 'S2', 'S3', 'S4'], { downFrom: 2 });
    const forwarder = new OutboxForwarder(journaled, manualTimers().timers);
    expect(await forwarder.pass()).toEqual({ forwarded: 2, left: 2 });
    expect(state.calls).toEqual(['S1', 'S2', 'S3']);
  });

  it('shares a pass already under way: each payment is sent once', async () => {
    const { journaled, state } = registry(['S1', 'S2']);
    const forwarder = new OutboxForwarder(journaled, manualTimers().timers);
    const [a, b] = await Promise.all([forwarder.pass(), forwarder.pass()]);
    expect(a).toEqual({ forwarded: 2, left: 0 });
    expect(b).toBe(a);
    expect(state.calls).toEqual(['S1', 'S2']);
    // the pass over, the next one reads the outbox again
    expect(await forwarder.pass()).toEqual({ forwarded: 0, left: 0 });
  });

  it('after a failed pass waits the first delay, then twice as long each time, never above the cap', async () => {
    const { journaled, state } = registry(['S1']);
    state.down = true;
    const clock = manualTimers();
    const forwarder = new OutboxForwarder(journaled, clock.timers, { firstDelayMs: 1000, maxDelayMs: 5000 });
    expect(await forwarder.run()).toEqual({ forwarded: 0, left: 1 });
    const seen: number[][] = [clock.waits()];
    for (let i = 0; i < 4; i++) {
      clock.fire();
      await settled();
      seen.push(clock.waits());
    }
    expect(seen).toEqual([[1000], [2000], [4000], [5000], [5000]]);
    expect(forwarder.failuresSoFar).toBe(5);
  });

  it('an empty outbox after a pass resets the backoff and plans nothing', async () => {
    const { journaled, state } = registry(['S1']);
    state.down = true;
    const clock = manualTimers();
    const forwarder = new OutboxForwarder(journaled, clock.timers, { firstDelayMs: 1000, maxDelayMs: 60_000 });
    await forwarder.run();
    clock.fire();
    await settled();
    expect(forwarder.failuresSoFar).toBe(2);
    state.down = false;
    clock.fire();
    await settled();
    expect(state.calls).toEqual(['S1', 'S1', 'S1']);
    expect(forwarder.failuresSoFar).toBe(0);
    expect(clock.waits()).toEqual([]);
  });

  it('a pass that throws (the journal unreadable) is tried again later, waiting longer', async () => {
    const { journaled, state } = registry(['S1']);
    state.down = true;
    const clock = manualTimers();
    const forwarder = new OutboxForwarder(journaled, clock.timers, { firstDelayMs: 1000, maxDelayMs: 60_000 });
    await forwarder.run();
    state.outboxFails = true;
    clock.fire();
    await settled();
    expect(clock.waits()).toEqual([2000]);
    state.outboxFails = false;
    state.down = false;
    clock.fire();
    await settled();
    expect(state.calls).toEqual(['S1', 'S1']);
    expect(clock.waits()).toEqual([]);
  });

  it('plans one retry at a time; a run cancels the one planned; stop cancels it and plans no more', async () => {
    const { journaled, state } = registry(['S1']);
    state.down = true;
    const clock = manualTimers();
    const forwarder = new OutboxForwarder(journaled, clock.timers, { firstDelayMs: 1000, maxDelayMs: 60_000 });
    await forwarder.run();
    forwarder.retryLater();
    expect(clock.waits()).toEqual([1000]);
    expect(forwarder.failuresSoFar).toBe(1);
    const first = clock.lastId();
    await forwarder.run();
    expect(clock.cleared).toEqual([first]);
    expect(clock.waits()).toEqual([2000]);
    const second = clock.lastId();
    forwarder.stop();
    expect(clock.cleared).toEqual([first, second]);
    expect(clock.waits()).toEqual([]);
    forwarder.retryLater();
    await forwarder.run();
    expect(clock.waits()).toEqual([]);
    // nothing planned: stopping again clears nothing
    forwarder.stop();
    expect(clock.cleared).toEqual([first, second]);
  });
});
