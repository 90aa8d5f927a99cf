/**
 * An exercise's policy (issue 18): feedback at once or only in the debrief, how many attempts a
 * trainee has, which attempt counts, and the mastery (the share of the maximum needed to pass, as
 * cmi5's masteryScore). Pure. [choice] Defaults keep issue 15's behaviour: immediate feedback, no
 * limit, the best attempt counts, and the report's pass mark (80 %) when no mastery is set.
 */
import Decimal from 'decimal.js';
import type { ScoreCounts } from './attempt.js';
import type { Exercise, ExercisePolicy } from './exercise.js';

export const DEFAULT_POLICY: ExercisePolicy = { feedback: 'immediate', attempts: null, counts: 'best', mastery: null };

export const policyOf = (exercise: Pick<Exercise, 'policy'>): ExercisePolicy => ({ ...DEFAULT_POLICY, ...exercise.policy });

/**
 * Whole points needed to pass with this mastery: rounded up, in decimals (0.7 × 10 is 7, never the
 * 7.000000000000001 a binary float makes of it, which would ask for 8).
 */
export function passScoreForMastery(mastery: number, maxScore: number): number {
  return new Decimal(String(mastery)).times(maxScore).ceil().toNumber();
}

/** The mastery as a percent for people: 0.875 → "87.5". */
export const masteryPercent = (mastery: number): string => new Decimal(String(mastery)).times(100).toString();

/** Whether one more attempt is allowed, given how many the trainee has made at the exercise. */
export const attemptAllowed = (policy: Pick<ExercisePolicy, 'attempts'>, made: number): boolean =>
  policy.attempts === null || made < policy.attempts;

/**
 * The attempt that counts among finished ones, oldest first, each with its percent: the first, the
 * last, or the best (the highest percent, the earliest of equals). Null with none.
 */
export function countedOf<T extends { percent: number }>(finished: readonly T[], counts: ScoreCounts): T | null {
  if (finished.length === 0) return null;
  if (counts === 'first') return finished[0]!;
  if (counts === 'last') return finished.at(-1)!;
  return finished.reduce((top, line) => (line.percent > top.percent ? line : top));
}
