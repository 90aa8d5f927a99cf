/**
 * `kiosk tape run --parity` as the command prints it, run in this process: the PASS line says the
 * tape was the same under --pty, a tape with Fault is listed as skipped for parity, a difference
 * (injected into the pty side's state path, then found by the real comparison) fails with exit 1 at
 * its step, and options that do not apply are refused with exit 2.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runTape as runTapeCommand } from '../../src/cli/tapeCommand.js';
import { runTapeRun } from '../../src/cli/tapeRun.js';
import type { AttemptRunner } from '../../src/cli/tapePool.js';
import { PtyDriver } from '../../src/tape/drivers/ptyDriver.js';
import { runParity } from '../../src/tape/run/parity.js';
import { runTape } from '../../src/tape/run/runTape.js';

const MENU = ['Set Lang en', 'Launch', 'Enter', 'Press "Other services"', 'Escape'].join('\n');
const FAULT = ['Set Lang en', 'Launch', 'Fault jam', 'Expect "EUROSET"'].join('\n');

function fixture(): { clean: string; fault: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tape-parity-cli-'));
  writeFileSync(join(dir, 'clean.tape'), `${MENU}\n`);
  writeFileSync(join(dir, 'fault.tape'), `${FAULT}\n`);
  return { clean: join(dir, 'clean.tape'), fault: join(dir, 'fault.tape') };
}

async function run(argv: string[], runner?: AttemptRunner) {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  try {
    const code = runner ? await runTapeRun(argv, runner) : await runTapeCommand(['run', ...argv]);
    return { code, out, lines: out.trim().split('\n') };
  } finally {
    write.mockRestore();
    writeErr.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

/** --parity whose pty side reports `kiosk.services…` as `…SKEWED`: the comparison must catch it. */
const skewedParity: AttemptRunner = (file) => runParity(file, {
  pty: (f, options) => runTape(f, {
    stepTimeoutMs: 20_000,
    ...options,
    driver: async (setup) => {
      const real = await PtyDriver.create(setup);
      const view = () => ({ ...real.view(), statePath: real.view().statePath.replace('services', 'services.SKEWED') });
      return new Proxy(real, { get: (target, name) => (name === 'view' ? view : typeof Reflect.get(target, name) === 'function' ? (Reflect.get(target, name) as () => unknown).bind(target) : Reflect.get(target, name)) });
    },
  }),
});

describe('kiosk tape run --parity', () => {
  it('prints "same under --pty" for a clean tape, lists a Fault tape as skipped for parity with its reason, exit 0', async () => {
    const { clean, fault } = fixture();
    const r = await run(['--parity', clean, fault]);
    expect(r.code).toBe(0);
    expect(r.lines).toContainEqual(expect.stringMatching(new RegExp(`^PASS ${clean}  4 steps .*, same under --pty \\(\\d+ ms\\)$`)));
    expect(r.lines).toContainEqual(expect.stringMatching(new RegExp(`^PASS ${fault} .*, in-process only: skipped for parity$`)));
    expect(r.lines.slice(-3)).toEqual([
      '2 passed, 0 failed',
      'parity: 1 compared in-process and under --pty, 1 skipped for parity (run in-process only)',
      `  skipped for parity: ${fault}: line 3: Fault injects into the in-process kiosk only; the built program has no way in for it`,
    ]);
  }, 60_000);

  it('a difference fails the tape with exit 1 at the step where it first appears, both state paths printed', async () => {
    const { clean } = fixture();
    const r = await run(['--parity', clean], skewedParity);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${clean}:4:1: Press "Other services": in-process and --pty differ: the state path differs after this step`);
    expect(r.out).toMatch(/--pty: +\S*services\.SKEWED/);
    expect(r.lines).toContain('0 passed, 1 failed');
  }, 60_000);

  it.each([['--pty'], ['--update'], ['--update=missing'], ['--svg'], ['--cast', 'casts']])('--parity with %s is a usage error (exit 2) naming it', async (...flag) => {
    const { clean } = fixture();
    const r = await run(['--parity', ...flag, clean]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(flag[0]!.startsWith('--update') ? /--parity .*does not write golden frames/ : new RegExp(`--parity .*; ${flag[0]} does not apply with it`));
  });
});
