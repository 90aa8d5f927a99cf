/** The drill's schedule and choice (issue 18): which rules come back, when, and in which exercises. */
import { describe, expect, it } from 'vitest';
import { checkDrillCard, dueRules, nextDue, pickDrill, reviewDrill, rulesJudged, type DrillCard } from '../../../src/domain/training/drill.js';
import type { Exercise } from '../../../src/domain/training/exercise.js';
import { builtInExercises } from '../../../src/training/load.js';
import { attempt, checkpoint, MINUTE, T0 } from './fixtures.js';

const DAY = 24 * 60 * MINUTE;
const missed = attempt('Anna', 'x', [checkpoint('a', 'R-TERM-1', true), checkpoint('b', 'R-TERM-2', false)]);

describe('the drill schedule', () => {
  it('R-TERM-2: a missed rule enters the drill, due within minutes; a kept rule without a card stays out', () => {
    const cards = reviewDrill([], missed, T0);
    expect(cards.map((c) => c.rule)).toEqual(['R-TERM-2']);
    expect(cards[0]!.due).toBeGreaterThan(T0);
    expect(cards[0]!.due).toBeLessThanOrEqual(T0 + 10 * MINUTE);
    expect(dueRules(cards, T0)).toEqual([]);
    expect(dueRules(cards, T0 + 10 * MINUTE)).toEqual(['R-TERM-2']);
    expect(nextDue(cards, T0)).toBe(cards[0]!.due);
  });

  it('kept again and again, the rule comes back later each time; missed again, it comes back soon', () => {
    let cards = reviewDrill([], missed, T0);
    let now = T0;
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      now = cards[0]!.due;
      const kept = attempt('Anna', 'x', [checkpoint('b', 'R-TERM-2', true)]);
      cards = reviewDrill(cards, kept, now);
      gaps.push(cards[0]!.due - now);
    }
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(gaps.at(-1)!).toBeGreaterThan(DAY);
    const lapse = reviewDrill(cards, attempt('Anna', 'x', [checkpoint('b', 'R-TERM-2', false)]), now);
    expect(lapse[0]!.due - now).toBeLessThan(DAY);
    expect(lapse[0]!.memory.lapses).toBe(1);
  });

  it('the same attempt never reviews a card twice', () => {
    const cards = reviewDrill([], missed, T0);
    expect(reviewDrill(cards, missed, T0 + DAY)).toEqual([]);
  });

  it('an abandoned attempt judges only what was decided before the trainee stopped', () => {
    const abandoned = attempt('Anna', 'x', [checkpoint('a', 'R-TERM-1', false, 10, { atMs: 2000 }), checkpoint('b', 'R-TERM-2', false, 10, { atMs: 60_000 })], { status: 'abandoned', durationS: 60 });
    expect([...rulesJudged(abandoned)]).toEqual([['R-TERM-1', false]]);
  });
});

describe('the drill of due rules', () => {
  const exercises = builtInExercises();

  it('picks for each due rule the shortest exercise that checks it, one exercise for rules it checks together', () => {
    const rule = exercises[0]!.checkpoints[0]!.rule;
    const [item] = pickDrill(exercises, [rule]);
    const checking = exercises.filter((e) => e.checkpoints.some((c) => c.rule === rule));
    expect(item!.exercise.checkpoints.length).toBe(Math.min(...checking.map((e) => e.checkpoints.length)));
    expect(item!.rules).toContain(rule);
    const both = pickDrill(exercises, [rule, ...item!.exercise.checkpoints.map((c) => c.rule)]);
    expect(both.filter((i) => i.exercise.id === item!.exercise.id)).toHaveLength(1);
  });

  it('leaves out a rule no exercise checks, and stops at the most asked for', () => {
    expect(pickDrill(exercises, ['R-NONE-1'])).toEqual([]);
    const rules = [...new Set(exercises.flatMap((e) => e.checkpoints.map((c) => c.rule)))];
    expect(pickDrill(exercises, rules, 2)).toHaveLength(2);
  });
});

/** One of Anna's cards (a real one, as a missed rule leaves it), due at `due`. */
const cardOf = (rule: string, due: number, trainee = 'Anna'): DrillCard => ({ ...reviewDrill([], attempt(trainee, 'x', [checkpoint('b', rule, false)]), T0)[0]!, due });

