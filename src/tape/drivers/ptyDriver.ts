/**
 * The built kiosk (dist/kiosk.js) in a real pseudo-terminal: real start-up, real escapes, read
 * back through @xterm/headless. Its clock is a SimulatedClock (KIOSK_TEST_CLOCK) moved, like every
 * "has it settled?" question, over the private channel of testChannel.ts. `runTapeInPty` plays a
 * tape on it (`kiosk tape run --pty`).
 */
import type { MobileOptions } from '../../domain/mobile/mobileRules.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xtermHeadless from '@xterm/headless';
import { frameToSvg } from '../../pictures/frameSvg.js';
import type { IPty } from 'node-pty';
import type { Receipt } from '../../domain/store.js';
import type { DriverView, KioskDriver } from './driver.js';
import { StepFailure } from '../run/failure.js';
import type { TapeSettings } from '../run/runSetup.js';
import { runTape, type RunTapeOptions, type TapeInput, type TapeResult } from '../run/runTape.js';
import { writeNow } from './ptyWrite.js';
import { ChannelSplitter, decodeAnswer, encodeRequest, type ChannelAnswer, type ChannelRequest, type ChannelSend } from './testChannel.js';
import type { CastEvent } from './virtualTerminal.js';
import { cellStyleAt, type CellStyle } from './cellStyle.js';
import type { DeskView } from '../../../machines/desk/deskView.js';
import type { DeskEvent, DeskRole } from '../../../machines/desk.js';

const { Terminal } = xtermHeadless;

/** dist/kiosk.js: beside this chunk's folder when bundled, or under the repository when run from sources. */
export function findKioskBinary(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    for (const candidate of [join(dir, 'kiosk.js'), join(dir, 'dist', 'kiosk.js')]) if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return null;
}

/** the longest a Resize waits for the program's redraw before it settles over the channel anyway */
const RESIZE_REDRAW_MS = 2_000;

/**
 * [choice] The node flags the kiosk runs with under --pty: `--no-opt`, V8 without its optimizing
 * compiler (TurboFan). A tape's program lives a few seconds and runs most of its code a few dozen
 * times; TurboFan compiled the hot parts (React, Ink's frames) on background threads for a payoff that
 * never came: a fifth to a third of the child's CPU (README, "--parity"). The program, its code and what it does
 * are the same; only how V8 runs it differs. `KIOSK_PTY_NODE_FLAGS` replaces them (empty: V8's defaults).
 */
export const PTY_NODE_FLAGS = '--no-opt';

/** The node flags for the kiosk under --pty: KIOSK_PTY_NODE_FLAGS if set, else PTY_NODE_FLAGS; each must look like a flag. */
export function ptyNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const flags = (env.KIOSK_PTY_NODE_FLAGS ?? PTY_NODE_FLAGS).split(/\s+/).filter(Boolean);
  const bad = flags.find((flag) => !/^--[a-z0-9][a-z0-9-_]*(=\S+)?$/i.test(flag));
  if (bad !== undefined) throw new StepFailure('tape', `KIOSK_PTY_NODE_FLAGS: "${bad}" is not a node flag (--name or --name=value)`);
  return flags;
}

/** How finely `Wait` moves the program's clock (it cannot see the program's timers from here). */
const WAIT_STEPS = 200;
const MIN_WAIT_STEP_MS = 100;

export interface PtyDriverOptions {
  settings: TapeSettings;
  dataDir: string;
  onReceipt: (receipt: Receipt) => void;
  /** the tape's clock, moved with the program's so the tape's own store steps read the same time */
  clock?: { increment(ms: number): void };
}

export class PtyDriver implements KioskDriver {
  readonly cast: CastEvent[] = [];
  quit = false;
  actorError: unknown = null;
  private pty: IPty | null = null;
  private readonly term: InstanceType<typeof Terminal>;
  private parsed: Promise<void> = Promise.resolve();
  private splitter = new ChannelSplitter();
  private lastView: DriverView | null = null;
  /** the desk that has the keys, as the kiosk last reported it over the channel */
  private lastDesk: DeskView | null = null;
  private pending = new Map<number, (answer: ChannelAnswer | null) => void>();
  private nextId = 1;
  private simulatedMs = 0;
  private killing = false;
  /** the window's size now: the tape's `Set Size`, then each `Resize` */
  private columns: number;
  private rows: number;

