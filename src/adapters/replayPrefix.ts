/**
 * Try from here (issue 18): the attempt's tape lines before its first mistake, replayed into a fresh
 * sandbox world as the tape engine plays them (src/tape/run/runSteps.ts), through a key feed of its
 * own; then the trainee plays on. Every kind of line an attempt records is replayed: keys, typed
 * text, `Press` and `Tap` on a button by its label, banknotes, clock moves, place switches (`Go`),
 * the phone's `Dial` and `Reply`, the till's `Customer` and `Give`, `Set Role` and `TopUp`; the
 * answers (`Say`) are handed back for the practice attempt to take.
 */
import type { WorldActor } from '../../machines/world.js';
import { isSettled } from '../../machines/settled.js';
import { deskViewOf } from '../../machines/desk/deskView.js';
import { KeyFeed } from '../app/keyFeed.js';
import { tapIdOf } from '../app/tapRoute.js';
import { viewOf } from '../app/view.js';
import { add } from '../domain/money.js';
import type { SyncKioskStore } from '../domain/store.js';
import { buttonText } from '../i18n/index.js';
import type { Step } from '../tape/language/ast.js';
import { hotkeyBytes, KEY_BYTES, noteKey } from '../tape/language/keys.js';
import { parseTape } from '../tape/language/parse.js';
import { tillEventsOf } from '../tape/run/runTillSteps.js';

/** Turns of the event loop a replayed key may take to land (store lookups resolve within a few). */
const MAX_TURNS = 10_000;

/** `Go site|phone|terminal|cashier|post`: the place bar's keys (as the tape engine presses them). */
const PLACE_KEY_BYTES: Readonly<Record<string, string>> = {
  site: KEY_BYTES.F1, phone: KEY_BYTES.F2, terminal: KEY_BYTES.F3, cashier: KEY_BYTES.F4, post: KEY_BYTES.F5,
};

interface Replay {
  world: WorldActor;
  feed: KeyFeed;
  /** the sandbox's store (`TopUp` credits a phone in it) */
  store: SyncKioskStore | null;
  said: string[];
}

/** Waits, turn by turn of the event loop, until every key is delivered and every place is settled. */
async function settled({ world, feed }: Replay): Promise<void> {
  const places = () => {
    const { terminal, site, phone, cashier, post } = world.getSnapshot().context;
    // a place not opened yet (world.open) has nothing to settle
    return [terminal, site, phone, cashier, post].every((p) => p === null || isSettled(p.getSnapshot()));
  };
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    if (feed.idle && places()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error('Try from here: the sandbox did not settle after a replayed key');
}

/** Bytes in, then wait for the sandbox to take them. */
async function keys(replay: Replay, bytes: string): Promise<void> {
  replay.feed.pushBytes(bytes);
  await settled(replay);
}

/** Keys one at a time, each settled before the next (as the tape engine types): a key lands on the screen the one before it opened. */
async function keyByKey(replay: Replay, ...parts: string[]): Promise<void> {
  for (const part of parts) for (const key of part.startsWith('\x1b') ? [part] : [...part]) await keys(replay, key);
}

/** The desk that has the keys (the cashier or the Post), or null. */
function deskOf(world: WorldActor) {
  const snapshot = world.getSnapshot();
  const place = snapshot.value;
  return place === 'cashier' || place === 'post' ? snapshot.context[place] : null;
}

/** `Press "label"`, as the tape engine presses it: its hotkey, else arrows to its focus and Enter (the desk that has the keys, else the terminal). */
async function press(replay: Replay, label: string): Promise<void> {
  const view = () => {
    const desk = deskOf(replay.world);
    return desk ? deskViewOf(desk.getSnapshot()) : viewOf(replay.world.getSnapshot().context.terminal.getSnapshot());
  };
  const wanted = label.trim().toLowerCase();
  const first = view();
  const index = first.buttons.findIndex((b) => buttonText(first.lang, b).toLowerCase() === wanted);
  const button = first.buttons[index];
  if (!button) throw new Error(`no button "${label}" on the screen (${first.statePath})`);
  if (button.hotkey) return keys(replay, hotkeyBytes(button.hotkey));
  for (let moves = 0; view().focus !== index; moves++) {
    if (moves > first.buttons.length) throw new Error(`could not move the focus to "${label}"`);
    await keys(replay, KEY_BYTES.Right);
  }
  await keys(replay, KEY_BYTES.Enter);
}

/** One recorded line into the sandbox. */
async function replayStep(replay: Replay, step: Step): Promise<void> {
  const { world, feed } = replay;
  switch (step.kind) {
    case 'key':
      return keyByKey(replay, ...Array<string>(step.repeat).fill(KEY_BYTES[step.key]));
    case 'type':
      return keyByKey(replay, step.text);
    case 'insert':
      return keyByKey(replay, ...step.notes.map((note) => noteKey(note, step.worn)));
    case 'press':
      return press(replay, step.label);
    case 'tap': {
      // a tap is recorded by its label; a cell (`Tap 3,10`) needs the drawn screen, which a sandbox being replayed has not
      const id = step.target.kind === 'label' ? tapIdOf(world, step.target.label) : null;
      if (id === null) throw new Error(`no button to tap for "${step.raw}"`);
      feed.pushTap(id);
      return settled(replay);
    }
    case 'advance':
      world.send({ type: 'clock.advance', ms: step.ms });
      return settled(replay);
    case 'go':
      return keys(replay, PLACE_KEY_BYTES[step.place] ?? '');
    case 'dial':
      return keyByKey(replay, KEY_BYTES.F2, step.code, KEY_BYTES.Enter);
    case 'reply':
      return keyByKey(replay, KEY_BYTES.F2, 'r', step.text, KEY_BYTES.Enter);
    case 'tillCustomer':
    case 'give': {
      const desk = deskOf(world);
      if (!desk) throw new Error(`"${step.raw}" needs a desk with the keys`);
      for (const event of tillEventsOf(step)) {
        desk.send(event);
        await settled(replay);
      }
      return;
    }
    case 'setRole':
      world.send({ type: 'desk.setRole', role: step.role });
      return settled(replay);
    case 'topUp': {
      const account = replay.store?.phoneAccount(step.phone);
      if (!replay.store || !account?.operator) throw new Error(`"${step.raw}": the sandbox knows no operator of ${step.phone}`);
      replay.store.setPhoneAccount(step.phone, account.operator, add(account.balance, step.amount));
      return settled(replay);
    }
    case 'say':
      replay.said.push(step.text);
      return;
    default:
      throw new Error('a line of this kind is no trainee action to replay');
  }
}

/** Replays `lines` into `world`; returns the answers said among them, in order. */
export async function replayPrefix(world: WorldActor, lines: readonly string[], stopped: () => boolean, store: SyncKioskStore | null = null): Promise<string[]> {
  const steps = parseTape(['Launch', ...lines].join('\n'), 'try-from-here').steps.slice(1);
  // closing the sandbox's kiosk is not among the keys before a mistake worth replaying: nothing to do then
  const replay: Replay = { world, feed: new KeyFeed(world, () => undefined), store, said: [] };
  for (const step of steps) {
    if (stopped()) break;
    try {
      await replayStep(replay, step);
    } catch (error) {
      throw new Error(`Try from here: line ${step.line - 1} "${step.raw}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return replay.said;
}
