/**
 * The package's tape entry, `import { runTape } from 'aliexpress-kiosk/tape'` (built to dist/tape.js,
 * typed by types/tape.d.ts): plays a tape file or tape text inside any test runner and answers with
 * plain data, the failing step included. Never throws for a failing tape.
 *
 *   const result = await runTape('Set Lang en\nLaunch\nExpect "EUROSET"');
 *   expect(result.failure?.text).toBeUndefined();
 */
import { formatFailure } from './reports/formatFailure.js';
import type { TapeFailure } from './run/failure.js';
import { runTape as runTapeResult, type TapeResult } from './run/runTape.js';

export interface LibraryOptions {
  /** where a relative `Set DataDir` and the `.snapshots` folder are found; default the tape's folder (for text, the current folder) */
  baseDir?: string;
  /** golden frames: true writes those missing or differing (`--update`), 'missing' only missing ones */
  update?: boolean | 'missing';
  /** the built kiosk in a real pseudo-terminal instead of in-process (`--pty`) */
  pty?: boolean;
  /** in-process and under --pty, compared step by step (`--parity`); a difference is the failure */
  parity?: boolean;
  /** real milliseconds one step may take before it fails as a hang */
  stepTimeoutMs?: number;
}

export interface LibraryFailure extends TapeFailure {
  /** the failure as `kiosk tape run` prints it: `file:line:col: command: message`, details, state, screen */
  text: string;
}

export interface LibraryResult {
  passed: boolean;
  file: string;
  /** what `kiosk tape run` would exit with: 0 passed, 1 assertion, 2 bad tape, 3 crash, 4 timeout */
  exitCode: number;
  /** the failing step (its line, command, message, screen and state path); absent when the tape passed */
  failure?: LibraryFailure;
  /** the steps that passed, in order */
  steps: Array<{ line: number; command: string; ms: number }>;
  totalSteps: number;
  ms: number;
  /** with `parity`: the steps compared, or why the tape ran in-process only */
  parity?: TapeResult['parity'];
}

/**
 * `fileOrSource`: a path to a `.tape` file, or tape text (anything with a line break is text: a tape
 * is at least `Launch` and one more line), or `{ source, file? }` to name the text in failures.
 */
export async function runTape(fileOrSource: string | { source: string; file?: string }, options: LibraryOptions = {}): Promise<LibraryResult> {
  const input = typeof fileOrSource === 'string' && fileOrSource.includes('\n') ? { source: fileOrSource } : fileOrSource;
  const { pty, parity, ...engine } = options;
  let result: TapeResult;
  if (parity) {
    if (typeof input !== 'string') throw new TypeError('runTape: parity plays a tape file (it runs the file twice); write the text to a file first');
    result = await (await import('./run/parity.js')).runParity(input, engine.stepTimeoutMs === undefined ? {} : { run: { stepTimeoutMs: engine.stepTimeoutMs } });
  } else if (pty) {
    result = await (await import('./drivers/ptyDriver.js')).runTapeInPty(input, engine);
  } else {
    result = await runTapeResult(input, engine);
  }
  return {
    passed: result.failure === null,
    file: result.file,
    exitCode: result.exitCode,
    ...(result.failure ? { failure: { ...result.failure, text: formatFailure(result.failure) } } : {}),
    steps: result.steps,
    totalSteps: result.totalSteps,
    ms: result.ms,
    ...(result.parity ? { parity: result.parity } : {}),
  };
}
