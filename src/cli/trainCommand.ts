/** `kiosk train report|replay`: the trainer's side of training mode (issue 15). */
import { UsageError } from './args.js';
import { printHelp } from './helpText.js';

export const TRAIN_USAGE = `kiosk train — training mode: the instructor's report and replays

Usage:
  kiosk train report [options]     every trainee's results per exercise (table, CSV, JSON, JUnit)
  kiosk train replay ATTEMPT       plays a trainee's attempt back, or writes it as an asciicast
  kiosk train <command> --help

Exit status: 0 ok, 1 the data cannot be used, 2 usage error or an unknown attempt.
`;

type Subcommand = (argv: string[]) => Promise<number>;

const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  report: async () => (await import('./trainReport.js')).runTrainReport,
  replay: async () => (await import('./trainReplay.js')).runTrainReplay,
};

export async function runTrain(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    printHelp(TRAIN_USAGE);
    return first === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(SUBCOMMANDS, first) ? SUBCOMMANDS[first] : undefined;
  if (!load) throw new UsageError(`train: unknown command "${first}" (commands: ${Object.keys(SUBCOMMANDS).join(', ')})`, 'train');
  return (await load())(rest);
}
