/**
 * `kiosk tape` from the built bundle (npm test builds it first): exit codes, the per-tape and
 * summary lines, JUnit XML, asciicast v2, --jobs, and corpus tapes in --pty mode.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseXml } from './xml.js';

const ROOT = join(import.meta.dirname, '..', '..');
const KIOSK = join(ROOT, 'dist', 'kiosk.js');
const CORPUS = join(ROOT, 'test', 'tapes', 'terminal');

function kiosk(...args: string[]) {
  // piped, so plain; a FORCE_COLOR of the developer's shell would colour it (test/cli/colors.test.ts)
  const env = { ...process.env, FORCE_COLOR: undefined };
  const r = spawnSync(process.execPath, [KIOSK, 'tape', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempTapes(tapes: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tape-cli-'));
  for (const [name, text] of Object.entries(tapes)) writeFileSync(join(dir, name), text);
  return dir;
}

const PASSING = 'Set Lang en\nLaunch\nExpect "EUROSET"\nEnter\nExpectState kiosk.menu\n';

describe('kiosk tape CLI', () => {
  it('prints help for tape, run, check and record', () => {
    for (const args of [['--help'], ['run', '--help'], ['check', '--help'], ['record', '--help']]) {
      const r = kiosk(...args);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^kiosk tape/);
    }
  });

  it('exit 0 and one line per tape plus "N passed, N failed"', () => {
    const dir = tempTapes({ 'a.tape': PASSING, 'b.tape': PASSING });
    const r = kiosk('run', dir);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^PASS .*a\.tape {2}4 steps {2}\d+ ms$/);
    expect(lines[2]).toBe('2 passed, 0 failed');
  });

  it('exit 1 for a failed assertion, with file:line, the screen and the state', () => {
    const dir = tempTapes({ 'fail.tape': 'Set Lang en\nLaunch\nEnter\nExpect "Receipt"\n' });
    const r = kiosk('run', dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL .*fail\.tape {2}2\/3 steps/);
    expect(r.out).toContain('fail.tape:4:1: Expect "Receipt": expected "Receipt" on one line of the screen');
    expect(r.out).toContain('state: kiosk.menu');
    expect(r.out).toContain('[8] Other services');
    expect(r.out.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  it('exit 2 for a bad tape, a missing file or a bad option; exit 4 for a Wait that never matches', () => {
    const dir = tempTapes({ 'bad.tape': 'Launch\nInsert 300\n', 'wait.tape': 'Launch\nWait /never/ 1m\n' });
    const bad = kiosk('run', join(dir, 'bad.tape'));
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('bad.tape:2:8: expected a banknote');
    expect(kiosk('run', join(dir, 'missing.tape')).code).toBe(2);
    expect(kiosk('run', '--jobs', 'many', dir).err).toContain('--jobs: expected a whole number from 1 to 64, got "many"');
    expect(kiosk('run').code).toBe(2);
    const wait = kiosk('run', join(dir, 'wait.tape'));
    expect(wait.code).toBe(4);
    expect(wait.out).toContain('waited 60 s of simulated time for /never/');
  });

  it('check parses without running: exit 0, or 2 with the syntax error', () => {
    const dir = tempTapes({ 'ok.tape': PASSING, 'bad.tape': 'Set Size 10x2\n' });
    const ok = kiosk('check', join(dir, 'ok.tape'));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('ok.tape (4 steps)');
    const bad = kiosk('check', dir);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('bad.tape:1:10: expected a size like 100x30');
  });

  it('record refuses to run without a terminal (exit 2) and never overwrites a file silently', () => {
    const dir = tempTapes({ 'exists.tape': PASSING });
    expect(kiosk('record', join(dir, 'exists.tape')).err).toContain('exists (use --force to overwrite it)');
    const noTty = kiosk('record', join(dir, 'new.tape'));
    expect(noTty.code).toBe(2);
    expect(noTty.err).toContain('needs an interactive terminal');
  });

  it('--junit writes well-formed JUnit XML with a testcase per tape and the failure', () => {
    const dir = tempTapes({ 'pass.tape': PASSING, 'fail.tape': 'Launch\nExpect "<nope & never>"\n' });
    const report = join(dir, 'out', 'junit.xml');
    expect(kiosk('run', '--junit', report, dir).code).toBe(1);
    const xml = readFileSync(report, 'utf8');
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '2', failures: '1', errors: '0' });
    const cases = root.children[0]?.children ?? [];
    expect(cases.map((c) => c.name)).toEqual(['testcase', 'testcase']);
    const failed = cases.find((c) => c.children.length > 0);
    expect(failed?.attrs.name).toMatch(/fail\.tape$/);
    expect(failed?.children[0]?.name).toBe('failure');
    expect(failed?.children[0]?.attrs.message).toBe('line 2: expected "<nope & never>" on one line of the screen; no line has it');
  });

  it('--cast writes asciicast v2 with an "m" marker per step and times that never go back', () => {
    const dir = tempTapes({ 'cast.tape': `${PASSING}Advance 30s\nExpectState kiosk.idle\n` });
    const out = join(dir, 'casts');
    expect(kiosk('run', '--cast', out, dir).code).toBe(0);
    expect(readdirSync(out)).toEqual(['cast.cast']);
    const [head, ...events] = readFileSync(join(out, 'cast.cast'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(head).toMatchObject({ version: 2, width: 80, height: 24 });
    let last = 0;
    for (const event of events) {
      expect(event).toEqual([expect.any(Number), expect.stringMatching(/^[om]$/), expect.any(String)]);
      const [time] = event as [number];
      expect(time).toBeGreaterThanOrEqual(last);
      last = time;
    }
    const markers = events.filter((e) => (e as unknown[])[1] === 'm').map((e) => (e as string[])[2]);
    expect(markers).toEqual([
      '2: Launch', '3: Expect "EUROSET"', '4: Enter', '5: ExpectState kiosk.menu', '6: Advance 30s', 'clock +30s (simulated)', '7: ExpectState kiosk.idle',
    ]);
    // a presentation timeline: pauses on new screens, the 30 s jump compressed to one pause
    expect(last).toBeGreaterThanOrEqual(2);
    expect(last).toBeLessThan(30);
  });

  it('--jobs 2 runs the tapes in worker threads with the same results', () => {
    const dir = tempTapes({ 'a.tape': PASSING, 'b.tape': 'Launch\nExpect "nope"\n', 'c.tape': PASSING });
    const r = kiosk('run', '--jobs', '2', dir);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n').at(-1)).toBe('2 passed, 1 failed');
  });
});

describe('kiosk tape record', () => {
  it('writes what is played in a real terminal as a tape that replays: keys, banknotes, clock jumps', async () => {
    const { spawn } = await import('node-pty');
    const dir = tempTapes({});
    const file = join(dir, 'recorded.tape');
    const pty = spawn(process.execPath, [KIOSK, 'tape', 'record', file, '--lang', 'en'], { cols: 100, rows: 30, cwd: ROOT, env: process.env as Record<string, string> });
    let out = '';
    pty.onData((d) => (out += d));
    const exited = new Promise<void>((resolve) => pty.onExit(() => resolve()));
    // each key waits for the screen it leads to: on a condition, never a fixed delay
    await vi.waitFor(() => expect(out).toContain('Press any key'), { timeout: 20_000, interval: 5 });
    const script: Array<[string, string]> = [
      ['\r', 'Choose a service'], ['8', 'Products by catalogs'], ['1', 'Aliexpress'], ['1', 'Order number'], ['1000000001', '1 0 0 0 0 0 0 0 0 1'],
      ['\r', 'Check your data'], ['\r', 'Phone number'], ['9161234567', 'MTS'], ['\r', 'Insert banknotes'], ['8', 'Accepted'], ['p', 'Receipt no'],
    ];
    for (const [keys, shows] of script) {
      out = '';
      pty.write(keys);
      await vi.waitFor(() => expect(out).toContain(shows), { timeout: 20_000, interval: 5 });
    }
    pty.write('\x1b[24~'); // F12: the clock jumps 24 h
    pty.write('\x03');
    await exited;
    const tape = readFileSync(file, 'utf8');
    expect(tape).toContain('Order 1000000001 amount 4750.00 phone +79161234567 issued -2h');
    expect(tape).toMatch(/Launch\nEnter\nType "8111000000001"\nEnter 2\nType "9161234567"\nEnter\nInsert 5000\nType "p"\nAdvance 24h\n$/);
    writeFileSync(file, `${tape}ExpectOrder 1000000001 paid\nExpectBalance +79161234567 250.00\nExpectState kiosk.idle\n`);
    const replay = kiosk('run', file);
    expect(replay.out).toContain('1 passed, 0 failed');
    expect(replay.code).toBe(0);
  });
});

describe('kiosk tape run --pty: corpus tapes against dist/kiosk.js in a pseudo-terminal', () => {
  for (const tape of ['pay-4750-with-5000.tape', 'crash-recovery.tape', 'need-more-time-timeout-pays.tape', 'demo-1000000001-ru-80x24.tape']) {
    it(`${tape} passes with its clock moved over the test channel`, () => {
      const r = kiosk('run', '--pty', join(CORPUS, tape));
      expect(r.out).toContain(`PASS ${join(CORPUS, tape)}`);
      expect(r.code).toBe(0);
    });
  }

  it('a failing assertion in --pty mode reports the real terminal\'s screen', () => {
    const dir = tempTapes({ 'fail.tape': 'Set Lang en\nLaunch\nEnter\nExpectState kiosk.services\n' });
    const r = kiosk('run', '--pty', join(dir, 'fail.tape'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('expected the state kiosk.services, but it is kiosk.menu');
    expect(r.out).toContain('[8] Other services');
  });
});
