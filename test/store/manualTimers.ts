import type { ForwardTimers } from '../../src/store/outboxForwarder.js';

/** Timers that only record what is planned: the test fires them by hand (the forwarder's, the probe's). */
export function manualTimers() {
  let next = 0;
  const planned = new Map<number, { fn: () => void; ms: number }>();
  const cleared: unknown[] = [];
  const timers: ForwardTimers = {
    setTimeout: (fn, ms) => {
      planned.set(++next, { fn, ms });
      return next;
    },
    clearTimeout: (id) => {
      cleared.push(id);
      planned.delete(id as number);
    },
  };
  /** the delays of the timers still planned */
  const waits = () => [...planned.values()].map((t) => t.ms);
  /** fires every planned timer once */
  const fire = () => {
    const due = [...planned.values()];
    planned.clear();
    for (const t of due) t.fn();
  };
  return { timers, waits, fire, cleared, lastId: () => next };
}
