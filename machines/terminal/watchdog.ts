/**
 * The terminal's inactivity watchdog and the "Need more time?" countdown: which timeout applies to
 * what the customer sees, and the two parallel regions of machines/terminal.ts that run it. The
 * regions are plain state config naming the terminal's delays, guards and actions (implemented in
 * its setup()); both restart whenever a child's snapshot changes or a key re-arms the watchdog.
 *
 * | region    | state   | events                                   | goes to                |
 * |-----------|---------|------------------------------------------|------------------------|
 * | watchdog  | check   | (always)                                 | armed · off            |
 * | watchdog  | armed   | after `inactivity` (delivers timer.inactivity) | check            |
 * | countdown | check   | (always; sets the seconds shown)         | ticking · off          |
 * | countdown | ticking | after `second` (counts down)             | ticking                |
 * | both      | any     | xstate.snapshot.kiosk/cash · watchdog.rearm | check               |
 */
import type { SnapshotFrom } from 'xstate';
import type { Timeouts } from '../../src/domain/rules.js';
import type { cashMachine } from './cash.js';
import type { kioskMachine } from './kiosk.js';
import type { TerminalContext } from './terminalContext.js';

/** Which inactivity timeout applies to what the customer sees now; null when none runs. */
export function inactivityMs(
  kiosk: SnapshotFrom<typeof kioskMachine>,
  cash: SnapshotFrom<typeof cashMachine> | undefined,
  timeouts: Timeouts,
): number | null {
  if (cash && cash.status === 'active') {
    // "Quit?" left unanswered pays like "Need more time?" does: the owner walked away from the cash
    if (cash.hasTag('cash.moreTime') || cash.hasTag('cash.quitAsk')) return timeouts.moreTimeMs;
    if (cash.hasTag('cash.holding')) return timeouts.cashWithNoteMs;
    if (cash.hasTag('cash.empty')) return timeouts.cashNoNoteMs;
    return null;
  }
  if (kiosk.hasTag('entry')) return timeouts.entryMs;
  if (kiosk.hasTag('menu')) return timeouts.menuMs;
  return null;
}

/** The timeout for what the terminal shows now, in ms; null when none runs. */
export const terminalInactivityMs = (context: TerminalContext): number | null =>
  inactivityMs(context.kiosk.getSnapshot(), context.cash?.getSnapshot(), context.rules.timeouts);

/** Whether "Need more time?" or "Quit?" shows, so its countdown runs. */
export const showsMoreTime = (context: TerminalContext): boolean => {
  const cash = context.cash?.getSnapshot();
  return cash !== undefined && (cash.hasTag('cash.moreTime') || cash.hasTag('cash.quitAsk'));
};

/** The whole seconds "Need more time?" or "Quit?" shows, or null when neither shows. */
export function countdownSeconds(context: TerminalContext): number | null {
  const ms = terminalInactivityMs(context);
  return showsMoreTime(context) && ms !== null ? Math.ceil(ms / 1000) : null;
}

/** What restarts both regions: anything the customer sees changed, or a key was pressed. */
const restartOn = {
  'xstate.snapshot.kiosk': '.check',
  'xstate.snapshot.cash': '.check',
  'watchdog.rearm': '.check',
} as const;

/** Delivers `timer.inactivity` to the active screen once the timeout for what it shows runs out. */
export const watchdogRegion = {
  initial: 'check',
  on: restartOn,
  states: {
    check: { always: [{ guard: 'hasInactivityTimeout', target: 'armed' }, { target: 'off' }] },
    armed: { after: { inactivity: { target: 'check', actions: 'deliverTimeout' } } },
    off: {},
  },
} as const;

/**
 * "Need more time?" shows the seconds the watchdog leaves it, counted on the same clock and
 * restarted with it; its ticks change only the terminal's context, so they never re-arm the watchdog.
 */
export const countdownRegion = {
  initial: 'check',
  on: restartOn,
  states: {
    check: { entry: 'setCountdown', always: [{ guard: 'showsCountdown', target: 'ticking' }, { target: 'off' }] },
    ticking: { after: { second: { target: 'ticking', reenter: true, actions: 'countDown' } } },
    off: {},
  },
} as const;
