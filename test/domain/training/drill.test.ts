/** The drill's schedule and choice (issue 18): which rules come back, when, and in which exercises. */
import { describe, expect, it } from 'vitest';
import { dueRules, nextDue, pickDrill, reviewDrill, rulesJudged } from '../../../src/domain/training/drill.js';
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
