/**
 * A tap in a running exercise (issue 21): it presses the button in the exercise's own world, and the
 * attempt's tape records it as `Tap "label"`, so the tape replays the same play to the same score.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, type Kiosk } from './harness.js';
import { startExercise } from './trainingStart.js';
import { builtInExercises } from '../../src/training/load.js';
import { runTape } from '../../src/tape/run/runTape.js';
import { tapBytes } from '../../src/app/mouse.js';
import { cellOf } from './cellOf.js';

const F7 = '\x1b[18~';
const EXERCISES = builtInExercises();

let open: Kiosk[] = [];
afterEach(() => {
  for (const kiosk of open) kiosk.unmount();
  open = [];
});

/** Taps the first cell of `text` on the last frame (debug frames start at row 1, column 1). */
const tap = (kiosk: Kiosk, text: string) => kiosk.press(tapBytes(cellOf(kiosk.lastFrame(), text)));

describe('a tap in a Training exercise', () => {
  it('R-TERM-1: presses the button in the exercise world, is recorded as Tap "label", and the tape replays to the same score', async () => {
    const kiosk = await startExercise(EXERCISES, 'TERM-CHANGE-TO-PHONE');
    open.push(kiosk);
    await kiosk.press(' ');
    await kiosk.waitForText('Other services');
    await tap(kiosk, 'Other services');
    await kiosk.waitForText('Products by catalogs');
    await tap(kiosk, 'Products by catalogs');
    await kiosk.press('1');
    await kiosk.waitForText('Order number');
    await kiosk.press(...'1000000123', KEY.enter);
    await kiosk.waitForText('Check your data');
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
    await tap(kiosk, '[P] Pay');
    await kiosk.waitForText('Score 100 of 100');
    const [attempt] = kiosk.store.listTrainingAttempts({});
    const lines = (attempt?.tape ?? '').split('\n');
    expect(lines).toContain('Tap "Other services"');
    expect(lines).toContain('Tap "Products by catalogs"');
    expect(lines).toContain('Tap "Pay"');
    const replay = await runTape({ source: `${attempt?.tape ?? ''}ExpectScore 100\n`, file: 'recorded.tape' });
    expect(replay.failure).toBeNull();
  });
});
