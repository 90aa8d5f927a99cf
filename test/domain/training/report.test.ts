/** The instructor's report from attempts (issue 15): figures per trainee and exercise, and the pass mark [choice]. */
import { describe, expect, it } from 'vitest';
import { hasPassed, passScoreOf, percentOf } from '../../../src/domain/training/passMark.js';
import { median, trainingReport } from '../../../src/domain/training/report.js';
import { ANNA_1, ANNA_2, ANNA_3, ANNA_5, ANNA_6, BORIS_1, CLASS } from './classFixture.js';
import { attempt, checkpoint } from './fixtures.js';

describe('the pass mark', () => {
  it('is 80 % of the maximum, in whole points, unless the exercise sets its own', () => {
    expect(passScoreOf({ maxScore: 20 })).toBe(16);
    expect(passScoreOf({ maxScore: 3 })).toBe(3);
    expect(passScoreOf({ maxScore: 20 }, 50)).toBe(10);
    expect(passScoreOf({ maxScore: 20, passScore: 12 })).toBe(12);
    expect(hasPassed({ status: 'finished', score: 16, maxScore: 20 })).toBe(true);
    expect(hasPassed({ status: 'finished', score: 15, maxScore: 20 })).toBe(false);
    expect(hasPassed({ status: 'finished', score: 12, maxScore: 20, passScore: 12 })).toBe(true);
    expect(hasPassed({ status: 'abandoned', score: 20, maxScore: 20 })).toBe(false);
  });

  it('shows whole percents, rounded half up; an exercise with nothing to score is 100 %, not NaN', () => {
    expect(percentOf(0, 0)).toBe(100);
    expect(percentOf(1, 8)).toBe(13); // 12.5 % rounds up
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(20, 20)).toBe(100);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones, whatever the order; null for none', () => {
    expect(median([90_000, 30_000, 60_000])).toBe(60_000);
    expect(median([81_000, 40_000])).toBe(60_500);
    expect(median([1, 2])).toBe(2); // 1.5 ms, rounded half up
    expect(median([])).toBeNull();
  });
});

describe('trainingReport', () => {
  // built inside each test, never in the describe body: StrykerJS credits a mutant only to the tests
  // that ran its code, and code run while the file is collected belongs to none of them
  const classReport = () => {
    const report = trainingReport(CLASS);
    const anna = report.trainees[0]!;
    const [cap, change] = anna.exercises;
    return { report, anna, cap, change };
  };

  it('groups by trainee, then by exercise, by name, whatever order the attempts come in', () => {
    const { report, anna, change } = classReport();
    expect(report.passPercent).toBe(80);
    expect(report.trainees.map((t) => t.trainee)).toEqual(['Anna', 'Boris']);
    expect(anna.exercises.map((e) => e.exerciseId)).toEqual(['terminal-cap', 'terminal-change']);
    expect(change!.attempts.map((a) => a.id)).toEqual([ANNA_1.id, ANNA_2.id, ANNA_3.id, expect.any(String)]);
  });

  it('per exercise: best and last score of finished attempts, pass rate, median time, abandoned apart', () => {
    const { cap, change } = classReport();
    expect(change).toMatchObject({
      exerciseId: 'terminal-change', finished: 3, abandoned: 1, passed: 1, passRate: 1 / 3, medianMs: 60_000,
      best: { id: ANNA_2.id, score: 20, percent: 100, passed: true }, last: { id: ANNA_3.id, score: 10, percent: 50, passed: false },
    });
    expect(cap).toMatchObject({ finished: 2, abandoned: 0, passed: 1, passRate: 0.5, medianMs: 60_500, best: { id: ANNA_5.id, passScore: 10 }, last: { id: ANNA_6.id } });
  });

  it('the most frequent mistake first, with its rule; an abandoned attempt counts only what it had missed when left', () => {
    const { anna, change } = classReport();
    expect(change!.mistakes).toEqual([
      { rule: 'R-TERM-2', count: 2, checkpoints: ['no-change'] },
      { rule: 'R-TERM-1', count: 1, checkpoints: ['path'] },
    ]);
    expect(anna.mistakes.map((m) => `${m.rule} ×${m.count}`)).toEqual(['R-TERM-2 ×2', 'R-TERM-6 ×2', 'R-TERM-1 ×1', 'R-TERM-3 ×1']);
    expect(change!.attempts[3]).toMatchObject({ status: 'abandoned', passed: false, missedRules: ['R-TERM-1'] });
  });

  it('per trainee: every exercise together', () => {
    const { report, anna } = classReport();
    expect(anna).toMatchObject({ finished: 5, abandoned: 1, passed: 2, passRate: 0.4, medianMs: 60_000, best: { id: ANNA_2.id }, last: { id: ANNA_6.id } });
    expect(report.trainees[1]).toMatchObject({ trainee: 'Boris', finished: 1, passed: 1, passRate: 1, mistakes: [], best: { id: BORIS_1.id } });
  });

  it('a trainee with only abandoned attempts has no scores, no rate and no median', () => {
    const [only] = trainingReport([{ ...ANNA_1, status: 'abandoned' }]).trainees;
    expect(only).toMatchObject({ finished: 0, abandoned: 1, passRate: null, best: null, last: null, medianMs: null });
  });

  it('a different default pass mark is data: 50 % passes Anna\'s 10 of 20', () => {
    expect(trainingReport([ANNA_1], { passPercent: 50 }).trainees[0]).toMatchObject({ passed: 1, passRate: 1 });
  });
});

