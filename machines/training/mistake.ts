/**
 * The Training place's debrief to the keystroke (issue 18), as states of machines/training.ts: the
 * debrief, the replay that locates the first mistake, and the mistake's screen, from which Try from
 * here starts practice (the `running` state, with `practice` set). The actions, guards and actors
 * named here are the machine's own (its one setup()).
 *
 * | state          | events                                  | goes to / does                                  |
 * |----------------|-----------------------------------------|-------------------------------------------------|
 * | debrief        | training.back                           | catalog                                         |
 * | debrief        | training.mistake (a mistake to show)    | locating                                        |
 * | locating (io)  | (findMistake done / error)              | mistake (the moment, or why there is none)      |
 * | mistake        | training.switch · training.back         | mistake (before ⇄ after screen) · debrief       |
 * | mistake        | training.tryFromHere (a moment found)   | running, as practice: never saved               |
 */
import type { AttemptRecord } from '../../src/domain/training/attempt.js';
import { IO_TAG } from '../settled.js';
import type { TrainingContext } from './types.js';

export const MISTAKE_STATES = {
  debrief: {
    // practice (Try from here) ends here too: back to the attempt it came from
    entry: 'endPractice',
    on: {
      'training.back': 'catalog',
      'training.mistake': { guard: 'hasMistake', target: 'locating' },
    },
  },
  locating: {
    tags: [IO_TAG],
    invoke: {
      src: 'findMistake',
      input: ({ context }: { context: TrainingContext }) => ({ record: context.record as AttemptRecord, exercises: context.exercises }),
      onDone: { actions: 'keepMoment', target: 'mistake' },
      onError: { actions: 'noteMomentError', target: 'mistake' },
    },
  },
  mistake: {
    on: {
      'training.back': 'debrief',
      'training.switch': { actions: 'switchScreen' },
      'training.tryFromHere': { guard: 'momentFound', actions: 'startPractice', target: 'running' },
    },
  },
} as const;
