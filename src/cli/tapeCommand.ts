/** `kiosk tape run|check|record`: play, check and record `.tape` scripts. */
import { UsageError } from './args.js';
import { printHelp } from './helpText.js';

export const TAPE_USAGE = `kiosk tape — scripted keystroke tests for the kiosk

Usage:
  kiosk tape run <files or folders> [options]   play tapes; a folder means every *.tape in it
  kiosk tape check <files or folders>           parse only: report syntax errors
  kiosk tape record FILE [options]              play the kiosk here and write what you do as a tape
  kiosk tape gif <in.cast> <out.gif>            a GIF clip of an asciicast v2 recording
  kiosk tape <command> --help

Exit codes: 0 all passed, 1 an assertion failed, 2 a bad tape or usage, 3 the app crashed,
4 a timeout (a Wait that never matched, or a step that hung).
See README.md, "Tapes", for the language.
`;

type Subcommand = (argv: string[]) => Promise<number>;

const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  run: async () => (await import('./tapeRun.js')).runTapeRun,
  check: async () => (await import('./tapeRun.js')).runTapeCheck,
  record: async () => (await import('./tapeRecord.js')).runTapeRecord,
  gif: async () => (await import('./tapeGif.js')).runTapeGif,
};

export async function runTape(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    printHelp(TAPE_USAGE);
    return first === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(SUBCOMMANDS, first) ? SUBCOMMANDS[first] : undefined;
  if (!load) throw new UsageError(`tape: unknown command "${first}" (commands: ${Object.keys(SUBCOMMANDS).join(', ')})`, 'tape');
  try {
    return await (await load())(rest);
  } catch (error) {
    // a usage error points to the help of the command that was run: `kiosk tape run --help`
    if (error instanceof UsageError && error.command === null) {
      process.stderr.write(`kiosk tape ${first}: ${error.message}\nTry 'kiosk tape ${first} --help'.\n`);
      return 2;
    }
    throw error;
  }
}
