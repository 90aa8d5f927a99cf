/**
 * `kiosk train …` (issue 15): the dispatcher of the training commands. `list` prints the catalog,
 * `check` validates exercise files; a malformed exercise file exits 2 before anything starts.
 * `report` and `replay` (the instructor's side) are loaded only when asked for.
 */
import { existsSync } from 'node:fs';
import { parseLang, parseOptions, UsageError } from './args.js';
import { printHelp } from './helpText.js';
import type { Lang } from '../domain/money.js';
import type { Exercise } from '../domain/training/exercise.js';
import { builtInExercises, ExerciseFileError, loadExercises } from '../training/load.js';
import { MAX_SEED, rangeText } from '../domain/training/variant.js';
import { onDemandHere } from './onDemand.js';

export const TRAIN_USAGE = `kiosk train — exercises for retail staff, scored against the rules

Usage:
  kiosk train [options]           the Training place: the catalog, then an exercise
                                  in the program (also F6 in the kiosk)
  kiosk train list [--json]       id, title, place, role, rule IDs a line
  kiosk train check FILE|FOLDER   validate exercise files; errors name file:line
  kiosk train report [options]    every trainee's results (table, CSV, JSON, JUnit, xAPI)
  kiosk train replay ATTEMPT      plays a trainee's attempt back, or writes it as an asciicast
                                  (--at-mistake: its first mistake, key by key)
  kiosk train drill --trainee NAME
                                  the rules NAME missed, again when due
  kiosk train --help

Options:
  --trainee NAME                  whose results these are (asked for if missing)
  --exam                          mistakes are shown only in the debrief
  --seed N                        the seed of the drawn numbers: an attempt
                                  again; with --exam, one exam for a class
                                  (without it, each attempt a fresh seed)
  --data-dir DIR | --memory       the store the results go to, as the kiosk's
  --file FILE|FOLDER              exercises of your own, beside the built-in ones
  --lang ru|en                    language of the titles (default ru)
  --json                          list as JSON

Keys in the Training place: 1–9, a–z choose an exercise, PgDn/PgUp pages;
Enter starts it, Esc back; while it runs the place takes the keys as usual,
F7 answers the customer (1–n choose), F8 stops (recorded as abandoned);
Enter after the debrief goes back to the catalog; m there shows the first
mistake (the key pressed, the screen before and after, Tab switches), and t
Tries from here: the keys before it replayed, then yours, as practice (not
scored, not stored). Ctrl+C quits (an exercise running is recorded as
abandoned first).

The exercise file format: src/training/exercises/FORMAT.md (and the README).
A malformed exercise file exits with 2.
`;

type TrainAction = (argv: string[]) => Promise<number>;

const ACTIONS: Record<string, TrainAction> = {
  list: runList,
  check: runCheck,
  report: async (argv) => (await import('./trainReport.js')).runTrainReport(argv),
  replay: async (argv) => (await import('./trainReplay.js')).runTrainReplay(argv),
  drill: async (argv) =>
    (await import('./trainDrill.js')).runTrainDrill(argv, { exercisesWith, splitOptions, startKiosk: async (passed, training) => (await import('./run.js')).runKiosk(passed, onDemandHere, training) }),
};

export async function runTrain(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h') return void printHelp(TRAIN_USAGE), 0;
  // no action: the Training place in the program
  const action = first === undefined || first.startsWith('-') ? runTrainPlace : Object.hasOwn(ACTIONS, first) ? ACTIONS[first] : undefined;
  if (!action) throw new UsageError(`train: unknown command "${first}" (commands: ${Object.keys(ACTIONS).join(', ')})`, 'train');
  try {
    return await action(action === runTrainPlace ? argv : rest);
  } catch (error) {
    if (!(error instanceof ExerciseFileError)) throw error;
    process.stderr.write(`kiosk train: the exercise file is not valid:\n${error.message}\n`);
    return 2;
  }
}

