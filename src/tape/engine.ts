/**
 * The tape engine: one tape's kiosk (in-process, on a simulated clock, in a virtual terminal)
 * driven one step at a time. `runTape` plays a whole tape on it; a vitest test can drive it
 * directly with `exec('Press "Other services"')`.
 */
import { dirname } from 'node:path';
import { SimulatedClock } from 'xstate';
import type { KioskRules } from '../domain/rules.js';
import type { KioskStore, Receipt } from '../domain/store.js';
import type { Step, Tape } from './ast.js';
import { StepFailure, type TapeFailure } from './failure.js';
import { KioskHarness } from './kioskHarness.js';
import { parseTape } from './parse.js';
import { runStep } from './stepActions.js';
import { openTapeStore, settingsOf, sqliteOpener, type StoreOpener, type TapeSettings } from './tapeSetup.js';
import type { CastEvent } from './virtualTerminal.js';

export interface EngineOptions {
  /** where a relative `Set DataDir` and the snapshot folder are found; default: the tape's folder */
  baseDir?: string;
  /** rewrite golden frames instead of comparing them */
  update?: boolean;
  rules?: KioskRules;
  /** real time one step may take before the tape fails with a timeout (a hang, never a wait) */
  stepTimeoutMs?: number;
}

const DEFAULT_STEP_TIMEOUT_MS = 10_000;

export class TapeEngine {
  readonly settings: TapeSettings;
  readonly harness: KioskHarness;
  readonly clock = new SimulatedClock();
  /** every receipt printed during the tape, across restarts, oldest first */
  readonly receipts: Receipt[] = [];
  /** golden frames written because of `update` (absolute paths) */
  readonly snapshotsWritten: string[] = [];
  store: KioskStore;
  /** the line of the Ctrl+C that made the kiosk quit */
  quitAt: number | null = null;
  private sessions = 0;

  private constructor(
    readonly tape: Tape,
    readonly options: EngineOptions,
    private readonly openStore: StoreOpener | null,
  ) {
    this.settings = settingsOf(tape, this.baseDir);
    this.clock.set(this.settings.clockMs);
    this.store = openTapeStore(this.settings, openStore);
    this.harness = new KioskHarness({
      store: this.store,
      clock: this.clock,
      columns: this.settings.columns,
      rows: this.settings.rows,
      lang: this.settings.lang,
      terminalId: this.settings.terminalId,
      ...(options.rules ? { rules: options.rules } : {}),
      // one counter for the whole tape: a session id never comes back after a Restart
      newSessionId: () => `tape-session-${++this.sessions}`,
      onPayment: (outcome) => void this.receipts.push(outcome.receipt),
    });
  }

  /** Builds the engine for a parsed tape: its settings, its store and its (not yet launched) kiosk. */
  static async open(tape: Tape, options: EngineOptions = {}): Promise<TapeEngine> {
    const needsSqlite = tape.setup.some((c) => c.kind === 'set' && c.key === 'DataDir');
    return new TapeEngine(tape, options, needsSqlite ? await sqliteOpener() : null);
  }

  /** Parses source text (no file needed) and opens an engine on it. */
  static async fromSource(source: string, options: EngineOptions & { file?: string } = {}): Promise<TapeEngine> {
    return TapeEngine.open(parseTape(source, options.file ?? '<tape>'), options);
  }

  get baseDir(): string {
    return this.options.baseDir ?? (this.tape.file.startsWith('<') ? process.cwd() : dirname(this.tape.file));
  }

  /** Runs one step; throws a `TapeStepError` carrying the full failure. */
  async run(step: Step): Promise<void> {
    try {
      await withTimeout(runStep(this, step), this.options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS);
      this.checkAlive();
    } catch (error) {
      throw new TapeStepError(this.failureOf(step, error));
    }
  }

  /** Runs every step of the tape in order (the setup is already applied). */
  async runAll(onStep?: (step: Step, ms: number) => void): Promise<void> {
    for (const step of this.tape.steps) {
      const started = performance.now();
      await this.run(step);
      onStep?.(step, performance.now() - started);
    }
  }

  /**
   * Runs tape commands written as text, e.g. `exec('Insert 5000')` or several lines at once; the
   * first `Launch` is implied when the kiosk is not running yet.
   */
  async exec(text: string): Promise<void> {
    const hasLaunch = /^\s*Launch\s*(#.*)?$/m.test(text);
    const parsed = parseTape(hasLaunch ? text : `Launch\n${text}`, this.tape.file);
    // the implied Launch is line 1, so the written lines are one further down
    const steps = hasLaunch ? parsed.steps : parsed.steps.map((s) => ({ ...s, line: s.line - 1 }));
    for (const step of hasLaunch || !this.harness.running ? steps : steps.slice(1)) await this.run(step);
  }

  /** The screen now, one string per row (empty when the kiosk is not running). */
  screen(): string[] {
    return this.harness.running ? this.harness.lines() : [];
  }

  statePath(): string | null {
    return this.harness.running ? this.harness.view().statePath : null;
  }

  get cast(): CastEvent[] {
    return this.harness.vt.cast;
  }

  /** Simulated time since Launch, in milliseconds. */
  get elapsedMs(): number {
    return this.clock.now() - this.settings.clockMs;
  }

  dispose(): void {
    this.harness.dispose();
    this.store.close();
  }

  /** Reopens the durable store after a crash, as a restarted process would; memory stays as it is. */
  reopenStore(): KioskStore {
    if (this.settings.dataDir !== null && this.openStore) this.store = this.openStore(this.settings.dataDir);
    return this.store;
  }

  private checkAlive(): void {
    const error = this.harness.actorError;
    if (error) throw new StepFailure('crash', `the app crashed: ${error instanceof Error ? error.message : String(error)}`);
  }

  private failureOf(step: Step, error: unknown): TapeFailure {
    const failure = error instanceof StepFailure ? error : new StepFailure('crash', `the app crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    let screen: string[] = [];
    let statePath: string | null = null;
    try {
      screen = this.screen();
      statePath = this.statePath();
    } catch {
      // a crashed actor may not give a view; the message already says why
    }
    return {
      kind: failure.kind,
      file: this.tape.file,
      line: step.line,
      column: step.column,
      command: step.raw,
      message: failure.message,
      details: failure.details,
      screen,
      statePath,
    };
  }
}

/** A step that failed, with everything a report needs. */
export class TapeStepError extends Error {
  override readonly name = 'TapeStepError';
  constructor(readonly failure: TapeFailure) {
    super(`${failure.file}:${failure.line}: ${failure.command}: ${failure.message}`);
  }
}

/** A real-time guard against a hang; a healthy step finishes in milliseconds and clears it. */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepFailure('timeout', `the step did not finish within ${ms} ms of real time (the app hangs)`)), ms);
  });
  try {
    return await Promise.race([work, guard]);
  } finally {
    clearTimeout(timer);
  }
}
