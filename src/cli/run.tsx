/** `kiosk` with no subcommand: the interactive kiosk in this terminal. */
import { randomInt, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import React from 'react';
import { render } from 'ink';
import { App } from '../app/App.js';
import { renderSeeingRoot } from '../app/inkRoot.js';
import { WorldProvider } from '../app/context.js';
import { MOUSE_OFF, MOUSE_ON } from '../app/mouse.js';
import { startWorld, terminalOf } from '../app/session.js';
import { storeProgramClock } from '../adapters/programClock.js';
import { crashHookFromEnv } from '../adapters/crashHook.js';
import { currentOwner } from '../adapters/sessionOwner.js';
import { parseRunArgs, streamsNotTerminal } from './args.js';
import { usage, VERSION } from './help.js';
import { formatMoney } from '../domain/money.js';
import type { Receipt } from '../domain/store.js';
import type { TerminalActor } from '../../machines/terminal.js';
import { describeDataLocation, openKioskData, orderLengthWarning, storeFailure, tellRegistryLink, type KioskData } from './kioskData.js';
import { printHelp } from './helpText.js';
import { waitFor } from 'xstate';
import type { WorldActor, WorldInput } from '../../machines/world.js';
import { MAX_SEED } from '../domain/training/variant.js';
import type { Exercise } from '../domain/training/exercise.js';
import { hasCatalog, readCatalog } from '../training/catalog.js';
import type { OnDemand } from './onDemand.js';

/** `kiosk train`: the Training place's exercises, trainee and `--exam` */
export type TrainingOptions = Omit<NonNullable<WorldInput['training']>, 'exercises'> & { exercises: readonly Exercise[] };

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[?25l';
const ALT_SCREEN_OFF = '\x1b[?25h\x1b[?1049l';

export async function runKiosk(argv: string[], onDemand: OnDemand, training?: TrainingOptions): Promise<number> {
  const options = parseRunArgs(argv);
  if (options.help) return void printHelp(usage(describeDataLocation(options))), 0;
  if (options.version) return void process.stdout.write(`${VERSION}\n`), 0;
  const notTerminal = streamsNotTerminal(process.stdin.isTTY === true, process.stdout.isTTY === true);
  if (notTerminal) {
    process.stderr.write(`kiosk: ${notTerminal}. Run it in an interactive terminal;\n` +
      'to script payments, write a tape and run `kiosk tape run FILE` (see README, "Tapes").\n');
    return 2;
  }
  const terminalId = options.terminalId ?? `${hostname().slice(0, 12)}-${process.pid}`;
  const checkpoint = crashHookFromEnv();
  let data: KioskData;
  try {
    data = await openKioskData(options, checkpoint);
  } catch (error) {
    const message = storeFailure(error);
    if (message === null) throw error;
    process.stderr.write(message);
    return 1;
  }
  const { store } = data;
  const lengthWarning = orderLengthWarning(await store.listOrders(), options.rules);
  if (lengthWarning) process.stderr.write(lengthWarning);
  // touch (src/app/mouse.ts): the terminal reports taps from now on, until the program ends however it ends
  const screenOff = options.mouse ? MOUSE_OFF + ALT_SCREEN_OFF : ALT_SCREEN_OFF;
  process.stdout.write(options.mouse ? ALT_SCREEN_ON + MOUSE_ON : ALT_SCREEN_ON);
  const restore = () => process.stdout.write(screenOff);
  process.once('exit', restore);
  // a hang-up or a kill leaves no terminal reporting mouse presses as garbage to the shell
  const onSignal = (signal: NodeJS.Signals) => {
    process.removeListener('exit', restore);
    restore();
    process.exit(128 + (signal === 'SIGHUP' ? 1 : 15));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  // tapes' --pty mode only (src/cli/tapeTestHook.ts): a simulated clock moved over a private stdin channel
  // the build's catalog (a JSON file), read when the Training place opens (after the first screen);
  // from the sources, the YAML parser loads only now (src/cli/onDemand.ts)
  const exercises = training ? [] : hasCatalog() ? () => readCatalog() ?? [] : await onDemand.builtInExercises();
  const testHook = process.env.KIOSK_TEST_CLOCK ? (await import('./tapeTestHook.js')).startTestHook(process.env.KIOSK_TEST_CLOCK) : null;
  let started: TerminalActor | null = null;
  const world = startWorld({
    ...(training ? { place: 'training' as const, training } : options.place ? { place: options.place } : {}),
    // the places the first screen does not draw start right after it (world.open below), issue 16
    openLater: true,
    // F6 in the kiosk: the built-in exercises; the trainee is asked for
    // each attempt draws a fresh seed of its own unless --seed pins one (issue 18)
    training: { drawSeed: () => randomInt(0, MAX_SEED + 1), ...(training ?? { exercises }) },
    newAttemptId: randomUUID,
    // the debrief's `m` replays the attempt on the tape engine: loaded only when asked for
    findMistake: onDemand.findMistake,
    role: options.role,
    ...(options.deskCap ? { deskCap: options.deskCap } : {}),
    store, rules: options.rules, lang: options.lang, terminalId, newSessionId: randomUUID, owner: currentOwner(), checkpoint,
    // F9/F10 moved the program's clock ahead in an earlier run (or another process): go on from there
    ...(testHook ? { clock: testHook.clock, random: testHook.random } : { realClock: await storeProgramClock(store) }),
    // printed in the language on screen then (recovery pays while the actor is still starting)
    onPayment: ({ receipt }) => {
      testHook?.onPayment(receipt);
      const lang = started?.getSnapshot().context.kiosk.getSnapshot().context.lang ?? options.lang;
      // the brand's receipt header (R-TERM-4) heads the stored text, as it heads the printed slip
      void data.keepPrinted(receipt, lang, options.rules.skin?.receiptHeader[lang]);
    },
  });
  const actor = terminalOf(world);
  started = actor;
  // on a registry: out of service while it is out of reach, back by itself when it answers again (issue 20)
  tellRegistryLink(data.link, (event) => actor.send(event));
  // the status line's clock: the world reads the program's time every second (only in a real run).
  // Under a tape (--pty) the tape's clock moves through the hook, which ticks: a tick on real time
  // there made a frame depend on how long a step took (the site re-read a payment only if a second had passed)
  const ticker = testHook ? undefined : setInterval(() => world.send({ type: 'clock.tick' }), 1000);
  testHook?.attach(actor, () => world.send({ type: 'clock.tick' }), world);
  const draw = () =>
    render(
      <WorldProvider actor={world}>
        <App terminalId={terminalId} mouse={options.mouse} />
      </WorldProvider>,
      { exitOnCtrlC: false, patchConsole: true, maxFps: 60, ...(testHook ? { stdin: testHook.stdin, ...testHook.renderOptions } : {}) },
    );
  // under a tape (--pty) the hook draws the frames of a turn of the loop once (src/app/inkRoot.ts)
  const app = testHook ? renderSeeingRoot(process.stdout, testHook.seeInkRoot, draw) : draw();
  // the first screen is on the terminal (Ink wrote it in render): now the site, the desks and the
  // Training place start, before any key is read (keys arrive on a later turn of the event loop)
  world.send({ type: 'world.open' });
  await app.waitUntilExit();
  // an exercise stopped by the quit is saved (`abandoned`) before the store closes
  await attemptSaved(world);
  testHook?.dispose();
  clearInterval(ticker);
  const { paidOnQuit, fault } = actor.getSnapshot().context;
  world.stop();
  await store.close();
  // leave the alternate screen first, so the line stays in the terminal after the program ends
  process.removeListener('exit', restore);
  process.removeListener('SIGTERM', onSignal);
  process.removeListener('SIGHUP', onSignal);
  restore();
  return quitReport(paidOnQuit, fault, !options.memory);
}

/** Ends an exercise still running as `abandoned` and waits until its record is in the store. */
async function attemptSaved(world: WorldActor): Promise<void> {
  const training = world.getSnapshot().context.training;
  if (!training) return;
  training.send({ type: 'training.quit' });
  await waitFor(training, (s) => !s.matches('saving'));
}

/**
 * What the exit says: 0 = quit with no cash in flight, or after paying with the cash inserted before
 * quitting (then one line on stdout names the payment); 1 = the store failed (the reason on stderr).
 */
export function quitReport(paidOnQuit: Receipt | null, fault: string | null, durable: boolean): number {
  if (paidOnQuit) {
    process.stdout.write(`Paid ${formatMoney(paidOnQuit.accepted, 'en')} with the cash inserted before quitting: receipt ${paidOnQuit.number}\n`);
  }
  if (fault !== null) {
    // only a store on disk keeps journaled cash for the next start; in memory there is none to keep
    const after = durable
      ? 'Any cash journaled before the failure is paid when the kiosk starts again on this data directory.'
      : 'The store was in memory (--memory): nothing is kept.';
    process.stderr.write(`kiosk: the store failed: ${fault}. ${after}\n`);
    return 1;
  }
  return 0;
}
