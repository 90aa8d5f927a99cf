import { describe, expect, it } from 'vitest';
import { TrainingAttempt, type WorldProbe } from '../../../src/domain/training/engine.js';
import type { AttemptRecord } from '../../../src/domain/training/attempt.js';
import type { Exercise } from '../../../src/domain/training/exercise.js';

const b = (en: string) => ({ ru: en, en });
const EXERCISE: Exercise = {
  id: 'EX-1', title: b('t'), goal: b('g'), place: 'terminal', role: 'customer', difficulty: 1, rules: ['R-TERM-1', 'R-TERM-2', 'R-TERM-3'],
  setup: [], story: [b('hello')], file: 'ex.yaml',
  say: [{ id: 'change', ask: b('where does my change go?'), after: { reached: 'cash' }, options: [{ text: b('to the phone'), right: true }, { text: b('in coins'), right: false, breaks: 'R-TERM-2' }] }],
  checkpoints: [
    { id: 'path', points: 40, rule: 'R-TERM-1', title: b('path'), when: { reached: 'kiosk.checkData' }, withinMs: 60_000, source: b('s1'), right: b('r1') },
    { id: 'change', points: 30, rule: 'R-TERM-2', title: b('change'), when: { said: 'change' }, source: b('s2'), right: b('r2') },
    { id: 'cap', points: 30, rule: 'R-TERM-3', title: b('no big order'), never: { order: { code: '1000000999', status: 'paid' } }, source: b('s3'), right: b('r3') },
  ],
};

/** A world whose state path and paid orders the test sets. */
function world() {
  const state = { path: 'kiosk.idle', paid: new Set<string>() };
  const probe: WorldProbe = {
    reached: (path) => state.path === path || state.path.startsWith(`${path}.`),
    orderIs: (sel, status) => status === 'paid' && sel.code !== undefined && state.paid.has(sel.code),
    balanceIs: () => false,
    smsContains: () => false,
    changeIs: () => false,
  };
  return { state, probe };
}

function attempt(saved: AttemptRecord[] = []) {
  return new TrainingAttempt({ exercise: EXERCISE, trainee: 'Anna', lang: 'en', exam: false, startedAt: 1_000_000, attemptId: 'a-1', saveAttempt: (r) => void saved.push(r) });
}

