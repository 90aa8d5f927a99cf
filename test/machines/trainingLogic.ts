/** The Training machine bound to a memory store and simulated clocks, as the machine tests use it. */
import { SimulatedClock } from 'xstate';
import { provideTraining } from '../../src/adapters/trainingActors.js';
import { startWorld } from '../../src/app/session.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import type { MemoryStore } from '../../src/domain/memoryStore.js';

/** Attempt ids `${idPrefix}-1`, `-2`, …; the program clock at 2026-11-20 09:00 UTC; each sandbox on a simulated clock. */
export function trainingLogic(store: MemoryStore, idPrefix = 'attempt') {
  let ids = 0;
  return provideTraining({
    store: asyncStore(store),
    newAttemptId: () => `${idPrefix}-${++ids}`,
    now: () => Date.UTC(2026, 10, 20, 9),
    startWorld,
    simulatedClock: (startMs) => {
      const clock = new SimulatedClock();
      clock.set(startMs);
      return clock;
    },
  });
}
