/**
 * The Training place (issue 15): the catalog of exercises, an exercise's briefing, the exercise
 * running in a sandbox world of its own, and the debrief. The engine (src/domain/training/engine.ts)
 * scores the attempt from the sandbox's snapshots and the sandbox's program clock; the finished or
 * abandoned record is saved to the real store (`saveAttempt`, src/adapters/trainingActors.ts)
 * before the debrief shows. Practice money moves only in the sandbox's own store.
 *
 * | state               | events                                  | goes to / does                                  |
 * |---------------------|-----------------------------------------|-------------------------------------------------|
 * | naming (no trainee given) | training.type {text} · training.erase · training.start | naming · catalog (a name typed) |
 * | catalog             | training.choose {id} · training.page     | briefing (that exercise's variant, drawn from the pinned seed or a fresh one) · catalog (next page) |
 * | briefing            | (countAttempts done) · training.start · training.back | attempts made noted · running (refused past the policy's attempts) · catalog |
 * | running.starting    | training.sandboxReady (sandbox actor)    | running.acting (the attempt starts on the sandbox clock) |
 * | running.starting    | training.sandboxFailed (Try from here)   | mistake (why the keys could not be replayed)    |
 * | running.acting      | training.observe (the sandbox moved)     | scores; the attempt over → saving               |
 * | running.acting      | training.answer (a question is open)     | running.answering                               |
 * | running.answering   | training.say {index} · training.back     | acting (the option said, scored at once) · acting |
 * | running             | training.quit (F8, a place switch, Ctrl+C) | saving (the attempt `abandoned`)              |
 * | running             | training.keyed {line} (a key to the sandbox) | the line written into (or replacing the last line of) the attempt's tape |
 * | saving (io)         | (saveAttempt done / error)               | debrief (an error is shown there)               |
 * | debrief, locating, mistake | (machines/training/mistake.ts: the first mistake and Try from here) | catalog · running, as practice: the sandbox replays the keys before the mistake, then the trainee plays on; never saved |
 *
 * Practice (Try from here) ends like an attempt (F8, or its end) but goes back to the debrief of the
 * attempt it came from: `saveAttempt` is told it is practice and keeps nothing.
 *
 * Leaving `running` stops the sandbox actor, and with it the sandbox world.
 */
import { assign, fromCallback, fromPromise, setup } from 'xstate';
import { TrainingAttempt } from '../src/domain/training/engine.js';
import type { AttemptRecord } from '../src/domain/training/attempt.js';
import type { Exercise } from '../src/domain/training/exercise.js';
import { attemptAllowed, policyOf } from '../src/domain/training/policy.js';
import type { FindMistakeInput, SandboxInput, SaveAttemptInput } from './training/sandbox.js';
import { TRAINEE_NAME_MAX, type TrainingContext, type TrainingEvent, type TrainingInput } from './training/types.js';

export type { TrainingContext, TrainingEvent, TrainingInput } from './training/types.js';
export { TRAINEE_NAME_MAX };
import type { MistakeMoment } from '../src/domain/training/moment.js';
import { variantOf, varies } from '../src/domain/training/variant.js';
import { IO_TAG } from './settled.js';
import { MISTAKE_STATES } from './training/mistake.js';
import { errorText } from '../src/domain/errorText.js';