describe('the exercise engine', () => {
  it('scores a checkpoint the moment it happens, with the program-clock time it took', () => {
    const { state, probe } = world();
    const run = attempt();
    expect(run.observe(probe, 1_010_000)).toEqual([]);
    state.path = 'kiosk.checkData';
    const decided = run.observe(probe, 1_020_000);
    expect(decided.map((c) => [c.id, c.passed, c.atMs])).toEqual([['path', true, 20_000]]);
    expect(run.score).toBe(40);
    expect(run.finished).toBeNull();
  });

  it('misses a `when` checkpoint whose time ran out, at once, with its source and right action', () => {
    const { state, probe } = world();
    const run = attempt();
    const decided = run.observe(probe, 1_000_000 + 61_000);
    expect(decided[0]).toMatchObject({ id: 'path', passed: false, earned: 0, source: b('s1'), rightAction: b('r1') });
    state.path = 'kiosk.checkData';
    run.observe(probe, 1_000_000 + 62_000);
    expect(run.checkpoints[0]?.passed).toBe(false);
    expect(run.mistakes.map((m) => m.rule)).toEqual(['R-TERM-1']);
  });

  it('R-TERM-2: a wrong answer is a mistake at once, noted with the rule the option breaks; the first answer counts', () => {
    const { state, probe } = world();
    const run = attempt();
    expect(run.say('to the phone', probe, 1_001_000)).toBeNull(); // the question opens only at the cash screen
    state.path = 'cash.empty';
    run.observe(probe, 1_002_000);
    expect(run.speech).toEqual(b('where does my change go?'));
    expect(run.say('In  Coins', probe, 1_003_000)?.right).toBe(false);
    expect(run.checkpoints.find((c) => c.id === 'change')).toMatchObject({ passed: false, atMs: 3_000 });
    expect(run.mistakes[0]).toMatchObject({ rule: 'R-TERM-2', checkpointId: 'change' });
    expect(run.say('to the phone', probe, 1_004_000)).toBeNull();
  });

  it('a `never` checkpoint is missed the moment it happens and kept at the end when it never did', () => {
    const { state, probe } = world();
    const run = attempt();
    state.paid.add('1000000999');
    expect(run.observe(probe, 1_001_000).map((c) => [c.id, c.passed])).toEqual([['cap', false]]);
    const clean = attempt();
    const record = clean.finish(1_005_000, 'finished');
    expect(record.checkpoints.find((c) => c.id === 'cap')).toMatchObject({ passed: true, earned: 30 });
  });

  it('ends by itself once every `when` checkpoint is decided, and saves the record once with the session as a tape', () => {
    const saved: AttemptRecord[] = [];
    const { state, probe } = world();
    const run = attempt(saved);
    state.path = 'kiosk.checkData';
    run.recordLine('Press "Next"');
    run.observe(probe, 1_010_000);
    state.path = 'cash.empty';
    run.observe(probe, 1_020_000);
    run.say('to the phone', probe, 1_030_000);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ status: 'finished', score: 100, maxScore: 100, durationMs: 30_000, trainee: 'Anna', exerciseId: 'EX-1' });
    expect(saved[0]?.tape).toBe('Train EX-1 as "Anna"\nSet Lang en\n\nLaunch\nPress "Next"\nSay "to the phone"\n');
    run.finish(1_040_000, 'abandoned');
    expect(saved).toHaveLength(1);
  });

  it('quitting mid-exercise records it abandoned, with what was scored so far and the rest missed, and no answers when none was given', () => {
    const saved: AttemptRecord[] = [];
    const { state, probe } = world();
    const run = attempt(saved);
    state.path = 'kiosk.checkData';
    run.observe(probe, 1_010_000);
    run.finish(1_015_000, 'abandoned');
    expect(saved[0]).toMatchObject({ status: 'abandoned', score: 70, durationMs: 15_000 });
    expect(saved[0]?.checkpoints.map((c) => [c.id, c.passed])).toEqual([['path', true], ['change', false], ['cap', true]]);
    expect(saved[0]).not.toHaveProperty('answers');
  });

  it('R-TERM-1: a `within` checkpoint still has its last millisecond; until decided it is not passed', () => {
    const { probe } = world();
    const run = attempt();
    expect(run.observe(probe, 1_000_000 + 60_000)).toEqual([]);
    expect(run.checkpoints[0]).toEqual({ id: 'path', rule: 'R-TERM-1', title: b('path'), points: 40, earned: 0, passed: false, atMs: null });
    expect(run.observe(probe, 1_000_000 + 60_001).map((c) => [c.id, c.passed])).toEqual([['path', false]]);
  });

  it('the tape: the trainee\'s name cannot break its Train line, and a Type line grows in place but never over the scene\'s lines', () => {
    const run = new TrainingAttempt({ exercise: EXERCISE, trainee: 'Anna "Ann" K\\', lang: 'en', exam: false, startedAt: 0, attemptId: 'a-1' });
    run.recordLine('Type "1"', true);
    run.recordLine('Type "12"', true);
    const record = run.finish(1_000, 'abandoned');
    expect(record.trainee).toBe('Anna "Ann" K\\');
    expect(record.tape).toBe('Train EX-1 as "Anna Ann K"\nSet Lang en\n\nLaunch\nType "12"\n');
  });
});

