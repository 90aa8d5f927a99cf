/**
 * The Training place in the real program (issue 15), at 80×24 in ru and en: the name prompt, the
 * catalog, every built-in exercise's briefing and its running overlay (the customer's speech, the
 * side line, the keys, the exercise's own world under them) and the customer's question all fit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { KEY, renderKiosk, type Kiosk } from './harness.js';
import { builtInExercises } from '../../src/training/load.js';
import { catalogOrder, CATALOG_KEYS } from '../../src/app/trainingView.js';
import type { Lang } from '../../src/domain/training/attempt.js';
import { opened } from '../../machines/world.js';

const F7 = '\x1b[18~';
const F8 = '\x1b[19~';
const EXERCISES = builtInExercises();

let open: Kiosk[] = [];
afterEach(() => {
  for (const kiosk of open) kiosk.unmount();
  open = [];
});

function start(lang: Lang, trainee?: string) {
  const kiosk = renderKiosk({ lang, columns: 80, rows: 24, place: 'training', training: { exercises: EXERCISES, ...(trainee ? { trainee } : {}) } });
  open.push(kiosk);
  return kiosk;
}

const training = (kiosk: Kiosk) => opened(kiosk.world.getSnapshot().context).training;

function expectFits(frame: string) {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(23);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
}

describe('the Training place at 80×24', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`asks the trainee's name first when none is given, then shows the catalog (${lang})`, async () => {
      const kiosk = start(lang);
      await kiosk.waitForText(lang === 'en' ? 'who is training?' : 'кто учится?');
      expectFits(kiosk.lastFrame());
      await kiosk.press(...'Анна');
      await kiosk.press(KEY.backspace, 'а', KEY.enter);
      await kiosk.waitForText(lang === 'en' ? 'trainee: Анна' : 'учится: Анна');
      expectFits(kiosk.lastFrame());
    });

    for (const exercise of EXERCISES) {
      it(`${exercise.rules.join(' ')}: ${exercise.id}'s briefing and running overlay fit (${lang})`, async () => {
        const kiosk = start(lang, 'Anna');
        await kiosk.waitForText(lang === 'en' ? 'trainee: Anna' : 'учится: Anna');
        await kiosk.press(CATALOG_KEYS[catalogOrder(EXERCISES).indexOf(exercise)] as string);
        await kiosk.waitForText(exercise.title[lang]);
        const briefing = kiosk.lastFrame();
        expectFits(briefing);
        expect(briefing).toContain(exercise.rules.join(', '));
        await kiosk.press(KEY.enter);
        await waitFor(training(kiosk), (s) => s.matches({ running: 'acting' }));
        await kiosk.waitForText(lang === 'en' ? 'F8 stop' : 'F8 стоп');
        const running = kiosk.lastFrame();
        expectFits(running);
        expect(running.split('\n')[0]).toMatch(lang === 'en' ? /^Customer: / : /^Клиент: /);
        // the exercise's own place is drawn under the two lines, as tall as the place allows
        expect(running.split('\n').length).toBeGreaterThanOrEqual(22);
        expect(running.split('\n')[2]).toMatch(/^[╭┌]/);
        if (training(kiosk).getSnapshot().context.attempt?.openQuestion) {
          await kiosk.press(F7);
          await kiosk.waitForText(lang === 'en' ? 'Answer the customer:' : 'Ответ клиенту:');
          expectFits(kiosk.lastFrame());
          await kiosk.press(KEY.esc);
        }
        await kiosk.press(F8);
        await waitFor(training(kiosk), (s) => s.matches('debrief'));
        await kiosk.waitForText(lang === 'en' ? 'Enter back to the catalog' : 'Enter к списку');
        expectFits(kiosk.lastFrame());
        expect(kiosk.store.listTrainingAttempts({}).map((a) => [a.exerciseId, a.status])).toEqual([[exercise.id, 'abandoned']]);
      });
    }
  }
});