/** The built-in exercises and the trainer's own (`--file`); an id used twice is an error. */
export function exercisesWith(file: string | undefined): Exercise[] {
  const builtIn = builtInExercises();
  if (file === undefined) return builtIn;
  if (!existsSync(file)) throw new UsageError(`--file: no such file or folder: ${file}`, 'train');
  const own = loadExercises(file);
  for (const exercise of own) {
    if (builtIn.some((b) => b.id === exercise.id)) {
      throw new ExerciseFileError([{ file: exercise.file, line: 1, field: 'id', expected: `an id no built-in exercise has (${exercise.id} is built in)`, found: JSON.stringify(exercise.id) }]);
    }
  }
  return [...builtIn, ...own];
}

/**
 * `kiosk train [--trainee NAME] [--file F] [--exam] [kiosk options]`: the program opened on the
 * Training place. The exercises are loaded (a malformed file exits 2) before anything starts.
 */
async function runTrainPlace(argv: string[]): Promise<number> {
  const own = { trainee: { type: 'string' }, file: { type: 'string' }, exam: { type: 'boolean', default: false }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } as const;
  const { kept, passed } = splitOptions(argv, own);
  const { values } = parseOptions(kept, own, false);
  if (values.help) return void printHelp(TRAIN_USAGE), 0;
  const trainee = values.trainee?.trim();
  if (trainee !== undefined && trainee === '') throw new UsageError('--trainee: expected a name', 'train');
  const seed = parseSeed(values.seed);
  const exercises = exercisesWith(values.file);
  const { runKiosk } = await import('./run.js');
  return runKiosk(passed, onDemandHere, { exercises, ...(trainee ? { trainee } : {}), exam: values.exam, ...(seed !== null ? { seed } : {}) });
}

/** `--seed N`: a whole number 0 … 4294967295 (what an attempt's header and the report show). */
export function parseSeed(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_SEED) throw new UsageError(`--seed: expected a whole number 0 … ${MAX_SEED}, found ${JSON.stringify(value)}`, 'train');
  return Number(value);
}

/** The train place's own options (and their values) apart from the kiosk's, which go on to it. */
export function splitOptions(argv: string[], own: Record<string, { type: string }>): { kept: string[]; passed: string[] } {
  const kept: string[] = [];
  const passed: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const name = arg.replace(/^--?/, '').split('=')[0] as string;
    const spec = arg.startsWith('-') ? (own[name] ?? (name === 'h' ? own.help : undefined)) : undefined;
    if (!spec) {
      passed.push(arg);
      continue;
    }
    kept.push(arg);
    if (spec.type === 'string' && !arg.includes('=') && i + 1 < argv.length) kept.push(argv[++i] as string);
  }
  return { kept, passed };
}

async function runList(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { json: { type: 'boolean', default: false }, file: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, false);
  if (values.help) return void printHelp(TRAIN_USAGE), 0;
  const lang = parseLang(values.lang, process.env);
  const exercises = exercisesWith(values.file);
  if (values.json) {
    const rows = exercises.map(({ id, title, goal, place, role, difficulty, rules }) => ({ id, title, goal, place, role, difficulty, rules }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const line of listLines(exercises, lang)) process.stdout.write(`${line}\n`);
  return 0;
}

/** One line an exercise: id, place, role, rules, then its title in the language asked. */
export function listLines(exercises: readonly Exercise[], lang: Lang): string[] {
  const idWidth = Math.max(2, ...exercises.map((e) => e.id.length));
  const rulesWidth = Math.max(5, ...exercises.map((e) => e.rules.join(',').length));
  return exercises.map((e) => `${e.id.padEnd(idWidth)}  ${e.place.padEnd(8)} ${e.role.padEnd(14)} ${e.rules.join(',').padEnd(rulesWidth)}  ${rangeText(e, e.title[lang], lang)}`);
}

async function runCheck(argv: string[]): Promise<number> {
  const { positionals, values } = parseOptions(argv, { help: { type: 'boolean', short: 'h', default: false } }, true);
  if (values.help) return void printHelp(TRAIN_USAGE), 0;
  const [path] = positionals;
  if (path === undefined || positionals.length > 1) throw new UsageError('train check: one FILE or FOLDER of exercises', 'train');
  const exercises = exercisesWith(path);
  process.stdout.write(`ok: ${exercises.length - builtInExercises().length} exercise(s) valid\n`);
  return 0;
}
