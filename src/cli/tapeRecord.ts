/**
 * `kiosk tape record FILE`: the kiosk in this terminal with the demo orders, on a simulated clock
 * that follows real time; every key, banknote, pause and clock jump (F9 +15 s, F10 +1 min,
 * F11 +1 h, F12 +24 h) is written to FILE as a tape that replays the same session.
 */
import { existsSync, writeFileSync } from 'node:fs';
import React from 'react';
import { render } from 'ink';
import { SimulatedClock, waitFor } from 'xstate';
import { App } from '../app/App.js';
import { KEY_TOKENS } from '../app/keymap.js';
import { isMouseSequence, MOUSE_OFF, MOUSE_ON, tapOf, type Tap } from '../app/mouse.js';
import { tapLabel } from '../app/tapRoute.js';
import { TapTargets } from '../../screens/common/tapTargets.js';
import { WorldProvider } from '../app/context.js';
import { startWorld, terminalOf } from '../app/session.js';
import { viewOf } from '../app/view.js';
import { opened, type WorldActor } from '../../machines/world.js';
import { deskViewOf, type DeskView } from '../../machines/desk/deskView.js';
import { demoOrders } from '../domain/orders/demo.js';
import { MemoryStore } from '../domain/memoryStore.js';
import type { Lang } from '../domain/money.js';
import type { Order } from '../domain/orders/orders.js';
import { formatDuration } from '../domain/time.js';
import { advanceClock } from '../tape/run/simulatedTime.js';
import { FakeStdin } from '../tape/drivers/virtualTerminal.js';
import { enterAltScreen } from './altScreen.js';
import { parseLang, parseOptions, UsageError } from './args.js';
import { TapeRecorder } from './tapeRecorder.js';
import { printHelp } from './helpText.js';
import { asyncStore } from '../domain/asyncStore.js';

export const RECORD_USAGE = `kiosk tape record — play the kiosk and write what you do as a tape

Usage:
  kiosk tape record FILE [--lang ru|en] [--force]

Plays the kiosk in this terminal with the demo orders (declared in the tape, so it replays
anywhere). Keys, typed digits, banknotes (1–8, Shift+1…8 worn; at the terminal or handed at a
desk) and pauses of a second or more are written as tape commands. Clock jumps while recording: F9 +15 s, F10 +1 min, F11 +1 h,
F12 +24 h (written as Advance). Taps (mouse clicks) are written as Tap "label" on a button,
else as Tap ROW,COL. Ctrl+C ends the recording and writes FILE.

Options:
  --lang ru|en   language on start (default ru)
  --force        overwrite FILE if it exists
  -h, --help     this help
`;

const JUMPS: Record<string, number> = { '\x1b[20~': 15_000, '\x1b[21~': 60_000, '\x1b[23~': 3_600_000, '\x1b[24~': 86_400_000 };
const TICK_MS = 100;

export async function runTapeRecord(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, { lang: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } }, true);
  if (parsed.values.help) return void printHelp(RECORD_USAGE), 0;
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) throw new UsageError('expected exactly one FILE to write');
  if (existsSync(file) && !parsed.values.force) throw new UsageError(`"${file}" exists (use --force to overwrite it)`);
  const lang = parseLang(parsed.values.lang, process.env);
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('kiosk tape record: needs an interactive terminal to play in.\n');
    return 2;
  }
  const lines = await record(lang);
  writeFileSync(file, lines.join('\n') + '\n');
  process.stdout.write(`wrote ${file} (${lines.length} lines); replay it with: kiosk tape run ${file}\n`);
  return 0;
}

