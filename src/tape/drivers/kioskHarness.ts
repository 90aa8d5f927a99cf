/**
 * The kiosk running in-process for a tape or a test: the real App rendered by Ink into a virtual
 * terminal, driven by keys, on a simulated clock. Every action returns once the machines and the
 * frame have settled, so nothing ever sleeps or polls.
 */
import chalk, { type ColorSupportLevel } from 'chalk';
import React from 'react';
import { render, type Instance } from 'ink';
import { KeyFeed } from '../../app/keyFeed.js';
import { keyOf, KEY_TOKENS } from '../../app/keymap.js';
import type { SimulatedClock } from 'xstate';
import { App } from '../../app/App.js';
import { WorldProvider } from '../../app/context.js';
import { startWorld, terminalOf } from '../../app/session.js';
import { viewOf, type View } from '../../app/view.js';
import type { InjectedFault } from '../../../machines/terminal/terminalContext.js';
import type { KioskStore } from '../../domain/store.js';
import type { SiteView } from '../../../machines/site/siteView.js';
import type { DeskView } from '../../../machines/desk/deskView.js';
import type { DeskEvent, DeskRole } from '../../../machines/desk.js';
import type { TerminalActor } from '../../../machines/terminal.js';
import { opened, type Place, type WorldActor } from '../../../machines/world.js';
import type { KioskDriver } from './driver.js';
import { advanceClock } from '../run/simulatedTime.js';
import type { CastEvent } from './virtualTerminal.js';
import { VirtualTerminal } from './virtualTerminal.js';
import { renderSeeingRoot, type InkRoot } from '../../app/inkRoot.js';
import type { CellStyle } from './cellStyle.js';
import { worldOptionsOf, type HarnessOptions } from './harnessOptions.js';
import { deskViewIn, placeIn, siteViewIn, worldSettled } from './worldViews.js';
import { deferFrames } from './deferFrames.js';

export type { HarnessOptions } from './harnessOptions.js';

/** A frame that keeps changing with no input (an animation) must not hang a step. */
const MAX_SETTLE_ROUNDS = 50;

export class KioskHarness implements KioskDriver {
  readonly vt: VirtualTerminal;
  private actor: TerminalActor | null = null;
  private world: WorldActor | null = null;
  private ink: Instance | null = null;
  /** frames 'none': the App's key feed, fed directly */
  private feed: KeyFeed | null = null;
  private readonly startedAt: number;
  private steps = 0;
  /** a frame to draw when the screen is next read ('on-read' frames); null: none is waiting */
  private pendingFrame: (() => void) | null = null;
  /** chalk's level before `colors` raised it */
  private chalkLevel: ColorSupportLevel | undefined;
  /**
   * true once Ink's root was found and its drawing deferred ('on-read' frames); false: every commit
   * draws (the fallback when Ink's internals moved: right, but the tapes' speed is lost). A test watches it.
   */
  drawsOnRead = false;

  constructor(private readonly options: HarnessOptions) {
    this.vt = new VirtualTerminal(options.columns ?? 80, options.rows ?? 24);
    this.startedAt = options.clock.now();
  }

  get store(): KioskStore {
    return this.options.store;
  }

  get clock(): SimulatedClock {
    return this.options.clock;
  }

  get cast(): CastEvent[] {
    return this.vt.cast;
  }

