/**
 * What one test file could leave behind for the next file in a shared worker (vitest.config.ts: the
 * `isolate: false` projects run many files in one process). The program's own modules are loaded
 * afresh for each file (test/sharedWorker.ts resets vitest's module registry); what survives is the
 * process and the packages Node loaded once (Ink, React, chalk, decimal.js, xstate, …). A snapshot of
 * that state is taken before each file and compared after it; a difference fails the file by name.
 */
import chalk from 'chalk';
import Decimal from 'decimal.js';
import { vi } from 'vitest';

export interface WorkerState {
  env: Record<string, string | undefined>;
  cwd: string;
  exitCode: string;
  listeners: Record<string, number>;
  chalkLevel: number;
  decimal: string;
  fakeTimers: boolean;
  console: Record<string, unknown>;
  globals: string[];
}

/**
 * Globals a package sets once, when a worker first loads it (zod keeps its registry there); the file
 * that happens to load it first is not at fault, and the next file finds the same objects.
 */
const PACKAGE_GLOBALS = new Set(['__zod_globalConfig', '__zod_globalRegistry']);

/**
 * Process hooks a test helper installs once per process on purpose (by function name):
 * test/process/helpers.ts removes its copy of the bundle when the worker exits.
 */
const PROCESS_HOOKS = new Set(['removeBundleCopyAtExit']);

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

function listenerCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  const emitters: Array<[string, NodeJS.EventEmitter]> = [['process', process], ['stdin', process.stdin], ['stdout', process.stdout], ['stderr', process.stderr]];
  for (const [name, emitter] of emitters) {
    for (const event of emitter.eventNames()) {
      const own = emitter.listeners(event).filter((l) => !PROCESS_HOOKS.has(l.name)).length;
      if (own > 0) counts[`${name}.${String(event)}`] = own;
    }
  }
  return counts;
}

/** The worker's shared state now. */
export function workerState(): WorkerState {
  const d = Decimal as unknown as Record<string, unknown>;
  return {
    env: { ...process.env },
    cwd: process.cwd(),
    exitCode: String(process.exitCode),
    listeners: listenerCounts(),
    chalkLevel: chalk.level,
    decimal: JSON.stringify(['precision', 'rounding', 'toExpNeg', 'toExpPos', 'minE', 'maxE', 'modulo', 'crypto'].map((k) => d[k])),
    fakeTimers: vi.isFakeTimers(),
    console: Object.fromEntries(CONSOLE_METHODS.map((m) => [m, console[m]])),
    globals: Object.getOwnPropertyNames(globalThis).sort(),
  };
}

function keyDiff(what: string, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => before[k] !== after[k]).map((k) => `${what} ${k}: ${String(before[k])} -> ${String(after[k])}`);
}

/** Each way `after` differs from `before`, in words; none when the file left the worker as it found it. */
export function leaksBetween(before: WorkerState, after: WorkerState): string[] {
  const leaks = [
    ...keyDiff('process.env', before.env, after.env),
    ...keyDiff('listeners of', before.listeners, after.listeners),
    ...keyDiff('console', before.console, after.console),
  ];
  if (before.cwd !== after.cwd) leaks.push(`cwd: ${before.cwd} -> ${after.cwd}`);
  if (before.exitCode !== after.exitCode) leaks.push(`process.exitCode: ${before.exitCode} -> ${after.exitCode}`);
  if (before.chalkLevel !== after.chalkLevel) leaks.push(`chalk.level: ${before.chalkLevel} -> ${after.chalkLevel}`);
  if (before.decimal !== after.decimal) leaks.push(`Decimal's settings: ${before.decimal} -> ${after.decimal}`);
  if (before.fakeTimers !== after.fakeTimers) leaks.push(`fake timers still installed`);
  const added = after.globals.filter((g) => !before.globals.includes(g) && !PACKAGE_GLOBALS.has(g));
  const removed = before.globals.filter((g) => !after.globals.includes(g));
  if (added.length > 0) leaks.push(`globals added: ${added.join(', ')}`);
  if (removed.length > 0) leaks.push(`globals removed: ${removed.join(', ')}`);
  return leaks;
}
