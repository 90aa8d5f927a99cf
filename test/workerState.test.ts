/**
 * The shared worker's leak check (test/workerState.ts, used by test/sharedWorker.ts): each kind of
 * state a test file could leave behind is seen, and a file that leaves nothing passes.
 */
import chalk from 'chalk';
import Decimal from 'decimal.js';
import { describe, expect, it, vi } from 'vitest';
import { leaksBetween, workerState } from './workerState.js';

/** `change` applied, the state read, then `undo`: the leaks the check reports for that change. */
function leaksOf(change: () => void, undo: () => void): string[] {
  const before = workerState();
  change();
  try {
    return leaksBetween(before, workerState());
  } finally {
    undo();
  }
}

describe('what one file leaves behind in a shared worker', () => {
  it('nothing: no leak', () => {
    expect(leaksBetween(workerState(), workerState())).toEqual([]);
  });

  it('an environment variable set, changed or removed', () => {
    expect(leaksOf(() => void (process.env.KIOSK_LEAK_PROBE = 'x'), () => void delete process.env.KIOSK_LEAK_PROBE)).toEqual([
      'process.env KIOSK_LEAK_PROBE: undefined -> x',
    ]);
    process.env.KIOSK_LEAK_PROBE = 'a';
    try {
      expect(leaksOf(() => void (process.env.KIOSK_LEAK_PROBE = 'b'), () => void (process.env.KIOSK_LEAK_PROBE = 'a'))).toEqual([
        'process.env KIOSK_LEAK_PROBE: a -> b',
      ]);
    } finally {
      delete process.env.KIOSK_LEAK_PROBE;
    }
  });

  it('a process or stdout listener left on (an Ink app never unmounted leaves its exit hooks)', () => {
    const listener = () => undefined;
    expect(leaksOf(() => void process.on('SIGHUP', listener), () => void process.off('SIGHUP', listener)).join()).toMatch(/listeners of process\.SIGHUP: (undefined|\d+) -> \d+/);
    expect(leaksOf(() => void process.stdout.on('resize', listener), () => void process.stdout.off('resize', listener)).join()).toMatch(/listeners of stdout\.resize/);
  });

  it("chalk's colour level, Decimal's settings, the exit code, the working directory", () => {
    const level = chalk.level;
    expect(leaksOf(() => void (chalk.level = level === 3 ? 1 : 3), () => void (chalk.level = level))).toEqual([`chalk.level: ${level} -> ${level === 3 ? 1 : 3}`]);
    const precision = Decimal.precision;
    expect(leaksOf(() => void Decimal.set({ precision: 5 }), () => void Decimal.set({ precision })).join()).toMatch(/^Decimal's settings: \[20,/);
    const code = process.exitCode;
    expect(leaksOf(() => void (process.exitCode = 3), () => void (process.exitCode = code))).toEqual([`process.exitCode: ${String(code)} -> 3`]);
    const cwd = process.cwd();
    expect(leaksOf(() => process.chdir('/'), () => process.chdir(cwd))).toEqual([`cwd: ${cwd} -> /`]);
  });

  it('fake timers still installed, a console method replaced', () => {
    expect(leaksOf(() => void vi.useFakeTimers(), () => void vi.useRealTimers())).toEqual(['fake timers still installed']);
    const log = console.log;
    const leaks = leaksOf(() => void (console.log = () => undefined), () => void (console.log = log));
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatch(/^console log: /);
  });

  it('a global added or removed, but not the globals a package sets once on first load (zod)', () => {
    const g = globalThis as Record<string, unknown>;
    expect(leaksOf(() => void (g.kioskLeakProbe = 1), () => void delete g.kioskLeakProbe)).toEqual(['globals added: kioskLeakProbe']);
    const had = '__zod_globalRegistry' in g;
    const old = g.__zod_globalRegistry;
    const before = workerState();
    if (had) delete g.__zod_globalRegistry;
    const without = workerState();
    g.__zod_globalRegistry = old;
    expect(leaksBetween(without, workerState())).toEqual([]);
    if (!had) delete g.__zod_globalRegistry;
    expect(leaksBetween(before, workerState())).toEqual([]);
  });
});
