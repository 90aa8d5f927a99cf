/**
 * Debrief to the keystroke (issue 18, part 5): the moment of an attempt's first mistake, found by
 * replaying the attempt's own tape in-process (the tape engine scores it as the Training place did)
 * one step at a time until the engine decides that checkpoint missed. What it gives: the screen
 * before and after that step, the step itself (the key pressed, the text typed, the answer said),
 * the rule, and the trainee's lines before it — what "Try from here" replays into a fresh sandbox.
 */
import { mistakesOf, type AttemptRecord, type CheckpointResult } from '../domain/training/attempt.js';
import type { Exercise } from '../domain/training/exercise.js';
import type { MistakeMoment } from '../domain/training/moment.js';
import type { Step } from '../tape/language/ast.js';

export type { MistakeMoment } from '../domain/training/moment.js';
export { condensed } from './screenRows.js';
import { parseTape } from '../tape/language/parse.js';
import { TRAINING_TERMINAL_ID } from '../domain/training/moment.js';
import { TapeEngine } from '../tape/run/engine.js';
import { filledLine, isTraineeAction } from '../tape/run/runTrainSteps.js';

/** The first missed checkpoint: the earliest decided, then the ones missed only at the end. */
export function firstMistake(record: AttemptRecord): CheckpointResult | null {
  const missed = mistakesOf(record);
  const at = (c: CheckpointResult) => c.atMs ?? Number.POSITIVE_INFINITY;
  return [...missed].sort((a, b) => at(a) - at(b))[0] ?? null;
}

/** Thrown when the attempt's tape cannot be replayed (the program or the exercise changed since). */
export class MomentUnavailable extends Error {}

/** Replays `record`'s tape until its first mistake; null when the attempt has none. */
export async function findMistakeMoment(record: AttemptRecord, exercises: readonly Exercise[]): Promise<MistakeMoment | null> {
  const target = firstMistake(record);
  if (!target) return null;
  let engine: TapeEngine;
  try {
    // the sandbox's terminal id, so the screens read as the trainee saw them in the Training place
    const source = `Set TerminalId ${TRAINING_TERMINAL_ID}\n${record.tape}`;
    engine = await TapeEngine.open(parseTape(source, `attempt ${record.id}`), { exercises: () => exercises });
  } catch (error) {
    throw new MomentUnavailable(`attempt ${record.id}: its tape cannot be replayed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { id, rule, title, source, rightAction } = target;
  const moment = { checkpointId: id, rule, title, ...(source ? { source } : {}), ...(rightAction ? { rightAction } : {}) };
  const missedNow = () => engine.training?.checkpoints.some((c) => c.id === id && c.atMs !== null && !c.passed) === true;
  const prefix: string[] = [];
  try {
    let before: string[] = [];
    let beforeStatePath: string | null = null;
    for (const step of engine.tape.steps.flatMap(keystrokes)) {
      await engine.paint();
      before = engine.screen();
      beforeStatePath = engine.statePath();
      try {
        await engine.run(step);
      } catch (error) {
        throw new MomentUnavailable(`attempt ${record.id}: the replay departed from the attempt at "${step.raw}": ${error instanceof Error ? error.message : String(error)}`);
      }
      if (missedNow()) {
        await engine.paint();
        // the time as the attempt recorded it (a replay skips the short pauses the recording left out)
        return { ...moment, key: step.raw, atMs: target.atMs, prefix, before, after: engine.screen(), beforeStatePath };
      }
      // a templated line with its values: the sandbox knows no tape variables
      if (isTraineeAction(step) || (step.kind === 'templated' ? step.inner : step.kind) === 'say') prefix.push(filledLine(step, (name) => engine.variable(name)));
    }
    // missed only because the attempt ended (a `when` never reached): the moment is the last screen
    await engine.paint();
    const last = engine.screen();
    return { ...moment, key: null, atMs: target.atMs, prefix, before: last, after: last, beforeStatePath: engine.statePath() };
  } finally {
    await engine.dispose();
  }
}

/** A `Type` line typed key by key: the mistake is found at the very key, and Try from here stops just before it. */
function keystrokes(step: Step): Step[] {
  if (step.kind !== 'type' || [...step.text].length < 2) return [step];
  return [...step.text].map((ch) => ({ ...step, text: ch, raw: `Type ${JSON.stringify(ch)}` }));
}
