/**
 * The one way a terminal is assembled: the terminal machine with its I/O actors bound to a store and
 * a clock, started. The real kiosk (src/cli/run.tsx), the tape drivers, the bench, the headless kill-test
 * terminal and the tests all start theirs here, so the tapes test the wiring users run.
 */
import { createActor, type SimulatedClock } from 'xstate';
import { provideTerminal, type Clock, type TerminalDeps } from '../adapters/terminalActors.js';
import type { Lang } from '../domain/money.js';
import { DEFAULT_RULES, type KioskRules } from '../domain/rules.js';
import type { TerminalActor } from '../../machines/terminal.js';

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
