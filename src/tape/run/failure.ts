/**
 * Why a tape stopped, and the exit code each reason maps to. A failure always carries where
 * (`file:line`), the command, what was expected, the screen and the state path at that moment;
 * reports/formatFailure.ts prints it.
 */
export type FailureKind = 'assertion' | 'tape' | 'crash' | 'timeout';

export const EXIT_CODES: Readonly<Record<'passed' | FailureKind, number>> = {
  passed: 0,
  assertion: 1,
  /** a bad tape (syntax, a missing file, a DataDir that is not fresh) or bad usage */
  tape: 2,
  crash: 3,
  timeout: 4,
};

/** Thrown by a step; the engine adds the location, the screen and the state. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
  constructor(
    readonly kind: FailureKind,
    message: string,
    /** extra lines after the message: a diff, the receipt, the visible buttons */
    readonly details: string[] = [],
    /** a failed `Snapshot`: both frames whole, for reports that show them side by side */
    readonly snapshot?: SnapshotMismatch,
    /** the line at fault when no step is running (a setup line such as `Set DataDir`) */
    readonly at?: { line: number; column: number; raw: string },
  ) {
    super(message);
  }
}

/** The golden frame and the screen of a failed `Snapshot`, one string per row. */
export interface SnapshotMismatch {
  path: string;
  expected: string[];
  actual: string[];
}

export interface TapeFailure {
  kind: FailureKind;
  file: string;
  /** 0 when the tape failed before any command (it could not be read) */
  line: number;
  column: number;
  /** the command as written */
  command: string;
  message: string;
  details: string[];
  /** the screen, one string per row; empty when the kiosk was not running */
  screen: string[];
  /** the terminal's width then (the dump is drawn that wide, even when its rows are short) */
  columns?: number;
  statePath: string | null;
  /** set when a `Snapshot` differs from its golden frame */
  snapshot?: SnapshotMismatch;
}
