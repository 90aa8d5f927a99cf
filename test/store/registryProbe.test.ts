/**
 * The registry probe (src/store/registryProbe.ts) on timers the test fires by hand: the first probe
 * one interval after start, the next one interval after each answer (failed or not), never two at
 * once, the timeout handed to each probe, and stop.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBE_MS, DEFAULT_PROBE_TIMEOUT_MS, RegistryProbe } from '../../src/store/registryProbe.js';
import { manualTimers } from './manualTimers.js';

/** a probe whose answers the test gives: each call waits until `answer` or `fail` */
function heldProbe() {
  const calls: number[] = [];
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const probe = (timeoutMs: number) => new Promise<void>((resolve, reject) => {
    calls.push(timeoutMs);
    settle = { resolve, reject };
  });
  return {
    probe,
    calls,
    answer: () => settle!.resolve(),
    fail: () => settle!.reject(new Error('registry out of reach')),
  };
}

const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the registry probe', () => {
  it('waits one interval, probes with its timeout, and plans the next only once the answer came', async () => {
    const clock = manualTimers();
    const held = heldProbe();
    new RegistryProbe(held.probe, clock.timers, 700, 300).start();
    expect(held.calls).toEqual([]);
    expect(clock.waits()).toEqual([700]);
    clock.fire();
    expect(held.calls).toEqual([300]);
    await settled();
    expect(clock.waits()).toEqual([]);
    held.answer();
    await settled();
    expect(clock.waits()).toEqual([700]);
  });

  it('a failed probe is swallowed and the next one still comes one interval later', async () => {
    const clock = manualTimers();
    const held = heldProbe();
    new RegistryProbe(held.probe, clock.timers, 700, 300).start();
    clock.fire();
    held.fail();
    await settled();
    expect(clock.waits()).toEqual([700]);
    clock.fire();
    expect(held.calls).toEqual([300, 300]);
  });

  it('stop clears the planned probe, and an answer after stop plans none; start again resumes', async () => {
    const clock = manualTimers();
    const held = heldProbe();
    const probe = new RegistryProbe(held.probe, clock.timers, 700, 300);
    probe.start();
    probe.stop();
    expect(clock.cleared).toEqual([1]);
    expect(clock.waits()).toEqual([]);
    probe.stop();
    expect(clock.cleared).toEqual([1]);

    probe.start();
    clock.fire();
    probe.stop();
    expect(clock.cleared).toEqual([1]);
    held.answer();
    await settled();
    expect(clock.waits()).toEqual([]);
    probe.start();
    expect(clock.waits()).toEqual([700]);
  });

  it('by default probes every 5 s and gives each probe 3 s', () => {
    const clock = manualTimers();
    const held = heldProbe();
    new RegistryProbe(held.probe, clock.timers).start();
    expect([DEFAULT_PROBE_MS, DEFAULT_PROBE_TIMEOUT_MS]).toEqual([5_000, 3_000]);
    expect(clock.waits()).toEqual([5_000]);
    clock.fire();
    expect(held.calls).toEqual([3_000]);
  });
});
