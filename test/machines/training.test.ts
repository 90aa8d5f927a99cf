/**
 * The Training place (issue 15) on its real actors: catalog → briefing → running (the exercise's
 * own sandbox world, played through the keys as the program does) → debrief; the record reaches
 * the real store before the debrief shows; quitting mid-way records the attempt `abandoned`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, waitFor, type Actor } from 'xstate';
import { trainingLogic } from './trainingLogic.js';
import { trainingMachine } from '../../machines/training.js';
import { KeyFeed } from '../../src/app/keyFeed.js';
import { startWorld } from '../../src/app/session.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { asyncStore } from '../../src/domain/asyncStore.js';
import { builtInExercises } from '../../src/training/load.js';
import type { AttemptRecord } from '../../src/domain/training/attempt.js';
import type { MistakeMoment } from '../../src/domain/training/moment.js';
import type { FindMistakeInput } from '../../machines/training/sandbox.js';
import { opened } from '../../machines/world.js';

type Training = Actor<typeof trainingMachine>;
const running: Training[] = [];
afterEach(() => {
  for (const actor of running.splice(0)) actor.stop();
});

const EXERCISES = builtInExercises();
const CHANGE = 'TERM-CHANGE-TO-PHONE';

function startTraining() {
  const store = new MemoryStore();
  const logic = trainingLogic(store, 'attempt');
  return { logic, store, start: (l: typeof logic = logic) => {
    const actor = createActor(l, { input: { exercises: EXERCISES, trainee: 'Anna', lang: 'en' } }).start();
    running.push(actor);
    return actor;
  } };
}

/** The keys of the sandbox world, fed as the app feeds them. */
function keysOf(actor: Training) {
  const world = actor.getSnapshot().context.sandbox?.world;
  if (!world) throw new Error('no sandbox world yet');
  const feed = new KeyFeed(world, () => {});
  return async (...keys: string[]) => {
    for (const key of keys) {
      if (key === 'Enter') feed.push('\r', { return: true });
      else feed.push(key, {});
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
}

const passed = (actor: Training, id: string) => actor.getSnapshot().context.attempt?.checkpoints.find((c) => c.id === id)?.passed === true;

async function openExercise(actor: Training, id: string) {
  actor.send({ type: 'training.choose', id });
  expect(actor.getSnapshot().value).toBe('briefing');
  actor.send({ type: 'training.start' });
  await waitFor(actor, (s) => s.matches({ running: 'acting' }));
}

describe('the Training place', () => {
  it('R-TERM-1 R-TERM-2: catalog → briefing → the exercise played through the keys → the debrief with full marks, saved first', async () => {
    const { store, start } = startTraining();
    const actor = start();
    expect(actor.getSnapshot().value).toBe('catalog');
    await openExercise(actor, CHANGE);
    const keys = keysOf(actor);
    await keys(' ', '8', '1', '1', ...'1000000123', 'Enter');
    await waitFor(actor, (s) => passed(actor, 'path') && s.matches({ running: 'acting' }));
    const question = actor.getSnapshot().context.attempt?.openQuestion;
    const right = question?.options.findIndex((o) => o.right) ?? -1;
    actor.send({ type: 'training.answer' });
    expect(actor.getSnapshot().matches({ running: 'answering' })).toBe(true);
    actor.send({ type: 'training.say', index: right });
    expect(passed(actor, 'change')).toBe(true);
    await keys('Enter', ...'9161234567', 'Enter', '8', 'p');
    await waitFor(actor, (s) => s.matches('debrief'));
    const record = actor.getSnapshot().context.record;
    expect(record).toMatchObject({ status: 'finished', score: 100, maxScore: 100, trainee: 'Anna', exerciseId: 'TERM-CHANGE-TO-PHONE' });
    expect(store.listTrainingAttempts({}).map((a) => [a.id, a.status, a.score])).toEqual([['attempt-1', 'finished', 100]]);
    // no mistake: the debrief's m (issue 18) has nothing to show
    actor.send({ type: 'training.mistake' });
    expect(actor.getSnapshot().value).toBe('debrief');
    actor.send({ type: 'training.back' });
    expect(actor.getSnapshot().value).toBe('catalog');
    expect(actor.getSnapshot().context.sandbox).toBeNull();
  });

  it('the record is in the real store before the debrief shows: while it is being written the place waits', async () => {
    const { logic, store, start } = startTraining();
    let release = () => {};
    const written = new Promise<void>((resolve) => void (release = resolve));
    const actor = start(logic.provide({ actors: { saveAttempt: fromPromise<void, { record: AttemptRecord }>(async ({ input }) => {
      await written;
      store.recordTrainingAttempt(input.record);
    }) } }));
    const storedAtDebrief: number[] = [];
    actor.subscribe((s) => void (s.matches('debrief') && storedAtDebrief.push(store.listTrainingAttempts({}).length)));
    await openExercise(actor, CHANGE);
    actor.send({ type: 'training.quit' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(actor.getSnapshot().value).toBe('saving');
    release();
    await waitFor(actor, (s) => s.matches('debrief'));
    expect(storedAtDebrief[0]).toBe(1);
  });

  it('quitting mid-exercise records the attempt abandoned, with what was decided so far, and shows its debrief', async () => {
    const { store, start } = startTraining();
    const actor = start();
    await openExercise(actor, CHANGE);
    actor.send({ type: 'training.quit' });
    await waitFor(actor, (s) => s.matches('debrief'));
    expect(store.listTrainingAttempts({}).map((a) => [a.status, a.score])).toEqual([['abandoned', 0]]);
    expect(actor.getSnapshot().context.record?.status).toBe('abandoned');
  });

  it('leaving the Training place while an exercise runs (a place switch) records the attempt abandoned', async () => {
    const store = new MemoryStore();
    const clock = new SimulatedClock();
    const world = startWorld({ store: asyncStore(store), clock, place: 'training', training: { exercises: EXERCISES, trainee: 'Anna' } });
    const training = opened(world.getSnapshot().context).training;
    await openExercise(training as unknown as Training, CHANGE);
    world.send({ type: 'place.go', place: 'terminal' });
    await waitFor(training, (s) => s.matches('debrief'));
    expect(store.listTrainingAttempts({}).map((a) => [a.trainee, a.status])).toEqual([['Anna', 'abandoned']]);
    world.stop();
  });

  it('a wrong answer is noted at once as a mistake against the rule it breaks', async () => {
    const actor = startTraining().start();
    await openExercise(actor, CHANGE);
    const keys = keysOf(actor);
    await keys(' ', '8', '1', '1', ...'1000000123', 'Enter');
    await waitFor(actor, () => actor.getSnapshot().context.attempt?.openQuestion != null);
    const wrong = actor.getSnapshot().context.attempt?.openQuestion?.options.findIndex((o) => !o.right) ?? -1;
    actor.send({ type: 'training.answer' });
    actor.send({ type: 'training.say', index: wrong });
    expect(actor.getSnapshot().context.attempt?.mistakes.map((m) => m.rule)).toEqual(['R-TERM-2']);
  });
});

describe("the debrief's first mistake (issue 18)", () => {
  it('a moment that cannot be found is said, and Try from here waits for one', async () => {
    const { logic, start } = startTraining();
    const actor = start(logic.provide({ actors: { findMistake: fromPromise<MistakeMoment | null, FindMistakeInput>(async () => { throw new Error('the tape cannot be replayed'); }) } }));
    await openExercise(actor, CHANGE);
    actor.send({ type: 'training.quit' });
    await waitFor(actor, (s) => s.matches('debrief'));
    // quit at once: every `when` missed, so there is a mistake to look for
    actor.send({ type: 'training.mistake' });
    await waitFor(actor, (s) => s.matches('mistake'));
    expect(actor.getSnapshot().context).toMatchObject({ moment: null, momentError: 'the tape cannot be replayed' });
    actor.send({ type: 'training.tryFromHere' });
    expect(actor.getSnapshot().value).toBe('mistake');
    actor.send({ type: 'training.back' });
    expect(actor.getSnapshot().value).toBe('debrief');
  });
});
