/**
 * Keys → the world, in the order they were typed: function keys to the world (src/app/worldKeys.ts),
 * every other key to the place that has the keys (the terminal, the phone, the site, a desk). While the
 * site or a desk waits on the store (placing an order, a payment) its keys wait too.
 * While the terminal is busy (an order lookup, opening the cash session, a note being journaled,
 * committing a payment) its keys are held here, not dropped, and delivered in order once it shows a
 * screen that reads them: each is mapped on the screen it lands on. Ctrl+C takes its place in the
 * order (a note typed before it is inserted first) but is never held by a busy terminal: the terminal
 * itself remembers a quit during I/O and decides when it may close.
 * No React here: the App only hands chunks over.
 */
import type { Key } from 'ink';
import type { ActorRefFrom } from 'xstate';
import type { terminalMachine } from '../../machines/terminal.js';
import { opened, type WorldActor } from '../../machines/world.js';
import { isSettled } from '../../machines/settled.js';
import { siteViewOf } from '../../machines/site/siteView.js';
import { KEY_TOKENS, keyOf, mapKey, splitKeys } from './keymap.js';
import { mapPhoneKey } from './phoneKeys.js';
import { mapSiteKey } from './siteKeys.js';
import { mapDeskKey } from './deskKeys.js';
import { mapTillKey } from './tillKeys.js';
import { deskViewOf } from '../../machines/desk/deskView.js';
import { viewOf } from './view.js';
import { FUNCTION_KEY_SEQUENCES, functionKeyOf, worldEventOf } from './worldKeys.js';
import { mapTrainingKey } from './trainingKeys.js';
import { phoneViewOf, worldViewOf } from './worldView.js';
import { KEY_BYTES } from '../tape/language/keys.js';
import { routeTap, routeTapAnywhere } from './tapRoute.js';
import { bytesOfKey, SandboxKeys } from './sandboxKeys.js';

/** a key as Ink hands it over, or a function key by name (F1…F12), which goes to the world */
type KeyPress = [string, Partial<Key>] | [string, Partial<Key>, string];
/** a tap on a drawn button (src/app/mouse.ts): pressed as its hotkey would press it */
type TapPress = { tap: string | null };
type Held = KeyPress | TapPress;

const isCtrlC = (held: Held) => Array.isArray(held) && held[1].ctrl === true && held[0] === 'c';

export class KeyFeed {
  private readonly held: Held[] = [];
  private subscription: { open: boolean; unsubscribe(): void } | null = null;
  private quitting = false;
  private closed = false;
  private scheduled = false;
  /** the running exercise's world, the feed of its keys, the attempt's tape (src/app/sandboxKeys.ts) */
  private readonly sandbox: SandboxKeys;

  private readonly actor: ActorRefFrom<typeof terminalMachine>;

  constructor(
    private readonly world: WorldActor,
    /** called once, when the terminal has closed after a quit */
    private readonly onClosed: () => void,
  ) {
    this.actor = world.getSnapshot().context.terminal;
    this.sandbox = new SandboxKeys(world, (sandbox, onClosed) => new KeyFeed(sandbox, onClosed));
  }

  /** The places the world opens after the first screen: they have the keys only once open. */
  private get places() {
    return opened(this.world.getSnapshot().context);
  }

  /**
   * A raw sequence as the terminal sent it, when it holds function keys (Ink names none of them):
   * split into keys, each function key going to the world, the rest as `push` would take them.
   */
  pushRaw(sequence: string): boolean {
    const tokens = sequence.match(KEY_TOKENS) ?? [];
    if (!tokens.some((token) => functionKeyOf(token))) return false;
    for (const token of tokens) {
      const fkey = functionKeyOf(token);
      if (fkey) this.held.push(['', {}, fkey]);
      else for (const press of splitKeys(token, token === '\x1b' ? { escape: true } : {})) this.held.push(press);
    }
    this.deliver();
    return true;
  }

  /** Bytes as a terminal sends them (Try from here replays an attempt's keys): each key as Ink would hand it over. */
  pushBytes(bytes: string): void {
    if (this.pushRaw(bytes)) return;
    for (const token of bytes.match(KEY_TOKENS) ?? []) this.held.push(keyOf(token));
    this.deliver();
  }

  /**
   * A tap on the button `id` (src/app/mouse.ts found it under the finger): in order with the keys, and
   * delivered as `nav.press`, the event its hotkey sends; dropped if the screen it lands on has no such button.
   */
  pushTap(id: string): void {
    this.held.push({ tap: id });
    this.deliver();
  }

  /** A tap on no button: on a "press any key" screen it is that key (src/app/tapRoute.ts), else nothing. */
  pushTapAnywhere(): void {
    this.held.push({ tap: null });
    this.deliver();
  }

  /** No key waits for its place: every key pushed has been delivered. */
  get idle(): boolean {
    return this.held.length === 0;
  }

  /** One chunk as Ink handed it over: several keys of a fast typist, a paste or tmux are split. */
  push(chunk: string, key: Partial<Key>): void {
    this.held.push(...splitKeys(chunk, key));
    this.deliver();
  }

  private quit(): void {
    this.quitting = true;
    // an exercise running is recorded `abandoned` before the program closes (the CLI waits for the save)
    this.world.getSnapshot().context.training?.send({ type: 'training.quit' });
    this.actor.send({ type: 'quit.request' });
  }

  private deliver(): void {
    while (!this.checkClosed() && this.held.length > 0) {
      if (isCtrlC(this.held[0]!)) {
        this.held.shift();
        this.quit();
        continue;
      }
      if (!this.deliverOne(this.held[0]!)) break;
      this.held.shift();
    }
    this.watch();
  }

