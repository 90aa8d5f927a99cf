/** `kiosk` with no subcommand: the interactive kiosk in this terminal. */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import React from 'react';
import { render } from 'ink';
import { App } from '../app/App.js';
import { TerminalProvider } from '../app/context.js';
import { startTerminal } from '../app/session.js';
import { seedDemo } from '../domain/demo.js';
import { MemoryStore } from '../domain/memoryStore.js';
import type { KioskStore } from '../domain/store.js';
import { parseRunArgs, type RunOptions } from './args.js';
import { USAGE, VERSION } from './help.js';

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[?25l';
const ALT_SCREEN_OFF = '\x1b[?25h\x1b[?1049l';

function openStore(_options: RunOptions): KioskStore {
  const store = new MemoryStore();
  seedDemo(store, Date.now());
  return store;
}

export async function runKiosk(argv: string[]): Promise<number> {
  const options = parseRunArgs(argv);
  if (options.help) return void process.stdout.write(USAGE), 0;
  if (options.version) return void process.stdout.write(`${VERSION}\n`), 0;
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('kiosk: standard input is not a terminal. Run it in an interactive terminal;\n' +
      'to script payments, write a tape and run `kiosk tape run FILE` (see README, "Tapes").\n');
    return 2;
  }
  const terminalId = options.terminalId ?? `${hostname().slice(0, 12)}-${process.pid}`;
  const store = openStore(options);
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
