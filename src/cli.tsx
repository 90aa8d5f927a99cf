/**
 * The `kiosk` command: the kiosk itself, or one of its subcommands. The subcommands live in a second
 * script loaded only when one is asked for (src/cli/loadCommands.ts), so the kiosk's start-up pays
 * only for what it runs.
 */
import { CommandsUnavailable, loadCommands } from './cli/loadCommands.js';
import { usageExit } from './cli/args.js';
import type { OnDemand } from './cli/onDemand.js';

/** What a command exits with when its reader went away (`kiosk … | head -1`): as if killed by SIGPIPE. */
const CLOSED_PIPE_EXIT = 128 + 13;

/**
 * A closed pipe ends the command quietly, whatever it was doing: nobody is left to read what it
 * would say (node ignores SIGPIPE, so without this every later write throws EPIPE with a stack).
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(CLOSED_PIPE_EXIT);
    throw error;
  });
}

async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  // Ink draws only the last frame when it thinks it runs in CI; the kiosk and `tape record` are
  // interactive wherever they run (a pty in a CI job included), so they must draw every frame.
  // Cleared before any command loads Ink.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const [first, ...rest] = argv;
  try {
    // a word first is a subcommand (or an unknown one): the second script says which
    if (first !== undefined && !first.startsWith('-')) return await (await loadCommands()).runCommand(first, rest);
    // the debrief's replay and the exercises from YAML are in the commands script too
    const onDemand: OnDemand = {
      findMistake: async (record, exercises) => (await loadCommands()).findMistake(record, exercises),
      builtInExercises: async () => (await loadCommands()).builtInExercises(),
    };
    return await (await import('./cli/run.js')).runKiosk(argv, onDemand);
  } catch (error) {
    if (error instanceof CommandsUnavailable) {
      process.stderr.write(`kiosk: ${error.message}\n`);
      return 1;
    }
    return usageExit(error);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kiosk: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
