/**
 * `--parity` (src/tape/run/parity.ts): a tape in-process and under --pty (the built dist/kiosk.js;
 * npm test builds it first), compared step by step. The differences here are injected into the pty
 * side's driver (its state path, or a row of its screen), so the real comparison must catch them, at
 * the step where they first appear.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KioskDriver } from '../../src/tape/drivers/driver.js';
import { PtyDriver } from '../../src/tape/drivers/ptyDriver.js';
import { formatFailure, runTape } from '../../src/tape/index.js';
import { parseTape } from '../../src/tape/language/parse.js';
import { firstDifference, parityBlocker, runParity, type ParityOptions } from '../../src/tape/run/parity.js';
import type { TapeResult } from '../../src/tape/run/runTape.js';

const DIR = mkdtempSync(join(tmpdir(), 'kiosk-parity-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const MENU_TAPE = ['Set Lang en', 'Launch', 'Expect "EUROSET"', 'Enter', 'Press "Other services"', 'Escape', 'Press "Other services"'].join('\n');
/** line 5: the first step after which the kiosk is in its services state */
const FIRST_SERVICES_LINE = 5;

function tapeFile(name: string, source: string): string {
  const file = join(DIR, name);
  writeFileSync(file, `${source}\n`);
  return file;
}

/** The pty side, on a driver whose answers `skew` changes: the injected difference. */
function skewedPty(skew: (driver: KioskDriver, name: string | symbol) => unknown): ParityOptions['pty'] {
  return (file, options) => runTape(file, {
    stepTimeoutMs: 20_000,
    ...options,
    driver: async (setup) => {
      const real = await PtyDriver.create(setup);
      return new Proxy(real, {
        get(target, name) {
          const skewed = skew(target, name);
          if (skewed !== undefined) return skewed;
          const value: unknown = Reflect.get(target, name);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  });
}

describe('kiosk tape run --parity', () => {
  it('R-TERM-1: a clean tape is the same in-process and under --pty: it passes, every step compared', async () => {
    const result = await runParity(tapeFile('clean.tape', MENU_TAPE));
    if (result.failure) expect.fail(formatFailure(result.failure));
    expect(result.parity).toMatchObject({ compared: 6 });
  }, 60_000);

  it('a state path that differs under --pty is reported at the first step it differs, both paths shown', async () => {
    const pty = skewedPty((driver, name) => name === 'view' ? () => {
      const view = driver.view();
      return { ...view, statePath: view.statePath.replace('services', 'services.SKEWED') };
    } : undefined);
    const result = await runParity(tapeFile('state.tape', MENU_TAPE), { pty });
    expect(result.exitCode).toBe(1);
    expect(result.failure).toMatchObject({ line: FIRST_SERVICES_LINE, command: 'Press "Other services"', message: 'in-process and --pty differ: the state path differs after this step' });
    const [mine, theirs] = result.failure?.details ?? [];
    expect(mine).toMatch(/^in-process: \S*services$/);
    expect(theirs).toMatch(/^--pty: +\S*services\.SKEWED$/);
  }, 60_000);

  it('a frame that differs under --pty is reported at the end with a cell diff (in-process → --pty)', async () => {
    const pty = skewedPty((driver, name) => name === 'lines' ? () => [...driver.lines().slice(0, -1), 'PARITY-SKEW'] : undefined);
    const result = await runParity(tapeFile('frame.tape', MENU_TAPE), { pty });
    expect(result.exitCode).toBe(1);
    expect(result.failure).toMatchObject({ line: 7, message: 'in-process and --pty differ: the last frame differs' });
    expect(result.failure?.details).toEqual(['cells: 11 differ (row:col in-process → --pty):', '  24:1-11 "           " → "PARITY-SKEW"']);
  }, 60_000);

  it('a tape with Fault runs in-process only and says it was skipped for parity, with the line and why', async () => {
    const file = tapeFile('fault.tape', ['Set Lang en', 'Launch', 'Fault paper-out', 'Expect "EUROSET"'].join('\n'));
    let ptyRuns = 0;
    const result = await runParity(file, { pty: async () => (ptyRuns++, {} as TapeResult) });
    expect(ptyRuns).toBe(0);
    expect(result.parity).toEqual({ skipped: expect.stringMatching(/^line 3: Fault injects into the in-process kiosk only/) as string });
  });
});

describe('the in-process side of --parity', () => {
  it('reads its screen only at the lines asked for (Snapshot steps) and after the last step; every step keeps its state path', async () => {
    const file = tapeFile('screens.tape', ['Set Lang en', 'Launch', 'Enter', 'Escape', 'Press "Other services"', 'Escape'].join('\n'));
    const result = await runTape(file, { record: 'screens', screensAt: new Set([4]) });
    if (result.failure) expect.fail(formatFailure(result.failure));
    const steps = result.record?.steps ?? [];
    expect(steps.map((s) => [s.line, s.screen !== undefined])).toEqual([[2, false], [3, false], [4, true], [5, false], [6, true]]);
    expect(steps.every((s) => s.statePath)).toBe(true);
    expect(steps.at(-1)?.screen?.join('\n')).toContain('EUROSET');
  });
});

describe('firstDifference (pure)', () => {
  const tape = parseTape(['Launch', 'Enter', 'Snapshot menu', 'Escape'].join('\n'), 'x.tape');
  const step = (line: number, statePath: string, screen: string[], passed = true) => ({ line, command: '', ms: 0, passed, statePath, screen, castEnd: 0 });
  const result = (steps: ReturnType<typeof step>[]) => ({ record: { steps }, failure: null }) as unknown as TapeResult;

  it('a frame that differs only between Snapshots is not a difference; at a Snapshot it is', () => {
    const a = result([step(1, 'idle', ['A']), step(2, 'menu', ['B']), step(3, 'menu', ['C']), step(4, 'idle', ['D'])]);
    const between = result([step(1, 'idle', ['A']), step(2, 'menu', ['x']), step(3, 'menu', ['C']), step(4, 'idle', ['D'])]);
    const atSnapshot = result([step(1, 'idle', ['A']), step(2, 'menu', ['B']), step(3, 'menu', ['x']), step(4, 'idle', ['D'])]);
    expect(firstDifference(tape, a, between)).toBeNull();
    expect(firstDifference(tape, a, atSnapshot)).toMatchObject({ line: 3, message: 'in-process and --pty differ: the frame at this Snapshot differs' });
  });

  it('a step that fails on one side only, or a side that stops early, is the difference', () => {
    const a = result([step(1, 'idle', ['A']), step(2, 'menu', ['B'])]);
    expect(firstDifference(tape, a, result([step(1, 'idle', ['A']), step(2, 'menu', ['B'], false)]))).toMatchObject({ line: 2, message: 'in-process and --pty differ: the step passed on one side only' });
    expect(firstDifference(tape, a, result([step(1, 'idle', ['A'])]))).toMatchObject({ line: 2, details: ['in-process: passed', '--pty:      did not get here'] });
  });

  it('parityBlocker names the first step only the in-process kiosk can run', () => {
    expect(parityBlocker(tape)).toBeNull();
    expect(parityBlocker(parseTape('Launch\nFault cassette-full', 'f.tape'))).toMatch(/^line 2: Fault/);
  });
});
