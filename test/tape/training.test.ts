/**
 * Training through the tape engine (issue 15): the attempt a tape plays is saved through the
 * injected callback, and its recorded session is itself a tape that replays to the same score.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTape } from '../../src/tape/run/runTape.js';
import type { AttemptRecord } from '../../src/domain/training/attempt.js';
import { builtInExercises } from '../../src/training/load.js';
import { attempt, checkpoint } from '../domain/training/fixtures.js';

const TAPES = join(import.meta.dirname, '..', 'tapes', 'training');

async function played(file: string): Promise<AttemptRecord> {
  const saved: AttemptRecord[] = [];
  const result = await runTape(join(TAPES, file), { saveAttempt: (r) => void saved.push(r) });
  expect(result.failure ?? null).toBeNull();
  expect(saved).toHaveLength(1);
  return saved[0] as AttemptRecord;
}

describe('training on tapes', () => {
  it('R-TERM-2: a typical mistake is saved once, finished, with the trainee, the time and the missed rule', async () => {
    const record = await played('term-change-to-phone-promises-coins.tape');
    expect(record).toMatchObject({ trainee: 'Boris', exerciseId: 'TERM-CHANGE-TO-PHONE', status: 'finished', score: 70, maxScore: 100, lang: 'en' });
    expect(record.checkpoints.filter((c) => !c.passed).map((c) => c.rule)).toEqual(['R-TERM-2']);
    expect(record.durationMs).toBeGreaterThanOrEqual(0);
    expect(record.tape).toMatch(/^Train TERM-CHANGE-TO-PHONE as "Boris"\nSet Lang en\n\nLaunch\nEnter\nPress "Other services"\n[\s\S]*Say "The terminal gives the change in coins"\n[\s\S]*Insert 5000\nPress "Pay"\n$/);
  });

  it('the recorded session replays as a tape to the same score', async () => {
    const record = await played('cashier-over-cap-splits-at-terminal.tape');
    const replay = await runTape({ source: `${record.tape}ExpectScore ${record.score}\nExpectMistake R-CASH-2\n`, file: 'replay.tape' });
    expect(replay.failure ?? null).toBeNull();
  });

  it('an unknown exercise fails the tape before it starts, listing the known ones', async () => {
    const result = await runTape({ source: 'Train NO-SUCH\n\nLaunch\nExpectScore 0\n', file: 'x.tape' });
    expect(result.exitCode).toBe(2);
    expect(result.failure?.message).toMatch(/no exercise NO-SUCH/);
  });

  it('Train past the exercise\'s attempts is refused with the Training place\'s message; one attempt left still plays', async () => {
    const twice = { ...builtInExercises().find((e) => e.id === 'TERM-EXPIRED')!, policy: { attempts: 2 } };
    // Anna's earlier attempts at it, kept in the store the tape runs on (an abandoned one counts too)
    const earlier = (n: number) => [attempt('Anna', 'TERM-EXPIRED', [checkpoint('x', 'R-TERM-5', false)], { status: 'abandoned' }), attempt('Anna', 'TERM-EXPIRED', [checkpoint('x', 'R-TERM-5', true)])].slice(0, n);
    const tape = (n: number) => runTape({ source: 'Set Lang en\nTrain TERM-EXPIRED as "Anna"\n\nLaunch\n', file: 'limit.tape' }, {
      exercises: () => [twice],
      wrapStore: (store) => {
        for (const record of earlier(n)) store.recordTrainingAttempt(record);
        return store;
      },
    });
    const refused = await tape(2);
    expect(refused.exitCode).toBe(1);
    expect(refused.failure?.message).toBe('line 2: No attempt left: 2 of 2 used. Ask your trainer.');
    expect(refused.failure?.details).toEqual(['Anna has made 2 attempts at TERM-EXPIRED']);
    expect((await tape(1)).failure ?? null).toBeNull();
  });

  it('Say with no such option fails and lists what the trainee may say', async () => {
    const result = await runTape({ source: 'Train TERM-CHANGE-TO-PHONE\nSet Lang en\n\nLaunch\nSay "Ask someone else"\n', file: 'x.tape' });
    expect(result.failure?.message).toMatch(/the customer's question has no such answer/);
    expect(result.failure?.details.join('\n')).toMatch(/"The terminal gives no change: 250 ₽ go to your phone balance"/);
  });

  it('R-TERM-2: after a power cut (Crash, Restart) the payment the restart completes is scored at once', async () => {
    const source = [
      'Train TERM-CHANGE-TO-PHONE', 'Set Lang en', '', 'Launch', 'Enter', 'Press "Other services"', 'Press "Products by catalogs"',
      'Press "Aliexpress"', 'Type "1000000123"', 'Press "Next"', 'Say "The terminal gives no change: 250 ₽ go to your phone balance"',
      'Press "Next"', 'Type "9161234567"', 'Press "Next"', 'Insert 5000', 'Crash', 'Restart', 'ExpectState recovered', 'ExpectScore 100', '',
    ].join('\n');
    const result = await runTape({ source, file: 'power-cut.tape' });
    expect(result.failure?.message ?? null).toBeNull();
  });
});
