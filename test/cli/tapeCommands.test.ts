/** `kiosk tape` as a newcomer meets it (issue 9, items 22 and 27), from the built bundle. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTape } from '../../src/tape/run/runTape.js';
import { kiosk } from '../process/helpers.js';

function tempTapes(tapes: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tape-cli-'));
  for (const [name, text] of Object.entries(tapes)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('an empty tape is an error (exit 2), not a pass', () => {
  it.each([
    ['empty.tape', '', 'empty.tape:1:1: expected Launch and the steps to run (an empty tape tests nothing), found end of file'],
    ['comments.tape', '# to do\n\n', 'comments.tape:2:1: expected Launch and the steps to run'],
    ['setup-only.tape', 'Set Lang en\nOrder 1234567890 amount 100 phone +79161234567\n', 'setup-only.tape:2:1: expected Launch'],
  ])('%s: tape run and tape check say so', (name, text, message) => {
    const dir = tempTapes({ [name]: text });
    const run = kiosk(['tape', 'run', join(dir, name)]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(new RegExp(`^FAIL .*${name}`));
    expect(run.stdout).toContain(message);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    const check = kiosk(['tape', 'check', join(dir, name)]);
    expect(check.status).toBe(2);
    expect(check.stdout).toContain(message);
  });

  it('runTape reports it as a bad tape', async () => {
    const result = await runTape({ source: '# nothing\n', file: 'x.tape' });
    expect(result).toMatchObject({ status: 'failed', exitCode: 2, failure: { kind: 'tape', line: 1 } });
  });
});

describe('tape run --cast: a timeline a person can watch', () => {
  const castOf = (dir: string, name: string) => {
    const [head, ...events] = readFileSync(join(dir, name), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    return { head, events: events as Array<[number, string, string]> };
  };

  it('types at --cast-typing, pauses --cast-pause on each new screen, and marks the 48-hour jump', () => {
    const out = mkdtempSync(join(tmpdir(), 'casts-'));
    const run = kiosk(['tape', 'run', '--cast', out, '--cast-typing', '100ms', '--cast-pause', '2s',
      'test/tapes/terminal/pay-4750-with-5000.tape', 'test/tapes/terminal/code-expires-after-48h.tape']);
    expect(run.status).toBe(0);
    const pay = castOf(out, 'pay-4750-with-5000.cast');
    expect(pay.head.idle_time_limit).toBe(2);
    const times = pay.events.map(([t]) => t);
    const frames = pay.events.filter(([, kind]) => kind === 'o').map(([t]) => t);
    const gaps = frames.slice(1).map((t, i) => Number((t - frames[i]!).toFixed(3)));
    expect(new Set(gaps)).toEqual(new Set([0.1, 2]));
    expect(times.at(-1)).toBeGreaterThan(5); // a whole payment, not 0.03 s
    const expires = castOf(out, 'code-expires-after-48h.cast');
    expect(expires.events.filter(([, kind, data]) => kind === 'm' && /^clock \+\d/.test(data)).length).toBeGreaterThan(0);
    expect(expires.events.at(-1)![0]).toBeLessThan(600); // 96 simulated hours, minutes to watch
  });

  it.each([
    [['--cast-typing', '80ms', 'x.tape'], '--cast-typing needs --cast DIR'],
    [['--cast', 'out', '--cast-pause', '1s', '--pty', 'x.tape'], '--cast-pause does not apply with --pty: its casts keep real time'],
    [['--cast', 'out', '--cast-pause', '11s', 'x.tape'], '--cast-pause: expected a duration from 0s to 10s like 80ms or 1s, got "11s"'],
    [['--cast', 'out', '--cast-typing', '-1s', 'x.tape'], '--cast-typing: expected a duration from 0s to 10s'],
  ])('%j is refused (exit 2)', (args, message) => {
    const result = kiosk(['tape', 'run', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`kiosk tape run: ${message}`);
  });
});
