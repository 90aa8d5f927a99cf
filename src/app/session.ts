/** Builds a running terminal on a store and a clock: shared by the CLI, the tape runner and tests. */
import { createActor, SimulatedClock } from 'xstate';
import { provideTerminal, type Clock } from '../adapters/terminalActors.js';
import type { Lang } from '../domain/money.js';
import { DEFAULT_RULES, type KioskRules } from '../domain/rules.js';
import type { KioskStore, PaymentOutcome } from '../domain/store.js';
import type { TerminalActor } from '../../machines/terminal.js';

export interface TerminalSessionOptions {
  store: KioskStore;
  /** XState's SimulatedClock for tests and tapes; omitted, the real clock */
  clock?: SimulatedClock;
  rules?: KioskRules;
  lang?: Lang;
  terminalId?: string;
  newSessionId?: () => string;
  onPayment?: (outcome: PaymentOutcome) => void;
}

const realClock: Clock = { now: () => Date.now() };

export function startTerminal(options: TerminalSessionOptions): TerminalActor {
  const rules = options.rules ?? DEFAULT_RULES;
  let seq = 0;
  const machine = provideTerminal({
    store: options.store,
    clock: options.clock ?? realClock,
    rules,
    terminalId: options.terminalId ?? 'T-1',
    newSessionId: options.newSessionId ?? (() => `session-${++seq}`),
    ...(options.onPayment ? { onPayment: options.onPayment } : {}),
  });
  const actorOptions = { input: { lang: options.lang ?? 'ru', rules }, ...(options.clock ? { clock: options.clock } : {}) };
  return createActor(machine, actorOptions).start();
}
