/**
 * When an attempt passes. [choice] The issue gives no pass mark: 80 % of the exercise's maximum, as
 * many certification checklists do, unless the exercise sets its own (`passScore` in the attempt,
 * copied from the exercise when the attempt was made, so that a later edit does not rewrite history).
 * Whole points and whole percents: no binary fraction decides a pass.
 */
import type { AttemptRecord } from './attempt.js';

export const DEFAULT_PASS_PERCENT = 80;

/** The score an attempt needed to pass: whole points (scores are whole), so 80 % of 3 needs 3. */
export function passScoreOf(attempt: Pick<AttemptRecord, 'maxScore' | 'passScore'>, passPercent = DEFAULT_PASS_PERCENT): number {
  return attempt.passScore ?? Math.ceil((attempt.maxScore * passPercent) / 100);
}

/** A finished attempt scoring at least its pass score; an abandoned attempt never passes. */
export function hasPassed(attempt: Pick<AttemptRecord, 'status' | 'score' | 'maxScore' | 'passScore'>, passPercent = DEFAULT_PASS_PERCENT): boolean {
  return attempt.status === 'finished' && attempt.score >= passScoreOf(attempt, passPercent);
}

/** Whole percent of the maximum, rounded half up; an exercise with nothing to score is 100 %. */
export const percentOf = (score: number, maxScore: number): number => (maxScore <= 0 ? 100 : Math.floor((score * 100) / maxScore + 0.5));
