/**
 * The tape engine: one tape's kiosk (in-process, on a simulated clock, in a virtual terminal)
 * driven one step at a time. `runTape` plays a whole tape on it; a vitest test can drive it
 * directly with `exec('Press "Other services"')`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SimulatedClock } from 'xstate';
import { DEFAULT_RULES, type KioskRules } from '../../domain/rules.js';
import type { SyncKioskStore, Receipt } from '../../domain/store.js';
import { asyncStore } from '../../domain/asyncStore.js';
import type { Step, Tape } from '../language/ast.js';
import { StepFailure } from './failure.js';
import type { KioskDriver } from '../drivers/driver.js';
import { KioskHarness } from '../drivers/kioskHarness.js';
import { parseTape } from '../language/parse.js';
import { runStep } from './runSteps.js';
import { snapshotFile, type SnapshotUpdate } from './snapshot.js';
import { writeFileAtomic } from '../../adapters/atomicFile.js';
import type { StepContext } from './stepContext.js';
import { formatDuration } from '../../domain/time.js';
import { openTapeStore, settingsOf, sqliteOpener, tapeRules, type StoreOpener, type TapeSettings } from './runSetup.js';
import type { CastEvent } from '../drivers/virtualTerminal.js';
import type { Exercise } from '../../domain/training/exercise.js';
import { TrainingAttempt, type WorldProbe } from '../../domain/training/engine.js';
import { builtInExercises } from '../../training/load.js';
import { tapeVariablesOf } from '../../domain/training/variant.js';
import { attemptRefusal, observedDriver, probeOf, traineeLine, TAPE_TRAINEE, trainLineOf, withExerciseSetup } from './runTrainSteps.js';
import type { DriverFactory, EngineOptions } from './engineOptions.js';
import { failureOf, TapeStepError, withTimeout } from './stepError.js';

export type { DriverFactory, EngineOptions } from './engineOptions.js';
export { TapeStepError } from './stepError.js';

const DEFAULT_STEP_TIMEOUT_MS = 10_000;

export class TapeEngine implements StepContext {
  readonly settings: TapeSettings;
  harness!: KioskDriver;
  readonly clock = new SimulatedClock();
  /** every receipt printed during the tape, across restarts, oldest first */
  readonly receipts: Receipt[] = [];
  /** golden frames written because of `update` (absolute paths) */
  readonly snapshotsWritten: string[] = [];
  store: SyncKioskStore;
  /** the line of the Ctrl+C that made the kiosk quit */
  get quitAt(): number | null {
    return this.quitLine;
  }
  private quitLine: number | null = null;
  private sessions = 0;
  /** the exercise this tape plays (`Train`), or null */
  training: TrainingAttempt | null = null;
  /** `$name` → the value `Remember` captured */
  private readonly variables = new Map<string, string>();

  private constructor(
    readonly tape: Tape,
    readonly options: EngineOptions,
    private readonly openStore: StoreOpener | null,
    /** a data directory the engine made for itself and removes at the end */
    private readonly tempDir: string | null,
  ) {
    this.settings = settingsOf(tape, this.baseDir);
    if (tempDir) this.settings.dataDir = tempDir;
    this.clock.set(this.settings.clockMs);
    const store = openTapeStore(this.settings, openStore);
    this.store = options.wrapStore && !options.driver ? options.wrapStore(store) : store;
  }

  /** Builds the engine for a parsed tape: its settings, its store and its (not yet launched) kiosk. */
  static async open(tape: Tape, options: EngineOptions = {}): Promise<TapeEngine> {
    const factory = options.driver;
    const hasDataDir = tape.setup.some((c) => c.kind === 'set' && c.key === 'DataDir');
    const opener = factory || hasDataDir ? await sqliteOpener() : null;
    // the program in a pty runs on a data directory: the tape's own, or a fresh one made here
    const tempDir = (factory && !hasDataDir) || (hasDataDir && options.freshDataDir) ? mkdtempSync(join(tmpdir(), 'kiosk-tape-')) : null;
    const { tape: staged, exercise } = withExerciseSetup(tape, options.exercises ?? builtInExercises);
    const engine = new TapeEngine(staged, options, opener, tempDir);
    const refusal = exercise ? attemptRefusal(staged, exercise, engine.store, engine.settings.lang) : null;
    if (refusal) {
      // no kiosk was started: only the store and the folder made for it to let go of
      engine.store.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      throw refusal;
    }
    engine.harness = factory ? await engine.startDriver(factory) : engine.inProcessHarness();
    if (exercise) {
      // the drawn values are the tape's variables: `Insert $notes`, `Say "… $change_en ₽ …"`
      for (const [name, value] of tapeVariablesOf(exercise)) engine.setVariable(name, value);
      engine.startTraining(exercise);
    }
    return engine;
  }

  /** The attempt starts at the tape's clock; every key and clock move lets it score what happened. */
  private startTraining(exercise: Exercise): void {
    this.training = new TrainingAttempt({
      exercise,
      trainee: trainLineOf(this.tape)?.trainee ?? TAPE_TRAINEE,
      lang: this.settings.lang,
      exam: false,
      startedAt: this.clock.now(),
      attemptId: `tape-${this.clock.now()}`,
      ...(this.options.saveAttempt ? { saveAttempt: this.options.saveAttempt } : {}),
    });
    const observe = () => this.training?.observe(this.trainingProbe(), this.now());
    this.harness = observedDriver(this.harness, observe);
  }

  trainingProbe(): WorldProbe {
    return probeOf(this.harness, this.store, () => this.now(), this.rules);
  }

  private inProcessHarness(): KioskHarness {
    return new KioskHarness({
      store: asyncStore(this.store),
      clock: this.clock,
      columns: this.settings.columns,
      rows: this.settings.rows,
      frames: this.options.everyFrame ? 'every' : this.options.headless ? 'none' : 'on-read',
      // ExpectStyle reads colours and attributes: Ink must draw them whatever stdout is
      colors: this.options.colors === true || this.options.svg === true || this.tape.steps.some((s) => (s.kind === 'templated' ? s.inner : s.kind) === 'expectStyle'),
      lang: this.settings.lang,
      terminalId: this.settings.terminalId,
      place: this.settings.place,
      ...(this.settings.role ? { role: this.settings.role } : {}),
      rules: this.rules,
      // one counter for the whole tape: a session id never comes back after a Restart
      newSessionId: () => `tape-session-${++this.sessions}`,
      onPayment: (outcome) => void this.receipts.push(outcome.receipt),
    });
  }

  /** The seeded store is closed before the program opens it and reopened for the assertions. */
  private async startDriver(factory: DriverFactory): Promise<KioskDriver> {
    const dataDir = this.settings.dataDir as string;
    this.store.close();
    const driver = await factory({ settings: this.settings, dataDir, onReceipt: (r) => void this.receipts.push(r), clock: this.clock });
    this.store = (this.openStore as StoreOpener)(dataDir, { processingDelayMs: this.settings.processingDelayMs });
    return driver;
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
      // before it runs: the step that ends the exercise is still part of the trainee's session
      const line = this.training ? traineeLine(step, (name) => this.variable(name)) : null;
      if (line !== null) this.training?.recordLine(line);
      const startedAt = this.now();
      await withTimeout(runStep(this, step), this.options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS);
      // the time a `Wait` let pass is the trainee's too: the attempt's tape keeps it, so it replays the same
      if (this.training && step.kind === 'wait' && this.now() > startedAt) this.training.recordLine(`Advance ${formatDuration(this.now() - startedAt)}`);
      this.checkAlive();
    } catch (error) {
      await this.paint().catch(() => undefined); // the failure shows the screen
      throw new TapeStepError(failureOf(this, step, error));
    }
  }

  /** Runs every step of the tape in order (the setup is already applied). */
  async runAll(onStep?: (step: Step, ms: number) => void | Promise<void>): Promise<void> {
    for (const step of this.tape.steps) {
      const started = performance.now();
      await this.run(step);
      await onStep?.(step, performance.now() - started);
    }
    // the last screen is drawn and checked for a crash even when no step read it
    await this.paint();
    this.checkAlive();
  }

  /** Draws the newest frame (the in-process kiosk draws only when asked); a drawing error is the app's crash. */
  /** Draws the waiting frame into the output (the cast) without parsing it; `paint()` before reading the screen. */
  draw(): void {
    if (this.harness.running) this.harness.draw?.();
  }

  async paint(): Promise<void> {
    if (this.harness.running) await this.harness.paint?.();
  }

  /**
   * Runs tape commands written as text, e.g. `exec('Insert 5000')` or several lines at once; the
   * first `Launch` is implied when the kiosk is not running yet.
   */
  async exec(text: string): Promise<void> {
    const hasLaunch = /^\s*Launch\s*(#.*)?$/m.test(text);
    // variables remembered by earlier calls are known to this text's lines
    const parsed = parseTape(hasLaunch ? text : `Launch\n${text}`, this.tape.file, { variables: this.variables.keys() });
    // the implied Launch is line 1, so the written lines are one further down
    const steps = hasLaunch ? parsed.steps : parsed.steps.map((s) => ({ ...s, line: s.line - 1 }));
    for (const step of hasLaunch || !this.harness.running ? steps : steps.slice(1)) await this.run(step);
    await this.paint(); // so that `screen()` shows where the text left the kiosk
  }

  /** The screen now, one string per row (empty when the kiosk is not running). */
  screen(): string[] {
    return this.harness.running ? this.harness.lines() : [];
  }

  statePath(): string | null {
    // the desk that has the keys, else the terminal
    return this.harness.running ? (this.harness.deskView?.() ?? this.harness.view()).statePath : null;
  }

  get cast(): CastEvent[] {
    return this.harness.cast;
  }

  /** Simulated time since Launch, in milliseconds. */
  get elapsedMs(): number {
    return this.clock.now() - this.settings.clockMs;
  }

  async dispose(): Promise<void> {
    try {
      await this.harness.dispose();
      this.store.close();
    } finally {
      if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
    }
  }

  /** the rules given, in the tape's skin (`Set Skin`, R-TERM-4) unless it names none */
  get rules(): KioskRules {
    return tapeRules(this.options.rules ?? DEFAULT_RULES, this.tape, this.settings);
  }

  now(): number {
    return this.clock.now();
  }

  recordQuit(line: number): void {
    this.quitLine = line;
  }

  get updateSnapshots(): SnapshotUpdate {
    return this.options.update ?? false;
  }

  get svgSnapshots(): boolean {
    return this.options.svg === true;
  }

  snapshotPath(name: string): string {
    return snapshotFile(this.tape.file, this.baseDir, name);
  }

  readSnapshot(path: string): string | null {
    return existsSync(path) ? readFileSync(path, 'utf8') : null;
  }

  /** Whole or not at all (temporary file, then rename): parallel runs never leave half a golden frame. */
  writeSnapshot(path: string, text: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, text);
    this.snapshotsWritten.push(path);
  }

  variable(name: string): string | undefined {
    return this.variables.get(name);
  }

  setVariable(name: string, value: string): void {
    this.variables.set(name, value);
  }

  /** Starts the kiosk again after a Crash, on the same data. */
  async restart(): Promise<void> {
    if (this.harness instanceof KioskHarness) await this.harness.launch(asyncStore(this.reopenStore()));
    else await this.harness.launch();
  }

  /** Reopens the durable store after a crash, as a restarted process would; memory stays as it is. */
  private reopenStore(): SyncKioskStore {
    if (this.settings.dataDir !== null && this.openStore) {
      this.store.close();
      this.store = this.openStore(this.settings.dataDir, { processingDelayMs: this.settings.processingDelayMs });
    }
    return this.store;
  }

  private checkAlive(): void {
    const error = this.harness.actorError;
    if (error) throw new StepFailure('crash', `the app crashed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
