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

export const TRAIN_USAGE = `kiosk train — exercises for retail staff, scored against the rules

Usage:
  kiosk train list [--json]       id, title, place, role, rule IDs a line
  kiosk train check FILE|FOLDER   validate exercise files; errors name file:line
  kiosk train report [options]    every trainee's results per exercise (table, CSV, JSON, JUnit)
  kiosk train replay ATTEMPT      plays a trainee's attempt back, or writes it as an asciicast
  kiosk train --help

Options:
  --file FILE|FOLDER              exercises of your own, beside the built-in ones
  --lang ru|en                    language of the titles (default ru)
  --json                          list as JSON

The exercise file format: src/training/exercises/FORMAT.md (and the README).
A malformed exercise file exits with 2.
`;

type TrainAction = (argv: string[]) => Promise<number>;

const ACTIONS: Record<string, TrainAction> = {
  list: runList,
  check: runCheck,
  report: async (argv) => (await import('./trainReport.js')).runTrainReport(argv),
  replay: async (argv) => (await import('./trainReplay.js')).runTrainReplay(argv),
};

export async function runTrain(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return void printHelp(TRAIN_USAGE), 0;
  const action = Object.hasOwn(ACTIONS, first) ? ACTIONS[first] : undefined;
  if (!action) throw new UsageError(`train: unknown command "${first}" (commands: ${Object.keys(ACTIONS).join(', ')})`, 'train');
  try {
    return await action(rest);
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
  return exercises.map((e) => `${e.id.padEnd(idWidth)}  ${e.place.padEnd(8)} ${e.role.padEnd(14)} ${e.rules.join(',').padEnd(rulesWidth)}  ${e.title[lang]}`);
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
