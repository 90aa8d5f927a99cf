/**
 * When an attempt passes. [choice] The issue gives no pass mark: 80 % of the exercise's maximum, as
 * many certification checklists do, unless the exercise sets its own (`passScore` in the attempt,
 * copied from the exercise when the attempt was made, so that a later edit does not rewrite history).
 * Integer percent arithmetic: no binary fraction decides a pass.
 */
import type { AttemptRecord } from './attempt.js';

export const DEFAULT_PASS_PERCENT = 80;

/** The score an attempt needed to pass. */
export function passScoreOf(attempt: Pick<AttemptRecord, 'maxScore' | 'passScore'>, passPercent = DEFAULT_PASS_PERCENT): number {
  return attempt.passScore ?? (attempt.maxScore * passPercent) / 100;
}

/** A finished attempt scoring at least its pass score; an abandoned attempt never passes. */
export function hasPassed(attempt: Pick<AttemptRecord, 'status' | 'score' | 'maxScore' | 'passScore'>, passPercent = DEFAULT_PASS_PERCENT): boolean {
  if (attempt.status !== 'finished') return false;
  if (attempt.passScore !== undefined) return attempt.score >= attempt.passScore;
  return attempt.score * 100 >= attempt.maxScore * passPercent;
}

/** Whole percent of the maximum, rounded half up; an exercise with nothing to score is 100 %. */
export const percentOf = (score: number, maxScore: number): number => (maxScore <= 0 ? 100 : Math.floor((score * 100) / maxScore + 0.5));
