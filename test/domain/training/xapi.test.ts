/** Training attempts as xAPI 1.0.3 statements (issue 18): every statement valid, ids stable, fields as the issue lists them. */
import { describe, expect, it } from 'vitest';
import { TrainingAttempt, type WorldProbe } from '../../../src/domain/training/engine.js';
import type { AttemptRecord } from '../../../src/domain/training/attempt.js';
import type { Exercise } from '../../../src/domain/training/exercise.js';
import { ACTIVITY_TYPES, attemptStatements, EXTENSIONS, exerciseIri, isoDuration, statementsJsonLines, VERBS, XAPI_IRI, xapiScore } from '../../../src/domain/training/xapi.js';
import { CLASS } from './classFixture.js';
import { attempt as madeAttempt, checkpoint } from './fixtures.js';
import { xapiProblems } from './xapiValidator.js';

const b = (en: string) => ({ ru: `ру ${en}`, en });
const EXERCISE: Exercise = {
  id: 'EX-1', title: b('The change'), goal: b('g'), place: 'terminal', role: 'customer', difficulty: 1, rules: ['R-TERM-1', 'R-TERM-2'],
  setup: [], story: [b('hello')], file: 'ex.yaml',
  say: [{ id: 'change', ask: b('where does my change go?'), options: [{ text: b('in coins'), right: false, breaks: 'R-TERM-2' }, { text: b('to the phone'), right: true }] }],
  checkpoints: [
    { id: 'path', points: 40, rule: 'R-TERM-1', title: b('path'), when: { reached: 'kiosk.checkData' }, source: b('s1'), right: b('r1') },
    { id: 'change', points: 30, rule: 'R-TERM-2', title: b('change'), when: { said: 'change' }, source: b('s2'), right: b('r2') },
  ],
  policy: { mastery: 0.7 },
};
const START = Date.UTC(2026, 10, 22, 7, 0, 0);

/** An attempt played by the engine: the path reached at 1 min, then `answer` said at 3 min 4.5 s. */
function played(answer: string, id = 'a-1'): AttemptRecord {
  let path = 'kiosk.idle';
  const probe: WorldProbe = { reached: (p) => path === p, orderIs: () => false, balanceIs: () => false, smsContains: () => false, changeIs: () => false };
  const run = new TrainingAttempt({ exercise: EXERCISE, trainee: 'Anna Petrova', lang: 'ru', exam: false, startedAt: START, attemptId: id });
  run.observe(probe, START);
  path = 'kiosk.checkData';
  run.observe(probe, START + 60_000);
  run.say(answer, probe, START + 184_500);
  return run.finished!;
}

