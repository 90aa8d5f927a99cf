/**
 * Keys → the terminal, in the order they were typed. While the terminal is busy (an order lookup,
 * opening the cash session, a note being journaled, committing a payment) keys are held here, not dropped, and delivered in
 * order once it shows a screen that reads them: each is mapped on the screen it lands on. Ctrl+C takes
 * its place in the order (a note typed before it is inserted first) but is never held by a busy
 * terminal: the terminal itself remembers a quit during I/O and decides when it may close.
 * No React here: the App only hands chunks over.
 */
import type { Key } from 'ink';
import type { TerminalActor } from '../../machines/terminal.js';
import { mapKey, splitKeys } from './keymap.js';
import { viewOf } from './view.js';

type KeyPress = [string, Partial<Key>];

const isCtrlC = ([input, key]: KeyPress) => key.ctrl === true && input === 'c';

export class KeyFeed {
  private readonly held: KeyPress[] = [];
  private subscription: { unsubscribe(): void } | null = null;
  private quitting = false;
  private closed = false;
  private scheduled = false;

  constructor(
    private readonly actor: TerminalActor,
    /** called once, when the terminal has closed after a quit */
    private readonly onClosed: () => void,
  ) {}

  /** One chunk as Ink handed it over: several keys of a fast typist, a paste or tmux are split. */
  push(chunk: string, key: Partial<Key>): void {
    this.held.push(...splitKeys(chunk, key));
    this.deliver();
  }

  private quit(): void {
    this.quitting = true;
    this.actor.send({ type: 'quit.request' });
  }

  private deliver(): void {
    while (!this.checkClosed() && this.held.length > 0) {
      if (isCtrlC(this.held[0]!)) {
        this.held.shift();
        this.quit();
        continue;
      }
      const view = viewOf(this.actor.getSnapshot());
      if (!view.takesKeys) break;
      const [input, key] = this.held.shift()!;
      // Read the live snapshot, not the last render's: pasted or scripted keys outrun the frames.
      const action = mapKey(view, input, key);
      if (action.kind === 'send') this.actor.send(action.event);
      if (action.kind === 'quit') this.quit();
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

  private checkClosed(): boolean {
    if (this.closed) return true;
    if (!this.actor.getSnapshot().matches({ flow: 'closed' })) return false;
    this.closed = true;
    this.held.length = 0;
    this.onClosed();
    return true;
  }

  /** Listens to the terminal only while something waits on it: held keys, or a quit not yet done. */
  private watch(): void {
    const waiting = !this.closed && (this.held.length > 0 || this.quitting);
    if (waiting && !this.subscription) {
      this.subscription = this.actor.subscribe(() => this.deliverLater());
    } else if (!waiting && this.subscription) {
      this.subscription.unsubscribe();
      this.subscription = null;
    }
  }
}
