/**
 * Debrief to the keystroke in the Training place (issue 18): an attempt with a mistake is played
 * through the keys and recorded; the debrief's `m` shows the key that made it and the rule; `t`
 * (Try from here) replays the keys before it into a fresh sandbox and hands the keys back on the
 * screen the trainee had before the mistake, as practice that is never stored.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from 'xstate';
import { KEY, renderKiosk, type Kiosk } from './harness.js';
import { builtInExercises } from '../../src/training/load.js';
import { catalogOrder, CATALOG_KEYS } from '../../src/app/trainingView.js';
import { viewOf } from '../../src/app/view.js';
import { opened } from '../../machines/world.js';

const F7 = '\x1b[18~';
const F8 = '\x1b[19~';
const EXERCISES = builtInExercises();

let open: Kiosk[] = [];
afterEach(() => {
  for (const kiosk of open) kiosk.unmount();
  open = [];
  vi.restoreAllMocks();
});

describe('the first mistake, key by key, and Try from here', () => {
  it('R-TERM-1: the debrief jumps to the key that went into Mobile; Try from here resumes on the screen before it, unscored', async () => {
    const kiosk = renderKiosk({ lang: 'en', columns: 80, rows: 24, place: 'training', training: { exercises: EXERCISES, trainee: 'Boris' } });
    open.push(kiosk);
    const training = opened(kiosk.world.getSnapshot().context).training;
    const exercise = EXERCISES.find((e) => e.id === 'TERM-PATH')!;
    await kiosk.waitForText('trainee: Boris');
    await kiosk.press(CATALOG_KEYS[catalogOrder(EXERCISES).indexOf(exercise)] as string);
    await kiosk.waitForText('Enter Start');
    await kiosk.press(KEY.enter);
    await waitFor(training, (s) => s.matches({ running: 'acting' }));
    await kiosk.press(F7);
    await kiosk.waitForText('[1] "Other services"');
    await kiosk.press('1');
    await kiosk.waitForText('F8 stop');
    await kiosk.press(' ');
    await kiosk.waitForText('Choose a service');
    // the mistake: "1" on the menu is Mobile
    await kiosk.press('1');
    await kiosk.waitForText("✗ R-TERM-1 · Don't go into Mobile");
    // the trainee stops 5 s later on the sandbox's clock: what was decided before the stop is judged
    const first = training.getSnapshot().context.sandbox!;
    const stopAt = first.now() + 5_000;
    vi.spyOn(first, 'now').mockImplementation(() => stopAt);
    await kiosk.press(F8);
    await kiosk.waitForText('m the first mistake');
    expect(kiosk.store.listTrainingAttempts()).toHaveLength(1);
    expect(kiosk.store.drillCards('Boris').map((c) => c.rule)).toEqual(['R-TERM-1']);

    await kiosk.press('m');
    // the attempt is replayed on the tape engine (real work, not the kiosk's clock): wait for its end
    await waitFor(training, (s) => s.matches('mistake'), { timeout: 30_000 });
    await kiosk.waitForText("The first mistake · R-TERM-1 · Don't go into Mobile");
    await kiosk.waitForText('Key pressed: Type "1"');
    await kiosk.waitForText('The screen before the key (kiosk.menu):');
    const moment = training.getSnapshot().context.moment!;
    expect(moment.prefix).toEqual([expect.stringMatching(/^Say /), 'Type " "']);
    await kiosk.press(KEY.tab);
    await kiosk.waitForText('The screen after the key:');

    await kiosk.press('t');
    await waitFor(training, (s) => s.matches({ running: 'acting' }));
    await kiosk.waitForText('Practice from the mistake · not scored');
    const sandbox = training.getSnapshot().context.sandbox!;
    expect(viewOf(sandbox.world.getSnapshot().context.terminal.getSnapshot()).statePath).toBe(moment.beforeStatePath);
    // the screen equals the one before the mistake: its rows are on screen as they were
    const frame = kiosk.lastFrame();
    const rows = moment.before.filter((r) => /TRAINING|Choose a service|\[1\] Mobile|\[8\] Other services/.test(r));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(frame).toContain(row.trim());
    // the answer said before the mistake counts in the practice too: the customer asks nothing again
    expect(training.getSnapshot().context.attempt?.openQuestion).toBeNull();
    // the trainee has the keys: this time the right way
    await kiosk.press('8');
    await kiosk.waitForText('Products by catalogs');
    await kiosk.press(F8);
    await kiosk.waitForText('m the first mistake');
    // practice is never a scored attempt, and moves no drill card
    expect(kiosk.store.listTrainingAttempts()).toHaveLength(1);
    expect(kiosk.store.drillCards('Boris')[0]?.memory.reps).toBe(1);
  });
});
