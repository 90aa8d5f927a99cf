/**
 * `kiosk train drill --trainee NAME` (issue 18): the rules the trainee missed, on their
 * spaced-repetition schedule (src/domain/training/drill.ts); the ones due now on the program clock
 * pick the shortest exercises that check them, and the Training place opens on just those. They run
 * and are recorded like any attempt; saving one moves the schedule (src/adapters/trainingActors.ts).
 */
import { RealProgramClock } from '../adapters/programClock.js';
import { dueRules, nextDue, pickDrill, type DrillCard, type DrillItem } from '../domain/training/drill.js';
import type { Exercise } from '../domain/training/exercise.js';
import { parseOptions, parseRunArgs, UsageError } from './args.js';
import { printHelp } from './helpText.js';
import type { TrainingOptions } from './run.js';
import { withStore } from './storeArgs.js';

export const DRILL_USAGE = `kiosk train drill — the rules a trainee missed, again when due

Usage:
  kiosk train drill --trainee NAME [--list] [--file FILE|FOLDER] [kiosk options]

Every rule a trainee's attempt missed goes on a spaced-repetition schedule
(FSRS): due again within minutes, then, each time it is kept, after longer and
longer gaps; missed again, soon. The drill picks, for the rules due now (on the
program clock), the shortest exercises that check them (at most 3), and opens
the Training place on just those: they run, are recorded and show in the report
like any attempt, and each attempt moves the schedule.

  --trainee NAME     whose drill (required; the name as in kiosk train report)
  --list             print the rules due and the exercises picked; start nothing
  --file FILE        exercises of your own, beside the built-in ones
  --data-dir DIR     the store, as the kiosk's
  --memory           a fresh store: nothing is ever due

Exit status: 0 (also when nothing is due: it says when the next rule is),
2 usage error.`;

const OWN = {
  trainee: { type: 'string' },
  file: { type: 'string' },
  list: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** What the drill needs from the rest of the program (tests give their own). */
export interface DrillDeps {
  exercisesWith(file: string | undefined): Exercise[];
  splitOptions(argv: string[], own: Record<string, { type: string }>): { kept: string[]; passed: string[] };
  startKiosk(argv: string[], training: TrainingOptions): Promise<number>;
}

const when = (ms: number) => new Date(ms).toISOString().replace(/:\d\d\.\d+Z$/, ' UTC').replace('T', ' ');

/** The lines `--list` prints, and the start of a drill (what is due, from what). */
export function drillLines(trainee: string, cards: readonly DrillCard[], now: number, due: readonly string[], items: readonly DrillItem[]): string[] {
  if (cards.length === 0) return [`${trainee}: no missed rule yet, so no drill (the drill follows the rules an attempt missed)`];
  if (due.length === 0) {
    const next = nextDue(cards, now);
    const rule = cards.find((c) => c.due === next)?.rule;
    return [`${trainee}: nothing due now; next ${rule} on ${when(next as number)}`];
  }
  const unchecked = due.filter((rule) => !items.some((item) => item.rules.includes(rule)));
  return [
    `${trainee}: due now: ${due.join(', ')}`,
    ...items.map((item) => `  ${item.exercise.id}  ${item.rules.join(', ')}  (${item.exercise.checkpoints.length} checkpoints)`),
    ...(unchecked.length > 0 ? [`  not in this drill: ${unchecked.join(', ')} (no exercise checks it, or more than 3 are due)`] : []),
  ];
}

export async function runTrainDrill(argv: string[], deps: DrillDeps): Promise<number> {
  const { kept, passed } = deps.splitOptions(argv, OWN);
  const { values } = parseOptions(kept, OWN, false);
  if (values.help) return void printHelp(DRILL_USAGE), 0;
  const trainee = values.trainee?.trim();
  if (!trainee) throw new UsageError('train drill: --trainee NAME: whose drill', 'train drill');
  const run = parseRunArgs(passed);
  const exercises = deps.exercisesWith(values.file);
  const store = { memory: run.memory, ...(run.dataDir !== null ? { 'data-dir': run.dataDir } : {}) };
  // the program clock, as the kiosk would read it (the store keeps how far F9/F10 moved it)
  const { cards, now } = await withStore(store, async (s) => ({ cards: await s.drillCards(trainee), now: new RealProgramClock(await s.programClockOffset()).now() }));
  const due = dueRules(cards, now);
  const items = pickDrill(exercises, due);
  const lines = drillLines(trainee, cards, now, due, items);
  if (values.list || items.length === 0) return void process.stdout.write(`${lines.join('\n')}\n`), 0;
  return deps.startKiosk(passed, { exercises: items.map((item) => item.exercise), trainee, exam: false, drillRules: due });
}
