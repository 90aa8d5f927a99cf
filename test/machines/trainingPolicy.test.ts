/**
 * The Training place with an exercise's policy (issue 18): attempts beyond the allowed count are
 * refused with a clear message (abandoned ones count), and deferred feedback hides the mistake line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createActor, waitFor, type Actor } from 'xstate';
import { trainingLogic } from './trainingLogic.js';
import type { trainingMachine } from '../../machines/training.js';
import { trainingPlaceViewOf } from '../../src/app/trainingPlaceView.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import type { Exercise } from '../../src/domain/training/exercise.js';
import { builtInExercises } from '../../src/training/load.js';

type Training = Actor<typeof trainingMachine>;
const running: Training[] = [];
afterEach(() => {
  for (const actor of running.splice(0)) actor.stop();
});

const CHANGE = builtInExercises().find((e) => e.id === 'TERM-CHANGE-TO-PHONE')!;

function startTraining(exercise: Exercise, store = new MemoryStore(), trainee = 'Anna') {
  const logic = trainingLogic(store, trainee);
  const actor = createActor(logic, { input: { exercises: [exercise], trainee, lang: 'en' } }).start();
  running.push(actor);
  return { actor, store };
}

/** Chooses the exercise and waits until the briefing has counted the trainee's attempts. */
async function brief(actor: Training, id: string) {
  actor.send({ type: 'training.choose', id });
  await waitFor(actor, (s) => s.matches('briefing') && s.context.attemptsMade !== null);
}

async function attemptAndQuit(actor: Training, id: string) {
  await brief(actor, id);
  actor.send({ type: 'training.start' });
  await waitFor(actor, (s) => s.matches({ running: 'acting' }));
  actor.send({ type: 'training.quit' });
  await waitFor(actor, (s) => s.matches('debrief'));
  actor.send({ type: 'training.back' });
}

describe('the Training place with a policy', () => {
  it('attempts: 2 allows two attempts (abandoned ones count), then refuses the third with a message; another trainee still may', async () => {
    const limited = { ...CHANGE, policy: { attempts: 2 } };
    const { actor, store } = startTraining(limited);
    await attemptAndQuit(actor, limited.id);
    await brief(actor, limited.id);
    const view = trainingPlaceViewOf(actor.getSnapshot());
    expect(view.screen === 'briefing' && view.briefing.policy).toBe('Attempts: 1 of 2 used');
    actor.send({ type: 'training.back' });
    await attemptAndQuit(actor, limited.id);
    await brief(actor, limited.id);
    actor.send({ type: 'training.start' });
    expect(actor.getSnapshot().value).toBe('briefing');
    const refused = trainingPlaceViewOf(actor.getSnapshot());
    expect(refused.screen === 'briefing' && refused.briefing.refusal).toBe('No attempt left: 2 of 2 used. Ask your trainer.');
    expect(store.listTrainingAttempts({}).map((a) => [a.trainee, a.attemptsAllowed])).toEqual([['Anna', 2], ['Anna', 2]]);
    // the count is the trainee's own
    const boris = startTraining(limited, store, 'Boris').actor;
    await brief(boris, limited.id);
    boris.send({ type: 'training.start' });
    await waitFor(boris, (s) => s.matches({ running: 'acting' }));
  });

  it('no limit: Start is never refused', async () => {
    const { actor } = startTraining(CHANGE);
    await attemptAndQuit(actor, CHANGE.id);
    await attemptAndQuit(actor, CHANGE.id);
    await brief(actor, CHANGE.id);
    const view = trainingPlaceViewOf(actor.getSnapshot());
    expect(view.screen === 'briefing' && [view.briefing.policy, view.briefing.refusal]).toEqual([null, null]);
    actor.send({ type: 'training.start' });
    await waitFor(actor, (s) => s.matches('running'));
  });

  it('feedback: deferred is an exam: the briefing says so, no mistake line while it runs, the record says exam', async () => {
    const deferred = { ...CHANGE, policy: { feedback: 'deferred' as const, mastery: 0.9, counts: 'last' as const } };
    const { actor, store } = startTraining(deferred);
    await brief(actor, deferred.id);
    const briefing = trainingPlaceViewOf(actor.getSnapshot());
    expect(briefing.screen === 'briefing' && [briefing.briefing.exam, briefing.briefing.policy]).toEqual([
      'Exam: mistakes are shown only in the debrief',
      'Pass mark: 90 % of the points · Your last finished attempt counts',
    ]);
    actor.send({ type: 'training.start' });
    await waitFor(actor, (s) => s.matches({ running: 'acting' }));
    // with immediate feedback the side line would say "No mistakes so far" (and name each mistake at once)
    const running = trainingPlaceViewOf(actor.getSnapshot());
    expect(running.screen === 'running' && [running.running.side, running.running.mistake]).toEqual(['Exam', false]);
    // Try from here in an exam is practice all the same: the side line says it is not scored
    const snapshot = actor.getSnapshot();
    const practice = trainingPlaceViewOf(snapshot.machine.resolveState({ value: snapshot.value, context: { ...snapshot.context, practice: true } }));
    expect(practice.screen === 'running' && [practice.running.side, practice.running.mistake]).toEqual(['Practice from the mistake · not scored', false]);
    actor.send({ type: 'training.quit' });
    await waitFor(actor, (s) => s.matches('debrief'));
    expect(store.listTrainingAttempts({})[0]).toMatchObject({ exam: true, scoreCounts: 'last', passScore: 90 });
  });
});