  /** Starts the kiosk (again, after a crash) on the harness's store, or on `store` (a reopened one). */
  async launch(store: KioskStore = this.options.store): Promise<void> {
    if (this.options.colors) {
      this.chalkLevel ??= chalk.level;
      chalk.level = 3;
    }
    this.options.store = store;
    const terminalId = this.options.terminalId ?? 'T-1';
    this.world = startWorld(worldOptionsOf(this.options, store, terminalId));
    this.actor = terminalOf(this.world);
    this.actorError = null;
    this.quit = false;
    this.actor.subscribe({ error: (error) => void (this.actorError = error) });
    this.pendingFrame = null;
    this.drawsOnRead = false;
    if (this.options.frames === 'none') {
      this.feed = new KeyFeed(this.world, () => void (this.quit = true));
      return this.settle();
    }
    const onRead = this.options.frames === 'on-read';
    this.ink = renderSeeingRoot(this.vt.stdout, (root) => onRead && this.drawOnRead(root), () =>
      render(
        React.createElement(WorldProvider, { actor: this.world! }, React.createElement(App, { terminalId })),
        // debug: every frame is written whole and at once, so the screen is exact after each step.
        { stdout: this.vt.stdout as never, stdin: this.vt.stdin as never, stderr: this.vt.stdout as never, debug: true, exitOnCtrlC: false, patchConsole: false },
      ),
    );
    const ink = this.ink;
    // Ctrl+C (or q on the idle screen) makes the App exit Ink; the tape then has no kiosk to drive.
    ink.waitUntilExit().then(
      () => void (this.ink === ink && (this.quit = true)),
      (error: unknown) => void (this.ink === ink && (this.actorError = error)),
    );
    await this.settle();
  }

  /** 'on-read' frames: a commit only leaves the latest frame waiting; `paint()` draws it (deferFrames.ts). */
  private drawOnRead(root: InkRoot): void {
    if (deferFrames(root, (frame) => void (this.pendingFrame = frame))) this.drawsOnRead = true;
  }

  /** Draws the waiting frame, if any, and lets xterm parse it: what the screen shows is then current. */
  async paint(): Promise<void> {
    this.draw();
    await this.vt.flush();
  }

  /**
   * Draws the waiting frame into the output (the cast) without xterm parsing it: a report keeps every
   * step's frame, and parses each distinct one once when it writes the page.
   */
  draw(): void {
    const frame = this.pendingFrame;
    this.pendingFrame = null;
    frame?.();
  }

  /** the error that stopped the terminal actor or Ink, if one did: the app crashed */
  actorError: unknown = null;
  /** true once the app quit by itself (Ctrl+C) */
  quit = false;

  get running(): boolean {
    return this.actor !== null;
  }

  /** the place that has the keys, or null before Launch (and while the world starts) */
  get place(): Place | null {
    return placeIn(this.world);
  }

  get terminal(): TerminalActor {
    if (!this.actor) throw new Error('the kiosk is not running: Launch (or Restart) it first');
    return this.actor;
  }

  view(): View {
    return viewOf(this.terminal.getSnapshot());
  }

  deskView(): DeskView | null {
    return deskViewIn(this.world);
  }

  siteView(): SiteView | null {
    return siteViewIn(this.world);
  }

  async sendToDesk(event: DeskEvent): Promise<void> {
    const world = this.world?.getSnapshot();
    const place = world?.value;
    if (!world || (place !== 'cashier' && place !== 'post')) throw new Error('no desk has the keys: Go cashier or Go post first');
    opened(world.context)[place].send(event);
    await this.settle();
  }

  async setRole(role: DeskRole): Promise<void> {
    if (!this.world) throw new Error('the kiosk is not running: Launch (or Restart) it first');
    this.world.send({ type: 'desk.setRole', role });
    await this.settle();
  }