describe('trainingReport: ties, order and the policy line', () => {
  const right = (id: string) => checkpoint(id, 'R-TERM-1', true);
  const wrong = (id: string, rule = 'R-TERM-2', fields: Parameters<typeof checkpoint>[4] = {}) => checkpoint(id, rule, false, 10, fields);

  it('a rule\'s missed checkpoints are listed in order, whatever order they were missed in', () => {
    const missed = attempt('Vera', 'ex', [wrong('z-last'), wrong('a-first'), wrong('m-middle')], { at: 1 });
    expect(trainingReport([missed]).trainees[0]!.mistakes).toEqual([{ rule: 'R-TERM-2', count: 3, checkpoints: ['a-first', 'm-middle', 'z-last'] }]);
  });

  it('of two attempts with the same best percent, the earliest is the best', () => {
    const first = attempt('Vera', 'ex', [right('a'), wrong('b')], { at: 1 });
    const second = attempt('Vera', 'ex', [wrong('b'), right('a')], { at: 2 });
    expect(trainingReport([second, first]).trainees[0]!.best?.id).toBe(first.id);
  });

  it('attempts started at the same moment are ordered by their ids', () => {
    const one = { ...attempt('Vera', 'ex', [right('a')], { at: 3 }), id: 'b-attempt' };
    const other = { ...attempt('Vera', 'ex', [wrong('a')], { at: 3 }), id: 'a-attempt' };
    expect(trainingReport([one, other]).trainees[0]!.exercises[0]!.attempts.map((a) => a.id)).toEqual(['a-attempt', 'b-attempt']);
  });

  it('the attempt that counts is a finished one: an abandoned newest attempt never counts as the last', () => {
    const finished = attempt('Vera', 'ex', [right('a')], { at: 1, scoreCounts: 'last' });
    const left = attempt('Vera', 'ex', [wrong('a')], { at: 2, scoreCounts: 'last', status: 'abandoned' });
    expect(trainingReport([finished, left]).trainees[0]!.exercises[0]!.counted?.id).toBe(finished.id);
  });

  it('a finished attempt counts every checkpoint it missed, even one a file records with no moment (atMs null)', () => {
    const fromFile = attempt('Vera', 'ex', [wrong('undated', 'R-TERM-3', { atMs: null }), wrong('dated')], { at: 1 });
    expect(trainingReport([fromFile]).trainees[0]!.exercises[0]!.attempts[0]!.missed).toEqual([
      { checkpoint: 'undated', rule: 'R-TERM-3' },
      { checkpoint: 'dated', rule: 'R-TERM-2' },
    ]);
    // left before the end, the same undated checkpoint was not decided yet: not a mistake
    const left = { ...fromFile, id: 'left', status: 'abandoned' as const };
    expect(trainingReport([left]).trainees[0]!.exercises[0]!.attempts[0]!.missed).toEqual([{ checkpoint: 'dated', rule: 'R-TERM-2' }]);
  });

  it('an exercise has a policy of its own when its newest attempt recorded any of the three settings', () => {
    const ownPolicy = (fields: Parameters<typeof attempt>[3]) => trainingReport([attempt('Vera', 'ex', [right('a')], fields)]).trainees[0]!.exercises[0]!.ownPolicy;
    expect([
      ownPolicy({ at: 1 }),
      ownPolicy({ at: 1, scoreCounts: 'best' }),
      ownPolicy({ at: 1, attemptsAllowed: 3 }),
      ownPolicy({ at: 1, passScore: 5 }),
    ]).toEqual([false, true, true, true]);
  });
});
