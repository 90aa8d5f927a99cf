/** The `kiosk` command. */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import React from 'react';
import { render } from 'ink';
import { App } from './app/App.js';
import { TerminalProvider } from './app/context.js';
import { startTerminal } from './app/session.js';
import { parseRunArgs, UsageError } from './cli/args.js';
import { USAGE } from './cli/help.js';
import { seedDemo } from './domain/demo.js';
import { MemoryStore } from './domain/memoryStore.js';
import type { KioskStore } from './domain/store.js';

const VERSION = '0.1.0';
const ALT_SCREEN_ON = '\x1b[?1049h\x1b[?25l';
const ALT_SCREEN_OFF = '\x1b[?25h\x1b[?1049l';

function openStore(): KioskStore {
  const store = new MemoryStore();
  seedDemo(store, Date.now());
  return store;
}

async function runKiosk(argv: string[]): Promise<number> {
  const options = parseRunArgs(argv);
  if (options.help) return void process.stdout.write(USAGE), 0;
  if (options.version) return void process.stdout.write(`${VERSION}\n`), 0;
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('kiosk: standard input is not a terminal. Run it in an interactive terminal;\n' +
      'to script payments, write a tape and run `kiosk tape run FILE` (see README, "Tapes").\n');
    return 2;
  }
  const terminalId = options.terminalId ?? `${hostname().slice(0, 12)}-${process.pid}`;
  const store = openStore();
  process.stdout.write(ALT_SCREEN_ON);
  const restore = () => process.stdout.write(ALT_SCREEN_OFF);
  process.once('exit', restore);
  const actor = startTerminal({ store, rules: options.rules, lang: options.lang, terminalId, newSessionId: randomUUID });
  const app = render(
    <TerminalProvider actor={actor}>
      <App terminalId={terminalId} />
    </TerminalProvider>,
    { exitOnCtrlC: false, patchConsole: true, maxFps: 60 },
  );
  await app.waitUntilExit();
  actor.stop();
  store.close();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  try {
    return await runKiosk(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kiosk: ${error.message}\nTry 'kiosk --help'.\n`);
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