export const trainingMachine = setup({
  types: {
    context: {} as TrainingContext,
    events: {} as TrainingEvent,
    input: {} as TrainingInput,
  },
  actors: {
    // provided by src/adapters/trainingActors.ts: the sandbox world of one attempt
    sandbox: fromCallback<TrainingEvent, SandboxInput>(() => {}),
    // provided: the record written durably to the real store
    saveAttempt: fromPromise<void, SaveAttemptInput>(async () => {}),
    // provided: how many attempts the trainee has made at the exercise (the store's records)
    countAttempts: fromPromise<number, { trainee: string; exerciseId: string }>(async () => 0),
    // provided: replays the attempt's tape to its first mistake (src/training/mistakeMoment.ts)
    findMistake: fromPromise<MistakeMoment | null, FindMistakeInput>(async () => null),
  },
  guards: {
    named: ({ context }) => context.trainee.trim() !== '',
    exerciseExists: ({ context, event }) => event.type === 'training.choose' && context.exercises.some((e) => e.id === event.id),
    attemptOver: ({ context }) => context.attempt?.finished != null,
    questionOpen: ({ context }) => context.attempt?.openQuestion != null,
    attemptLeft: ({ context }) => {
      const policy = policyOf(context.exercise ?? {});
      return policy.attempts === null || (context.attemptsMade !== null && attemptAllowed(policy, context.attemptsMade));
    },
    hasMistake: ({ context }) => context.record?.checkpoints.some((c) => !c.passed) === true,
    momentFound: ({ context }) => context.moment !== null,
  },
  actions: {
    typeName: assign(({ context, event }) => ({
      trainee: event.type === 'training.type' ? `${context.trainee}${event.text.replace(/[\x00-\x1f"\\]/g, '')}`.slice(0, TRAINEE_NAME_MAX) : context.trainee,
    })),
    eraseName: assign(({ context }) => ({ trainee: [...context.trainee].slice(0, -1).join('') })),
    trimName: assign(({ context }) => ({ trainee: context.trainee.trim() })),
    // the variant is drawn as the exercise is chosen: the briefing already speaks of its numbers
    chooseExercise: assign(({ context, event }) => {
      const chosen = event.type === 'training.choose' ? context.exercises.find((e) => e.id === event.id) : undefined;
      // an exercise with fixed numbers is the same under every seed: none is drawn or recorded
      if (!chosen || !varies(chosen)) return { exercise: chosen ?? null };
      return { exercise: variantOf(chosen, context.pinnedSeed ?? context.drawSeed()) };
    }),
    turnPage: assign(({ context, event }) => ({ page: Math.max(0, context.page + (event.type === 'training.page' ? event.delta : 0)) })),
    beginAttempt: assign(({ context, event }) => {
      if (event.type !== 'training.sandboxReady' || !context.exercise) return {};
      const { sandbox } = event;
      const attempt = new TrainingAttempt({
        exercise: context.exercise,
        trainee: context.trainee,
        lang: context.lang,
        exam: context.exam,
        startedAt: sandbox.now(),
        attemptId: sandbox.attemptId,
      });
      attempt.observe(sandbox.probe, sandbox.now());
      // Try from here: the answers given before the mistake count as said in the practice too
      // Stryker disable next-line ArrayDeclaration: equivalent, because a text no open question has is ignored by attempt.say (after one more observation at the same moment, which decides nothing new)
      for (const text of sandbox.said ?? []) attempt.say(text, sandbox.probe, sandbox.now());
      // practice keeps the attempt it came from, for the debrief it goes back to
      return { sandbox, attempt, record: context.practice ? context.record : null, saveError: null, seen: context.seen + 1 };
    }),
    observe: assign(({ context }) => {
      const { attempt, sandbox } = context;
      if (attempt && sandbox) attempt.observe(sandbox.probe, sandbox.now());
      return { seen: context.seen + 1 };
    }),
    sayOption: assign(({ context, event }) => {
      const { attempt, sandbox } = context;
      const option = event.type === 'training.say' ? attempt?.openQuestion?.options[event.index] : undefined;
      if (attempt && sandbox && option) attempt.say(option.text[context.lang], sandbox.probe, sandbox.now());
      return { seen: context.seen + 1 };
    }),
    recordKey: ({ context, event }) => {
      if (event.type === 'training.keyed') context.attempt?.recordLine(event.line, event.replacesLast);
    },
    abandon: assign(({ context }) => {
      const { attempt, sandbox } = context;
      if (attempt && sandbox) attempt.finish(sandbox.now(), 'abandoned');
      return { seen: context.seen + 1 };
    }),
    keepRecord: assign(({ context }) => ({ record: context.practice ? context.record : (context.attempt?.finished ?? null) })),
    keepMoment: assign(({ event }) => ({ moment: 'output' in event ? ((event.output as MistakeMoment | null) ?? null) : null, momentError: null, showAfter: false })),
    // findMistake's error event: the only one this runs on, and it always carries `error`
    noteMomentError: assign(({ event }) => ({ moment: null, momentError: errorText((event as { error?: unknown }).error) })),
    notePracticeError: assign(({ event }) => ({ momentError: event.type === 'training.sandboxFailed' ? event.error : null, practice: false })),
    switchScreen: assign(({ context }) => ({ showAfter: !context.showAfter })),
    startPractice: assign({ practice: true }),
    endPractice: assign({ practice: false, sandbox: null, attempt: null }),
    // saveAttempt's error event: the only one this runs on, and it always carries `error`
    noteSaveError: assign(({ event }) => ({ saveError: String((event as { error?: unknown }).error) })),
    noteAttempts: assign(({ event }) => ({ attemptsMade: 'output' in event ? (event.output as number) : null })),
    refuseStart: assign({ refused: true }),
    clearExercise: assign({ exercise: null, sandbox: null, attempt: null, record: null, saveError: null, attemptsMade: null, refused: false, moment: null, momentError: null, practice: false }),
  },
}).createMachine({
  id: 'training',
  context: ({ input }) => ({
    exercises: input.exercises,
    trainee: input.trainee,
    lang: input.lang ?? 'ru',
    exam: input.exam ?? false,
    pinnedSeed: input.seed ?? null,
    drawSeed: input.drawSeed ?? (() => 1),
    page: 0,
    exercise: null,
    sandbox: null,
    attempt: null,
    seen: 0,
    record: null,
    saveError: null,
    attemptsMade: null,
    // Stryker disable next-line BooleanLiteral: equivalent, because every way to a state that reads it passes the catalog, whose entry (clearExercise) sets it false
    refused: false,
    drillRules: input.drillRules ?? [],
    moment: null,
    momentError: null,
    // Stryker disable next-line BooleanLiteral: equivalent, because only the mistake screen reads it, and only with a moment, which keepMoment sets with showAfter false
    showAfter: false,
    // Stryker disable next-line BooleanLiteral: equivalent, because every way to a state that reads it passes the catalog, whose entry (clearExercise) sets it false
    practice: false,
  }),
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'named', target: 'catalog' }, { target: 'naming' }],
    },
    naming: {
      on: {
        'training.type': { actions: 'typeName' },
        'training.erase': { actions: 'eraseName' },
        'training.start': { guard: 'named', actions: 'trimName', target: 'catalog' },
      },
    },
    catalog: {
      entry: 'clearExercise',
      on: {
        'training.choose': { guard: 'exerciseExists', actions: 'chooseExercise', target: 'briefing' },
        'training.page': { actions: 'turnPage' },
      },
    },
    briefing: {
      invoke: {
        src: 'countAttempts',
        // the briefing is entered only with an exercise chosen (exerciseExists)
        input: ({ context }) => ({ trainee: context.trainee, exerciseId: (context.exercise as Exercise).id }),
        onDone: { actions: 'noteAttempts' },
      },
      on: {
        'training.start': [{ guard: 'attemptLeft', target: 'running' }, { actions: 'refuseStart' }],
        'training.back': 'catalog',
      },
    },
    running: {
      invoke: {
        id: 'sandbox',
        src: 'sandbox',
        input: ({ context }) => ({ exercise: context.exercise as Exercise, lang: context.lang, ...(context.practice && context.moment ? { prefix: context.moment.prefix } : {}) }),
      },
      initial: 'starting',
      on: {
        'training.quit': { actions: 'abandon', target: 'saving' },
        'training.keyed': { actions: 'recordKey' },
      },
      states: {
        starting: {
          tags: [IO_TAG],
          on: {
            'training.sandboxReady': { actions: 'beginAttempt', target: 'acting' },
            'training.sandboxFailed': { actions: 'notePracticeError', target: '#training.mistake' },
          },
        },
        acting: {
          always: { guard: 'attemptOver', target: '#training.saving' },
          on: {
            'training.observe': { actions: 'observe' },
            'training.answer': { guard: 'questionOpen', target: 'answering' },
          },
        },
        answering: {
          always: { guard: 'attemptOver', target: '#training.saving' },
          on: {
            'training.observe': { actions: 'observe' },
            'training.say': { actions: 'sayOption', target: 'acting' },
            'training.back': 'acting',
          },
        },
      },
    },
    saving: {
      tags: [IO_TAG],
      entry: 'keepRecord',
      invoke: {
        src: 'saveAttempt',
        input: ({ context }) => ({ record: context.record as AttemptRecord, practice: context.practice }),
        onDone: 'debrief',
        onError: { actions: 'noteSaveError', target: 'debrief' },
      },
    },
    // the debrief, the first mistake and Try from here: machines/training/mistake.ts
    ...MISTAKE_STATES,
  },
});
