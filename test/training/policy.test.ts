/** Policies in the exercise file (issue 18): feedback, attempts, which attempt counts, mastery; what they do to an attempt and the report. */
import { describe, expect, it } from 'vitest';
import { TrainingAttempt } from '../../src/domain/training/engine.js';
import { attemptAllowed, countedOf, DEFAULT_POLICY, masteryPercent, passScoreForMastery, policyOf } from '../../src/domain/training/policy.js';
import { hasPassed } from '../../src/domain/training/passMark.js';
import { trainingReport } from '../../src/domain/training/report.js';
import { parseExercise } from '../../src/training/load.js';
import { attempt, checkpoint } from '../domain/training/fixtures.js';
import { errorOf } from './exerciseError.js';

const FILE = (policy: string) => `id: MY-1
title: { ru: "Т", en: "T" }
goal: { ru: "Ц", en: "G" }
place: terminal
role: customer
difficulty: 1
rules: [R-TERM-2]
story:
  - { ru: "Привет", en: "Hello" }
checkpoints:
  - id: paid
    points: 7
    rule: R-TERM-2
    title: { ru: "О", en: "P" }
    when: { order: { code: "1000000123", status: paid } }
    source: { ru: "И", en: "S" }
    right: { ru: "П", en: "R" }
${policy}`;

describe('exercise policies', () => {
  it('a policy loads; absent fields and an absent policy take the defaults (immediate, no limit, best, the report\'s pass mark)', () => {
    const exam = parseExercise(FILE('policy: { feedback: deferred, attempts: 2, counts: last, mastery: 0.9 }\n'), 'my.yaml');
    expect(policyOf(exam)).toEqual({ feedback: 'deferred', attempts: 2, counts: 'last', mastery: 0.9 });
    expect(policyOf(parseExercise(FILE('policy: { attempts: 3 }\n'), 'my.yaml'))).toEqual({ ...DEFAULT_POLICY, attempts: 3 });
    expect(policyOf(parseExercise(FILE(''), 'my.yaml'))).toEqual({ feedback: 'immediate', attempts: null, counts: 'best', mastery: null });
  });

  it.each([
    ['policy: { feedback: later }', /^my\.yaml:18: policy\.feedback: expected feedback: immediate \(mistakes shown at once\) or deferred/],
    ['policy: { attempts: 0 }', /^my\.yaml:18: policy\.attempts: expected attempts: a whole number of attempts, 1 or more, found 0/],
    ['policy: { attempts: 1.5 }', /^my\.yaml:18: policy\.attempts: expected attempts: a whole number/],
    ['policy: { counts: average }', /^my\.yaml:18: policy\.counts: expected counts: which attempt counts: first, best or last/],
    ['policy: { mastery: 80 }', /^my\.yaml:18: policy\.mastery: expected mastery: from 0 to 1, like 0\.8, found 80/],
    ['policy: { masteryScore: 0.8 }', /^my\.yaml:18: policy\.masteryScore: expected no field "masteryScore" here/],
  ])('%s is refused with file:line and the field', (policy, message) => {
    expect(errorOf(FILE(`${policy}\n`))).toMatch(message);
  });

  it('mastery becomes the attempt\'s pass score in whole points, rounded up in decimals (0.7 of 10 is 7, not 8)', () => {
    expect(passScoreForMastery(0.7, 10)).toBe(7);
    expect(passScoreForMastery(0.8, 7)).toBe(6);
    expect(passScoreForMastery(1, 7)).toBe(7);
    expect(passScoreForMastery(0, 7)).toBe(0);
    expect(masteryPercent(0.875)).toBe('87.5');
  });

  it('the engine copies the policy into the record: pass score, deferred feedback as an exam, which attempt counts, attempts allowed', () => {
    const exercise = parseExercise(FILE('policy: { feedback: deferred, attempts: 2, counts: last, mastery: 0.9 }\n'), 'my.yaml');
    const run = new TrainingAttempt({ exercise, trainee: 'Anna', lang: 'en', exam: false, startedAt: 0, attemptId: 'a-1' });
    const record = run.finish(1000, 'finished');
    expect(record).toMatchObject({ passScore: 7, exam: true, scoreCounts: 'last', attemptsAllowed: 2 });
    const plain = new TrainingAttempt({ exercise: parseExercise(FILE(''), 'my.yaml'), trainee: 'Anna', lang: 'en', exam: false, startedAt: 0, attemptId: 'a-2' }).finish(1000, 'finished');
    expect(plain).not.toHaveProperty('passScore');
    expect(plain).toMatchObject({ exam: false });
    expect(plain.scoreCounts).toBeUndefined();
    expect(plain.attemptsAllowed).toBeUndefined();
  });

  it('mastery decides success: 9 of 10 passes at 0.9, 8 does not (the default 80 % would pass it)', () => {
    const nine = attempt('A', 'x', Array.from({ length: 10 }, (_, i) => checkpoint(`c${i}`, 'R-TERM-1', i < 9, 1)), { passScore: passScoreForMastery(0.9, 10) });
    const eight = attempt('A', 'x', Array.from({ length: 10 }, (_, i) => checkpoint(`c${i}`, 'R-TERM-1', i < 8, 1)), { passScore: passScoreForMastery(0.9, 10) });
    expect([hasPassed(nine), hasPassed(eight), hasPassed({ ...eight, passScore: undefined })]).toEqual([true, false, true]);
  });

  it('attempts allowed: a limit of 2 allows the first two, then refuses; no limit never refuses', () => {
    expect([0, 1, 2, 3].map((made) => attemptAllowed({ attempts: 2 }, made))).toEqual([true, true, false, false]);
    expect(attemptAllowed({ attempts: null }, 1000)).toBe(true);
  });

  it('which attempt counts: first, best (earliest of equals) or last', () => {
    const lines = [{ id: 'a', percent: 50 }, { id: 'b', percent: 90 }, { id: 'c', percent: 90 }, { id: 'd', percent: 70 }];
    expect((['first', 'best', 'last'] as const).map((counts) => countedOf(lines, counts)?.id)).toEqual(['a', 'b', 'd']);
    expect(countedOf([], 'best')).toBeNull();
  });

  it('the report takes the policy of the newest attempt: the last one counts, and it failed, though an earlier one passed', () => {
    const policy = { scoreCounts: 'last' as const, attemptsAllowed: 3, passScore: 20 };
    const good = attempt('Anna', 'exam', [checkpoint('a', 'R-TERM-1', true), checkpoint('b', 'R-TERM-2', true)], { at: 0, ...policy });
    const bad = attempt('Anna', 'exam', [checkpoint('a', 'R-TERM-1', true), checkpoint('b', 'R-TERM-2', false)], { at: 5, ...policy });
    const [exercise] = trainingReport([good, bad]).trainees[0]!.exercises;
    expect(exercise).toMatchObject({ counts: 'last', attemptsAllowed: 3, ownPolicy: true, counted: { id: bad.id, percent: 50, passed: false } });
    const best = trainingReport([good, { ...bad, scoreCounts: 'best' }]).trainees[0]!.exercises[0]!;
    expect(best.counted).toMatchObject({ id: good.id, passed: true });
  });
});
