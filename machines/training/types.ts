/**
 * The Training place's input, context and events (machines/training.ts): types only, apart so the
 * machine's file holds its behaviour. The screens and adapters import them from machines/training.ts.
 */
import type { AttemptRecord, Lang } from '../../src/domain/training/attempt.js';
import type { Exercise } from '../../src/domain/training/exercise.js';
import type { MistakeMoment } from '../../src/domain/training/moment.js';
import type { TrainingAttempt } from '../../src/domain/training/engine.js';
import type { SandboxEvent, SandboxHandle } from './sandbox.js';

export interface TrainingInput {
  exercises: readonly Exercise[];
  trainee: string;
  lang?: Lang;
  /** `--exam`: mistakes are not shown while the exercise runs */
  exam?: boolean;
  /** `kiosk train drill`: the due rules the catalog's exercises were picked for (issue 18) */
  drillRules?: readonly string[];
  /** `--seed N`: every attempt draws its numbers from N (an exam pins one for the whole class) */
  seed?: number;
  /** a fresh seed for each attempt when none is pinned (the adapters' chance; default 1) */
  drawSeed?: () => number;
}

export interface TrainingContext {
  exercises: readonly Exercise[];
  trainee: string;
  lang: Lang;
  exam: boolean;
  /** the pinned seed (`--seed`), or null: each attempt draws a fresh one */
  pinnedSeed: number | null;
  drawSeed: () => number;
  page: number;
  exercise: Exercise | null;
  sandbox: SandboxHandle | null;
  attempt: TrainingAttempt | null;
  /** bumped whenever the (mutable) attempt changes, so the screens see a new snapshot */
  seen: number;
  record: AttemptRecord | null;
  saveError: string | null;
  /** the trainee's attempts at the chosen exercise so far (issue 18 policies); null while counting */
  attemptsMade: number | null;
  /** the trainee pressed Start with no attempt left */
  refused: boolean;
  drillRules: readonly string[];
  /** the first mistake's moment of `record` (the debrief's `m`), once found */
  moment: MistakeMoment | null;
  momentError: string | null;
  /** the mistake screen shows the screen after the key (else before) */
  showAfter: boolean;
  /** the exercise runs as Try from here: unscored, back to `record`'s debrief */
  practice: boolean;
}

export type TrainingEvent =
  | SandboxEvent
  | { type: 'training.choose'; id: string }
  | { type: 'training.page'; delta: number }
  | { type: 'training.start' }
  | { type: 'training.back' }
  | { type: 'training.answer' }
  | { type: 'training.say'; index: number }
  | { type: 'training.quit' }
  /** a key the trainee sent to the sandbox, as a tape line (written by the app's key feed) */
  | { type: 'training.keyed'; line: string; replacesLast?: boolean }
  /** the trainee's name, typed on the first screen when `--trainee` was not given */
  | { type: 'training.type'; text: string }
  | { type: 'training.erase' }
  /** the debrief's `m`: the moment of the first mistake; `t` there: Try from here; Tab: before ⇄ after */
  | { type: 'training.mistake' }
  | { type: 'training.tryFromHere' }
  | { type: 'training.switch' };

/** A name is a line of text: the report's columns and the attempt's tape keep it on one line. */
export const TRAINEE_NAME_MAX = 40;
