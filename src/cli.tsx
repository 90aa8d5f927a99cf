/**
 * The `kiosk` command: the kiosk itself, or one of its subcommands. Subcommands are imported
 * lazily so the kiosk's start-up pays only for what it runs.
 */
import { UsageError } from './cli/args.js';

type Command = (argv: string[]) => Promise<number>;

const SUBCOMMANDS: Record<string, () => Promise<Command>> = {
  orders: async () => (await import('./cli/storeCommands.js')).runOrders,
  phones: async () => (await import('./cli/storeCommands.js')).runPhones,
  journal: async () => (await import('./cli/storeCommands.js')).runJournal,
  receipts: async () => (await import('./cli/storeCommands.js')).runReceipts,
  tape: async () => (await import('./cli/tapeCommand.js')).runTape,
  encashments: async () => (await import('./cli/encashmentsCommand.js')).runEncashments,
  store: async () => (await import('./cli/storeCommand.js')).runStore,
  reconcile: async () => (await import('./cli/reconcileCommand.js')).runReconcile,
  skins: async () => (await import('./cli/skinsCommand.js')).runSkins,
  train: async () => (await import('./cli/trainCommand.js')).runTrain,
};

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
    // own keys only: `kiosk constructor` is an unknown command, not Object's constructor
    const load = first !== undefined && Object.hasOwn(SUBCOMMANDS, first) ? SUBCOMMANDS[first] : undefined;
    if (load) return await (await load())(rest);
    if (first !== undefined && !first.startsWith('-')) {
      throw new UsageError(`unknown command "${first}" (commands: ${Object.keys(SUBCOMMANDS).join(', ')})`);
    }
    return await (await import('./cli/run.js')).runKiosk(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kiosk: ${error.message}\nTry 'kiosk ${error.command ? `${error.command} ` : ''}--help'.\n`);
      return 2;
    }
    throw error;
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
