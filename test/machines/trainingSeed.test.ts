/**
 * The Training place and seeded variants (issue 18): `--seed` pins the numbers for every attempt
 * (an exam for the whole class), otherwise each attempt draws a fresh seed; the briefing shows it
 * and the saved attempt keeps it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, waitFor, type Actor } from 'xstate';
import { provideTraining } from '../../src/adapters/trainingActors.js';
import type { trainingMachine, TrainingInput } from '../../machines/training.js';
import { startWorld } from '../../src/app/session.js';
import { trainingPlaceViewOf } from '../../src/app/trainingPlaceView.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { drawValues } from '../../src/domain/training/variant.js';
import { builtInExercises } from '../../src/training/load.js';

type Training = Actor<typeof trainingMachine>;
const running: Training[] = [];
afterEach(() => {
  for (const actor of running.splice(0)) actor.stop();
});

const EXERCISES = builtInExercises();
const CHANGE = 'TERM-CHANGE-TO-PHONE';
// one of the exercises the README lists as keeping fixed numbers
const FIXED = 'MOB-PATH';

let ids = 0;
function start(input: Partial<TrainingInput>, store = new MemoryStore()): Training {
  const logic = provideTraining({
    store: asyncStore(store),
    newAttemptId: () => `attempt-${++ids}`,
    now: () => Date.UTC(2026, 10, 20, 9),
    startWorld,
    simulatedClock: (startMs) => {
      const clock = new SimulatedClock();
      clock.set(startMs);
      return clock;
    },
  });
  const actor = createActor(logic, { input: { exercises: EXERCISES, trainee: 'Anna', lang: 'en', ...input } }).start();
  running.push(actor);
  return actor;
}

/** Chooses the exercise, starts it, stops it at once: the attempt saved abandoned. */
async function attemptOf(actor: Training, id: string) {
  actor.send({ type: 'training.choose', id });
  const briefing = trainingPlaceViewOf(actor.getSnapshot());
  actor.send({ type: 'training.start' });
  await waitFor(actor, (s) => s.matches({ running: 'acting' }));
  actor.send({ type: 'training.quit' });
  await waitFor(actor, (s) => s.matches('debrief'));
  const record = actor.getSnapshot().context.record;
  actor.send({ type: 'training.back' });
  return { briefing, record, exercise: actor.getSnapshot().context.exercise };
}

describe('the Training place draws each attempt\'s numbers', () => {
  it('--seed pins the numbers: two trainees of a class get the same variant, the seed on the briefing and in the record', async () => {
    const store = new MemoryStore();
    const anna = await attemptOf(start({ seed: 4242, exam: true }, store), CHANGE);
    const boris = await attemptOf(start({ seed: 4242, exam: true, trainee: 'Boris' }, store), CHANGE);
    const amount = drawValues(EXERCISES.find((e) => e.id === CHANGE)!, 4242).amount as string;
    for (const { briefing, record } of [anna, boris]) {
      expect(briefing.screen === 'briefing' && briefing.briefing.seed).toBe('Variant 4242: the same numbers again with kiosk train --seed 4242');
      expect(briefing.screen === 'briefing' && briefing.briefing.goal).toContain(`Pay ${Number(amount).toLocaleString('en-US')} ₽`);
      expect(record).toMatchObject({ seed: 4242, exam: true });
      expect(record?.tape).toMatch(/^Train TERM-CHANGE-TO-PHONE as "(Anna|Boris)" seed 4242\n/);
    }
    expect(store.listTrainingAttempts().map((a) => [a.trainee, a.seed])).toEqual([['Anna', 4242], ['Boris', 4242]]);
  });

  it('without --seed each attempt draws a fresh seed (the adapters\' chance) and keeps it', async () => {
    const seeds = [11, 12];
    const actor = start({ drawSeed: () => seeds.shift() ?? 0 });
    expect((await attemptOf(actor, CHANGE)).record?.seed).toBe(11);
    expect((await attemptOf(actor, CHANGE)).record?.seed).toBe(12);
  });

  it('an exercise with fixed numbers draws nothing: no seed on the briefing, none recorded', async () => {
    const { briefing, record } = await attemptOf(start({ seed: 5 }), FIXED);
    expect(briefing.screen === 'briefing' && briefing.briefing.seed).toBeNull();
    expect(record && 'seed' in record).toBe(false);
  });
});
