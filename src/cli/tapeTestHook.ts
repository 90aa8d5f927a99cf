/**
 * The test hook `kiosk tape run --pty` uses: with KIOSK_TEST_CLOCK=<ISO time> the kiosk runs on a
 * SimulatedClock starting then, and its stdin carries a private control channel
 * (src/tape/drivers/testChannel.ts) that moves the clock and reports when the kiosk has settled.
 * Loaded only when the variable is set: the normal start path never imports it.
 */
import { EventEmitter } from 'node:events';
import { SimulatedClock, waitFor } from 'xstate';
import { viewOf } from '../app/view.js';
import type { Receipt } from '../domain/store.js';
import { clockOf } from '../tape/language/parseSetup.js';
import { advanceClock } from '../tape/run/simulatedTime.js';
import { ChannelSplitter, decodeRequest, encodeAnswer, tapeRandom, type ChannelRequest } from '../tape/drivers/testChannel.js';
import { isSettled } from '../../machines/settled.js';
import type { TerminalActor } from '../../machines/terminal.js';
import { opened, type WorldActor } from '../../machines/world.js';
import { deskViewOf } from '../../machines/desk/deskView.js';
import { drawOncePerTurn, type InkRoot } from '../app/inkRoot.js';

/**
 * No render throttle on real time: with `maxFps: 0` Ink draws as soon as it is asked, and the hook
 * asks once per turn of the event loop (`drawOncePerTurn`, src/app/inkRoot.ts), for all that turn's
 * commits, so the frame for a state is on stdout one turn after the state, with no timer to wait for.
 */
const TEST_MAX_FPS = 0;