/** Two questions; the receipt's checkpoint is an `all` whose answer is one part, so its mistake and its miss are one. */
const RECEIPT: Exercise = {
  ...EXERCISE, id: 'EX-2', rules: ['R-TERM-1', 'R-TERM-2', 'R-TERM-5'],
  story: [b('hello'), b('I have cash'), b('shall we pay?')],
  say: [
    { id: 'phone', ask: b('which number?'), after: { reached: 'kiosk.checkData' }, options: [{ text: b('my own'), right: true }, { text: b('any number'), right: false, breaks: 'R-TERM-2' }] },
    { id: 'receipt', ask: { ru: 'Чек выбросить?', en: 'throw the receipt away?' }, after: { reached: 'cash' }, options: [{ text: { ru: 'Нет, сохраню', en: 'no, I keep it' }, right: true }, { text: { ru: 'Да', en: 'yes' }, right: false, breaks: 'R-TERM-5' }] },
  ],
  checkpoints: [
    { id: 'number', points: 50, rule: 'R-TERM-2', title: b('number'), when: { said: 'phone' }, source: b('s1'), right: b('r1') },
    { id: 'keep', points: 50, rule: 'R-TERM-1', title: b('takes the receipt'), when: { all: [{ said: 'receipt' }, { reached: 'cash.paid' }] }, source: b('s2'), right: b('r2') },
  ],
};
const receiptRun = () => new TrainingAttempt({ exercise: RECEIPT, trainee: 'Anna', lang: 'en', exam: false, startedAt: 0, attemptId: 'a-2' });

describe('the exercise engine: questions, `all` conditions, the end', () => {
  it('the customer says the latest story line until a question opens, asks it until it is answered, then the story again', () => {
    const { state, probe } = world();
    const run = receiptRun();
    run.observe(probe, 1_000);
    expect([run.openQuestion, run.speech]).toEqual([null, b('shall we pay?')]);
    state.path = 'kiosk.checkData';
    run.observe(probe, 2_000);
    expect(run.speech).toEqual(b('which number?'));
    run.say('my own', probe, 3_000);
    expect([run.openQuestion, run.speech]).toEqual([null, b('shall we pay?')]);
  });

  it('R-TERM-1: an `all` condition holds the moment every part does; an answer is said in either language, spaces and case aside', () => {
    const { state, probe } = world();
    const run = receiptRun();
    state.path = 'cash.empty';
    expect(run.say('Нет,сохраню', probe, 1_000)).toBeNull(); // words run together are another answer
    expect(run.say('  нет,  СОХРАНЮ ', probe, 1_000)?.right).toBe(true);
    expect(run.checkpoints[1]).toMatchObject({ id: 'keep', passed: false, atMs: null });
    state.path = 'cash.paid';
    expect(run.observe(probe, 2_000).map((c) => [c.id, c.passed, c.atMs])).toEqual([['keep', true, 2_000]]);
  });

  it('R-TERM-5: a wrong answer is noted once, under the checkpoint whose `all` asks for it, with the rule the option breaks', () => {
    const { state, probe } = world();
    const run = receiptRun();
    state.path = 'cash.paid';
    run.say('yes', probe, 1_000);
    expect(run.mistakes).toEqual([{ checkpointId: 'keep', rule: 'R-TERM-5', title: { ru: 'Да', en: 'yes' } }]);
    const record = run.finish(2_000, 'abandoned');
    expect(record.checkpoints.map((c) => [c.id, c.passed])).toEqual([['number', false], ['keep', false]]);
    expect(run.mistakes.map((m) => [m.checkpointId, m.rule])).toEqual([['keep', 'R-TERM-5'], ['number', 'R-TERM-2']]);
  });

  it('once the attempt has ended nothing changes it: no question opens and no answer is taken', () => {
    const { state, probe } = world();
    const ended = receiptRun();
    ended.finish(1_000, 'abandoned');
    state.path = 'cash.empty';
    expect(ended.observe(probe, 2_000)).toEqual([]);
    expect(ended.openQuestion).toBeNull();

    const asked = receiptRun();
    asked.observe(probe, 1_000);
    asked.finish(2_000, 'abandoned');
    const mistakes = [...asked.mistakes];
    expect(asked.say('yes', probe, 3_000)).toBeNull();
    expect(asked.mistakes).toEqual(mistakes);
  });
});
