/**
 * What a report needs of each step (`kiosk tape run --report`): the state path, the screen and
 * where the step ends in the cast. Recorded only when asked, so a plain run does no extra drawing.
 */
import type { Step } from '../language/ast.js';
import type { TapeEngine } from './engine.js';
import type { TapeFailure } from './failure.js';

export interface StepRecord {
  line: number;
  /** the command as written */
  command: string;
  /** real milliseconds the step took */
  ms: number;
  passed: boolean;
  /** the machine's state path after the step; null when the kiosk is not running */
  statePath: string | null;
  /**
   * the screen after the step, one string per row: kept for the failed step; a passed step's screen
   * is its frame in the cast (`castEnd`), which the report parses once per distinct frame
   */
  screen?: string[];
  /** how many cast events were written by the end of the step: the frame shown is the last output before it */
  castEnd: number;
}

/** The tape's run as a report shows it, beside the TapeResult. */
export interface TapeRecord {
  steps: StepRecord[];
  lang: string;
  /** epoch milliseconds the tape's clock starts at (its seed: every run starts there) */
  clockMs: number;
  place: string;
  skin: string;
}

export function newRecord(engine: TapeEngine): TapeRecord {
  const { lang, clockMs, place, skin } = engine.settings;
  return { steps: [], lang, clockMs, place, skin };
}

/**
 * After a step that passed: its frame is drawn into the cast (`cast`; in-process, frames are drawn
 * only when read), but not parsed here: parsing every step's frame was most of what a report added
 * to a run. `read` (parity, at the steps whose screens it compares) reads the screen as well; `none`
 * (parity's other steps) keeps the state path alone and draws nothing.
 */
export async function recordStep(record: TapeRecord, engine: TapeEngine, step: Step, ms: number, screen: 'read' | 'cast' | 'none' = 'cast'): Promise<void> {
  if (screen === 'read') await engine.paint();
  else if (screen === 'cast') engine.draw();
  record.steps.push({ line: step.line, command: step.raw, ms, passed: true, statePath: engine.statePath(), castEnd: engine.cast.length, ...(screen === 'read' ? { screen: engine.screen() } : {}) });
}

/** The step that failed: its screen and state as the failure caught them. */
export function recordFailure(record: TapeRecord, engine: TapeEngine, failure: TapeFailure, ms: number): void {
  if (failure.line === 0) return;
  record.steps.push({ line: failure.line, command: failure.command, ms, passed: false, statePath: failure.statePath, screen: failure.screen, castEnd: engine.cast.length });
}