/** The stdin Ink reads: the real stdin with the channel's messages taken out. */
class FilteredStdin extends EventEmitter {
  isTTY = true;
  constructor(private readonly real: HookInput) {
    super();
  }
  private queue: string[] = [];
  push(data: string): void {
    this.queue.push(data);
    this.emit('readable');
  }
  read = (): string | null => this.queue.shift() ?? null;
  setRawMode(mode: boolean): void {
    this.real.setRawMode?.(mode);
  }
  setEncoding(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {
    this.real.ref();
  }
  unref(): void {
    this.real.unref();
  }
}

export interface TestHook {
  clock: SimulatedClock;
  /** the site's payment codes: the tapes' seeded stream, as in-process */
  random: () => number;
  stdin: NodeJS.ReadStream;
  renderOptions: { maxFps: number; onRender: () => void };
  /** Ink's root as `render` makes it (renderSeeingRoot): its frames are drawn once per turn of the loop */
  seeInkRoot(root: InkRoot): void;
  /** true once Ink's root was found and its frames coalesced; false: every commit draws (an Ink that moved) */
  readonly drawsOncePerTurn: boolean;
  /** payments go through here so the runner learns of each receipt */
  onPayment(receipt: Receipt): void;
  /** `tick`: tells the world the clock moved (as the in-process harness does after each step); the world's desks are reported and waited on too */
  attach(actor: TerminalActor, tick?: () => void, world?: WorldActor): void;
  dispose(): void;
}

/** The process's own stdin and stdout; a test passes stand-ins. */
interface HookInput {
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  pause(): unknown;
  ref(): unknown;
  unref(): unknown;
  setRawMode?(mode: boolean): unknown;
}
export interface HookIo {
  input: HookInput;
  output: Pick<NodeJS.WriteStream, 'write'>;
}

export function startTestHook(iso: string, io: HookIo = { input: process.stdin, output: process.stdout }): TestHook {
  const start = clockOf(iso);
  if (start === null) throw new Error(`KIOSK_TEST_CLOCK: expected a time with its offset like 2026-11-22T10:00:00+03:00, got "${iso}"`);
  const clock = new SimulatedClock();
  clock.set(start);
  const stdin = new FilteredStdin(io.input);
  const splitter = new ChannelSplitter();
  const receipts: Receipt[] = [];
  let actor: TerminalActor | null = null;
  let world: WorldActor | null = null;
  /** what was last drawn: the terminal's and both desks' snapshots (the App selects each) */
  let rendered: readonly unknown[] = [];
  let onRendered: (() => void) | null = null;
  let attached: () => void = () => undefined;
  let tick: () => void = () => undefined;
  // requests that come before the actor exists wait for it
  let work: Promise<unknown> = new Promise<void>((resolve) => (attached = resolve));

  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  /** the desk that has the keys, or null */
  const deskAtKeys = () => {
    const snapshot = world?.getSnapshot();
    const place = snapshot?.value;
    return snapshot && (place === 'cashier' || place === 'post') ? opened(snapshot.context)[place] : null;
  };
  const drawnState = (): unknown[] => {
    // desks not opened yet (world.open) draw nothing
    const { cashier, post } = world?.getSnapshot().context ?? {};
    const desks = [cashier?.getSnapshot(), post?.getSnapshot()];
    return [actor?.getSnapshot(), ...desks];
  };
  const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  /** Out of I/O, drawn, and the frame written, then a turn of the loop that changes nothing. */
  async function settle(): Promise<void> {
    if (!actor) return;
    for (let round = 0; round < 50; round++) {
      await turn();
      await waitFor(actor, isSettled).catch(() => undefined);
      // a desk's till talks to the store: its keys wait for it, and so does the answer
      const desk = deskAtKeys();
      if (desk) await waitFor(desk, isSettled).catch(() => undefined);
      const current = drawnState();
      if (!same(rendered, current)) await new Promise<void>((resolve) => (onRendered = resolve));
      // what the last change queued (a lone Esc's flush, a resolved promise) runs in this turn
      await turn();
      if (same(drawnState(), current)) return;
    }
  }

  async function answer(request: ChannelRequest): Promise<void> {
    // after each stop the world reads the clock: the site's pages and the mobile payments' deadlines follow it
    if (request.kind === 'advance') await advanceClock(clock, request.ms, () => (tick(), settle()));
    else if (request.kind === 'send') {
      // `Set Role` goes to the world, the till's `Customer`/`Give` to the desk that has the keys
      const target = request.to === 'world' ? world : deskAtKeys();
      (target as { send(event: unknown): void } | null)?.send(request.event);
      await settle();
    } else await settle();
    const view = actor ? viewOf(actor.getSnapshot()) : null;
    const desk = deskAtKeys();
    const reply = {
      id: request.id,
      view: view
        ? { statePath: view.statePath, screen: view.screen, mode: view.mode, lang: view.lang, focus: view.focus, buttons: view.buttons.map(({ label, text, hotkey, enabled }) => ({ label, enabled, ...(text ? { text } : {}), ...(hotkey ? { hotkey } : {}) })) }
        : { statePath: 'starting', screen: 'idle' as const, mode: 'busy' as const, lang: 'ru' as const, focus: 0, buttons: [] },
      desk: desk ? deskViewOf(desk.getSnapshot()) : null,
      receipts: receipts.splice(0),
    };
    io.output.write(encodeAnswer(reply));
  }

  const onData = (chunk: Buffer | string) => {
    const { data, messages } = splitter.push(chunk.toString());
    if (data) stdin.push(data);
    for (const body of messages) {
      const request = decodeRequest(body);
      if (request) work = work.then(() => answer(request), () => answer(request));
    }
  };
  io.input.on('data', onData);

  let coalesced = false;
  return {
    clock,
    random: tapeRandom(),
    seeInkRoot: (root) => void (coalesced = drawOncePerTurn(root)),
    get drawsOncePerTurn() {
      return coalesced;
    },
    stdin: stdin as unknown as NodeJS.ReadStream,
    renderOptions: {
      maxFps: TEST_MAX_FPS,
      onRender: () => {
        rendered = drawnState();
        // the frame is written right after this callback returns
        const resolve = onRendered;
        onRendered = null;
        if (resolve) setImmediate(resolve);
      },
    },
    onPayment: (receipt) => void receipts.push(receipt),
    attach(started, onTick, startedWorld) {
      actor = started;
      world = startedWorld ?? null;
      if (onTick) tick = onTick;
      attached();
    },
    dispose() {
      io.input.off('data', onData);
      io.input.pause();
    },
  };
}
