/**
 * `kiosk train replay ATTEMPT`: plays a trainee's attempt back from its tape (the `tape` field the
 * engine recorded), through the tape machinery like `kiosk tape run`: in this terminal at a
 * watchable pace, or into an asciicast file. It does not care which steps the tape holds.
 */
import { writeFileSync } from 'node:fs';
import { asciicast } from '../tape/reports/asciicast.js';
import { DEFAULT_CAST_PACE, presentationTimeline } from '../tape/reports/castTimeline.js';
import { formatFailure } from '../tape/reports/formatFailure.js';
import { runTape, type TapeResult } from '../tape/run/runTape.js';
import type { CastEvent } from '../tape/drivers/virtualTerminal.js';
import type { AttemptRecord } from '../domain/training/attempt.js';
import { UsageError } from './args.js';
import { expectPositionals, Refused, runCommand, text, withStore, type Parsed } from './storeArgs.js';

const HELP = `Usage:
  kiosk train replay ATTEMPT [--cast FILE]
  kiosk train replay ATTEMPT --at-mistake

Plays the trainee's own session of attempt ATTEMPT back, as it was recorded (a tape), so that the
trainer can show where it went wrong: in this terminal (80x24, a keystroke every 80 ms, a new
screen held 1 s), or, with --cast, into an asciicast v2 file (asciinema play FILE).
The attempts' ids are in kiosk train report --format json (and in its JUnit testcases).

  --cast FILE      write the replay to FILE instead of playing it here
  --at-mistake     print the first mistake instead: its rule, the key pressed
                   (typed text split into keys), the screen before and after it;
                   exit 1 when there is none (Try from here: m in the debrief)`;

const OPTIONS = { cast: { type: 'string' }, 'at-mistake': { type: 'boolean' } } as const;

/** Where a replay goes: a terminal (tests give a fake one) and a clock to wait on. */
export interface ReplayScreen {
  write(data: string): void;
  sleep(ms: number): Promise<void>;
  /** the terminal's size, when it is known */
  size(): { columns: number; rows: number } | null;
}

const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';

/** Writes each frame when its time comes; markers (the steps) are not drawn. */
export async function playOnScreen(events: readonly CastEvent[], screen: ReplayScreen): Promise<void> {
  let now = 0;
  screen.write(HIDE_CURSOR);
  try {
    for (const event of events) {
      if (event.kind !== 'o') continue;
      if (event.at > now) await screen.sleep(event.at - now);
      now = Math.max(now, event.at);
      screen.write(event.data);
    }
  } finally {
    screen.write(`${SHOW_CURSOR}\r\n`);
  }
}

const ESCAPES = /\x1b\[[0-9;?]*[ -\/]*[@-~]|\x1b./g;

/** Without the blank frames the kiosk draws as it closes: a replay ends on the trainee's last screen. */
export function endOnLastScreen(events: readonly CastEvent[]): CastEvent[] {
  const out = [...events];
  while (out.length > 0 && (out.at(-1)!.kind === 'm' || out.at(-1)!.data.replace(ESCAPES, '').trim() === '')) out.pop();
  return out;
}

/** Runs the attempt's tape in-process; its frames on a presentation timeline (in colour for the HTML report). */
export async function replayFrames(attempt: AttemptRecord, options: { colors?: boolean } = {}): Promise<{ result: TapeResult; events: CastEvent[] }> {
  // every frame, as `tape run --cast` draws them: a replay shows what the trainee saw, not only what a step read
  const result = await runTape({ source: attempt.tape, file: `attempt ${attempt.id}` }, { everyFrame: true, colors: options.colors === true });
  if (result.failure?.kind === 'tape') throw new Refused(`attempt ${attempt.id}: its tape cannot be played: ${result.failure.message}`);
  return { result, events: presentationTimeline(endOnLastScreen(result.cast), DEFAULT_CAST_PACE) };
}

const realScreen: ReplayScreen = {
  write: (data) => void process.stdout.write(data),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  size: () => (process.stdout.columns && process.stdout.rows ? { columns: process.stdout.columns, rows: process.stdout.rows } : null),
};

/** A frame wider or taller than the terminal would wrap into garbage: say so before playing. */
function assertFits(screen: ReplayScreen, columns: number, rows: number): void {
  const size = screen.size();
  if (size && (size.columns < columns || size.rows < rows)) {
    throw new UsageError(`the attempt was recorded at ${columns}x${rows}, but this terminal is ${size.columns}x${size.rows}: enlarge it, or add --cast FILE`);
  }
}

async function run({ values, positionals }: Parsed, screen: ReplayScreen = realScreen): Promise<number> {
  const [id] = expectPositionals(positionals, ['ATTEMPT']);
  if (values.json === true) throw new UsageError('--json does not apply to "train replay"');
  const cast = text(values, 'cast');
  if (cast === '') throw new UsageError('--cast: expected a file name');
  const attempt = await withStore(values, async (store) => (await store.listTrainingAttempts()).find((a) => a.id === id));
  if (!attempt) throw new UsageError(`no training attempt "${id}" in the store (kiosk train report --format json lists every attempt's id)`);
  if (values['at-mistake'] === true) {
    if (cast !== undefined) throw new UsageError('--at-mistake prints the moment: it takes no --cast');
    return (await import('./trainMoment.js')).printMistakeMoment(attempt);
  }
  if (cast === undefined && screen === realScreen && !process.stdout.isTTY) {
    throw new UsageError('standard output is not a terminal: add --cast FILE to write the replay to a file');
  }
  const { result, events } = await replayFrames(attempt);
  const title = `${attempt.trainee}: ${attempt.exerciseId} (${attempt.id})`;
  if (cast !== undefined) {
    writeFileSync(cast, asciicast({ columns: result.columns, rows: result.rows, title, idleTimeLimitS: DEFAULT_CAST_PACE.pauseMs / 1000 }, events));
    process.stdout.write(`${cast}: ${title}, ${result.steps.length} steps\n`);
  } else {
    assertFits(screen, result.columns, result.rows);
    await playOnScreen(events, screen);
    process.stdout.write(`Replayed ${title}: ${result.steps.length} steps\n`);
  }
  if (result.failure) {
    // the program changed since the attempt, or the tape holds a check that fails now: say where it departs
    process.stderr.write(`kiosk train replay: the replay departed from the attempt:\n${formatFailure(result.failure)}\n`);
    return 1;
  }
  return 0;
}

export const runTrainReplay = (argv: string[], screen?: ReplayScreen) => runCommand('train replay', HELP, argv, OPTIONS, (parsed) => run(parsed, screen));
