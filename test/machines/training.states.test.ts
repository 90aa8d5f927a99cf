/**
 * The Training place's states that training.test.ts reaches only through the screens (test/ui, which
 * mutation testing does not run): the trainee's name typed, the catalog's pages, a briefing left, the
 * keys written into the attempt's tape, Try from here as practice (its replay, never saved, back to
 * the attempt it came from), a replay that fails, a save that fails. The machine runs on stand-in
 * actors: a sandbox whose world answers "no" to every question, stores that record what they are asked.
 * Found by mutation testing (README "Mutation testing").
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, fromPromise, type Actor } from 'xstate';
import { trainingMachine, TRAINEE_NAME_MAX, type TrainingEvent } from '../../machines/training.js';
import type { FindMistakeInput, SandboxHandle, SandboxInput, SaveAttemptInput } from '../../machines/training/sandbox.js';
import type { WorldActor } from '../../machines/world.js';
import type { MistakeMoment } from '../../src/domain/training/moment.js';
import { builtInExercises } from '../../src/training/load.js';

const EXERCISES = builtInExercises();
const CHANGE = 'TERM-CHANGE-TO-PHONE';
const NOW = Date.UTC(2026, 10, 20, 9);

const MOMENT: MistakeMoment = {
  checkpointId: 'path', rule: 'R-TERM-1', title: { en: 'path', ru: 'путь' }, key: 'Enter', atMs: 0,
  prefix: ['Press "1"', 'Type "1000000123"'], before: [], after: [], beforeStatePath: null,
};

/** A sandbox whose world is never asked anything: every check of the probe says no. */
const handle = (attemptId: string): SandboxHandle => ({
  world: {} as WorldActor,
  probe: { reached: () => false, orderIs: () => false, balanceIs: () => false, smsContains: () => false, changeIs: () => false },
  now: () => NOW,
  attemptId,
});

function startPlace({ trainee = 'Anna', saveFails = false, replayFails = false } = {}) {
  const sandboxes: SandboxInput[] = [];
  const saved: SaveAttemptInput[] = [];
  const found: FindMistakeInput[] = [];
  const logic = trainingMachine.provide({
    actors: {
      sandbox: fromCallback<TrainingEvent, SandboxInput>(({ input, sendBack }) => {
        sandboxes.push(input);
        if (replayFails && input.prefix) sendBack({ type: 'training.sandboxFailed', error: 'the keys could not be replayed' });
        else sendBack({ type: 'training.sandboxReady', sandbox: handle(`attempt-${sandboxes.length}`) });
      }),
      saveAttempt: fromPromise<void, SaveAttemptInput>(async ({ input }) => {
        saved.push(input);
        if (saveFails) throw new Error('the disk is full');
      }),
      countAttempts: fromPromise<number, { trainee: string; exerciseId: string }>(async () => 0),
      findMistake: fromPromise<MistakeMoment | null, FindMistakeInput>(async ({ input }) => {
        found.push(input);
        return MOMENT;
      }),
    },
  });
  const actor = createActor(logic, { input: { exercises: EXERCISES, trainee, lang: 'en' } }).start();
  return { actor, sandboxes, saved, found };
}

const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** From the catalog: the exercise started, then quit at once (an abandoned attempt, every `when` missed), to its debrief. */
async function attemptAndQuit(actor: Actor<typeof trainingMachine>) {
  actor.send({ type: 'training.choose', id: CHANGE });
  actor.send({ type: 'training.start' });
  actor.send({ type: 'training.quit' });
  await settled();
}

describe('the Training place\'s own screens', () => {
  it('no trainee given: the name is typed (no control characters or quotes, at most its length), erased a character at a time, trimmed; a blank name does not start', () => {
    const { actor } = startPlace({ trainee: '' });
    expect(actor.getSnapshot().value).toBe('naming');
    actor.send({ type: 'training.start' });
    actor.send({ type: 'training.type', text: '   ' });
    actor.send({ type: 'training.start' });
    expect(actor.getSnapshot().value).toBe('naming');
    actor.send({ type: 'training.type', text: 'A"n\\n\x07a ' });
    expect(actor.getSnapshot().context.trainee).toBe('   Anna ');
    actor.send({ type: 'training.type', text: '👍' });
    actor.send({ type: 'training.erase' });
    expect(actor.getSnapshot().context.trainee).toBe('   Anna ');
    actor.send({ type: 'training.start' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'catalog', context: { trainee: 'Anna' } });
    const long = startPlace({ trainee: '' }).actor;
    long.send({ type: 'training.type', text: 'x'.repeat(TRAINEE_NAME_MAX + 5) });
    expect(long.getSnapshot().context.trainee).toHaveLength(TRAINEE_NAME_MAX);
  });

  it('the catalog turns pages, never before the first; an exercise that is not in it opens nothing; back from a briefing clears it', async () => {
    const { actor } = startPlace();
    actor.send({ type: 'training.page', delta: 2 });
    expect(actor.getSnapshot().context.page).toBe(2);
    actor.send({ type: 'training.page', delta: -5 });
    expect(actor.getSnapshot().context.page).toBe(0);
    actor.send({ type: 'training.choose', id: 'NO-SUCH-EXERCISE' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'catalog', context: { exercise: null } });
    actor.send({ type: 'training.choose', id: CHANGE });
    await settled();
    expect(actor.getSnapshot()).toMatchObject({ value: 'briefing', context: { exercise: { id: CHANGE }, attemptsMade: 0 } });
    actor.send({ type: 'training.back' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'catalog', context: { exercise: null, attemptsMade: null, refused: false } });
  });

  it('the keys sent to the sandbox are written into the attempt\'s tape; a line may replace the last one', async () => {
    const { actor, saved } = startPlace();
    actor.send({ type: 'training.choose', id: CHANGE });
    actor.send({ type: 'training.start' });
    expect(actor.getSnapshot().matches({ running: 'acting' })).toBe(true);
    actor.send({ type: 'training.keyed', line: 'Press "1"' });
    actor.send({ type: 'training.keyed', line: 'Type "10"' });
    actor.send({ type: 'training.keyed', line: 'Type "100"', replacesLast: true });
    actor.send({ type: 'training.quit' });
    await settled();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.practice).toBe(false);
    expect(saved[0]!.record.tape.endsWith('Launch\nPress "1"\nType "100"\n')).toBe(true);
    expect(actor.getSnapshot()).toMatchObject({ value: 'debrief', context: { saveError: null, record: { status: 'abandoned', id: 'attempt-1' } } });
  });
});