async function record(lang: Lang): Promise<string[]> {
  const clock = new SimulatedClock();
  const start = Math.floor(Date.now() / 1000) * 1000;
  clock.set(start);
  const store = new MemoryStore();
  const orders = demoOrders(start);
  for (const order of orders) store.addOrder(order);
  const { columns = 80, rows = 24 } = process.stdout;
  const header = [
    `# recorded with kiosk tape record on ${new Date(start).toISOString()}`,
    `Set Lang ${lang}`,
    `Set Size ${columns}x${rows}`,
    `Set Clock ${new Date(start).toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    'Set TerminalId T-1',
    ...orders.map((o) => orderLine(o, start)),
    '',
    'Launch',
  ];
  const world = startWorld({ store: asyncStore(store), clock, lang, terminalId: 'T-1' });
  const actor = terminalOf(world);
  const stdin = new FakeStdin();
  const recorder = new TapeRecorder();
  // drawn on the alternate screen, so Ctrl+C leaves the shell's screen as it was (no frame behind)
  const leaveAltScreen = enterAltScreen();
  // touch: the terminal reports taps while recording; the drawn buttons register here, so a tap is written by its button's label
  process.stdout.write(MOUSE_ON);
  const taps = new TapTargets();
  const app = render(React.createElement(WorldProvider, { actor: world }, React.createElement(App, { terminalId: 'T-1', taps })), {
    stdin: stdin as never, exitOnCtrlC: false, patchConsole: true, maxFps: 60,
  });
  const settle = async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await waitFor(actor, (s) => s.status !== 'active' || s.matches({ flow: 'kiosk' }) || s.matches({ flow: 'cash' }) || s.matches({ flow: 'recovered' }) || s.matches({ flow: 'fault' })).catch(() => undefined);
  };
  // one jump or tick at a time, so timers fire in order and nothing moves the clock twice at once
  let busy: Promise<unknown> = Promise.resolve();
  const serial = (work: () => Promise<unknown>) => (busy = busy.then(work, work));
  let realNow = Date.now();
  let lastInput = realNow;
  const ticker = setInterval(() => {
    const now = Date.now();
    const elapsed = now - realNow;
    realNow = now;
    void serial(() => advanceClock(clock, elapsed, settle));
  }, TICK_MS);
  process.stdin.setRawMode(true);
  process.stdin.setEncoding('utf8');
  const onKey = (key: string) => {
    if (key === '\x03') return void app.unmount();
    if (isMouseSequence(key)) {
      const tap = tapOf(key);
      // a release, the wheel, another button: the kiosk ignores them, and so does the tape
      if (tap) void serial(async () => {
        recordTap(recorder, world, taps, tap);
        stdin.write(key);
        await settle();
      });
      return;
    }
    const jump = JUMPS[key];
    if (jump !== undefined) {
      recorder.jump(jump);
      void serial(() => advanceClock(clock, jump, settle));
      return;
    }
    void serial(async () => {
      recorder.input(key, viewOf(actor.getSnapshot()), deskAtKeys(world));
      stdin.write(key);
      await settle();
    });
  };
  const onData = (chunk: string) => {
    const now = Date.now();
    recorder.pause(now - lastInput);
    lastInput = now;
    // fast typing and pastes deliver several keys in one chunk: each is recorded and played on its own
    for (const key of chunk.match(INPUT_TOKENS) ?? []) onKey(key);
  };
  process.stdin.on('data', onData);
  await app.waitUntilExit();
  process.stdout.write(MOUSE_OFF);
  leaveAltScreen();
  clearInterval(ticker);
  process.stdin.off('data', onData);
  process.stdin.setRawMode(false);
  process.stdin.pause();
  world.stop();
  return [...header, ...recorder.finish()];
}

/** A terminal's input split into keys, an SGR mouse report (a tap) kept whole. */
const INPUT_TOKENS = new RegExp(`\\x1b\\[<\\d+;\\d+;\\d+[Mm]|${KEY_TOKENS.source}`, 'gu');

/**
 * A tap, read before the kiosk takes it: on a button, `Tap "label"` (the replay finds the button
 * wherever it is drawn then); anywhere else (a key drawn on screen, the place bar, a "press any key"
 * screen) `Tap ROW,COL`, which replays at the recorded size (`Set Size`).
 */
export function recordTap(recorder: TapeRecorder, world: WorldActor, taps: TapTargets, tap: Tap): void {
  const action = taps.at(tap.row, tap.column);
  const label = action?.kind === 'button' ? tapLabel(world, action.id) : null;
  if (label !== null) recorder.tap(label);
  else recorder.tapCell(tap);
}

/** The desk that has the keys (the cashier or the Post), or null: its notes are recorded as Insert. */
function deskAtKeys(world: WorldActor): DeskView | null {
  const snapshot = world.getSnapshot();
  const place = snapshot.value;
  return place === 'cashier' || place === 'post' ? deskViewOf(opened(snapshot.context)[place].getSnapshot()) : null;
}

function orderLine(order: Order, now: number): string {
  const issued = now - order.issuedAt;
  return [
    `Order ${order.code} amount ${order.codeAmount} phone ${order.phone}`,
    issued > 0 ? ` issued -${formatDuration(issued)}` : '',
    order.price !== order.codeAmount ? ` price ${order.price}` : '',
    order.status === 'paid' ? ' paid' : '',
  ].join('');
}
