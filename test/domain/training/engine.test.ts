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

  it('quitting mid-exercise records it abandoned, with what was scored so far and the rest missed', () => {
    const saved: AttemptRecord[] = [];
    const { state, probe } = world();
    const run = attempt(saved);
    state.path = 'kiosk.checkData';
    run.observe(probe, 1_010_000);
    run.finish(1_015_000, 'abandoned');
    expect(saved[0]).toMatchObject({ status: 'abandoned', score: 70, durationMs: 15_000 });
    expect(saved[0]?.checkpoints.map((c) => [c.id, c.passed])).toEqual([['path', true], ['change', false], ['cap', true]]);
  });
});
