/**
 * `kiosk tape run --repeat-each N`, `--retries N` and `--fail-on-flaky`, run in this process with an
 * injected attempt runner: the tape's first attempt reads its golden frame from a folder where the
 * frame is wrong (a real assertion failure), every later attempt from the right one. So the tape
 * fails on its first attempt only, every time.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runTape as runTapeCommand } from '../../src/cli/tapeCommand.js';
import { runTapeRun } from '../../src/cli/tapeRun.js';
import type { AttemptRunner } from '../../src/cli/tapePool.js';
import { runTape } from '../../src/tape/run/runTape.js';
import { parseXml } from './xml.js';

const MENU_TAPE = 'Set Lang en\nLaunch\nEnter\nSnapshot menu\n';
const PASSING = 'Set Lang en\nLaunch\nExpect "EUROSET"\n';

/** A folder with menu.tape, its right golden frame, and `wrong/` holding a golden with one cell changed. */
async function flakyFixture() {
  const dir = mkdtempSync(join(tmpdir(), 'tape-retries-'));
  const file = join(dir, 'menu.tape');
  writeFileSync(file, MENU_TAPE);
  await runTape(file, { update: true });
  const golden = readFileSync(join(dir, 'menu.snapshots', 'menu.txt'), 'utf8');
  const wrong = join(dir, 'wrong');
  mkdirSync(join(wrong, 'menu.snapshots'), { recursive: true });
  writeFileSync(join(wrong, 'menu.snapshots', 'menu.txt'), golden.replace('Other services', 'Other servicez'));
  return { dir, file, wrong };
}

/** Attempt 1 of every run compares with the wrong golden frame; later attempts with the right one. */
const failsFirstAttempt = (wrong: string): AttemptRunner => (file, attempt) =>
  runTape(file, attempt === 1 ? { baseDir: wrong } : {});

async function run(argv: string[], runner?: AttemptRunner) {
  let out = '';
  let err = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = runner ? await runTapeRun(argv, runner) : await runTapeCommand(['run', ...argv]);
    return { code, out, err, lines: out.trim().split('\n') };
  } finally {
    write.mockRestore();
    writeErr.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('--repeat-each', () => {
  it('runs every tape N times and the summary counts each run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tape-repeat-'));
    writeFileSync(join(dir, 'a.tape'), PASSING);
    writeFileSync(join(dir, 'b.tape'), PASSING);
    const r = await run([dir, '--repeat-each', '3'], (file) => runTape(file));
    expect(r.code).toBe(0);
    expect(r.lines.filter((l) => /^PASS .*a\.tape #[123] /.test(l))).toHaveLength(3);
    expect(r.lines.filter((l) => /^PASS .*b\.tape #[123] /.test(l))).toHaveLength(3);
    expect(r.lines.at(-1)).toBe('6 passed, 0 failed');
  });

  it('JUnit has a testcase per run, named with its run number; --cast keeps a cast per run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tape-repeat-'));
    writeFileSync(join(dir, 'a.tape'), PASSING);
    const junit = join(dir, 'junit.xml');
    const casts = join(dir, 'casts');
    expect((await run([join(dir, 'a.tape'), '--repeat-each', '2', '--junit', junit, '--cast', casts], (file) => runTape(file))).code).toBe(0);
    const cases = parseXml(readFileSync(junit, 'utf8')).children[0]?.children ?? [];
    expect(cases.map((c) => c.attrs.name)).toEqual([`${join(dir, 'a.tape')} #1`, `${join(dir, 'a.tape')} #2`]);
    expect(readdirSync(casts).sort()).toEqual(['a-1.cast', 'a-2.cast']);
  });
});

