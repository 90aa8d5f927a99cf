/**
 * A step that failed, as the tape engine reports it: the real-time guard that turns a hang into a
 * timeout, and the failure with everything a report needs (where, the command, the screen and the
 * state path at that moment).
 */
import type { Step, Tape } from '../language/ast.js';
import type { KioskDriver } from '../drivers/driver.js';
import { StepFailure, type TapeFailure } from './failure.js';

/** What `failureOf` reads of the engine whose step failed. */
export interface FailedEngine {
  readonly harness: KioskDriver;
  readonly tape: Tape;
  screen(): string[];
  statePath(): string | null;
}

/** The failure of `step`, with the screen and the state path as they are now. */
export function failureOf(engine: FailedEngine, step: Step, error: unknown): TapeFailure {
  const failure = error instanceof StepFailure ? error : new StepFailure('crash', `the app crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  let screen: string[] = [];
  let statePath: string | null = null;
  let columns: number | undefined;
  try {
    columns = engine.harness.size?.().columns;
    screen = engine.screen();
    statePath = engine.statePath();
  } catch {
    // a crashed actor may not give a view; the message already says why
  }
  return {
    kind: failure.kind,
    file: engine.tape.file,
    line: step.line,
    column: step.column,
    command: step.raw,
    message: failure.message,
    details: failure.details,
    screen,
    ...(columns ? { columns } : {}),
    statePath,
    ...(failure.snapshot ? { snapshot: failure.snapshot } : {}),
  };
}

/** A step that failed, with everything a report needs. */
export class TapeStepError extends Error {
  override readonly name = 'TapeStepError';
  constructor(readonly failure: TapeFailure) {
    super(`${failure.file}:${failure.line}: ${failure.command}: ${failure.message}`);
  }
}

/** A real-time guard against a hang; a healthy step finishes in milliseconds and clears it. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepFailure('timeout', `the step did not finish within ${ms} ms of real time (the app hangs)`)), ms);
  });
  try {
    return await Promise.race([work, guard]);
  } finally {
    clearTimeout(timer);
  }
}
