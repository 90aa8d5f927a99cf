/**
 * The one way a terminal is assembled: the terminal machine with its I/O actors bound to a store and
 * a clock, started. The real kiosk (src/cli/run.tsx), the tape drivers, the bench, the headless kill-test
 * terminal and the tests all start theirs here, so the tapes test the wiring users run.
 */
import { createActor, type SimulatedClock } from 'xstate';
import { provideTerminal, type Clock, type TerminalDeps } from '../adapters/terminalActors.js';
import type { Lang, Money } from '../domain/money.js';
import { DEFAULT_RULES, type KioskRules } from '../domain/rules.js';
import type { TerminalActor } from '../../machines/terminal.js';
import type { Place, WorldActor, WorldInput } from '../../machines/world.js';
import { RealProgramClock, simulated, type ProgramClock } from '../adapters/programClock.js';
import { provideWorld, type WorldDeps } from '../adapters/worldActors.js';
import type { DeskRole } from '../../machines/desk.js';

export interface TerminalSessionOptions extends Partial<Pick<TerminalDeps, 'onPayment' | 'owner' | 'isAlive' | 'checkpoint'>> {
  store: TerminalDeps['store'];
  /** XState's SimulatedClock for tests, tapes and the `--pty` test hook; omitted, the real clock */
  clock?: SimulatedClock;
  rules?: KioskRules;
  lang?: Lang;
  terminalId?: string;
  /** cash-session ids; omitted, `session-1`, `session-2`, … (the real kiosk passes random UUIDs) */
  newSessionId?: () => string;
}

const realClock: Clock = { now: () => Date.now() };

export function startTerminal(options: TerminalSessionOptions): TerminalActor {
  const { clock, rules = DEFAULT_RULES, lang = 'ru', store, ...deps } = options;
  let seq = 0;
  const machine = provideTerminal({
    ...deps,
    store,
    // the actors' timestamps and the machine's delays run on the same clock
    clock: clock ?? realClock,
    rules,
    terminalId: options.terminalId ?? 'T-1',
    newSessionId: options.newSessionId ?? (() => `session-${++seq}`),
  });
  return createActor(machine, { input: { lang, rules }, ...(clock ? { clock } : {}) }).start();
}

export interface WorldSessionOptions extends TerminalSessionOptions, Pick<WorldDeps, 'onDeskPayment' | 'findMistake' | 'random'> {
  /** who the trainee plays at the desks (`kiosk --role`, a tape's `Set Role`); default the customer */
  role?: DeskRole;
  /** [choice] the most a desk takes for one order; omitted, no limit */
  deskCap?: Money;
  /** the place that has the keys at start (`kiosk --place`, a tape's `Set Place`); default the terminal */
  place?: Place;
  /** the customer's phone on the phone place; default the demo phone */
  phone?: string;
  /** an interactive run's own real clock (so F9/F10 can move it); omitted with no `clock`, a new one */
  realClock?: RealProgramClock;
  /** the Training place (F6, `kiosk train`): exercises, trainee, exam */
  training?: WorldInput['training'];
  /** training attempts' ids; omitted, `attempt-<program time>-1`, `-2`, … */
  newAttemptId?: () => string;
  /** true: the site, the desks and the Training place start at `world.open` (the interactive kiosk, after its first screen) */
  openLater?: boolean;
}

/**
 * The one way the program is assembled: the world with its places (the terminal as `startTerminal`
 * builds it, the phone, the site's slot) on one store and one clock, started. The terminal is the
 * world's child `terminal`: `world.getSnapshot().context.terminal`.
 */
export function startWorld(options: WorldSessionOptions): WorldActor {
  const { clock, realClock: given, rules = DEFAULT_RULES, lang = 'ru', store, place, phone, role, deskCap, training, newAttemptId, openLater, ...deps } = options;
  let seq = 0;
  let attempts = 0;
  // (the kiosk passes `realClock` at the offset its store keeps: src/cli/run.tsx)
  const programClock: ProgramClock = clock ? simulated(clock) : (given ?? new RealProgramClock(0));
  const machine = provideWorld({
    ...deps,
    store,
    clock: programClock,
    rules,
    terminalId: options.terminalId ?? 'T-1',
    newSessionId: options.newSessionId ?? (() => `session-${++seq}`),
    newAttemptId: newAttemptId ?? (() => `attempt-${programClock.now()}-${++attempts}`),
    // an exercise's world is assembled the same way, on its own store and clock
    // a tape's seeded codes reach the exercise's sandbox world too (one stream, drawn in the same order)
    startSandbox: (sandbox) => startWorld(options.random ? { random: options.random, ...sandbox } : sandbox),
  });
  return createActor(machine, {
    input: { lang, rules, clock: programClock, ...(training ? { training } : {}), ...(place ? { place } : {}), ...(phone ? { phone } : {}), ...(role ? { role } : {}), ...(deskCap ? { deskCap } : {}), ...(openLater ? { openLater } : {}) },
    clock: clock ?? programClock,
  }).start();
}

/** The world's terminal, as `startTerminal` would have returned it (a child actor is an Actor at run time). */
export const terminalOf = (world: WorldActor): TerminalActor => world.getSnapshot().context.terminal as unknown as TerminalActor;
