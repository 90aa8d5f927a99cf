/**
 * What a store accepts as a training attempt (src/domain/training/attemptCheck.ts, issue 15): each
 * field's check at its bounds, and the error naming the attempt and the field. Both stores call it
 * before writing, so a bad record is refused whole.
 */
import { describe, expect, it } from 'vitest';
import { checkAttemptRecord } from '../../../src/domain/training/attemptCheck.js';
import type { AnswerRecord, AttemptRecord } from '../../../src/domain/training/attempt.js';
import { attempt, checkpoint } from './fixtures.js';

const good = (fields: Partial<AttemptRecord> = {}): AttemptRecord =>
  ({ ...attempt('Anna', 'change', [checkpoint('c1', 'R-TERM-2', true), checkpoint('c2', 'R-CASH-3', false)]), id: 'a-1', ...fields });
const answer = (fields: Partial<AnswerRecord> = {}): AnswerRecord => ({
  question: 'q-change', ask: { ru: 'Сдача?', en: 'Change?' }, options: [{ ru: 'Да', en: 'Yes' }, { ru: 'Нет', en: 'No' }], chosen: 0, right: 1, atMs: 500, ...fields,
});
/** The record as a store would get it from a file or a bug: any shape. */
const bent = (fields: Record<string, unknown>): AttemptRecord => ({ ...good(), ...fields }) as unknown as AttemptRecord;
const refusal = (record: AttemptRecord): string => {
  try {
    checkAttemptRecord(record);
  } catch (error) {
    return (error as Error).message;
  }
  return 'kept';
};

describe('a training attempt a store keeps (issue 15)', () => {
  it('a whole record, with or without the fields of issue 18, is kept', () => {
    expect(refusal(good())).toBe('kept');
    expect(refusal(good({ passScore: 20, scoreCounts: 'last', attemptsAllowed: 1, seed: 0xffffffff, answers: [answer()], durationMs: 0 }))).toBe('kept');
    expect(refusal(good({ passScore: 0, seed: 0, score: 0, checkpoints: [checkpoint('c1', 'R-TERM-2', false, 0, { atMs: null })], maxScore: 0 }))).toBe('kept');
    expect(refusal(good({ status: 'abandoned', lang: 'ru', scoreCounts: 'first' }))).toBe('kept');
    expect(refusal(good({ scoreCounts: 'best' }))).toBe('kept');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['id', { id: ' ' }, 'training attempt " ": id must be a non-empty text'],
    ['id', { id: 7 }, 'training attempt 7: id must be a non-empty text'],
    ['trainee', { trainee: '' }, 'training attempt "a-1": trainee must be a non-empty name'],
    ['exerciseId', { exerciseId: '  ' }, 'training attempt "a-1": exerciseId must be a non-empty text'],
    ['lang', { lang: 'de' }, 'training attempt "a-1": lang must be ru or en, got "de"'],
    ['status', { status: 'paused' }, 'training attempt "a-1": status must be finished or abandoned, got "paused"'],
    ['startedAt', { startedAt: 1.5 }, 'training attempt "a-1": startedAt must be epoch milliseconds, got 1.5'],
    ['startedAt', { startedAt: '2026' }, 'training attempt "a-1": startedAt must be epoch milliseconds, got 2026'],
    ['durationMs', { durationMs: -1 }, 'training attempt "a-1": durationMs must be whole milliseconds ≥ 0, got -1'],
    ['durationMs', { durationMs: 0.5 }, 'training attempt "a-1": durationMs must be whole milliseconds ≥ 0, got 0.5'],
    ['score', { score: 21 }, 'training attempt "a-1": score 21 of 20: expected whole points, 0 ≤ score ≤ maxScore'],
    ['score', { score: -1 }, 'training attempt "a-1": score -1 of 20: expected whole points, 0 ≤ score ≤ maxScore'],
    ['score', { score: 9.5 }, 'training attempt "a-1": score 9.5 of 20: expected whole points, 0 ≤ score ≤ maxScore'],
    ['maxScore', { maxScore: -10, score: -20 }, 'training attempt "a-1": score -20 of -10: expected whole points, 0 ≤ score ≤ maxScore'],
    ['passScore', { passScore: 21 }, 'training attempt "a-1": passScore 21: expected whole points, 0 ≤ passScore ≤ maxScore'],
    ['passScore', { passScore: -1 }, 'training attempt "a-1": passScore -1: expected whole points, 0 ≤ passScore ≤ maxScore'],
    ['scoreCounts', { scoreCounts: 'worst' }, 'training attempt "a-1": scoreCounts must be first, best or last, got "worst"'],
    ['attemptsAllowed', { attemptsAllowed: 0 }, 'training attempt "a-1": attemptsAllowed must be a whole number ≥ 1, got 0'],
    ['attemptsAllowed', { attemptsAllowed: 1.5 }, 'training attempt "a-1": attemptsAllowed must be a whole number ≥ 1, got 1.5'],
    ['seed', { seed: -1 }, 'training attempt "a-1": seed must be a whole number 0 … 4294967295, got -1'],
    ['seed', { seed: 0x100000000 }, 'training attempt "a-1": seed must be a whole number 0 … 4294967295, got 4294967296'],
    ['seed', { seed: 0.5 }, 'training attempt "a-1": seed must be a whole number 0 … 4294967295, got 0.5'],
    ['tape', { tape: null }, 'training attempt "a-1": tape must be the text of a tape'],
    ['checkpoints', { checkpoints: {} }, 'training attempt "a-1": checkpoints must be a list'],
  ])('refuses a bad %s, naming it: %j', (_field, fields, message) => {
    expect(refusal(bent(fields))).toBe(message);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['its id', { id: '' }, 'id must be a non-empty text'],
    ['its rule', { rule: ' ' }, 'rule must be a rule ID like R-TERM-2'],
    ['more earned than its points', { earned: 11 }, 'earned 11 of 10 points: expected whole points, 0 ≤ earned ≤ points'],
    ['negative points', { points: -1, earned: -2 }, 'earned -2 of -1 points: expected whole points, 0 ≤ earned ≤ points'],
    ['negative earned', { earned: -1 }, 'earned -1 of 10 points: expected whole points, 0 ≤ earned ≤ points'],
    ['fractional atMs', { atMs: 1.5 }, 'atMs must be whole milliseconds or null, got 1.5'],
  ])('refuses a checkpoint with %s, naming it by place and id', (_what, fields, what) => {
    const second = { ...checkpoint('c2', 'R-CASH-3', true), ...fields };
    const id = JSON.stringify(second.id);
    expect(refusal(bent({ checkpoints: [checkpoint('c1', 'R-TERM-2', true), second] }))).toBe(`training attempt "a-1": checkpoint 2 (${id}): ${what}`);
  });

  it.each<[string, Record<string, unknown>]>([
    ['no question', { question: '' }],
    ['no options', { options: 'Yes/No' }],
    ['a chosen option out of range', { chosen: 2 }],
    ['a negative chosen option', { chosen: -1 }],
    ['a right option out of range', { right: 2 }],
    ['a fractional atMs', { atMs: 0.5 }],
  ])('refuses an answer with %s', (_what, fields) => {
    const answers = [answer(), { ...answer(), ...fields }];
    expect(refusal(bent({ answers }))).toBe(
      'training attempt "a-1": answer 2: expected a question id, its options, the chosen and the right option\'s index and atMs',
    );
  });
});
