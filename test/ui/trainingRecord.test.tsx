/**
 * An attempt played through the keys in the Training place records those keys (issue 15), so its
 * tape replays the same play: the runner scores it as the place did.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from 'xstate';
import { KEY, type Kiosk } from './harness.js';
import { startExercise } from './trainingStart.js';
import { builtInExercises } from '../../src/training/load.js';
import { runTape } from '../../src/tape/run/runTape.js';
import { opened } from '../../machines/world.js';

const F7 = '\x1b[18~';
const F8 = '\x1b[19~';
const F9 = '\x1b[20~';
const EXERCISES = builtInExercises();

let open: Kiosk[] = [];
afterEach(() => {
  for (const kiosk of open) kiosk.unmount();
  open = [];
  vi.restoreAllMocks();
});

describe('a Training attempt played through the keys', () => {
  it('R-TERM-1 R-TERM-2: records its keys in order with the Say line, and its tape replays to the same score', async () => {
    const kiosk = await startExercise(EXERCISES, 'TERM-CHANGE-TO-PHONE');
    open.push(kiosk);
    const training = opened(kiosk.world.getSnapshot().context).training;
    await kiosk.press(' ');
    await kiosk.waitForText('Other services');
    await kiosk.press('8', '1', '1');
    await kiosk.waitForText('Order number');
    await kiosk.press(...'1000000123', KEY.enter);
    await kiosk.waitForText('Check your data');
    // the trainee thinks 5 s on the sandbox's clock before answering: the wait comes before the Say
    const sandbox = training.getSnapshot().context.sandbox!;
    const thoughtAt = sandbox.now() + 5_000;
    vi.spyOn(sandbox, 'now').mockImplementation(() => thoughtAt);
    await kiosk.press(F7);
    await kiosk.waitForText('[1] The terminal gives no change');
    await kiosk.press('1');
    await kiosk.waitForText('F8 stop');
    await kiosk.press(KEY.enter);
    await kiosk.waitForText(/phone number/i);
    await kiosk.press(...'9161234567', KEY.enter);
    await kiosk.waitForText(/Insert/i);
    await kiosk.press('8');
    await kiosk.waitForText('5,000');
    await kiosk.press('p');
    await kiosk.waitForText('Score 100 of 100');
    const [attempt] = kiosk.store.listTrainingAttempts({});
    expect(attempt?.score).toBe(100);
    const tape = attempt?.tape ?? '';
    // the Say line sits between the keys that came before and after it
    const lines = tape.split('\n');
    const say = lines.findIndex((line) => line.startsWith('Say '));
    expect(say).toBeGreaterThan(lines.findIndex((line) => line.includes('1000000123')));
    expect(say).toBeLessThan(lines.findIndex((line) => line.includes('9161234567')));
    expect(lines).toContain('Insert 5000');
    expect(lines[say - 1]).toBe('Advance 5s');
    expect(lines.filter((line) => line.startsWith('Advance'))).toEqual(['Advance 5s']);
    const replay = await runTape({ source: `${tape}ExpectScore 100\n`, file: 'recorded.tape' });
    expect(replay.failure).toBeNull();
    expect(replay.status).toBe('passed');
  });

  it('a clock jump (F9) in the exercise is written once, as Advance 1h, with the pause before the next key not counted again', async () => {
    const kiosk = await startExercise(EXERCISES, 'TERM-CHANGE-TO-PHONE');
    open.push(kiosk);
    const training = opened(kiosk.world.getSnapshot().context).training;
    const sandbox = training.getSnapshot().context.sandbox!;
    const before = sandbox.now();
    await kiosk.press(F9);
    await waitFor(sandbox.world, () => sandbox.now() >= before + 3_600_000);
    await kiosk.press(' ');
    await kiosk.waitForText('Other services');
    await kiosk.press(F8);
    await waitFor(training, (s) => s.matches('debrief'));
    const [attempt] = kiosk.store.listTrainingAttempts({});
    const body = (attempt?.tape ?? '').split('\n').slice(4).filter((line) => line !== '');
    expect(body).toEqual(['Advance 1h', 'Type " "']);
  });
});
