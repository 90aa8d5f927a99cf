/**
 * `kiosk tape run --parity`: one tape played in-process and under `--pty` (the built program in a
 * real pseudo-terminal), then compared step by step: the state path after every step, the frame at
 * every `Snapshot` and at the end, and whether each step passed. The first step where the two
 * differ becomes the tape's failure (exit 1), with both state paths or a cell diff of both frames.
 * Tapes with a step only the in-process kiosk can run are played in-process alone and say so.
 */
import { readFileSync } from 'node:fs';
import type { Step, Tape } from '../language/ast.js';
import { parseTape, requireSteps, TapeSyntaxError } from '../language/parse.js';
import { changedCells, MAX_LISTED_RUNS, runLine } from './cellDiff.js';
import { EXIT_CODES, type TapeFailure } from './failure.js';
import { runTape, type RunTapeOptions, type TapeResult } from './runTape.js';
import { frameText } from './snapshot.js';
import type { StepRecord } from './stepRecord.js';

/** Why a step kind cannot run under `--pty` (the pty driver refuses it, exit 2). */
const IN_PROCESS_ONLY: Partial<Record<Step['kind'], string>> = {
  fault: 'Fault injects into the in-process kiosk only; the built program has no way in for it',
};

export interface ParityOptions {
  /** options for both sides (the record of each step is always kept: it is what is compared) */
  run?: Pick<RunTapeOptions, 'stepTimeoutMs'>;
  /** how the in-process side runs; tests wrap it to make one side differ */
  inProcess?: (file: string, options: RunTapeOptions) => Promise<TapeResult>;
  /** how the --pty side runs; default runTapeInPty (dist/kiosk.js) */
  pty?: (file: string, options: RunTapeOptions) => Promise<TapeResult>;
}

/** The tape's reason to be played in-process only, or null when both sides can play it. */
export function parityBlocker(tape: Tape): string | null {
  for (const step of tape.steps) {
    const kind = step.kind === 'templated' ? step.inner : step.kind;
    const reason = IN_PROCESS_ONLY[kind];
    if (reason) return `line ${step.line}: ${reason}`;
  }
  return null;
}

/**
 * Plays `file` both ways. The result is the in-process one, with `parity` saying what was compared;
 * a difference replaces its failure (a tape that fails the same way on both sides keeps its own).
 */
export async function runParity(file: string, options: ParityOptions = {}): Promise<TapeResult> {
  const tape = readTape(file);
  const inProcess = options.inProcess ?? runTape;
  const blocker = tape ? parityBlocker(tape) : null;
  const runOptions: RunTapeOptions = { ...options.run, record: 'screens' };
  if (!tape || blocker) {
    // a tape that does not parse fails the same way on both sides; one with Fault runs in-process alone
    const result = await inProcess(file, runOptions);
    if (blocker) result.parity = { skipped: blocker };
    return result;
  }
  const pty = options.pty ?? (async (f, o) => (await import('../drivers/ptyDriver.js')).runTapeInPty(f, o));
  // in-process, a screen read is a frame laid out and drawn: only where frames are compared (the pty
  // side's screen is xterm's, read every step, so a difference anywhere shows the --pty screen)
  const inProcessOptions: RunTapeOptions = { ...runOptions, screensAt: snapshotLinesOf(tape) };
  // one side is a child process: the two overlap instead of taking turns
  const [mine, theirs] = await Promise.all([inProcess(file, inProcessOptions), pty(file, runOptions)]);
  const difference = firstDifference(tape, mine, theirs);
  mine.parity = { compared: mine.record?.steps.length ?? 0, ptyMs: theirs.ms, same: difference === null };
  if (difference) {
    mine.failure = difference;
    mine.status = 'failed';
    mine.exitCode = EXIT_CODES.assertion;
  }
  return mine;
}