  constructor(
    private readonly options: PtyDriverOptions,
    private readonly binary: string,
    private readonly spawn: typeof import('node-pty').spawn,
  ) {
    const { columns, rows } = options.settings;
    this.columns = columns;
    this.rows = rows;
    this.term = new Terminal({ cols: columns, rows, allowProposedApi: true, scrollback: 0 });
  }

  static async create(options: PtyDriverOptions): Promise<PtyDriver> {
    const binary = findKioskBinary();
    if (!binary) throw new StepFailure('tape', '--pty runs the built kiosk, but dist/kiosk.js was not found: run `npm run build` first');
    const { spawn } = await import('node-pty');
    return new PtyDriver(options, binary, spawn);
  }

  get running(): boolean {
    return this.pty !== null;
  }

  /** when the driver was made, for the cast's real time */
  private readonly createdAt = performance.now();

  /** A --pty cast keeps real time: what a person watching the pty would have seen, when. */
  private get now(): number {
    return Math.round(performance.now() - this.createdAt);
  }

  async launch(): Promise<void> {
    const { settings, dataDir } = this.options;
    const args = ['--data-dir', dataDir, '--lang', settings.lang, '--terminal-id', settings.terminalId, '--place', settings.place, '--processing-delay', `${settings.processingDelayMs}ms`, '--skin', settings.skin, ...(settings.role ? ['--role', settings.role] : []), ...mobileOptionArgs(settings.mobile)];
    // `stty -echo` first: until the program puts the tty in raw mode, the kernel would echo the first
    // channel request onto the screen and the first frame would start after it (--parity found it)
    const pty = this.spawn('/bin/sh', ['-c', 'stty -echo 2>/dev/null; exec "$@"', 'kiosk', process.execPath, ...ptyNodeFlags(), this.binary, ...args], {
      name: 'xterm-256color',
      cols: this.columns,
      rows: this.rows,
      cwd: process.cwd(),
      env: { ...process.env, KIOSK_TEST_CLOCK: new Date(settings.clockMs + this.simulatedMs).toISOString() } as Record<string, string>,
    });
    this.pty = pty;
    this.quit = false;
    let output = '';
    // the program's first output: sh has run `stty -echo` by then, so the first request is not echoed
    const spoke = new Promise<void>((resolve) => {
      const first = pty.onData(() => (first.dispose(), resolve()));
      pty.onExit(() => resolve());
    });
    pty.onData((chunk) => {
      const { data, messages } = this.splitter.push(chunk);
      if (data) {
        output = (output + data).slice(-2000);
        this.cast.push({ at: this.now, kind: 'o', data });
        this.parsed = this.parsed.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
      }
      for (const body of messages) {
        const answer = decodeAnswer(body);
        // answered once xterm has parsed everything written before the answer
        if (answer) void this.parsed.then(() => this.deliver(answer));
      }
    });
    pty.onExit(({ exitCode, signal }) => {
      if (this.pty !== pty) return;
      this.pty = null;
      if (this.killing) this.killing = false;
      else if (exitCode === 0) this.quit = true;
      else this.actorError = new Error(`the kiosk exited with code ${exitCode}${signal ? ` (signal ${signal})` : ''}: ${output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').trim().slice(-500)}`);
      for (const resolve of this.pending.values()) resolve(null);
      this.pending.clear();
    });
    await spoke;
    await this.request({ kind: 'sync' });
  }

  private deliver(answer: ChannelAnswer): void {
    this.lastView = answer.view;
    this.lastDesk = answer.desk ?? null;
    for (const receipt of answer.receipts) this.options.onReceipt(receipt);
    this.pending.get(answer.id)?.(answer);
    this.pending.delete(answer.id);
  }

  /** Sends a request and waits for its answer (or for the program to exit). */
  private async request(body: { kind: 'sync' } | { kind: 'advance'; ms: number } | ({ kind: 'send' } & ChannelSend)): Promise<void> {
    const pty = this.pty;
    if (!pty) throw new StepFailure('assertion', 'the kiosk is not running');
    const request = { id: this.nextId++, ...body } as ChannelRequest;
    const answered = new Promise<ChannelAnswer | null>((resolve) => this.pending.set(request.id, resolve));
    writeNow(pty, encodeRequest(request));
    await answered;
    await this.parsed;
  }

