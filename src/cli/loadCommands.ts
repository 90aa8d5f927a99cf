/**
 * The kiosk's second script (src/cli/commands.ts): the subcommands and what the start never runs.
 * From the sources it is an ordinary import; the build (scripts/codeCache.mjs, `commandsScript`)
 * puts it in dist/kiosk.commands.cjs beside the start script and replaces this import with loading
 * that file, so a missing or broken file shows up here, when a command needs it.
 */
export type Commands = typeof import('./commands.js');

/** Thrown when the second script cannot be loaded: the kiosk says so in one line and exits 1. */
export class CommandsUnavailable extends Error {}

let loaded: Promise<Commands> | undefined;

export function loadCommands(): Promise<Commands> {
  loaded ??= import('./commands.js').catch((error: unknown) => {
    loaded = undefined;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CommandsUnavailable(`cannot load the kiosk's commands (${reason}); build it again with \`npm run build\``);
  });
  return loaded;
}
