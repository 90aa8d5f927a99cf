/**
 * The Training screens alone (issue 15): the debrief and the catalog fit 80×24 in ru and en with
 * every built-in exercise, and the debrief names, for each mistake, the rule, its source sentence
 * and the right action.
 */
import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { Debrief } from '../../screens/training/Debrief.js';
import { Catalog } from '../../screens/training/Catalog.js';
import { catalogViewOf, debriefViewOf } from '../../src/app/trainingView.js';
import { TrainingAttempt } from '../../src/domain/training/engine.js';
import type { Lang } from '../../src/domain/training/attempt.js';
import type { Exercise } from '../../src/domain/training/exercise.js';
import { builtInExercises } from '../../src/training/load.js';
import { variantOf } from '../../src/domain/training/variant.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
const draw = (tree: React.ReactElement): string[] => {
  const ink = render(tree);
  cleanups.push(ink.unmount);
  return (ink.lastFrame() ?? '').split('\n');
};

/** The worst debrief an exercise can give: nothing done, every `when` checkpoint missed. */
const allMissed = (exercise: Exercise, lang: Lang, status: 'finished' | 'abandoned' = 'finished') =>
  new TrainingAttempt({ exercise, trainee: 'Анна Петрова', lang, exam: false, startedAt: 0, attemptId: 'a-1' }).finish(205_000, status);

describe('the Training screens at 80×24', () => {
  for (const lang of ['ru', 'en'] as const) {
    // as an attempt plays them: the variant (here the file's defaults), its {name}s filled
    for (const exercise of builtInExercises().map((e) => variantOf(e, null))) {
      it(`${exercise.rules.join(' ')}: the debrief of ${exercise.id} with every mistake fits 80×24 (${lang})`, () => {
        const lines = draw(<Debrief view={debriefViewOf(allMissed(exercise, lang, 'abandoned'), lang)} />);
        expect(lines.length).toBeLessThanOrEqual(24);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
      });
    }

    it(`the catalog, grouped by place, fits 80×24 (${lang})`, () => {
      const lines = draw(<Catalog view={catalogViewOf(builtInExercises(), lang)} />);
      // the place bar above it and the keys line below it take the other two rows of 24
      expect(lines.length).toBeLessThanOrEqual(22);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    });
  }

  it('R-TERM-2: a mistake names its rule, the source sentence and the right action; the score and time are shown', () => {
    const exercise = variantOf(builtInExercises().find((e) => e.id === 'TERM-CHANGE-TO-PHONE') as Exercise, null);
    const text = draw(<Debrief view={debriefViewOf(allMissed(exercise, 'en'), 'en')} />).join('\n');
    expect(text).toMatch(/Score 0 of 100 · time 3:25/);
    expect(text).toMatch(/✗ +0\/30 R-TERM-2 +Explain where the change goes/);
    expect(text).toMatch(/R-TERM-2 · Explain where the change goes\n +Source: All terminals that support the payment/);
    expect(text).toMatch(/Right: Say: no change; the 250 ₽ go to the balance of the phone given/);
  });

  it('a catalog of many exercises is paged, whole exercises a page, each page within 80×24', () => {
    const many = Array.from({ length: 24 }, (_, i) => ({ ...(builtInExercises()[i % 4] as Exercise), id: `X-${i}` }));
    const first = catalogViewOf(many, 'en', 0);
    expect(first.pager).toMatch(/^page 1\/\d · PgDn PgUp$/);
    const pages = Number(/\/(\d)/.exec(first.pager ?? '')?.[1]);
    const keys: string[] = [];
    for (let page = 0; page < pages; page++) {
      const lines = draw(<Catalog view={catalogViewOf(many, 'en', page)} />);
      expect(lines.length).toBeLessThanOrEqual(22);
      keys.push(...lines.flatMap((l) => /^\[(\w)\]/.exec(l)?.[1] ?? []));
      expect(catalogViewOf(many, 'en', page).lines.at(-1)?.kind).toBe('goal');
    }
    expect(keys).toHaveLength(24);
  });

  it('the catalog groups by place with each goal, difficulty and rules', () => {
    const text = draw(<Catalog view={catalogViewOf(builtInExercises(), 'ru')} />).join('\n');
    expect(text).toMatch(/Терминал\n\[\d\] Сдача уходит на телефон · сложность 1\/3 · R-TERM-1, R-TERM-2\n +Провести оплату/);
    // the cashier's exercises come on a later page: every page drawn, one of them opens the Cashier group
    // (a page past the last shows the last, so ten cover the catalog)
    const pages = Array.from({ length: 10 }, (_, page) => draw(<Catalog view={catalogViewOf(builtInExercises(), 'ru', page)} />).join('\n'));
    expect(pages.some((page) => /Касса\n\[\w\] /.test(page))).toBe(true);
    expect(pages.join('\n')).toMatch(/Большой заказ — через кассу/);
  });
});