describe('Try from here (issue 18)', () => {
  it('the first mistake is found from the record; Tab switches before and after; Try from here replays its keys as practice, never saved, back to the attempt it came from', async () => {
    const { actor, sandboxes, saved, found } = startPlace();
    await attemptAndQuit(actor);
    const record = actor.getSnapshot().context.record;
    actor.send({ type: 'training.mistake' });
    await settled();
    expect(found).toEqual([{ record, exercises: EXERCISES }]);
    expect(actor.getSnapshot()).toMatchObject({ value: 'mistake', context: { moment: MOMENT, momentError: null, showAfter: false } });
    actor.send({ type: 'training.switch' });
    expect(actor.getSnapshot().context.showAfter).toBe(true);
    actor.send({ type: 'training.switch' });
    expect(actor.getSnapshot().context.showAfter).toBe(false);
    actor.send({ type: 'training.tryFromHere' });
    expect(actor.getSnapshot().matches({ running: 'acting' })).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ practice: true, record });
    expect(sandboxes.map((s) => s.prefix)).toEqual([undefined, MOMENT.prefix]);
    actor.send({ type: 'training.quit' });
    await settled();
    expect(saved.map((s) => s.practice)).toEqual([false, true]);
    expect(saved[1]!.record).toBe(record);
    expect(actor.getSnapshot()).toMatchObject({ value: 'debrief', context: { practice: false, sandbox: null, attempt: null, record } });
  });

  it('keys that cannot be replayed: back on the mistake\'s screen saying why, no practice', async () => {
    const { actor } = startPlace({ replayFails: true });
    await attemptAndQuit(actor);
    actor.send({ type: 'training.mistake' });
    await settled();
    actor.send({ type: 'training.tryFromHere' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'mistake', context: { momentError: 'the keys could not be replayed', practice: false } });
  });

  it('a save that fails still shows the debrief, with the error', async () => {
    const { actor } = startPlace({ saveFails: true });
    await attemptAndQuit(actor);
    expect(actor.getSnapshot()).toMatchObject({ value: 'debrief', context: { saveError: 'Error: the disk is full' } });
  });
});

describe('the attempt as it runs', () => {
  it('Answer opens the customer\'s question only when one is open: before its `after` holds it does nothing', () => {
    const { actor } = startPlace();
    // its one question opens once the till shows the receipt: the stand-in world never gets there
    actor.send({ type: 'training.choose', id: 'CASHIER-BASIC' });
    actor.send({ type: 'training.start' });
    expect(actor.getSnapshot().context.attempt?.openQuestion).toBeNull();
    actor.send({ type: 'training.answer' });
    expect(actor.getSnapshot().matches({ running: 'acting' })).toBe(true);
  });

  it('every change to the attempt (its start, a move of the world, an answer, quitting) gives the screens a new count', async () => {
    const { actor } = startPlace();
    const seen = () => actor.getSnapshot().context.seen;
    actor.send({ type: 'training.choose', id: CHANGE });
    const before = seen();
    actor.send({ type: 'training.start' });
    const counts = [seen()];
    actor.send({ type: 'training.observe' });
    counts.push(seen());
    actor.send({ type: 'training.answer' });
    actor.send({ type: 'training.say', index: 0 });
    counts.push(seen());
    actor.send({ type: 'training.quit' });
    counts.push(seen());
    expect(counts).toEqual([before + 1, before + 2, before + 3, before + 4]);
    await settled();
  });

  it('one checkpoint missed among passed ones is a mistake the debrief can show', async () => {
    const { actor, found } = startPlace();
    actor.send({ type: 'training.choose', id: CHANGE });
    actor.send({ type: 'training.start' });
    actor.send({ type: 'training.answer' });
    const right = actor.getSnapshot().context.attempt?.openQuestion?.options.findIndex((o) => o.right) ?? -1;
    actor.send({ type: 'training.say', index: right });
    actor.send({ type: 'training.quit' });
    await settled();
    const passed = actor.getSnapshot().context.record?.checkpoints.map((c) => c.passed);
    expect(passed).toContain(true);
    expect(passed).toContain(false);
    actor.send({ type: 'training.mistake' });
    await settled();
    expect(actor.getSnapshot().value).toBe('mistake');
    expect(found).toHaveLength(1);
  });

  it('without --exam or `kiosk train drill` the attempt is no exam and the catalog no drill', async () => {
    const { actor, saved } = startPlace();
    expect(actor.getSnapshot().context).toMatchObject({ exam: false, drillRules: [] });
    await attemptAndQuit(actor);
    expect(saved[0]!.record.exam).toBe(false);
  });
});
