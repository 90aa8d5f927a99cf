/**
 * The keys of a running exercise's world (the Training place, F6): the feed that delivers them to the
 * sandbox world, and the attempt's tape they are written into as they are typed (`Type`, `Press`,
 * `Tap`, the pauses between them on the sandbox's program clock). Split from src/app/keyFeed.ts,
 * which hands every key on the Training place's running screen here.
 */
import type { Key } from 'ink';
import type { WorldActor } from '../../machines/world.js';
import { opened } from '../../machines/world.js';
import { viewOf } from './view.js';
import { worldEventOf } from './worldKeys.js';
import { MIN_PAUSE_MS, TapeRecorder } from '../cli/tapeRecorder.js';
import { KEY_BYTES } from '../tape/language/keys.js';
import { tapLines } from './tapRoute.js';

/** What a sandbox's keys are fed to: src/app/keyFeed.ts's KeyFeed on the sandbox world. */
export interface SandboxFeed {
  push(chunk: string, key: Partial<Key>): void;
  pushRaw(sequence: string): boolean;
  pushTap(id: string): void;
  pushTapAnywhere(): void;
}

export class SandboxKeys {
  /** the running exercise's world, the feed of its keys, the last key's time and the text typed in a row */
  private current: { world: WorldActor; feed: SandboxFeed; lastKeyAt: number; typed: string | null } | null = null;

  constructor(
    /** the real world, whose Training place runs the exercise */
    private readonly world: WorldActor,
    /** a feed for a sandbox world (a KeyFeed), told when that world's kiosk closes */
    private readonly newFeed: (world: WorldActor, onClosed: () => void) => SandboxFeed,
  ) {}

  /** The Training place: it runs only in a world that has opened its places. */
  private training() {
    return opened(this.world.getSnapshot().context).training;
  }

  /** A tap in the exercise's world goes into the attempt's tape as `Tap "label"`, after its pause (as a key does). */
  recordTap(world: WorldActor, id: string): void {
    const feed = this.current;
    if (!feed) return;
    const training = this.training();
    const now = training.getSnapshot().context.sandbox?.now() ?? feed.lastKeyAt;
    const lines = tapLines(world, id, now - feed.lastKeyAt);
    if (lines.length === 0) return;
    [feed.lastKeyAt, feed.typed] = [now, null];
    for (const line of lines) training.send({ type: 'training.keyed', line });
  }

  /** The feed of the running exercise's world's keys (and taps), made on its first use. */
  feedFor(sandbox: WorldActor): SandboxFeed {
    const training = this.training();
    if (this.current?.world !== sandbox) {
      // the exercise's kiosk closing (`q` on its idle screen) ends the exercise like F8
      this.current = {
        world: sandbox, feed: this.newFeed(sandbox, () => training.send({ type: 'training.quit' })),
        lastKeyAt: training.getSnapshot().context.sandbox?.now() ?? 0, typed: null,
      };
    }
    return this.current.feed;
  }

  /**
   * Writes a key sent to the exercise's world into the attempt's tape at once (so it stays in order
   * with the `Say` lines), after the pause on the sandbox's program clock since the last key. Text
   * typed key by key grows one `Type` line (the attempt's last line is replaced).
   */
  recordKey(bytes: string, now: number, fkey?: string): void {
    const feed = this.current;
    if (!feed || bytes === '') return;
    const view = viewOf(feed.world.getSnapshot().context.terminal.getSnapshot());
    const recorder = new TapeRecorder();
    recorder.pause(now - feed.lastKeyAt);
    feed.lastKeyAt = now;
    // F9/F10 jump the sandbox's clock: written as the jump, not counted again as a pause
    const jump = fkey ? worldEventOf(fkey) : null;
    if (jump?.type === 'clock.advance') {
      recorder.jump(jump.ms);
      feed.lastKeyAt += jump.ms;
    } else recorder.input(bytes, view);
    const lines = recorder.finish();
    const training = this.training();
    const typing = lines.length === 1 && lines[0]?.startsWith('Type ');
    if (typing && feed.typed !== null) {
      feed.typed += bytes;
      const merged = new TapeRecorder();
      merged.input(feed.typed, view);
      for (const line of merged.finish()) training.send({ type: 'training.keyed', line, replacesLast: true });
      return;
    }
    feed.typed = typing ? bytes : null;
    for (const line of lines) training.send({ type: 'training.keyed', line });
  }

  /**
   * A key of the Training place's own (an answer, F8): the pause before it is written now, so a
   * `Say` comes after the wait it came after; the next typed text starts a new `Type` line.
   */
  endTypedRun(sandbox: { world: WorldActor; now(): number } | null | undefined): void {
    const feed = this.current;
    if (!feed) return;
    feed.typed = null;
    // a feed left from an earlier attempt has another clock: nothing to write
    if (!sandbox || sandbox.world !== feed.world) return;
    const now = sandbox.now();
    if (now - feed.lastKeyAt < MIN_PAUSE_MS) return;
    const recorder = new TapeRecorder();
    recorder.pause(now - feed.lastKeyAt);
    feed.lastKeyAt = now;
    const training = this.training();
    for (const line of recorder.finish()) training.send({ type: 'training.keyed', line });
  }
}

/** The bytes a terminal sends for a key Ink has parsed (what `kiosk tape record` would have read). */
export function bytesOfKey(input: string, key: Partial<Key>, fkey: string | undefined): string {
  if (fkey) return KEY_BYTES[fkey as keyof typeof KEY_BYTES] ?? '';
  if (key.return) return KEY_BYTES.Enter;
  if (key.escape) return KEY_BYTES.Escape;
  if (key.backspace || key.delete) return KEY_BYTES.Backspace;
  if (key.tab) return KEY_BYTES.Tab;
  if (key.upArrow) return KEY_BYTES.Up;
  if (key.downArrow) return KEY_BYTES.Down;
  if (key.rightArrow) return KEY_BYTES.Right;
  if (key.leftArrow) return KEY_BYTES.Left;
  if (key.ctrl && input === 'c') return KEY_BYTES['Ctrl+C'];
  return input;
}