  /** Keys as a terminal sends them (`\r` Enter, `\x1b` Esc, `\x1b[A` Up …), as one chunk. */
  async keys(data: string): Promise<void> {
    if (this.feed) {
      // no Ink, no layout: nothing a tap could land on (and its report must not turn into keys)
      if (/\x1b\[</.test(data)) throw new Error('this run draws no screen (frames: none): a Tap has no button to land on');
      // as the App hands them over: function keys by their raw sequence, the rest one key at a time
      if (!this.feed.pushRaw(data)) for (const token of data.match(KEY_TOKENS) ?? []) this.feed.push(...keyOf(token));
      return this.settle();
    }
    if (!this.ink) throw new Error('the kiosk is not running: Launch (or Restart) it first');
    this.vt.stdin.write(data);
    await this.settle();
  }

  async inject(fault: InjectedFault): Promise<void> {
    await this.send({ type: 'fault.inject', fault });
  }

  async send(event: Parameters<TerminalActor['send']>[0]): Promise<void> {
    this.terminal.send(event);
    await this.settle();
  }

  /**
   * Moves the clock by `ms`, stopping at every timer due on the way so that a timeout which starts
   * another (the cash screen's 60 s, then "Need more time?"'s 15 s) fires at its own moment.
   * `until` can stop early: it is checked after each stop.
   */
  async advance(ms: number, until?: () => boolean): Promise<boolean> {
    return advanceClock(
      this.options.clock,
      ms,
      async (at) => {
        // frames a timer draws are recorded at the timer's moment
        this.vt.now = at - this.startedAt + this.steps;
        await this.settle();
        if (until) await this.paint(); // `until` reads the screen
      },
      until,
    );
  }

  /** Drops the app as a power cut would: no payment is finished, nothing is closed. */
  async crash(): Promise<void> {
    this.drop();
  }

  private drop(): void {
    this.pendingFrame = null;
    // Ink draws a last frame as it unmounts; drawing on read, nothing reads that one
    const unread = this.options.frames === 'on-read';
    if (unread) this.vt.stdout.writable = false;
    this.ink?.unmount();
    this.feed = null;
    this.vt.stdout.writable = true;
    this.world?.stop();
    this.ink = null;
    this.actor = null;
    this.world = null;
  }

  /**
   * Waits until nothing moves: the terminal is out of its I/O states, Ink has drawn (a lone Esc is
   * only read on the next turn of the loop, React commits on a microtask) and xterm has parsed the
   * frame. Rounds repeat while a round changed the snapshot or wrote a frame.
   */
  async settle(): Promise<void> {
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      const snapshot = this.actor?.getSnapshot();
      const writes = this.vt.cast.length;
      await new Promise<void>((resolve) => setImmediate(resolve));
      await worldSettled(this.actor, this.world);
      // the status line shows the program's time: the clock may have moved since the world last read it
      if (this.world && this.world.getSnapshot().context.now !== this.options.clock.now()) this.world.send({ type: 'clock.tick' });
      await this.vt.flush();
      if (this.actor?.getSnapshot() === snapshot && this.vt.cast.length === writes) break;
    }
    this.vt.now = this.options.clock.now() - this.startedAt + this.steps++;
  }

  mark(label: string): void {
    this.vt.now = this.options.clock.now() - this.startedAt + this.steps;
    this.vt.mark(label);
  }

  /** The screen as drawn; with 'on-read' frames, `paint()` first (reading a stale frame is a bug, so it throws). */
  lines(): string[] {
    if (this.options.frames === 'none') throw new Error('this run draws no screen (frames: none): a step that reads it cannot run here');
    if (this.pendingFrame) throw new Error('the screen is read before its frame is drawn: await paint() first');
    return this.vt.lines();
  }

  size(): { columns: number; rows: number } {
    return { columns: this.vt.columns, rows: this.vt.rows };
  }

  cellStyle(row: number, column: number): CellStyle {
    if (this.pendingFrame) throw new Error('the screen is read before its frame is drawn: await paint() first');
    return this.vt.cellStyle(row, column);
  }

  async resize(columns: number, rows: number): Promise<void> {
    this.vt.resize(columns, rows);
    await this.settle();
  }

  svg(): string {
    if (this.pendingFrame) throw new Error('the screen is read before its frame is drawn: await paint() first');
    return this.vt.svg();
  }

  async dispose(): Promise<void> {
    this.drop();
    this.vt.dispose();
    if (this.chalkLevel !== undefined) chalk.level = this.chalkLevel;
  }
}
