/** Plays one tape from start to end and reports what happened; never throws for a failing tape. */
import { readFileSync } from 'node:fs';
import type { Step, Tape } from '../language/ast.js';
import { TapeEngine, TapeStepError, type EngineOptions } from './engine.js';
import { EXIT_CODES, StepFailure, type FailureKind, type TapeFailure } from './failure.js';
import { parseTape, requireSteps, TapeSyntaxError } from '../language/parse.js';
import type { CastEvent } from '../drivers/virtualTerminal.js';
import { newRecord, recordFailure, recordStep, type TapeRecord } from './stepRecord.js';

export interface StepResult {
  line: number;
  command: string;
  /** real milliseconds the step took */
  ms: number;
}

export interface TapeResult {
  file: string;
  status: 'passed' | 'failed';
  /** 0 passed, 1 assertion, 2 bad tape, 3 app crashed, 4 timeout */
  exitCode: number;
  /** the steps that ran to completion */
  steps: StepResult[];
  /** steps in the tape */
  totalSteps: number;
  /** real milliseconds, parse to dispose */
  ms: number;
  /** simulated milliseconds the tape moved the clock */
  simulatedMs: number;
  failure: TapeFailure | null;
  /** terminal output and step markers, for asciicast */
  cast: CastEvent[];
  columns: number;
  rows: number;
  snapshotsWritten: string[];
  /** each step's state, screen and place in the cast: only with `record` (`--report`) */
  record?: TapeRecord;
  /** `--retries`: the failed attempts before this one, oldest first; passed after any of them = flaky */
  retriedAttempts?: TapeResult[];
  /** `--repeat-each N` above 1: which run of the tape this is, from 1 */
  repeat?: number;
  /** `--parity`: how many steps were compared with the --pty run (and its real ms), or why the tape ran in-process only */
  parity?: { compared: number; ptyMs: number; same: boolean } | { skipped: string };
}

/** Passed, but only after failed attempts (`--retries`): reported as flaky, never as passed. */
export const isFlaky = (r: TapeResult): boolean => r.failure === null && (r.retriedAttempts?.length ?? 0) > 0;

export type TapeInput = string | { source: string; file?: string } | Tape;

export interface RunTapeOptions extends EngineOptions {
  /** called after each step that passed */
  onStep?: (step: Step, ms: number) => void;
  /** keep each step's record: `true` for a report (frames in the cast), 'screens' with each step's screen read (parity) */
  record?: boolean | 'screens';
  /**
   * With `record: 'screens'`: read the screen only after the steps on these lines and after the last
   * step (what parity compares); the other steps keep their state path and draw nothing, as a plain run.
   */
  screensAt?: ReadonlySet<number>;
}

/**
 * Runs a tape: `input` is a file path, `{ source, file? }` text, or an already parsed tape.
 * The result says passed/failed with the exit code the CLI would give and the failure in full.
 */
export async function runTape(input: TapeInput, options: RunTapeOptions = {}): Promise<TapeResult> {
  const started = performance.now();
  const file = typeof input === 'string' ? input : input.file ?? '<tape>';
  const result: TapeResult = {
    file, status: 'passed', exitCode: 0, steps: [], totalSteps: 0, ms: 0, simulatedMs: 0, failure: null, cast: [], columns: 80, rows: 24, snapshotsWritten: [],
  };
  let engine: TapeEngine | null = null;
  let stepStarted = started;
  try {
    const tape = loadTape(input);
    result.totalSteps = tape.steps.length;
    engine = await TapeEngine.open(tape, options);
    result.columns = engine.settings.columns;
    result.rows = engine.settings.rows;
    const opened = engine;
    if (options.record) result.record = newRecord(opened);
    stepStarted = performance.now();
    await engine.runAll(async (step, ms) => {
      result.steps.push({ line: step.line, command: step.raw, ms });
      options.onStep?.(step, ms);
      if (result.record) await recordStep(result.record, opened, step, ms, screenOf(options, step));
      stepStarted = performance.now();
    });
    // runAll ends on a drawn screen: the last step's, when only some steps read theirs
    const last = result.record?.steps.at(-1);
    if (last && options.record === 'screens' && !last.screen) last.screen = opened.screen();
  } catch (error) {
    result.failure = failureOf(error, file);
    if (result.record && engine) recordFailure(result.record, engine, result.failure, performance.now() - stepStarted);
  } finally {
    if (engine) {
      result.simulatedMs = engine.elapsedMs;
      result.cast = engine.cast;
      result.snapshotsWritten = engine.snapshotsWritten;
      try {
        await engine.dispose();
      } catch (error) {
        result.failure ??= failureOf(error, file);
      }
    }
  }
  if (result.failure) {
    result.status = 'failed';
    result.exitCode = EXIT_CODES[result.failure.kind];
  }
  result.ms = performance.now() - started;
  return result;
}

/** What a step's record keeps of the screen: read, drawn into the cast (a report), or nothing. */
function screenOf(options: RunTapeOptions, step: Step): 'read' | 'cast' | 'none' {
  if (options.record !== 'screens') return 'cast';
  return !options.screensAt || options.screensAt.has(step.line) ? 'read' : 'none';
}

function loadTape(input: TapeInput): Tape {
  if (typeof input !== 'string') {
    return 'steps' in input ? requireSteps(input, '') : requireSteps(parseTape(input.source, input.file ?? '<tape>'), input.source);
  }
  let source: string;
  try {
    source = readFileSync(input, 'utf8');
  } catch (error) {
    throw new StepFailure('tape', `cannot read the tape: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return requireSteps(parseTape(source, input), source);
}

function failureOf(error: unknown, file: string): TapeFailure {
  if (error instanceof TapeStepError) return error.failure;
  const base = { file, line: 0, column: 0, command: '', details: [], screen: [], statePath: null };
  if (error instanceof TapeSyntaxError) {
    return { ...base, kind: 'tape', line: error.line, column: error.column, message: `expected ${error.expected}, found ${error.found}` };
  }
  if (error instanceof StepFailure) {
    const at = error.at ? { line: error.at.line, column: error.at.column, command: error.at.raw } : {};
    return { ...base, ...at, kind: error.kind, message: error.message, details: error.details };
  }
  const kind: FailureKind = 'crash';
  return { ...base, kind, message: `the app crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}` };
}
