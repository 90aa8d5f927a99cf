/**
 * Types of `aliexpress-kiosk/tape` (dist/tape.js, built from src/tape/lib.ts). Written by hand so the
 * package ships no sources; test/tape/library.types.ts makes tsc check them against the sources.
 */

export interface LibraryOptions {
  /** where a relative `Set DataDir` and the `.snapshots` folder are found; default the tape's folder (for text, the current folder) */
  baseDir?: string;
  /** golden frames: true writes those missing or differing (`--update`), 'missing' only missing ones */
  update?: boolean | 'missing';
  /** the built kiosk in a real pseudo-terminal instead of in-process (`--pty`) */
  pty?: boolean;
  /** in-process and under --pty, compared step by step (`--parity`, a tape file only); a difference is the failure */
  parity?: boolean;
  /** real milliseconds one step may take before it fails as a hang */
  stepTimeoutMs?: number;
}

export interface LibraryFailure {
  /** assertion (exit 1), tape (a bad tape, exit 2), crash (3), timeout (4) */
  kind: 'assertion' | 'tape' | 'crash' | 'timeout';
  file: string;
  /** 0 when the tape failed before any command (it could not be read) */
  line: number;
  column: number;
  /** the command as written */
  command: string;
  message: string;
  /** extra lines after the message: a diff, the receipt, the visible buttons */
  details: string[];
  /** the screen, one string per row */
  screen: string[];
  statePath: string | null;
  /** set when a `Snapshot` differs from its golden frame */
  snapshot?: { path: string; expected: string[]; actual: string[] };
  /** the failure as `kiosk tape run` prints it: `file:line:col: command: message`, details, state, screen */
  text: string;
}

export interface LibraryResult {
  passed: boolean;
  file: string;
  /** what `kiosk tape run` would exit with: 0 passed, 1 assertion, 2 bad tape, 3 crash, 4 timeout */
  exitCode: number;
  /** the failing step; absent when the tape passed */
  failure?: LibraryFailure;
  /** the steps that passed, in order */
  steps: Array<{ line: number; command: string; ms: number }>;
  totalSteps: number;
  ms: number;
  /** with `parity`: the steps compared, or why the tape ran in-process only */
  parity?: { compared: number; ptyMs: number; same: boolean } | { skipped: string };
}

/**
 * Plays a tape and answers with plain data; never throws for a failing tape. `fileOrSource`: a path
 * to a `.tape` file, tape text (anything with a line break), or `{ source, file? }`.
 */
export function runTape(fileOrSource: string | { source: string; file?: string }, options?: LibraryOptions): Promise<LibraryResult>;
