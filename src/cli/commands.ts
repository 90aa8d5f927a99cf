/**
 * What the kiosk's own start never runs: the subcommands (the tape runner, the store commands,
 * `train` and its report…), the debrief's replay of an attempt, and the exercises parsed from YAML.
 * The build makes this module a second script, dist/kiosk.commands.cjs, loaded only when one of them
 * is asked for (src/cli/loadCommands.ts), so the start script and its code cache hold the start alone
 * (issue 16). It carries its own copy of every module it uses: the two scripts pass each other plain
 * data (arguments, an attempt's record, exercises, a moment) and errors read by their message.
 */
import { UsageError, usageExit } from './args.js';
import { onDemandHere } from './onDemand.js';

type Command = (argv: string[]) => Promise<number>;

const SUBCOMMANDS: Record<string, () => Promise<Command>> = {
  orders: async () => (await import('./storeCommands.js')).runOrders,
  phones: async () => (await import('./storeCommands.js')).runPhones,
  journal: async () => (await import('./storeCommands.js')).runJournal,
  receipts: async () => (await import('./storeCommands.js')).runReceipts,
  tape: async () => (await import('./tapeCommand.js')).runTape,
  encashments: async () => (await import('./encashmentsCommand.js')).runEncashments,
  store: async () => (await import('./storeCommand.js')).runStore,
  reconcile: async () => (await import('./reconcileCommand.js')).runReconcile,
  skins: async () => (await import('./skinsCommand.js')).runSkins,
  train: async () => (await import('./trainCommand.js')).runTrain,
};

/** `kiosk NAME …`: the subcommand's exit code; 2 with the usage line for an unknown NAME or bad arguments. */
export async function runCommand(name: string, argv: string[]): Promise<number> {
  try {
    // own keys only: `kiosk constructor` is an unknown command, not Object's constructor
    const load = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
    if (!load) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(SUBCOMMANDS).join(', ')})`);
    return await (await load())(argv);
  } catch (error) {
    return usageExit(error);
  }
}

/** For the start script (src/cli.tsx): the debrief's replay and the exercises from YAML, loaded here on demand. */
export const { findMistake, builtInExercises } = onDemandHere;