describe('xAPI statements of training attempts', () => {
  it('every statement of every attempt (played, fixtures, abandoned, with a seed) passes the validator', () => {
    const seeded = { ...madeAttempt('Boris', 'terminal-change', [checkpoint('c', 'R-TERM-2', true)]), seed: 42 };
    const attempts = [played('to the phone'), played('in coins', 'a-2'), ...CLASS, seeded];
    const statements = attempts.flatMap((a) => attemptStatements(a));
    expect(statements.length).toBeGreaterThan(attempts.length * 2);
    for (const statement of statements) expect({ id: statement.id, problems: xapiProblems(statement) }).toEqual({ id: statement.id, problems: [] });
  });

  it('the validator is not a rubber stamp: a scaled score above 1 and a bad duration are refused', () => {
    const [outcome] = attemptStatements(played('to the phone')).slice(-1);
    expect(xapiProblems({ ...outcome, result: { ...outcome!.result, score: { scaled: 1.5 } } })).not.toEqual([]);
    expect(xapiProblems({ ...outcome, result: { ...outcome!.result, duration: '3 minutes' } })).not.toEqual([]);
  });

  it('per attempt: passed with success, score, completion, ISO 8601 duration, registration, the exercise in the course, language, missed rules', () => {
    const outcome = attemptStatements(played('to the phone')).at(-1)!;
    expect(outcome.verb).toEqual(VERBS.passed);
    expect(outcome.actor).toMatchObject({ objectType: 'Agent', account: { name: 'Anna Petrova' } });
    expect(outcome.object).toEqual({ objectType: 'Activity', id: exerciseIri('EX-1'), definition: { type: ACTIVITY_TYPES.assessment, name: { 'ru-RU': 'ру The change', 'en-US': 'The change' } } });
    expect(outcome.result).toEqual({ success: true, completion: true, score: { scaled: 1, raw: 70, min: 0, max: 70 }, duration: 'PT3M4.5S', extensions: { [EXTENSIONS.missedRules]: [] } });
    expect(outcome.context).toMatchObject({ language: 'ru-RU', contextActivities: { parent: [{ id: XAPI_IRI, definition: { type: ACTIVITY_TYPES.course } }] } });
    expect(outcome.context.registration).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(outcome.timestamp).toBe(new Date(START + 184_500).toISOString());
  });

  it('R-TERM-2 a wrong answer: failed, success false, the missed rule as an extension; the mastery (0.7 of 70 = 49) decides', () => {
    const record = played('in coins');
    expect(record.passScore).toBe(49);
    const outcome = attemptStatements(record).at(-1)!;
    expect(outcome.verb).toEqual(VERBS.failed);
    expect(outcome.result).toMatchObject({ success: false, completion: true, score: { scaled: 0.5714, raw: 40, min: 0, max: 70 }, extensions: { [EXTENSIONS.missedRules]: ['R-TERM-2'] } });
  });

  it('per checkpoint a performance interaction, per answer a choice interaction, in the order they happened, in the attempt', () => {
    const statements = attemptStatements(played('in coins'));
    expect(statements.map((s) => [s.verb.id, s.object.id])).toEqual([
      [VERBS.answered.id, `${exerciseIri('EX-1')}:checkpoint:path`],
      [VERBS.answered.id, `${exerciseIri('EX-1')}:question:change`],
      [VERBS.answered.id, `${exerciseIri('EX-1')}:checkpoint:change`],
      [VERBS.failed.id, exerciseIri('EX-1')],
    ]);
    const [path, answer, change] = statements;
    expect(path!.object.definition).toMatchObject({ type: ACTIVITY_TYPES.interaction, interactionType: 'performance', correctResponsesPattern: ['path[.]passed'] });
    expect(path!.result).toEqual({ success: true, score: { scaled: 1, raw: 40, min: 0, max: 40 }, response: 'path[.]passed' });
    expect(change!.result).toMatchObject({ success: false, response: 'change[.]missed' });
    expect(answer!.object.definition).toMatchObject({ interactionType: 'choice', correctResponsesPattern: ['option-2'], choices: [{ id: 'option-1', description: { 'en-US': 'in coins' } }, { id: 'option-2' }] });
    expect(answer!.result).toEqual({ success: false, response: 'option-1' });
    expect(new Set(statements.map((s) => s.context.registration)).size).toBe(1);
    for (const s of statements.slice(0, 3)) expect(s.context).toMatchObject({ contextActivities: { parent: [{ id: exerciseIri('EX-1') }], grouping: [{ id: XAPI_IRI }] } });
  });

  it('ids are UUID v5 of the attempt and the checkpoint: the same attempt gives the same ids, another attempt others', () => {
    const once = attemptStatements(played('to the phone')).map((s) => s.id);
    expect(attemptStatements(played('to the phone')).map((s) => s.id)).toEqual(once);
    expect(new Set(once).size).toBe(once.length);
    const other = attemptStatements(played('to the phone', 'a-9')).map((s) => s.id);
    expect(other.filter((id) => once.includes(id))).toEqual([]);
    expect(statementsJsonLines([played('to the phone')])).toBe(statementsJsonLines([played('to the phone')]));
  });

  it('one registration per attempt: its statements share it, another attempt has another', () => {
    const registrations = (id: string) => new Set(attemptStatements(played('to the phone', id)).map((s) => s.context.registration));
    const [one, other] = [registrations('a-1'), registrations('a-9')];
    expect([one.size, other.size]).toEqual([1, 1]);
    expect([...one]).not.toEqual([...other]);
  });

  it('a right answer is a success; a checkpoint carries its rule; the result says whether it was an exam', () => {
    const record = played('to the phone');
    const [path, answer, change, outcome] = attemptStatements(record);
    expect(answer!.result).toEqual({ success: true, response: 'option-2' });
    expect([path!.context.extensions, change!.context.extensions]).toMatchObject([{ [EXTENSIONS.rule]: 'R-TERM-1' }, { [EXTENSIONS.rule]: 'R-TERM-2' }]);
    expect(outcome!.context.extensions).toMatchObject({ [EXTENSIONS.exam]: false });
    expect(attemptStatements({ ...record, exam: true }).at(-1)!.context.extensions).toMatchObject({ [EXTENSIONS.exam]: true });
  });

  it('the pass mark given (as `--pass-mark`) decides an attempt whose exercise sets none; 80 % when none is given', () => {
    const twoOfThree = madeAttempt('Anna', 'x', [checkpoint('a', 'R-TERM-1', true), checkpoint('b', 'R-TERM-2', true), checkpoint('c', 'R-TERM-3', false)]);
    expect(attemptStatements(twoOfThree).at(-1)!.verb).toEqual(VERBS.failed);
    expect(attemptStatements(twoOfThree, { passPercent: 60 }).at(-1)!.verb).toEqual(VERBS.passed);
  });

  it('as JSON lines: every statement, attempt by attempt, one a line, each line ended', () => {
    const [right, wrong] = [played('to the phone'), played('in coins', 'a-2')];
    const text = statementsJsonLines([right, wrong]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual([...attemptStatements(right), ...attemptStatements(wrong)]);
  });

  it('an abandoned attempt is failed and not complete; its undecided checkpoints make no statement', () => {
    const left = madeAttempt('Anna', 'x', [checkpoint('a', 'R-TERM-1', true), checkpoint('b', 'R-TERM-2', false, 10, { atMs: null })], { status: 'abandoned' });
    const statements = attemptStatements(left);
    expect(statements.map((s) => s.verb.id)).toEqual([VERBS.answered.id, VERBS.failed.id]);
    expect(statements.at(-1)!.result).toMatchObject({ success: false, completion: false });
  });

  it('the seed, when the attempt has one, is a context extension', () => {
    const seeded = { ...madeAttempt('Anna', 'x', [checkpoint('a', 'R-TERM-1', true)]), seed: 1234 };
    expect(attemptStatements(seeded).at(-1)!.context.extensions).toMatchObject({ [EXTENSIONS.seed]: 1234 });
    expect(Object.keys(attemptStatements({ ...seeded, seed: undefined } as AttemptRecord).at(-1)!.context.extensions as object)).not.toContain(EXTENSIONS.seed);
  });

  it.each([[0, 'PT0S'], [500, 'PT0.5S'], [184_500, 'PT3M4.5S'], [3_600_000, 'PT1H'], [3_723_004, 'PT1H2M3.004S']])('duration %i ms is %s', (ms, iso) => {
    expect(isoDuration(ms)).toBe(iso);
  });

  it('scaled scores are computed in decimals: 1 of 3 is 0.3333, within -1..1', () => {
    expect(xapiScore(1, 3)).toEqual({ scaled: 0.3333, raw: 1, min: 0, max: 3 });
    expect(xapiScore(0, 0).scaled).toBe(1);
  });
});
