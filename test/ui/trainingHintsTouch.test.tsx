/**
 * Touch in the Training place (issue 21: every place answers taps): the catalog's exercise lines, the
 * briefing's, the running exercise's, the customer's question's and the debrief's key lines are
 * tappable, each tap typing the key it names (screens/common/keyHints.tsx), so no machine changed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { KEY, renderKiosk, type Kiosk } from './harness.js';
import { builtInExercises } from '../../src/training/load.js';
import { catalogOrder, CATALOG_KEYS } from '../../src/app/trainingView.js';
import { tapBytes } from '../../src/app/mouse.js';
import { cellOf } from './cellOf.js';
import { opened } from '../../machines/world.js';

const EXERCISES = builtInExercises();
const ID = 'TERM-CHANGE-TO-PHONE';

let open: Kiosk[] = [];
afterEach(() => {
  for (const kiosk of open) kiosk.unmount();
  open = [];
});

const tap = (kiosk: Kiosk, text: string, fromBottom = false) => kiosk.press(tapBytes(cellOf(kiosk.lastFrame(), text, fromBottom)));

/** The key the catalog chooses the exercise with, as drawn: `[5]`. */
function catalogKey(): string {
  const index = catalogOrder([...EXERCISES]).findIndex((e) => e.id === ID);
  return `[${CATALOG_KEYS[index]}]`;
}

async function catalog(): Promise<Kiosk> {
  const kiosk = renderKiosk({ lang: 'en', columns: 80, rows: 24, place: 'training', training: { exercises: [...EXERCISES], trainee: 'Anna' } });
  open.push(kiosk);
  await kiosk.waitForText('trainee: Anna');
  return kiosk;
}

const training = (kiosk: Kiosk) => opened(kiosk.world.getSnapshot().context).training;

describe('a tap in the Training place', () => {
  it('R-TERM-2: on an exercise\'s line opens its briefing; "Esc back" returns, "Enter Start" starts it, "F8 stop" stops it, "Enter back to the catalog" returns', async () => {
    const kiosk = await catalog();
    await tap(kiosk, catalogKey());
    await kiosk.waitForText('Enter Start');
    await tap(kiosk, 'Esc back', true);
    await kiosk.waitForText('trainee: Anna');
    // the line's end is as much the line as its key
    const { row } = cellOf(kiosk.lastFrame(), catalogKey());
    await kiosk.press(tapBytes({ row, column: 60 }));
    await kiosk.waitForText('Enter Start');
    await tap(kiosk, 'Enter Start', true);
    await waitFor(training(kiosk), (s) => s.matches({ running: 'acting' }));
    await kiosk.waitForText('F8 stop');
    await tap(kiosk, 'F8 stop');
    await kiosk.waitForText('Enter back to the catalog');
    await tap(kiosk, 'Enter back to the catalog', true);
    await kiosk.waitForText('trainee: Anna');
  });

  it('on "PgDn" turns the catalog\'s page, on "PgUp" turns it back (the item "PgDn PgUp pages" is two keys)', async () => {
    const kiosk = await catalog();
    await kiosk.waitForText('page 1/');
    await tap(kiosk, 'PgDn', true);
    await kiosk.waitForText('page 2/');
    await tap(kiosk, 'PgUp', true);
    await kiosk.waitForText('page 1/');
  });

  it('on a goal line or the title does nothing: only what names a key is a key', async () => {
    const kiosk = await catalog();
    const before = kiosk.lastFrame();
    await tap(kiosk, 'Training · exercises');
    const { row } = cellOf(kiosk.lastFrame(), catalogKey());
    await kiosk.press(tapBytes({ row: row + 1, column: 10 })); // the exercise's goal, under its line
    await kiosk.settle();
    expect(kiosk.lastFrame()).toBe(before);
    expect(kiosk.lastFrame()).not.toContain('Enter Start');
  });

  it('R-TERM-2: on the customer\'s question: "F7 answer" asks it, a tap on an answer chooses it', async () => {
    const kiosk = await catalog();
    await tap(kiosk, catalogKey());
    await kiosk.waitForText('Enter Start');
    await kiosk.press(KEY.enter);
    await kiosk.waitForText('F8 stop');
    await kiosk.press(' ');
    await kiosk.waitForText('Other services');
    await tap(kiosk, 'Other services');
    await kiosk.waitForText('Products by catalogs');
    await tap(kiosk, 'Products by catalogs');
    await kiosk.press('1');
    await kiosk.waitForText('Order number');
    await kiosk.press(...'1000000123', KEY.enter);
    await kiosk.waitForText('F7 answer');
    await tap(kiosk, 'F7 answer');
    await kiosk.waitForText('[1] The terminal gives no change');
    await tap(kiosk, '[1] The terminal gives no change');
    // answered: the question is gone, and with it the F7 key
    await kiosk.waitForText('F8 stop');
    expect(kiosk.lastFrame()).not.toContain('Answer the customer:');
    expect(kiosk.lastFrame()).not.toContain('F7 answer');
  });
});
