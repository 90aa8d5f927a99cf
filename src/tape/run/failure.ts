/**
 * Why a tape stopped, and the exit code each reason maps to. A failure always carries where
 * (`file:line`), the command, what was expected, the screen and the state path at that moment.
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
  ) {
    super(message);
  }
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
  statePath: string | null;
}

/** How `formatFailure` paints its parts (the CLI's colours); plain by default, as in JUnit. */
export interface FailurePaint {
  /** `file:line:column: command: message` */
  heading(text: string): string;
  /** a diff's `-` row: what the tape expected (the golden frame) */
  expected(text: string): string;
  /** a diff's `+` row: what the screen showed */
  actual(text: string): string;
  /** `state:`, `screen:` */
  label(text: string): string;
  statePath(text: string): string;
  /** the box drawn around the screen */
  frame(text: string): string;
}
const same = (text: string) => text;
const PLAIN_PAINT: FailurePaint = { heading: same, expected: same, actual: same, label: same, statePath: same, frame: same };

/** The failure as printed: location, command, message, details, state and the framed screen. */
export function formatFailure(f: TapeFailure, paint: FailurePaint = PLAIN_PAINT): string {
  const where = f.line > 0 ? `${f.file}:${f.line}:${f.column}` : f.file;
  const out = [paint.heading(`${where}: ${f.command ? `${f.command}: ` : ''}${f.message}`)];
  for (const detail of f.details) {
    out.push(`  ${detail.startsWith('- ') ? paint.expected(detail) : detail.startsWith('+ ') ? paint.actual(detail) : detail}`);
  }
  if (f.statePath !== null) out.push(`  ${paint.label('state:')} ${paint.statePath(f.statePath)}`);
  if (f.screen.some((line) => line.trim() !== '')) {
    const width = Math.max(...f.screen.map((l) => l.length));
    out.push(`  ${paint.label('screen:')}`, `  ${paint.frame(`┌${'─'.repeat(width)}┐`)}`);
    for (const line of f.screen) out.push(`  ${paint.frame('│')}${line.padEnd(width)}${paint.frame('│')}`);
    out.push(`  ${paint.frame(`└${'─'.repeat(width)}┘`)}`);
  }
  return out.join('\n');
}
