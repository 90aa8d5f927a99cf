/**
 * What the Training place gets from its sandbox (provided by src/adapters/trainingActors.ts): the
 * exercise's own world on a fresh store seeded from the exercise's setup, the probe the engine asks
 * about it, and the sandbox's program clock. Types only: the machine never builds a world itself.
 */
import type { WorldProbe } from '../../src/domain/training/engine.js';
import type { AttemptRecord, Lang } from '../../src/domain/training/attempt.js';
import type { Exercise } from '../../src/domain/training/exercise.js';
import type { WorldActor } from '../world.js';

export interface SandboxHandle {
  /** the exercise's world: its place has the keys while the exercise runs */
  world: WorldActor;
  probe: WorldProbe;
  /** the sandbox's program clock, epoch ms */
  now(): number;
  /** a new attempt's id (the adapters make ids; machines never do) */
  attemptId: string;
  /** Try from here: the answers (`Say` texts) among the keys replayed before the trainee took over */
  said?: string[];
}

export interface SandboxInput {
  exercise: Exercise;
  /** the trainee's language: the sandbox's places speak it */
  lang: Lang;
  /** Try from here: the attempt's tape lines before its first mistake, replayed before the trainee takes over */
  prefix?: string[];
}

export interface FindMistakeInput {
  record: AttemptRecord;
  exercises: readonly Exercise[];
}

/** Sent by the sandbox actor to the Training place. */
export type SandboxEvent =
  | { type: 'training.sandboxReady'; sandbox: SandboxHandle }
  /** the sandbox world moved (a key, a timer, the clock): the engine looks again */
  | { type: 'training.observe' }
  /** Try from here: the keys before the mistake could not be replayed into the sandbox */
  | { type: 'training.sandboxFailed'; error: string };

export interface SaveAttemptInput {
  record: AttemptRecord;
  /** unscored practice (Try from here): the record is not kept */
  practice?: boolean;
}
