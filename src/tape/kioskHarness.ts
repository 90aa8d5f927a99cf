/**
 * The kiosk running in-process for a tape or a test: the real App rendered by Ink into a virtual
 * terminal, driven by keys, on a simulated clock. Every action returns once the machines and the
 * frame have settled, so nothing ever sleeps or polls.
 */
import React from 'react';
import { render, type Instance } from 'ink';
import { SimulatedClock, waitFor, type SnapshotFrom } from 'xstate';
import { App } from '../app/App.js';
import { TerminalProvider } from '../app/context.js';
import { startTerminal } from '../app/session.js';
import { viewOf, type View } from '../app/view.js';
import type { Lang } from '../domain/money.js';
import { DEFAULT_RULES, type KioskRules } from '../domain/rules.js';
import type { KioskStore } from '../domain/store.js';
import type { TerminalActor, terminalMachine } from '../../machines/terminal.js';
import { VirtualTerminal } from './virtualTerminal.js';

export interface HarnessOptions {
  store: KioskStore;
  clock: SimulatedClock;
  columns?: number;
  rows?: number;
  lang?: Lang;
  terminalId?: string;
  rules?: KioskRules;
}

/** States in which the terminal waits on its own I/O; a settled terminal is in none of them. */
const IO_STATES = ['recovering', 'lookingUp', 'openingCash', 'journaling', 'committing', 'cancelling'] as const;
const isSettled = (s: SnapshotFrom<typeof terminalMachine>) =>
  s.status !== 'active' || !IO_STATES.some((state) => s.matches({ flow: state }));

export class KioskHarness {
  readonly vt: VirtualTerminal;
  private actor: TerminalActor | null = null;
  private ink: Instance | null = null;
  private readonly startedAt: number;
  private steps = 0;

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

  /** Starts the kiosk (again, after a crash) on the harness's store. */
  async launch(store: KioskStore = this.options.store): Promise<void> {
    this.options.store = store;
    const terminalId = this.options.terminalId ?? 'T-1';
    this.actor = startTerminal({
      store,
      clock: this.options.clock,
      rules: this.options.rules ?? DEFAULT_RULES,
      lang: this.options.lang ?? 'ru',
      terminalId,
    });
    this.ink = render(
      React.createElement(TerminalProvider, { actor: this.actor }, React.createElement(App, { terminalId })),
      // debug: every frame is written whole and at once, so the screen is exact after each step.
      { stdout: this.vt.stdout as never, stdin: this.vt.stdin as never, stderr: this.vt.stdout as never, debug: true, exitOnCtrlC: false, patchConsole: false },
    );
    await this.settle();
  }

  get running(): boolean {
    return this.actor !== null;
  }

  get terminal(): TerminalActor {
    if (!this.actor) throw new Error('the kiosk is not running: Launch (or Restart) it first');
    return this.actor;
  }

  view(): View {
    return viewOf(this.terminal.getSnapshot());
  }

  /** Keys as a terminal sends them (`\r` Enter, `\x1b` Esc, `\x1b[A` Up …). */
  async keys(data: string): Promise<void> {
    this.mark(`keys ${JSON.stringify(data)}`);
    this.vt.stdin.write(data);
    await this.settle();
  }

  async send(event: Parameters<TerminalActor['send']>[0]): Promise<void> {
    this.terminal.send(event);
    await this.settle();
  }

  async advance(ms: number): Promise<void> {
    this.options.clock.increment(ms);
    await this.settle();
  }

  /** Drops the app as a power cut would: no payment is finished, nothing is closed. */
  crash(): void {
    this.ink?.unmount();
    this.actor?.stop();
    this.ink = null;
    this.actor = null;
  }

  async settle(): Promise<void> {
    if (this.actor) await waitFor(this.actor, isSettled);
    this.vt.now = this.options.clock.now() - this.startedAt + this.steps++;
    await this.vt.flush();
  }

  mark(label: string): void {
    this.vt.now = this.options.clock.now() - this.startedAt + this.steps;
    this.vt.mark(label);
  }

  lines(): string[] {
    return this.vt.lines();
  }

  dispose(): void {
    this.crash();
    this.vt.dispose();
  }
}