function readTape(file: string): Tape | null {
  try {
    const source = readFileSync(file, 'utf8');
    return requireSteps(parseTape(source, file), source);
  } catch (error) {
    if (error instanceof TapeSyntaxError || (error as NodeJS.ErrnoException).code !== undefined) return null;
    throw error;
  }
}

/** the lines of the tape's Snapshot steps: where parity compares frames (and after the last step) */
const snapshotLinesOf = (tape: Tape): Set<number> => new Set(tape.steps.filter((s) => (s.kind === 'templated' ? s.inner : s.kind) === 'snapshot').map((s) => s.line));

/** The first step where the sides differ, as a failure at that step; null when they agree throughout. */
export function firstDifference(tape: Tape, mine: TapeResult, theirs: TapeResult): TapeFailure | null {
  const a = mine.record?.steps ?? [];
  const b = theirs.record?.steps ?? [];
  const snapshotLines = snapshotLinesOf(tape);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    const step = tape.steps.find((s) => s.line === (x ?? y)?.line);
    if (!x || !y || !step) return differs(tape, step, x ?? y, 'one side stopped before this step', [`in-process: ${outcome(x, mine)}`, `--pty:      ${outcome(y, theirs)}`], screenOf(y));
    if (x.passed !== y.passed) return differs(tape, step, y, 'the step passed on one side only', [`in-process: ${outcome(x, mine)}`, `--pty:      ${outcome(y, theirs)}`], screenOf(y));
    if (x.statePath !== y.statePath) return differs(tape, step, y, 'the state path differs after this step', [`in-process: ${x.statePath ?? '(not running)'}`, `--pty:      ${y.statePath ?? '(not running)'}`], screenOf(y));
    const last = i === a.length - 1 && i === b.length - 1;
    if ((snapshotLines.has(step.line) || last) && frameText(screenOf(x)) !== frameText(screenOf(y))) {
      const where = last ? 'the last frame' : 'the frame at this Snapshot';
      return differs(tape, step, y, `${where} differs`, frameDiffLines(screenOf(x), screenOf(y)), screenOf(y));
    }
  }
  return null;
}

/** `passed`, or the side's failure message when this is its failed step. */
/** the screen a step's record read (parity records ask for it on every step) */
function screenOf(record: StepRecord | undefined): string[] {
  return record?.screen ?? [];
}

function outcome(record: StepRecord | undefined, result: TapeResult): string {
  if (!record) return `did not get here${result.failure ? ` (${result.failure.file}:${result.failure.line}: ${result.failure.message})` : ''}`;
  return record.passed ? 'passed' : `failed: ${result.failure?.message ?? '?'}`;
}

/** `cells: 3 differ (row:col in-process → --pty):` then one line per changed run, as cellDiff.ts finds them. */
export function frameDiffLines(inProcess: readonly string[], pty: readonly string[]): string[] {
  const rows = (lines: readonly string[]) => frameText(lines).split('\n');
  const runs = changedCells(rows(inProcess), rows(pty));
  const cells = runs.reduce((n, r) => n + [...r.expected].length, 0);
  // as many runs as a failed Snapshot lists
  const listed = runs.slice(0, MAX_LISTED_RUNS).map((r) => `  ${runLine(r)}`);
  const more = runs.length > MAX_LISTED_RUNS ? [`  … and ${runs.length - MAX_LISTED_RUNS} more changed run(s)`] : [];
  return [`cells: ${cells} differ (row:col in-process → --pty):`, ...listed, ...more];
}

function differs(tape: Tape, step: Step | undefined, record: StepRecord | undefined, what: string, details: string[], screen: string[]): TapeFailure {
  return {
    kind: 'assertion',
    file: tape.file,
    line: step?.line ?? record?.line ?? 0,
    column: step?.column ?? 1,
    command: step?.raw ?? record?.command ?? '',
    message: `in-process and --pty differ: ${what}`,
    details,
    screen,
    statePath: record?.statePath ?? null,
  };
}
