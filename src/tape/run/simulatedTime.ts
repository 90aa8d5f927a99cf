/**
 * Moving XState's SimulatedClock the way real time would move: timer by timer. `increment(ms)`
 * alone fires only the timers due at the start, so a timeout that arms another (the cash screen's
 * 60 s, then "Need more time?"'s 15 s) would never see the second one fire.
 */
import type { SimulatedClock } from 'xstate';

/** Guards against a timer that re-arms itself with no delay, which would make a jump spin forever. */
const MAX_TIMER_STOPS = 100_000;

/** When the earliest pending timer is due, or null if none is pending. */
export function nextTimerAt(clock: SimulatedClock): number | null {
  // SimulatedClock keeps its timers private; reading them is the only way to stop at each one.
  const timeouts = (clock as unknown as { timeouts: Map<number, { start: number; timeout: number }> }).timeouts;
  let next: number | null = null;
  for (const { start, timeout } of timeouts.values()) {
    const due = start + timeout;
    if (next === null || due < next) next = due;
  }
  return next;
}

/**
 * Moves the clock `ms` ahead, stopping at every timer due on the way and calling `settle` after
 * each stop (so the I/O a timer starts finishes before the next one). `until` can stop early:
 * it is checked after each stop; the result says whether it did.
 */
export async function advanceClock(
  clock: SimulatedClock,
  ms: number,
  settle: (at: number) => Promise<void>,
  until?: () => boolean,
): Promise<boolean> {
  const target = clock.now() + ms;
  for (let stops = 0; stops < MAX_TIMER_STOPS; stops++) {
    const next = nextTimerAt(clock);
    const at = next !== null && next <= target ? Math.max(next, clock.now()) : target;
    clock.set(at);
    await settle(at);
    if (until?.()) return true;
    if (at === target) return false;
  }
  throw new Error(`more than ${MAX_TIMER_STOPS} timers fired within ${ms} ms: a timer keeps re-arming itself at once`);
}