  async keys(bytes: string): Promise<void> {
    if (!this.pty) throw new StepFailure('assertion', 'the kiosk is not running');
    writeNow(this.pty, bytes);
    await this.request({ kind: 'sync' });
  }

  async advance(ms: number, until?: () => boolean): Promise<boolean> {
    const step = until ? Math.max(MIN_WAIT_STEP_MS, Math.ceil(ms / WAIT_STEPS)) : ms;
    for (let done = 0; done < ms; ) {
      const chunk = Math.min(step, ms - done);
      await this.request({ kind: 'advance', ms: chunk });
      done += chunk;
      this.simulatedMs += chunk;
      this.options.clock?.increment(chunk);
      if (until?.()) return true;
    }
    return false;
  }

  async crash(): Promise<void> {
    const pty = this.pty;
    if (!pty) return;
    this.killing = true;
    const exited = new Promise<void>((resolve) => pty.onExit(() => resolve()));
    pty.kill('SIGKILL');
    await exited;
    this.pty = null;
  }

  lines(): string[] {
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < this.rows; y++) rows.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return rows;
  }

  svg(): string {
    return frameToSvg(this.term);
  }

  size(): { columns: number; rows: number } {
    return { columns: this.columns, rows: this.rows };
  }

  cellStyle(row: number, column: number): CellStyle {
    return cellStyleAt(this.term, row, column);
  }

  /** The pty's window resized (the program gets SIGWINCH), xterm with it; settled over the channel. */
  async resize(columns: number, rows: number): Promise<void> {
    this.columns = columns;
    this.rows = rows;
    this.term.resize(columns, rows);
    this.cast.push({ at: this.now, kind: 'r', data: `${columns}x${rows}` });
    const pty = this.pty;
    if (!pty) return;
    // the program hears SIGWINCH on its own schedule, not in order with the channel: its redraw for the
    // new size is awaited first (a program that draws nothing new is not waited on for long)
    const redrawn = new Promise<void>((resolve) => {
      const timer = setTimeout(() => (listener.dispose(), resolve()), RESIZE_REDRAW_MS);
      const listener = pty.onData(() => (clearTimeout(timer), listener.dispose(), resolve()));
    });
    pty.resize(columns, rows);
    await redrawn;
    await this.request({ kind: 'sync' });
  }

  view(): DriverView {
    if (!this.lastView) throw new StepFailure('assertion', 'the kiosk has not reported its state yet');
    return this.lastView;
  }

  deskView(): DeskView | null {
    if (!this.lastView) throw new StepFailure('assertion', 'the kiosk has not reported its state yet');
    return this.lastDesk;
  }

  /** The till's `Customer` and `Give`: sent over the channel to the desk that has the keys. */
  async sendToDesk(event: DeskEvent): Promise<void> {
    if (!this.lastDesk) throw new Error('no desk has the keys: Go cashier or Go post first');
    await this.request({ kind: 'send', to: 'desk', event: event as ChannelSend['event'] });
  }

  /** `Set Role` as a step: the world tells both desks. */
  async setRole(role: DeskRole): Promise<void> {
    await this.request({ kind: 'send', to: 'world', event: { type: 'desk.setRole', role } });
  }

  mark(label: string): void {
    this.cast.push({ at: this.now, kind: 'm', data: label });
  }

  async dispose(): Promise<void> {
    await this.crash();
    this.term.dispose();
  }
}

/** Real time a pty step may take: the program starts in a few hundred milliseconds, on a busy machine more. */
const PTY_STEP_TIMEOUT_MS = 20_000;

/** `kiosk tape run --pty`: the same tape, against the built program in a pseudo-terminal. */
export function runTapeInPty(input: TapeInput, options: RunTapeOptions = {}): Promise<TapeResult> {
  return runTape(input, { stepTimeoutMs: PTY_STEP_TIMEOUT_MS, ...options, driver: (setup) => PtyDriver.create(setup) });
}

/** `Set Mobile …` as the kiosk's `--mobile-options` (issue 13). */
function mobileOptionArgs(options: MobileOptions | null): string[] {
  if (!options) return [];
  const names = [options.keepMinimum && 'keep-minimum', options.oneOpenRequest && 'one-request', options.tele2Commission235 && 'tele2-2.35'].filter(Boolean);
  return names.length > 0 ? ['--mobile-options', names.join(',')] : [];
}