  /**
   * A snapshot arrives while the terminal is still processing the event that made it: a key sent
   * then would only be queued, and the next key read against the old screen. Deliver once it is done.
   */
  private deliverLater(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.deliver();
    });
  }

  /** Delivers one key to whoever has the keys; false when that place is busy (the key waits). */
  private deliverOne(held: Held): boolean {
    if (!Array.isArray(held)) return this.deliverTap(held.tap);
    const press = held;
    const place = worldViewOf(this.world.getSnapshot()).place;
    if (place === 'terminal' && !viewOf(this.actor.getSnapshot()).takesKeys) return false;
    const [input, key, fkey] = press;
    if (place === 'training') {
      const delivered = this.deliverToTraining(press);
      if (delivered !== null) return delivered;
    }
    if (fkey) {
      this.world.send(worldEventOf(fkey));
      return true;
    }
    if (place === 'phone') {
      const phone = this.world.getSnapshot().context.phone;
      const action = mapPhoneKey(phoneViewOf(phone.getSnapshot()).screen, input, key);
      if (action.kind === 'wait') return false;
      if (action.kind === 'phone') phone.send(action.event);
      if (action.kind === 'world') this.world.send(action.event);
      return true;
    }
    if (place === 'cashier' || place === 'post') {
      // a desk's keys wait while its till talks to the store, as the site's do
      const desk = this.places[place];
      if (!isSettled(desk.getSnapshot())) return false;
      const view = deskViewOf(desk.getSnapshot());
      // playing the cashier: the till's keys first, then the desk's (R: play the customer)
      const tillEvent = view.till ? mapTillKey(view.till.statePath, input, key) : null;
      const event = tillEvent ?? mapDeskKey(view, input, key);
      if (event) desk.send(event);
      return true;
    }
    if (place === 'site') {
      const site = this.places.site;
      if (!isSettled(site.getSnapshot())) return false;
      const event = mapSiteKey(siteViewOf(site.getSnapshot()), input, key);
      if (event) site.send(event);
      return true;
    }
    // Read the live snapshot, not the last render's: pasted or scripted keys outrun the frames.
    const action = mapKey(viewOf(this.actor.getSnapshot()), input, key);
    if (action.kind === 'send') this.actor.send(action.event);
    if (action.kind === 'quit') this.quit();
    return true;
  }

  /** A tap, routed by src/app/tapRoute.ts; false when the place under it is busy (the tap waits, as a key would). */
  private deliverTap(id: string | null): boolean {
    const route = id === null ? routeTapAnywhere(this.world) : routeTap(this.world, id);
    if (route === 'wait') return false;
    if (route?.kind === 'send') route.send();
    if (route?.kind === 'sandbox') {
      const feed = this.sandbox.feedFor(route.world);
      if (id !== null) {
        this.sandbox.recordTap(route.world, id);
        feed.pushTap(id);
      } else {
        // the attempt's tape gets a key that does the same on a "press any key" screen (Enter)
        const now = this.places.training.getSnapshot().context.sandbox?.now() ?? 0;
        this.sandbox.recordKey(KEY_BYTES.Enter, now);
        feed.pushTapAnywhere();
      }
    }
    return true;
  }

  /**
   * The Training place: its own keys on its screens; while an exercise runs, every key but F7/F8 goes
   * to the exercise's world through a feed of its own (held there while that world is busy).
   * null: not the Training place's key (a place key F1–F6 on its screens goes to the world).
   */
  private deliverToTraining([input, key, fkey]: KeyPress): boolean | null {
    const training = this.places.training;
    const snapshot = training.getSnapshot();
    const event = mapTrainingKey(snapshot, input, key, fkey);
    if (event === 'wait') return false;
    if (event) return void (this.sandbox.endTypedRun(snapshot.context.sandbox), training.send(event)), true;
    const sandbox = snapshot.matches({ running: 'acting' }) ? snapshot.context.sandbox?.world : undefined;
    if (!sandbox) return fkey ? null : true;
    // the exercise's world has no Training place of its own
    if (fkey === 'F6') return true;
    const feed = this.sandbox.feedFor(sandbox);
    this.sandbox.recordKey(bytesOfKey(input, key, fkey), snapshot.context.sandbox?.now() ?? 0, fkey);
    if (fkey) feed.pushRaw(FUNCTION_KEY_SEQUENCES[fkey] ?? '');
    else feed.push(input, key);
    return true;
  }

  private checkClosed(): boolean {
    if (this.closed) return true;
    if (!this.actor.getSnapshot().matches({ flow: 'closed' })) return false;
    this.closed = true;
    this.held.length = 0;
    this.onClosed();
    return true;
  }

  /**
   * Listens to the places only while something waits on them: held keys, or a quit not yet done.
   * Places the world opened since (world.open) are listened to from then on.
   */
  private watch(): void {
    const waiting = !this.closed && (this.held.length > 0 || this.quitting);
    const open = this.world.getSnapshot().context.site !== null;
    if (this.subscription && (!waiting || this.subscription.open !== open)) {
      this.subscription.unsubscribe();
      this.subscription = null;
    }
    if (waiting && !this.subscription) {
      const { terminal, phone, site, cashier, post } = this.world.getSnapshot().context;
      const places: ({ subscribe(next: () => void): { unsubscribe(): void } } | null)[] = [terminal, phone, site, cashier, post];
      const watched = places.flatMap((place) => (place ? [place.subscribe(() => this.deliverLater())] : []));
      this.subscription = { open, unsubscribe: () => watched.forEach((s) => s.unsubscribe()) };
    }
  }
}
