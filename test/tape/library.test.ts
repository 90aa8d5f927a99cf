/**
 * The package's tape entry as a user's vitest test calls it: `aliexpress-kiosk/tape`, resolved by
 * the package's own name through package.json "exports" to the built dist/tape.js (npm test builds
 * first), typed by types/tape.d.ts (checked against the sources by library.types.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTape } from 'aliexpress-kiosk/tape';

const DIR = mkdtempSync(join(tmpdir(), 'kiosk-library-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const PASSING = ['Set Lang en', 'Launch', 'Expect "EUROSET"', 'Enter', 'Press "Other services"', 'ExpectState kiosk.services'].join('\n');

describe("runTape from 'aliexpress-kiosk/tape'", () => {
  it('is the built entry, not the sources', async () => {
    expect(import.meta.resolve('aliexpress-kiosk/tape')).toMatch(/\/dist\/tape\.js$/);
  });

  it('R-TERM-1: a passing tape string: passed, every step listed, no failure', async () => {
    const result = await runTape(PASSING);
    expect(result.failure?.text).toBeUndefined();
    expect(result).toMatchObject({ passed: true, exitCode: 0, totalSteps: 5 });
    expect(result.steps.map((s) => s.command)).toEqual(['Launch', 'Expect "EUROSET"', 'Enter', 'Press "Other services"', 'ExpectState kiosk.services']);
  });

  it('a failing tape string: the failing step with its line, command, message, state path and printed text', async () => {
    const result = await runTape({ source: PASSING.replace('ExpectState kiosk.services', 'ExpectState kiosk.menu'), file: 'menu.tape' });
    expect(result.passed).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.steps).toHaveLength(4);
    expect(result.failure).toMatchObject({ kind: 'assertion', file: 'menu.tape', line: 6, command: 'ExpectState kiosk.menu' });
    expect(result.failure?.message).toContain('kiosk.menu');
    expect(result.failure?.statePath).toContain('services');
    expect(result.failure?.text.split('\n')[0]).toBe(`menu.tape:6:1: ExpectState kiosk.menu: ${result.failure?.message}`);
  });

  it('a tape file by its path, and a bad tape answered as data with exit 2, never thrown', async () => {
    const file = join(DIR, 'menu.tape');
    writeFileSync(file, `${PASSING}\n`);
    expect(await runTape(file)).toMatchObject({ passed: true, file });
    const bad = await runTape('Launch\nPress\n');
    expect(bad).toMatchObject({ passed: false, exitCode: 2, failure: { kind: 'tape', line: 2 } });
    expect(await runTape(join(DIR, 'missing.tape'))).toMatchObject({ passed: false, exitCode: 2 });
  });
});

describe('README, "Tapes from vitest"', () => {
  it('the example tape passes through the package entry, as the example says', async () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Tapes from vitest'));
    const tape = /const tape = `([\s\S]*?)`;/.exec(section)?.[1] ?? '';
    expect(tape).toContain('Press "Other services"');
    const result = await runTape(tape);
    if (!result.passed) expect.fail(result.failure?.text);
    expect(result.steps).toHaveLength(5);
    const file = /runTape\('([^']+\.tape)'\)/.exec(section)?.[1] ?? '';
    expect(await runTape(join(import.meta.dirname, '..', '..', file))).toMatchObject({ passed: true });
  });
});