describe('--retries', () => {
  it('a tape that fails and then passes is FLAKY, not passed; exit 0, or 1 with --fail-on-flaky', async () => {
    const { file, wrong } = await flakyFixture();
    const r = await run([file, '--retries', '2'], failsFirstAttempt(wrong));
    expect(r.lines[0]).toMatch(/^FLAKY .*menu\.tape {2}3 steps {2}\d+ ms, attempt 2 after 1 failed \(line 4, exit 1\)$/);
    expect(r.lines.at(-1)).toBe('0 passed, 0 failed, 1 flaky');
    expect(r.code).toBe(0);
    expect((await run([file, '--retries', '2', '--fail-on-flaky'], failsFirstAttempt(wrong))).code).toBe(1);
  });

  it('without --retries the same tape simply fails; with retries a steady pass prints "0 flaky"', async () => {
    const { file, wrong } = await flakyFixture();
    const once = await run([file], failsFirstAttempt(wrong));
    expect(once.code).toBe(1);
    expect(once.lines.at(-1)).toBe('0 passed, 1 failed');
    const steady = await run([file, '--retries', '1'], (f) => runTape(f));
    expect(steady.lines.at(-1)).toBe('1 passed, 0 failed, 0 flaky');
  });

  it('JUnit records each attempt: <flakyFailure> for a flaky tape, <failure> then <rerunFailure>s for one that never passes', async () => {
    const { dir, file, wrong } = await flakyFixture();
    const junit = join(dir, 'junit.xml');
    await run([file, '--retries', '1', '--junit', junit], failsFirstAttempt(wrong));
    const flaky = parseXml(readFileSync(junit, 'utf8'));
    expect(flaky.attrs).toMatchObject({ tests: '1', failures: '0', errors: '0' });
    const flakyCase = flaky.children[0]?.children[0];
    expect(flakyCase?.children.map((c) => c.name)).toEqual(['flakyFailure']);
    expect(flakyCase?.children[0]?.attrs.message).toContain('line 4: the screen differs from the golden frame');

    const always: AttemptRunner = (f) => runTape(f, { baseDir: wrong });
    const r = await run([file, '--retries', '2', '--junit', junit], always);
    expect(r.code).toBe(1);
    expect(r.lines.at(-1)).toBe('0 passed, 1 failed, 0 flaky');
    const failed = parseXml(readFileSync(junit, 'utf8'));
    expect(failed.attrs).toMatchObject({ tests: '1', failures: '1' });
    expect(failed.children[0]?.children[0]?.children.map((c) => c.name)).toEqual(['failure', 'rerunFailure', 'rerunFailure']);
  });

  it('the HTML report shows a flaky tape as FLAKY with its failed attempt', async () => {
    const { dir, file, wrong } = await flakyFixture();
    const report = join(dir, 'report.html');
    await run([file, '--retries', '1', '--report', report], failsFirstAttempt(wrong));
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<span class="badge flaky">FLAKY</span>');
    expect(html).toContain('id="count-flaky">1 flaky</span>');
    expect(html).toContain('id="count-passed">0 passed</span>');
    expect(html).toContain('Attempt 1 of 2: failed');
    expect(html).toContain('Attempt 2 of 2: passed, so the tape is flaky');
  });

  it('a bad tape (exit 2) is not retried: it fails the same way every time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tape-retries-bad-'));
    writeFileSync(join(dir, 'bad.tape'), 'Launch\nInsert 300\n');
    let attempts = 0;
    const r = await run([dir, '--retries', '3'], (f) => ((attempts++), runTape(f)));
    expect(r.code).toBe(2);
    expect(attempts).toBe(1);
  });
});

describe('bad values', () => {
  it.each([
    [['--retries', '-1'], '--retries: expected a whole number from 0 to 10, got "-1"'],
    [['--retries', 'x'], '--retries: expected a whole number from 0 to 10, got "x"'],
    [['--repeat-each', '0'], '--repeat-each: expected a whole number from 1 to 10000, got "0"'],
    [['--fail-on-flaky'], '--fail-on-flaky needs --retries N (1 to 10)'],
    [['--fail-on-flaky', '--retries', '0'], '--fail-on-flaky needs --retries N (1 to 10)'],
  ])('%j is a usage error naming the value, exit 2', async (flags, message) => {
    const r = await run(['test/tapes', ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});

describe('Set DataDir with --repeat-each and --retries', () => {
  /** A tape on its own SQLite folder (relative to the tape): passes, or fails its Expect every time. */
  function dataDirTape(expect: string) {
    const dir = mkdtempSync(join(tmpdir(), 'tape-datadir-'));
    const file = join(dir, 'data.tape');
    writeFileSync(file, `Set Lang en\nSet DataDir data\nLaunch\nExpect "${expect}"\n`);
    return { dir, file };
  }

  it('every repeat starts from a fresh folder, as the first run did: each run passes', async () => {
    const { file } = dataDirTape('EUROSET');
    const r = await run([file, '--repeat-each', '2', '--jobs', '1']);
    expect(r.lines.at(-1)).toBe('2 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('every retry fails for the tape\'s own reason, not "the folder already holds kiosk.db"', async () => {
    const { file } = dataDirTape('Nowhere on screen');
    const r = await run([file, '--retries', '1', '--jobs', '1']);
    expect(r.code).toBe(1);
    expect(r.out + r.err).not.toContain('already holds kiosk.db');
  });

  it('a DataDir that already holds a database is refused at its own file:line:col', async () => {
    const { file } = dataDirTape('EUROSET');
    expect((await runTape(file)).failure).toBeNull();
    const again = await runTape(file);
    expect(again.failure).toMatchObject({ kind: 'tape', line: 2, column: 1, command: 'Set DataDir data' });
    expect(again.exitCode).toBe(2);
  });
});