describe('the drill schedule, more closely', () => {
  it('a rule kept long after it fell due comes back later than one kept on its day: the schedule counts the days since the last review', () => {
    let cards = reviewDrill([], missed, T0);
    for (let i = 0; i < 3; i++) cards = reviewDrill(cards, attempt('Anna', 'x', [checkpoint('b', 'R-TERM-2', true)]), cards[0]!.due);
    expect(cards[0]!.memory.state).toBe(2); // in review, days apart
    const keptAt = (now: number) => reviewDrill(cards, attempt('Anna', 'x', [checkpoint('b', 'R-TERM-2', true)]), now)[0]!.due - now;
    expect(keptAt(cards[0]!.due + 30 * DAY)).toBeGreaterThan(keptAt(cards[0]!.due));
  });

  it('a finished attempt judges every checkpoint, also one decided only as it ended', () => {
    const finished = attempt('Anna', 'x', [checkpoint('a', 'R-TERM-1', true, 10, { atMs: 2000 }), checkpoint('b', 'R-TERM-2', false, 10, { atMs: 60_000 })], { durationS: 60 });
    expect([...rulesJudged(finished)]).toEqual([['R-TERM-1', true], ['R-TERM-2', false]]);
  });

  it('an attempt reviews only its trainee\'s card of that rule: another trainee\'s card of it, or her card of another rule, is not hers', () => {
    const borisKept = cardOf('R-TERM-1', T0, 'Boris');
    const annaOther = cardOf('R-TERM-3', T0);
    const anna = attempt('Anna', 'x', [checkpoint('a', 'R-TERM-1', true), checkpoint('b', 'R-TERM-2', false), checkpoint('c', 'R-TERM-3', true)]);
    const changed = reviewDrill([borisKept, annaOther], anna, T0 + DAY);
    expect(changed.map((c) => [c.trainee, c.rule, c.memory.reps])).toEqual([['Anna', 'R-TERM-2', 1], ['Anna', 'R-TERM-3', annaOther.memory.reps + 1]]);
  });

  it('the due rules: the longest overdue first, one due this very millisecond too, the same moment in rule order; the next due is the soonest after now', () => {
    const now = T0 + DAY;
    const cards = [
      cardOf('R-TERM-5', now + 3 * DAY), cardOf('R-TERM-4', now), cardOf('R-TERM-1', now - 2 * MINUTE), cardOf('R-CASH-2', now - 5 * MINUTE),
      cardOf('R-TERM-3', now - 2 * MINUTE), cardOf('R-CASH-1', now - 2 * MINUTE), cardOf('R-MOB-3', now + DAY), cardOf('R-MOB-1', now + 2 * DAY),
    ];
    expect(dueRules(cards, now)).toEqual(['R-CASH-2', 'R-CASH-1', 'R-TERM-1', 'R-TERM-3', 'R-TERM-4']);
    expect(nextDue(cards, now)).toBe(now + DAY);
    expect(nextDue(cards.slice(1, 6), now)).toBeNull();
  });
});

/** An exercise checking these rules, one checkpoint each (a built-in one's, so that only the rules differ). */
const exerciseOf = (id: string, difficulty: 1 | 2 | 3, rules: string[]): Exercise => {
  const [template] = builtInExercises();
  return { ...template!, id, difficulty, checkpoints: rules.map((rule, i) => ({ ...template!.checkpoints[0]!, id: `c${i}`, rule })) };
};

describe('the drill of due rules, more closely', () => {
  it('of exercises as long, the easier; of ones as long and as easy, the first by id', () => {
    const pick = (exercises: Exercise[]) => pickDrill(exercises, ['R-TERM-2']).map((i) => i.exercise.id);
    expect(pick([exerciseOf('hard', 3, ['R-TERM-2']), exerciseOf('easy', 1, ['R-TERM-2']), exerciseOf('middle', 2, ['R-TERM-2'])])).toEqual(['easy']);
    expect(pick([exerciseOf('B', 2, ['R-TERM-2']), exerciseOf('A', 2, ['R-TERM-2']), exerciseOf('C', 2, ['R-TERM-2'])])).toEqual(['A']);
    expect(pick([exerciseOf('A', 2, ['R-TERM-2']), exerciseOf('C', 2, ['R-TERM-2']), exerciseOf('B', 2, ['R-TERM-2'])])).toEqual(['A']);
  });

  it('a rule the exercise picked for an earlier rule checks gets no exercise of its own', () => {
    const both = exerciseOf('both', 1, ['R-TERM-1', 'R-TERM-2']);
    const second = exerciseOf('second', 1, ['R-TERM-2']);
    expect(pickDrill([both, second], ['R-TERM-1', 'R-TERM-2']).map((i) => [i.exercise.id, i.rules])).toEqual([['both', ['R-TERM-1', 'R-TERM-2']]]);
  });
});

describe('a drill card a store can keep', () => {
  const card = cardOf('R-TERM-2', T0);
  const refusal = (changed: Record<string, unknown>) => {
    try {
      checkDrillCard({ ...card, ...changed } as DrillCard);
    } catch (e) {
      return (e as Error).message;
    }
    return 'kept';
  };

  it('keeps a card as the drill makes it, never reviewed or reviewed', () => {
    expect(refusal({})).toBe('kept');
    expect(refusal({ memory: { ...card.memory, lastReview: null } })).toBe('kept');
  });

  it('refuses a card without a trainee, a rule or an attempt, naming the card and the field', () => {
    for (const trainee of ['', '  ', 7]) expect(refusal({ trainee })).toBe(`drill card ${JSON.stringify(trainee)}/"R-TERM-2": trainee must be a non-empty name`);
    for (const rule of ['', ' ', null]) expect(refusal({ rule })).toBe(`drill card "Anna"/${JSON.stringify(rule)}: rule must be a rule ID like R-TERM-2`);
    for (const lastAttemptId of ['', undefined, 42]) expect(refusal({ lastAttemptId })).toBe('drill card "Anna"/"R-TERM-2": lastAttemptId must be an attempt id');
  });

  it('refuses a memory whose numbers are no numbers, or a last review that is no epoch millisecond', () => {
    expect(refusal({ memory: { ...card.memory, stability: '3' } })).toBe('drill card "Anna"/"R-TERM-2": memory.stability must be a number, got 3');
    expect(refusal({ memory: { ...card.memory, lapses: Number.NaN } })).toBe('drill card "Anna"/"R-TERM-2": memory.lapses must be a number, got NaN');
    expect(refusal({ memory: { ...card.memory, lastReview: 1.5 } })).toBe('drill card "Anna"/"R-TERM-2": memory.lastReview must be epoch milliseconds or null, got 1.5');
  });
});
