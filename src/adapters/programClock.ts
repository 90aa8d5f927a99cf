/**
 * The program's clock. In an interactive run it is real time plus the jumps asked for with F9/F10;
 * in tests and tapes it is XState's SimulatedClock. Either way the actor system's timers run on it,
 * and a jump stops at every timer due on the way, so a timeout that arms another fires both.
 */
import { SimulatedClock } from 'xstate';
import { nextTimerAt } from '../tape/run/simulatedTime.js';

/** Guards against a timer that re-arms itself with no delay, which would make a jump spin forever. */
const MAX_TIMER_STOPS = 100_000;

/** A clock XState can run timers on, that can also tell the time and be moved forward. */
export interface ProgramClock {
  now(): number;
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
  /** when the earliest pending timer is due, or null */
  nextTimerAt(): number | null;
  /** sets the time (never backwards), firing the timers due by then */
  set(time: number): void;
}

interface Timer {
  due: number;
  fn: (...args: unknown[]) => void;
  handle: ReturnType<typeof setTimeout>;
}

/** Real time moved forward by the jumps asked for: timers fire by real time, or at once when a jump passes them. */
export class RealProgramClock implements ProgramClock {
  /** @param offset how far ahead of real time it starts: the store's `programClockOffset()` */
  constructor(private offset = 0) {}

  /** how far ahead of real time it runs now, to keep in the store */
  get offsetMs(): number {
    return this.offset;
  }

  private seq = 0;
  private readonly timers = new Map<number, Timer>();

  now(): number {
    return Date.now() + this.offset;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const id = ++this.seq;
    this.timers.set(id, { due: this.now() + timeout, fn, handle: this.schedule(id, timeout) });
    return id;
  }

  clearTimeout(id: unknown): void {
    const timer = this.timers.get(id as number);
    if (timer) clearTimeout(timer.handle);
    this.timers.delete(id as number);
  }

  nextTimerAt(): number | null {
    let next: number | null = null;
    for (const { due } of this.timers.values()) if (next === null || due < next) next = due;
    return next;
  }

  set(time: number): void {
    this.offset = Math.max(this.offset, time - Date.now());
    for (const [id, timer] of [...this.timers].sort((a, b) => a[1].due - b[1].due)) {
      clearTimeout(timer.handle);
      if (timer.due <= this.now()) this.fire(id);
      else timer.handle = this.schedule(id, timer.due - this.now());
    }
  }

  private schedule(id: number, ms: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => this.fire(id), ms);
  }

  private fire(id: number): void {
    const timer = this.timers.get(id);
    if (!timer) return;
    this.timers.delete(id);
    timer.fn();
  }
}

/** XState's SimulatedClock seen as a program clock. */
export function simulated(clock: SimulatedClock): ProgramClock {
  return {
    now: () => clock.now(),
    setTimeout: (fn, timeout) => clock.setTimeout(fn, timeout),
    clearTimeout: (id) => clock.clearTimeout(id as number),
    nextTimerAt: () => nextTimerAt(clock),
    set: (time) => clock.set(time),
  };
}

/** Moves the clock `ms` ahead, timer by timer, each firing at its own moment. */
export function jumpClock(clock: ProgramClock, ms: number): void {
  const target = clock.now() + ms;
  for (let stops = 0; stops < MAX_TIMER_STOPS; stops++) {
    const next = clock.nextTimerAt();
    if (next === null || next > target) break;
    clock.set(Math.max(next, clock.now()));
  }
  clock.set(target);
}

export const isSimulated = (clock: unknown): clock is SimulatedClock => clock instanceof SimulatedClock;

/** The program's time for a command run outside the kiosk: real time plus the offset the kiosk's F9/F10 left in the store. */
/** A real clock at the offset the store keeps: every process on one store acts at the same program time. */
export const storeProgramClock = async (store: { programClockOffset(): Promise<number> }): Promise<RealProgramClock> =>
  new RealProgramClock(await store.programClockOffset());

export const programNow = async (store: { programClockOffset(): Promise<number> }): Promise<number> => Date.now() + (await store.programClockOffset());
