/**
 * `kiosk train replay ATTEMPT` (issue 15): the attempt's own tape played back through the tape
 * machinery, in the terminal or as an asciicast; it does not care which steps the tape holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runTrainReplay, type ReplayScreen } from '../../src/cli/trainReplay.js';
import { attempt, checkpoint, PLAIN_TAPE } from '../domain/training/fixtures.js';
import { useTempDirs } from '../store/helpers.js';
import { storeWith, train } from './trainHelpers.js';

const tempDir = useTempDirs();

const ANNA = attempt('Anna', 'terminal-path', [checkpoint('path', 'R-TERM-1', true)], { id: 'a-anna-1' });

/** A terminal that keeps what is written and how long it was told to wait, without waiting. */
function fakeScreen(columns = 80, rows = 24): ReplayScreen & { written: string[]; slept: number[] } {
  const written: string[] = [];
  const slept: number[] = [];
  return { written, slept, write: (data) => void written.push(data), sleep: async (ms) => void slept.push(ms), size: () => ({ columns, rows }) };
}

async function replay(args: string[], screen?: ReplayScreen) {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await runTrainReplay(args, screen), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

const castOf = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);

afterEach(() => vi.restoreAllMocks());

describe('kiosk train replay', () => {
  it('--cast writes the attempt as asciicast v2: 80×24, its title, every screen the trainee saw, a marker per step', async () => {
    const dir = storeWith([ANNA]);
    const cast = join(tempDir(), 'anna.cast');
    const { code, out, err } = await replay(['a-anna-1', '--cast', cast, '--data-dir', dir]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(`${cast}: Anna: terminal-path (a-anna-1), 6 steps\n`);
    const [head, ...events] = castOf(cast) as [Record<string, unknown>, ...Array<[number, string, string]>];
    expect(head).toMatchObject({ version: 2, width: 80, height: 24, title: 'Anna: terminal-path (a-anna-1)' });
    const frames = events.filter(([, kind]) => kind === 'o').map(([, , data]) => data);
    expect(frames.some((f) => f.includes('Other services'))).toBe(true);
    expect(frames.at(-1)).toContain('│ 1 0 0 0 0 0 0 0 0 1 │');
    expect(events.filter(([, kind]) => kind === 'm').map(([, , data]) => data)).toContain('10: Type "1000000001"');
    const times = events.map(([at]) => at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('plays in the terminal: every frame in order at the presentation pace, the cursor hidden then shown again', async () => {
    const screen = fakeScreen();
    const { code, out } = await replay(['a-anna-1', '--data-dir', storeWith([ANNA])], screen);
    expect(code).toBe(0);
    expect(out).toBe('Replayed Anna: terminal-path (a-anna-1): 6 steps\n');
    expect(screen.written[0]).toBe('\x1b[?25l');
    expect(screen.written.at(-1)).toBe('\x1b[?25h\r\n');
    const frames = screen.written.slice(1, -1);
    expect(frames.every((f) => f.startsWith('\x1b[H\x1b[2J'))).toBe(true);
    expect(frames.at(-1)).toContain('│ 1 0 0 0 0 0 0 0 0 1 │');
    // a new screen is held 1 s, a keystroke on the same screen 80 ms; never a negative or zero wait
    expect(screen.slept.length).toBeGreaterThan(3);
    expect(screen.slept).toContain(1000);
    expect(screen.slept.every((ms) => ms > 0)).toBe(true);
  });

  it('a recording larger than the terminal is not played into it (it would wrap): exit 2, suggesting --cast', async () => {
    const wide = attempt('Anna', 'terminal-path', [], { id: 'a-wide', tape: PLAIN_TAPE.replace('Set Size 80x24', 'Set Size 100x30') });
    const screen = fakeScreen(80, 24);
    const { code, err } = await replay(['a-wide', '--data-dir', storeWith([wide])], screen);
    expect(code).toBe(2);
    expect(err).toContain('the attempt was recorded at 100x30, but this terminal is 80x24: enlarge it, or add --cast FILE');
    expect(screen.written).toEqual([]);
    expect((await replay(['a-wide', '--data-dir', storeWith([wide])], fakeScreen(120, 40))).code).toBe(0);
  });

  it('does not care which steps the tape holds: a site session with Go and ExpectSms replays as well', async () => {
    const tape = readFileSync(join(import.meta.dirname, '..', 'tapes', 'site', 'site-cash-code-by-sms.tape'), 'utf8');
    const site = attempt('Boris', 'site-cash-code', [checkpoint('code', 'R-CODE-1', true)], { id: 'b-site', tape });
    const cast = join(tempDir(), 'site.cast');
    const { code, err } = await replay(['b-site', '--cast', cast, '--data-dir', storeWith([site])]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const frames = (castOf(cast).slice(1) as Array<[number, string, string]>).filter(([, kind]) => kind === 'o').map(([, , d]) => d);
    expect(frames.some((f) => f.includes('Pay in cash'))).toBe(true);
  });

  it('a tape that no longer goes as recorded is still played, and the replay says where it departed (exit 1)', async () => {
    const drifted = attempt('Anna', 'terminal-path', [], { id: 'a-drift', tape: `${PLAIN_TAPE}Expect "a screen this kiosk never shows"\n` });
    const { code, out, err } = await replay(['a-drift', '--data-dir', storeWith([drifted])], fakeScreen());
    expect(code).toBe(1);
    expect(out).toContain('Replayed Anna: terminal-path (a-drift): 6 steps');
    expect(err).toContain('kiosk train replay: the replay departed from the attempt:');
    expect(err).toContain('a screen this kiosk never shows');
  });

  it('a stored tape that cannot be parsed: exit 1, naming the attempt', async () => {
    const broken = attempt('Anna', 'terminal-path', [], { id: 'a-broken', tape: 'Launch\nFly "to the moon"\n' });
    const { code, err } = await replay(['a-broken', '--data-dir', storeWith([broken])], fakeScreen());
    expect(code).toBe(1);
    expect(err).toMatch(/^kiosk train replay: attempt a-broken: its tape cannot be played: .*Fly/);
  });

  it('an unknown attempt id: exit 2, naming it and where the ids are', async () => {
    const { code, out, err } = await train('replay', 'a-nobody', '--data-dir', storeWith([ANNA]));
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toBe(`kiosk train replay: no training attempt "a-nobody" in the store (kiosk train report --format json lists every attempt's id)\n`
      + "Try 'kiosk train replay --help'.\n");
  });

  it('usage errors: no attempt, two attempts, --cast with no file, --json; and a pipe instead of a terminal without --cast', async () => {
    expect((await train('replay', '--memory')).err).toContain('missing ATTEMPT');
    expect((await train('replay', 'a', 'b', '--memory')).err).toContain('unexpected argument "b"');
    expect((await train('replay', 'a', '--cast', '', '--memory')).err).toContain('--cast: expected a file name');
    expect((await train('replay', 'a', '--json', '--memory')).err).toContain('--json does not apply to "train replay"');
    const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
    Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
    const piped = await train('replay', 'a-anna-1', '--data-dir', storeWith([ANNA])).finally(() => {
      if (tty) Object.defineProperty(process.stdout, 'isTTY', tty);
      else delete (process.stdout as { isTTY?: boolean }).isTTY;
    });
    expect(piped).toMatchObject({ code: 2, err: expect.stringContaining('standard output is not a terminal: add --cast FILE') });
  });

  it('kiosk train: unknown command and --help', async () => {
    await expect(train('grade')).rejects.toThrow('train: unknown command "grade" (commands: list, check, report, replay, drill)');
    const help = await train('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('kiosk train replay ATTEMPT');
  });
});
