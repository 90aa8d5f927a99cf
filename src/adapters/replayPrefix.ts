/**
 * Try from here (issue 18): the attempt's tape lines before its first mistake, replayed into a fresh
 * sandbox world through a key feed of its own, as the trainee's keys went in; then the trainee plays
 * on. Keys, typed text, banknotes and clock moves are replayed; the answers (`Say`) are handed back
 * for the practice attempt to take.
 */
import type { WorldActor } from '../../machines/world.js';
import { isSettled } from '../../machines/settled.js';
import { KeyFeed } from '../app/keyFeed.js';
import { KEY_BYTES, noteKey } from '../tape/language/keys.js';
import { parseTape } from '../tape/language/parse.js';

/** Turns of the event loop a replayed key may take to land (store lookups resolve within a few). */
const MAX_TURNS = 10_000;

/** Waits, turn by turn of the event loop, until every key is delivered and every place is settled. */
async function settled(world: WorldActor, feed: KeyFeed): Promise<void> {
  const places = () => {
    const { terminal, site, phone, cashier, post } = world.getSnapshot().context;
    return [terminal, site, phone, cashier, post].every((p) => isSettled(p.getSnapshot()));
  };
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    if (feed.idle && places()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error('Try from here: the sandbox did not settle after a replayed key');
}

/** Replays `lines` into `world`; returns the answers said among them, in order. */
export async function replayPrefix(world: WorldActor, lines: readonly string[], stopped: () => boolean): Promise<string[]> {
  const steps = parseTape(['Launch', ...lines].join('\n'), 'try-from-here').steps.slice(1);
  // closing the sandbox's kiosk is not among the keys before a mistake worth replaying: nothing to do then
  const feed = new KeyFeed(world, () => undefined);
  const said: string[] = [];
  for (const step of steps) {
    if (stopped()) break;
    if (step.kind === 'key') feed.pushBytes(KEY_BYTES[step.key].repeat(step.repeat));
    else if (step.kind === 'type') feed.pushBytes(step.text);
    else if (step.kind === 'insert') feed.pushBytes(step.notes.map((note) => noteKey(note, step.worn)).join(''));
    else if (step.kind === 'advance') world.send({ type: 'clock.advance', ms: step.ms });
    else if (step.kind === 'say') said.push(step.text);
    else throw new Error(`Try from here cannot replay "${step.raw}" (line ${step.line})`);
    await settled(world, feed);
  }
  return said;
}
